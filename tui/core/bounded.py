"""Reading a file a user or another program may have put anywhere: bounded before it is parsed.

Two things make an ordinary read unsafe. A FIFO, device or folder named like a
notes file, pack or config blocks ``read_bytes`` (a FIFO waits for a writer
for ever) or reads without end; and TOML nested a few thousand levels deep
makes ``tomllib`` recurse until ``RecursionError``, a traceback instead of
"this file is broken". Every loader reads through ``read_regular`` and parses
through ``loads``, so one bad file is reported as broken and the rest load.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_DEPTH = 32
"""Arrays and tables inside each other. finale's own files use four; packs fewer."""

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class NotRegularFileError(OSError):
    """The path is not a regular file; ``strerror`` says what it is, in words."""


class TooDeepError(ValueError):
    """The text nests arrays or tables deeper than MAX_DEPTH."""


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file (a link to one is fine); NotRegularFileError otherwise.

    Opened non-blocking and checked on the open descriptor, so a FIFO is never
    waited on and a file swapped for one between a check and the read is still caught.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise NotRegularFileError(0, f"{kind}, not a regular file", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


# Strings and comments are skipped whole, so a "[" typed in an answer is not nesting.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"{3,5}|\'\'\'.*?\'{3,5}|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|([\[{])|([\]}])',
    re.DOTALL,
)


def bracket_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside strings and comments (table headers count one or two)."""
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        if match.group(1):
            depth += 1
            deepest = max(deepest, depth)
        elif match.group(2):
            depth = max(depth - 1, 0)
    return deepest


def document_depth(doc: Any) -> int:
    """How deep tables and arrays nest below the top level of a parsed document (dotted keys nest
    without brackets): ``a = [[1]]`` is 2, like its brackets."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads`` with the nesting checked before and after; TooDeepError for a deeper file.

    Raises tomllib.TOMLDecodeError for a syntax error, as tomllib does.
    """
    import tomllib

    too_deep = TooDeepError(f"arrays or tables are nested more than {MAX_DEPTH} levels deep")
    if bracket_depth(text) > MAX_DEPTH:
        raise too_deep
    try:
        doc = tomllib.loads(text)
    except RecursionError:  # the scan is a guard, not a parser: this is the backstop
        raise too_deep from None
    if document_depth(doc) > MAX_DEPTH:
        raise too_deep
    return doc

"""Change one setting in config.toml without losing the user's other keys, comments or layout."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import tomli_w

from tui.core.atomic import atomic_write, private_dir
from tui.core.bounded import loads, read_regular


def write_setting(path: Path, key: str, value: str) -> None:
    """Set the top-level string ``key`` to ``value``: its line is rewritten in place (a comment
    after it stays), or the key is added before the first table. Raises ValueError when the
    file does not parse, so a file the user is halfway through editing is never overwritten."""
    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        text = ""
    loads(text)  # raises ValueError (a syntax error, too deep) for a file we must not rewrite
    literal = tomli_w.dumps({key: value}).strip()
    value_pattern = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
    line_pattern = re.compile(rf"^(\s*){re.escape(key)}\s*=\s*(?:{value_pattern})(.*)$")
    lines = text.splitlines(keepends=True)
    first_table = len(lines)
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if body.lstrip().startswith("["):
            first_table = i
            break
        if match := line_pattern.match(body):
            lines[i] = match.group(1) + literal + match.group(2) + (line[len(body):] or "\n")
            break
    else:
        if lines and not lines[-1].endswith("\n") and first_table == len(lines):
            lines[-1] += "\n"
        lines.insert(first_table, literal + "\n")
    new = "".join(lines)
    if tomllib.loads(new).get(key) != value:  # the rewrite did not say what we meant: leave the file
        raise ValueError(f"could not set {key} in {path}")
    if not path.parent.exists():  # never chmod a folder the user already has (it may be $HOME)
        private_dir(path.parent)
    atomic_write(path, new.encode("utf-8"))

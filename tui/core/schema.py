"""Small validation helpers shared by the pack loader, the notes file and settings.

Errors name the key path (``questions[2].tips[0]``) and what was expected, so
a person editing TOML by hand can find the spot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, NamedTuple

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "an array",
    dict: "a table",
    datetime: "a date-time",
    date: "a date",
    time: "a time",
}


def type_name(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


class Problem(NamedTuple):
    """One thing wrong with a file, at a key path (empty for the whole file)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # only when something is wrong: not on every start

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def check_keys(
    table: dict[str, Any],
    path: str,
    required: Iterable[str],
    optional: Iterable[str],
    problems: list[Problem],
) -> None:
    required = list(required)
    allowed = set(required) | set(optional)
    for key in required:
        if key not in table:
            problems.append(Problem(path, f'missing "{key}"'))
    for key in table:
        if key not in allowed:
            problems.append(
                Problem(path, f'unknown key "{key}"{did_you_mean(key, sorted(allowed))}')
            )


def expect(
    table: dict[str, Any], key: str, kind: type, path: str, problems: list[Problem]
) -> bool:
    """True when ``table[key]`` is absent or of ``kind``; records a problem otherwise."""
    if key not in table:
        return True
    value = table[key]
    # bool is an int in Python but never in TOML; keep them apart.
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        problems.append(
            Problem(join(path, key), f"expected {_TYPE_NAMES.get(kind, kind.__name__)}, got {type_name(value)}")
        )
    return ok


def expect_str_list(
    table: dict[str, Any], key: str, path: str, problems: list[Problem]
) -> bool:
    if not expect(table, key, list, path, problems):
        return False
    ok = True
    for i, item in enumerate(table.get(key, [])):
        if not isinstance(item, str):
            problems.append(Problem(join(join(path, key), i), f"expected a string, got {type_name(item)}"))
            ok = False
    return ok


_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def syntax_position(message: str) -> tuple[int | None, int | None, str]:
    """Split tomllib's message into (line, column, reason).

    On Python 3.11 TOMLDecodeError has no lineno/colno; the position is only
    in the text.
    """
    match = _POSITION.search(message)
    if not match:
        return None, None, message
    reason = (message[: match.start()] + message[match.end():]).strip()
    if match.group(1):
        return int(match.group(1)), int(match.group(2)), reason
    return None, None, reason + " (at the end of the file)"

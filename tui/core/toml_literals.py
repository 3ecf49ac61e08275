"""Long strings as TOML multi-line literal strings: the fast way to write and read a pasted log."""

from __future__ import annotations

import re
from typing import Any

# Strings this long are written as multi-line literal strings (''' ... ''') when
# they can be: tomli-w escapes and tomllib parses basic strings a character at a
# time in Python (2 to 3 s each way for a 5 MB pasted log), while a literal
# string is copied and found whole. Shorter ones keep tomli-w's usual form.
LITERAL_FROM = 20_000
_NOT_LITERAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]|'''")


def _literal_ok(text: str) -> bool:
    return not text.endswith("'") and _NOT_LITERAL.search(text) is None


def lift_long_strings(value: Any, lifted: dict[str, str], tag: str) -> Any:
    """``value`` with each long string that can be a literal replaced by a placeholder key of ``lifted``."""
    if isinstance(value, str):
        if len(value) >= LITERAL_FROM and _literal_ok(value):
            token = f"{tag}-{len(lifted)}"
            lifted[token] = value
            return token
        return value
    if isinstance(value, dict):
        return {k: lift_long_strings(v, lifted, tag) for k, v in value.items()}
    if isinstance(value, list):
        return [lift_long_strings(v, lifted, tag) for v in value]
    return value

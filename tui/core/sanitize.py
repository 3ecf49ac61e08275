"""Untrusted text made safe to show on a terminal.

Notes files are synced and edited by hand, packs come from other people: their
text may hold ESC, OSC or CSI sequences that retitle the terminal, write the
clipboard (OSC 52) or move the cursor. Everything finale shows from a file goes
through ``for_terminal`` first, which keeps the text readable but makes every
control character visible (``^[`` for ESC, ``^G`` for BEL) instead of emitting
it. Files written by finale (TOML, Markdown export) keep the text exact: they
are not the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any, TextIO

# C0 controls except tab and newline, DEL, the C1 controls (U+0080-U+009F: CSI is
# U+009B, OSC U+009D, ST U+009C in 8-bit terminals), and the line and paragraph
# separators some terminals and pagers treat as newlines.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@cache
def _unsafe_one_line() -> re.Pattern[str]:
    # Compiled on first use: each of these classes costs ~2 M instructions, and
    # a printing command that never shows a one-line cell should not pay for it.
    return re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# Bidi overrides and isolates can make text read backwards (Trojan Source): shown,
# but as the replacement character so the line reads in the order it is stored.
# Lone surrogates, which no terminal can print, go the same way.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _caret(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return "\ufffd"


def for_terminal(text: str, one_line: bool = False) -> str:
    """``text`` with every control character shown as ``^X`` (C0, DEL) or U+FFFD (C1, bidi).

    Tabs and newlines are kept, unless ``one_line``, where they too are shown
    (a name, a title, a table cell). A lone surrogate, which no terminal can
    print, becomes U+FFFD.
    """
    if not isinstance(text, str):
        text = str(text)
    if not one_line:
        text = text.replace("\r\n", "\n")  # a Windows line end is harmless; a lone CR could overprint
    pattern = _unsafe_one_line() if one_line else _UNSAFE
    text = pattern.sub(_caret, text)
    return _BIDI.sub("\ufffd", text)


def has_control(text: str) -> bool:
    """True when ``text`` holds a character ``for_terminal`` would change (newline and tab allowed)."""
    return bool(_UNSAFE.search(text) or _BIDI.search(text))


# C1 controls and line separators are legal raw in JSON strings but not on a
# terminal; as \u escapes the JSON still decodes to exactly the same data.


@cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_for_terminal(text: str) -> str:
    """JSON text (from ``json.dumps``, which escapes C0 itself) with the other controls \\u-escaped."""
    return _json_unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """A text stream that passes everything written through ``for_terminal``.

    The CLI swaps it in for stdout and stderr, so no print of file or pack
    text can reach the terminal raw. ``raw`` is the stream underneath, for
    output that must stay exact (JSON already escaped, Rich's own colours,
    an export piped to a file).
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(for_terminal(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters (CJK, most emoji) two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

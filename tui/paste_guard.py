"""Control characters inside a bracketed paste, taken out before Textual's key parser sees them.

Textual 8.2.8's parser ends the paste buffer at every ESC: the bytes after an ESC
in pasted text are parsed as a key sequence and delivered as keys after the
paste, so ``one<ESC>two`` arrived as ``onetwo`` typed in another order, or as
alt-keys; and it removes NUL bytes without a word. Neither can be shown in the
editor (a control character is zero cells wide), so what was stored would not
be what the user sees. Between the paste's start and end markers this guard
removes every control character but tab, newline and carriage return, keeps
everything else in order, and counts what it removed so the app can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

START, END = "\x1b[200~", "\x1b[201~"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NAMES = {"\x1b": "ESC", "\x00": "NUL", "\x7f": "DEL"}


def describe(removed: str) -> str:
    """What to tell the user: "Left out 2 control characters (ESC, NUL) from the pasted text..."."""
    names = list(dict.fromkeys(_NAMES.get(c, f"U+{ord(c):04X}") for c in removed))
    count = len(removed)
    return (f"Left out {count} control character{'s' if count != 1 else ''} ({', '.join(names[:4])}) from the "
            "pasted text: they cannot be shown. The rest was pasted in order.")


class PasteGuard:
    """Feed it decoded terminal input, read by read; it returns the same input with pastes cleaned.

    A marker split across two reads is handled: inside a paste, a tail that may
    begin the end marker waits for the next read (a paste always ends with it).
    """

    def __init__(self, removed: Callable[[str], None]) -> None:
        self._removed = removed
        self._pasting = False
        self._held = ""
        self._tail = ""  # the last characters passed on outside a paste: a start marker may span two reads

    def feed(self, text: str) -> str:
        buffer, self._held = self._held + text, ""
        out: list[str] = []
        taken = ""
        while buffer:
            if not self._pasting:
                # Nothing is held back here (a lone ESC is the escape key): the parser joins a
                # split marker itself, so finding it across the two reads is enough.
                seen = self._tail + buffer
                at = seen.find(START)
                if at < 0:
                    out.append(buffer)
                    self._tail = seen[-(len(START) - 1):]
                    break
                end = at + len(START) - len(self._tail)
                out.append(buffer[:end])
                buffer, self._pasting, self._tail = buffer[end:], True, ""
                continue
            at = buffer.find(END)
            if at < 0:
                keep = _partial_end(buffer)
                body, self._held = buffer[: len(buffer) - keep], buffer[len(buffer) - keep:]
                taken += "".join(_CONTROLS.findall(body))
                out.append(_CONTROLS.sub("", body))
                break
            body = buffer[:at]
            taken += "".join(_CONTROLS.findall(body))
            out += [_CONTROLS.sub("", body), END]
            buffer, self._pasting = buffer[at + len(END):], False
        if taken:
            self._removed(taken)
        return "".join(out)


def _partial_end(text: str) -> int:
    """How many characters at the end of ``text`` could be the start of the end marker."""
    for size in range(min(len(END) - 1, len(text)), 0, -1):
        if END.startswith(text[-size:]):
            return size
    return 0

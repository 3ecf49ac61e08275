"""Leaving at once after a signal, once the notes are saved, whatever state the terminal is in."""

from __future__ import annotations

import fcntl
import os
import sys
import termios
from typing import Any

# What Textual's driver turns on, turned off: mouse modes, bracketed paste,
# focus events, the kitty keyboard protocol, the alternate screen; cursor shown.
RESET = ("\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?2004l\x1b[?1004l"
         "\x1b[?7h\x1b[<u\x1b[?1049l\x1b[?25h")


def _write_without_waiting(fd: int, data: bytes) -> None:
    """One write that gives up rather than blocks: a terminal nobody reads can fill its buffer."""
    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        os.write(fd, data)
    except OSError:
        pass


def leave_now(driver: Any, code: int, restore: bool, lines: list[str]) -> None:
    """End the process with ``code`` without Textual's shutdown, which writes to the terminal and can hang.

    With ``restore`` (SIGTERM, SIGINT: the terminal may still be there) the
    terminal modes are put back and ``lines`` printed, each in a write that
    cannot block; after SIGHUP there is nobody to tell, so nothing is written.
    """
    if restore:
        attrs = getattr(driver, "attrs_before", None)
        fileno = getattr(driver, "fileno", None)
        if attrs is not None and isinstance(fileno, int):
            try:
                termios.tcsetattr(fileno, termios.TCSANOW, attrs)
            except (termios.error, OSError):
                pass
        out = sys.__stderr__
        if out is not None:
            text = RESET + "".join(f"{line}\n" for line in lines)
            _write_without_waiting(out.fileno(), text.encode("utf-8", "replace"))
    os._exit(code)

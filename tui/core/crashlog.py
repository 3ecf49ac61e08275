"""The whole story of a crash goes to a private file; the terminal gets a few plain lines.

A traceback printed over the shell prompt (a hundred lines, colour codes shown as
text over some links) tells the user nothing they can act on, and can show their
notes to whoever looks at the screen. The file is theirs alone (0600, in a 0700
folder) to read or send.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from tui.core.paths import state_dir

MAX_LINE = 160
"""The error's one line on the terminal: a message can be as long as the text it quotes."""


def write_crash_log(folder: Path, text: str, now: datetime) -> Path:
    """Write ``text`` to a new ``crash-<time>.log`` in ``folder``, readable by the user only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = f"crash-{now:%Y%m%d-%H%M%S}"
    for n in range(100):
        path = folder / (f"{stem}.log" if n == 0 else f"{stem}-{n}.log")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:
            out.write(text)
        return path
    raise FileExistsError(folder / f"{stem}.log")


def log_crash(error: BaseException, now: datetime) -> Path | None:
    """The traceback of ``error`` in a new log in the state folder; None if it cannot be written."""
    try:
        return write_crash_log(state_dir(), "".join(traceback.format_exception(error)), now)
    except OSError:
        return None  # the lines on the terminal still say what happened


def crash_line(error: BaseException) -> str:
    """What happened, in one plain line."""
    message = " ".join(str(error).split())
    line = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"

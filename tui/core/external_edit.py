"""Editing an answer in ``$VISUAL``/``$EDITOR``: a private temp file out and back, never left behind."""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from tui.core.atomic import private_dir


class EditResult(NamedTuple):
    text: str | None  # the new answer, or None when it is unchanged or was not taken
    notice: str = ""
    severity: str = "information"
    status: int = 0
    """The editor's exit status. Non-zero with ``text`` set: it saved, then failed; the user decides."""


def decode_edited(data: bytes) -> tuple[str, str]:
    """The editor's file as text, and a notice when it was not UTF-8.

    An editor set to Latin-1 (or a Windows code page) writes ``é`` as one
    byte that is not UTF-8. Every byte sequence is valid Latin-1, so the text
    is read that way and the user is told to check the accented letters,
    rather than refusing the file and losing the edit.
    """
    try:
        return data.decode("utf-8", errors="surrogatepass"), ""
    except UnicodeDecodeError as error:
        return data.decode("latin-1"), (
            f"The editor saved text that is not UTF-8 (first odd byte at offset {error.start}); it was read as "
            "Latin-1. Check any accented letters, and set your editor to UTF-8."
        )


def edit_externally(editor: str, folder: Path, prefix: str, text: str,
                    run: Callable[[list[str]], int]) -> EditResult:
    """Write ``text`` to a temp file in ``folder``, run ``editor`` on it, read it back, remove it.

    ``run`` hands the terminal over and returns the exit status; it may raise
    (no terminal, no such editor), and the temp file is removed whatever happens.
    A changed file is taken whatever the exit status; ``status`` says when it was not 0.
    Bytes are written and read as they are, so CRLF and every other character
    round-trip unchanged.
    """
    private_dir(folder)
    fd, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8", errors="surrogatepass"))
        try:
            status = run([*shlex.split(editor), str(path)])
        except Exception as error:  # noqa: BLE001 - no terminal to hand over (tests, textual-serve), no such editor
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            return EditResult(None, f"Could not start {editor}: {reason}. Set $VISUAL or $EDITOR to an editor "
                                    "you have; the answer was not changed.", "error")
        try:
            new_text, notice = decode_edited(path.read_bytes())
        except OSError as error:
            return EditResult(None, f"Could not read what {editor} saved: {error.strerror}; the answer was not changed.",
                              "error")
        if new_text == text:
            if status != 0:
                return EditResult(None, f"{editor} exited with status {status}; the answer was not changed.",
                                  "warning", status)
            return EditResult(None, notice, "warning" if notice else "information")
        # Some editors exit non-zero after a save (a warning, a plugin error): the words are still the user's.
        return EditResult(new_text, notice, "warning" if notice else "information", status)
    finally:
        path.unlink(missing_ok=True)

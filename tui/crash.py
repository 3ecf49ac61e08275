"""A crash leaves calmly: the traceback goes to a private log, not over the shell prompt.

Textual prints a hundred-line traceback, colour codes, locals (the user's notes among
them) and all, when an unhandled error ends the app. finale saves first (FinaleApp),
writes the traceback to ``crash-<time>.log`` (tui/core/crashlog.py), and launch()
prints a few plain lines once the terminal is back.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from tui.textual_private import close_without_traceback


class CalmCrashApp(App):
    crash = ""
    """What ended the app, in one line (type and message), if an unhandled error did."""
    crash_log: Path | None = None
    """The private file holding that error's whole traceback, once written."""
    crash_unsaved = False
    """Whether some words were on no disk when the error ended the app."""

    def _fatal_error(self) -> None:
        close_without_traceback(self)  # the traceback is in the crash log; launch() says where

"""Hand an answer to the user's own editor ($VISUAL, $EDITOR) and take back what it saved."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from textual.app import App

from tui.core.external_edit import edit_externally as edit_file


def edit_externally(app: App, folder: Path, prefix: str, text: str) -> str | None:
    """The text as the editor left it, or None when unchanged, or it could not run or failed (with a notice).

    The core does the file work (a private temp file, removed whatever happens;
    text that is not UTF-8 read as Latin-1 with a notice); this hands the terminal over.
    """
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"

    def run(argv: list[str]) -> int:
        with app.suspend():
            return subprocess.run(argv).returncode

    result = edit_file(editor, folder, prefix, text, run)
    if result.notice:
        app.notify(result.notice, severity=result.severity, timeout=15, markup=False)  # type: ignore[arg-type]
    return result.text

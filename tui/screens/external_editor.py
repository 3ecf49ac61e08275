"""Hand an answer to the user's own editor ($VISUAL, $EDITOR) and take back what it saved."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from textual.app import App

from tui.core.external_edit import EditResult
from tui.core.external_edit import edit_externally as edit_file


def edit_externally(app: App, folder: Path, prefix: str, text: str) -> EditResult:
    """What the editor left (``text`` None when unchanged or it could not run, with a notice shown).

    The core does the file work (a private temp file, removed whatever happens;
    text that is not UTF-8 read as Latin-1 with a notice); this hands the terminal over.
    """
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"

    def run(argv: list[str]) -> int:
        # The failure is raised after the with block: raised inside it, it skipped Textual's
        # resume (suspend has no finally), and the app never took the terminal back.
        failure: Exception | None = None
        with app.suspend():
            try:
                return subprocess.run(argv).returncode
            except (OSError, subprocess.SubprocessError) as error:
                failure = error
        assert failure is not None
        raise failure

    result = edit_file(editor, folder, prefix, text, run)
    if result.notice:
        notice = result.notice.splitlines()[0] if result.severity == "error" else result.notice
        app.notify(notice, severity=result.severity, timeout=15, markup=False)  # type: ignore[arg-type]
    return result

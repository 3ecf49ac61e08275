"""Hand an answer to the user's own editor ($VISUAL, $EDITOR) and take back what it saved."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import App


def edit_externally(app: App, folder: Path, prefix: str, text: str) -> str | None:
    """The text as the editor left it, or None (and a notice) when it could not run or failed.

    The text goes through a private temp file in ``folder`` (0700), removed afterwards
    whatever happens, so no answer is left lying around in /tmp.
    """
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    fd, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            with app.suspend():
                result = subprocess.run([*shlex.split(editor), str(path)])
        except Exception as error:  # no terminal to hand over (tests, textual-serve) or no such editor
            app.notify(f"Could not open {editor}: {error}", severity="error")
            return None
        if result.returncode != 0:
            app.notify(f"{editor} exited with status {result.returncode}; the answer was not changed.",
                       severity="warning")
            return None
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)

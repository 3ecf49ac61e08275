"""What an open company's saving is doing, as a value the UI can show and tests can compare."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import NamedTuple


class SaveState(Enum):
    SAVED = "saved"
    """Everything typed is in the notes file."""
    UNSAVED = "unsaved"
    """Edits wait for the next save (a second after typing stops, or a switch)."""
    FAILED = "failed"
    """The last save raised (disk full, read-only, text TOML cannot hold); the text is still in memory."""
    CONFLICT = "conflict"
    """The file changed on disk; our version went to ``copy`` and the disk version was loaded."""
    HELD = "held"
    """A conflict waits for the user: what is typed goes to ``copy``, a recovery file, not the notes file."""
    BLOCKED = "blocked"
    """The file on disk does not parse: nothing is written to it until it does."""


class SaveStatus(NamedTuple):
    state: SaveState
    reason: str = ""
    """Why a save failed, what conflicted, or why the file is blocked."""
    at: datetime | None = None
    """When the last save finished (SAVED)."""
    copy: Path | None = None
    """Where our version went instead of the notes file (a conflict or recovery copy)."""

    @property
    def text(self) -> str:
        """The words for the status line under the editor."""
        if self.state is SaveState.SAVED:
            return f"saved {self.at:%H:%M}" if self.at else "saved"
        if self.state is SaveState.UNSAVED:
            return "unsaved"
        if self.state is SaveState.FAILED:
            return f"not saved: {self.reason}"
        if self.state is SaveState.CONFLICT:
            return f"yours kept as {self.copy.name}" if self.copy else "changed on disk"
        if self.state is SaveState.HELD:
            return "held for Y/T/B"
        where = re.match(r"line \d+", self.reason)
        return f"not saved: file broken at {where.group()}" if where else "not saved: file broken"

    @property
    def short(self) -> str:
        """``text`` in a few words, whole, for a status line too narrow for the reason or the file name."""
        if self.state is SaveState.FAILED:
            return "not saved"
        if self.state is SaveState.CONFLICT:
            return "yours kept aside" if self.copy else "changed on disk"
        if self.state is SaveState.BLOCKED:
            return "not saved: file broken"
        return self.text

    @property
    def problem(self) -> bool:
        """Whether the user should look: the status line shows it as an error."""
        return self.state in (SaveState.FAILED, SaveState.BLOCKED)


SAVED = SaveStatus(SaveState.SAVED)
UNSAVED = SaveStatus(SaveState.UNSAVED)

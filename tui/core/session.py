"""An open company: the notes in memory, what is saved, and saving from any thread."""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass

from tui.core.notes import Company
from tui.core.store import ConflictError, Loaded, NotesStore


@dataclass
class SaveOutcome:
    saved: bool
    conflict: ConflictError | None = None


class CompanySession:
    """Owns one company's notes while it is open.

    The UI thread edits ``company`` and calls ``touch``; saves run on worker
    threads from a ``snapshot``. A lock keeps saves in order, and a snapshot
    older than one already saved is skipped, so a slow save can never put
    back older text.
    """

    def __init__(self, store: NotesStore, loaded: Loaded):
        self.store = store
        self.slug = loaded.slug
        self.company = loaded.company
        self.digest = loaded.digest
        self.edits = 0
        self.saved_edits = 0
        self._lock = threading.Lock()

    @property
    def dirty(self) -> bool:
        return self.edits > self.saved_edits

    def touch(self) -> None:
        self.edits += 1

    def snapshot(self) -> tuple[int, Company]:
        return self.edits, copy.deepcopy(self.company)

    def save(self, edits: int, company: Company) -> SaveOutcome:
        """Write a snapshot. Raises OSError or SerializeError; returns a conflict instead of raising it."""
        with self._lock:
            if edits < self.saved_edits:
                return SaveOutcome(False)
            try:
                self.digest = self.store.save(self.slug, company, self.digest)
            except ConflictError as conflict:
                return SaveOutcome(False, conflict)
            self.saved_edits = max(self.saved_edits, edits)
            return SaveOutcome(True)

    def save_now(self) -> SaveOutcome:
        """Save on the calling thread: for quitting and for a dropped terminal."""
        edits, company = self.snapshot()
        return self.save(edits, company)

    def changed_on_disk(self) -> bool:
        return self.store.disk_digest(self.slug) != self.digest

    def reload(self) -> None:
        """Take the file on disk as it is now (after a conflict, or an edit elsewhere)."""
        loaded = self.store.load(self.slug)
        with self._lock:
            self.company = loaded.company
            self.digest = loaded.digest
            self.saved_edits = self.edits

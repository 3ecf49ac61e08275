"""What an edit to an open company is, as the session announces it to every subscriber.

Records in the core are NamedTuples (immutable) or ``tui.core.record.Record`` (mutable):
benchmarks/README.md, "One record idiom", has the measurements behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from tui.core.notes import Company


class Edit(Enum):
    """How soon an edit should reach the disk; the UI's saver picks the delay."""

    TYPING = "typing"
    """Keys in an answer: save a moment after typing stops."""
    CHOICE = "choice"
    """A tick, a note, a reorder: save soon."""
    STRUCTURE = "structure"
    """A question added or removed, the details: save at once, in the background."""
    RECORD = "record"
    """A rated rehearsal: save now, before anything else happens."""


class Part(Enum):
    """What part of the notes a change touched: what a screen must draw again."""

    ANSWER = "answer"
    RESEARCH = "research"
    ASKS = "asks"
    QUESTIONS = "questions"
    """Questions of the user's own: added, removed, marked for the mock, orphans settled."""
    DETAILS = "details"
    REHEARSALS = "rehearsals"
    REPLACED = "replaced"
    """All of it: the notes were taken from the disk, or a resolved conflict replaced them."""
    CONFLICT = "conflict"
    """All of it: the disk version was loaded and ours set aside in a conflict copy."""


class Change(NamedTuple):
    """One change to an open company's notes, as every subscriber hears of it."""

    part: Part
    edit: Edit | None = None
    """How soon to save it; None when there is nothing to save (the notes came from the disk)."""
    question_id: str = ""
    """The question it concerns, when there is one (a new question: the one to select)."""


Listener = Callable[[Change], None]


class Snapshot(NamedTuple):
    edits: int
    company: Company
    merges: int = 0
    """How many merges with another window's save the notes had taken when the snapshot was made."""

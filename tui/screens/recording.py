"""Saving rated rehearsals: the one place the rehearse and mock-close screens write to the notes."""

from __future__ import annotations

from textual.screen import Screen

from tui.core.notes import Rehearsal
from tui.core.session import CompanySession


def record(screen: Screen, session: CompanySession, rows: list[Rehearsal]) -> None:
    """Append rated rehearsals; the session keeps the words rehearsed and has them saved at once."""
    session.record_rehearsal(*rows)  # an Edit.RECORD: a rating must not wait for a timer

"""Saving rated rehearsals: the one place the rehearse and mock-close screens write to the notes."""

from __future__ import annotations

from textual.screen import Screen

from tui.core.notes import Rehearsal
from tui.core.schedule import mark_rehearsed
from tui.core.session import CompanySession


def record(screen: Screen, session: CompanySession, rows: list[Rehearsal]) -> None:
    """Append rated rehearsals and save at once: a rating must not wait for a timer."""
    for row in rows:
        session.company.rehearsals.append(row)
        # The words just rehearsed, so a later edit of a word or two does not make the answer due.
        mark_rehearsed(session.company, row.question)
    session.touch()
    screen.app.save_session_now(session)

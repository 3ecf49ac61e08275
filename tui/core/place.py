"""Where the user was in a company, so coming back to it lands there."""

from __future__ import annotations

from typing import Literal

from tui.core.record import Record

Side = Literal["answer", "tips", "checklist"]


class Place(Record):
    """Where the user was in one company, kept for the session: back to it, back there."""

    _fields = ("question_id", "side", "cursors")

    def __init__(self, question_id: str = "", side: Side = "answer",
                 cursors: dict[str, tuple[int, int]] | None = None) -> None:
        self.question_id = question_id
        self.side: Side = side
        self.cursors: dict[str, tuple[int, int]] = {} if cursors is None else cursors

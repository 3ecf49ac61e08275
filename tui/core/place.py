"""Where the user was in a company, so coming back to it lands there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class Place:
    """Where the user was in one company, kept for the session: back to it, back there."""

    question_id: str = ""
    side: Literal["answer", "tips", "checklist"] = "answer"
    cursors: dict[str, tuple[int, int]] = field(default_factory=dict)

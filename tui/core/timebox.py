"""Fit a rehearsal to the minutes you have: the weakest questions that fit, and what was left out.

A question costs the top of its target band: an answer that runs past it
is one to wrap up, and a box that plans for the top is one you finish.
In the last hour before the interview the box defaults to the time left
minus a margin, so a rehearsal never runs into the call.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from tui.core.notes import Company
from tui.core.packs import Question
from tui.core.record import Record
from tui.core.schedule import DEFAULT_QUIET, QuietHours, weakest_first
from tui.core.timefmt import mmss

LAST_HOUR = timedelta(hours=1)
# Time to breathe, join the call and find the link: not spent rehearsing.
MARGIN = timedelta(minutes=5)


def cost(question: Question) -> int:
    """Seconds a question takes in a box: the top of its band."""
    return question.target_seconds[1]


class Box(Record):
    """A time-boxed queue: ``seconds`` None means no box (every due question)."""

    _fields = ("queue", "left_out", "seconds", "planned", "overrun")

    def __init__(self, queue: list[str], left_out: list[str] | None = None, seconds: int | None = None,
                 planned: int = 0) -> None:
        self.queue = queue
        self.left_out: list[str] = [] if left_out is None else left_out
        self.seconds = seconds
        self.planned = planned
        """Seconds the queue costs."""
        self.overrun: Overrun | None = None
        """Set when the minutes asked for would have run into the interview, and the box was cut to what fits."""

    def fits_again(self, question: Question, spent: int, pending: int) -> bool:
        """Whether a question rated "again" still fits: seconds spent so far plus the queue left."""
        if self.seconds is None:
            return True
        return spent + pending + cost(question) <= self.seconds


def default_minutes(interview_at: datetime | None, now: datetime) -> float | None:
    """The box in the last hour: time left minus the margin (never below zero); None before it."""
    if interview_at is None or interview_at <= now or interview_at - now > LAST_HOUR:
        return None
    return max(0.0, (interview_at - now - MARGIN).total_seconds() / 60)


class Overrun(NamedTuple):
    """A session that would still be running when the user should be getting ready for the call."""

    wanted: float
    """Minutes the session takes."""
    room: float
    """Minutes from now to the interview less the margin (never below zero)."""
    interview_at: datetime

    @property
    def fits(self) -> bool:
        """Whether anything fits at all: less than a minute is no time to rehearse in."""
        return self.room >= 1

    def text(self, what: str) -> str:
        """What to tell the user, e.g. "A 10:00 session would run past ...: 3:30 is left."."""
        margin = int(MARGIN.total_seconds() // 60)
        left = f"{mmss(self.room * 60)} min is left" if self.fits else "there is no time left"
        return (f"{what} ({mmss(self.wanted * 60)} min) would run past your interview at "
                f"{self.interview_at:%H:%M} less {margin} min to get ready: {left}.")


def overrun(interview_at: datetime | None, now: datetime, minutes: float) -> Overrun | None:
    """When ``minutes`` from ``now`` ends after the interview less the margin; None when it fits or no call is ahead."""
    if interview_at is None or interview_at <= now:
        return None
    room = max(0.0, (interview_at - MARGIN - now).total_seconds() / 60)
    if minutes <= room:
        return None
    return Overrun(minutes, room, interview_at)


def mock_minutes(questions: list[Question]) -> float:
    """How long a mock close of these questions takes, at the top of each band."""
    return sum(cost(q) for q in questions) / 60


def fit(company: Company, questions: list[Question], now: datetime, minutes: float | None,
        quiet: QuietHours = DEFAULT_QUIET) -> Box:
    """The due questions, weakest and most overdue first, that fit ``minutes``; None fits all."""
    by_id = {q.id: q for q in questions}
    order = weakest_first(company, list(by_id), now, quiet=quiet)
    if minutes is None:
        return Box(order, [], None, sum(cost(by_id[q]) for q in order))
    budget = int(minutes * 60)
    queue: list[str] = []
    left_out: list[str] = []
    used = 0
    for qid in order:
        # Skip and keep looking: a shorter question further down may still fit.
        if used + cost(by_id[qid]) <= budget:
            queue.append(qid)
            used += cost(by_id[qid])
        else:
            left_out.append(qid)
    return Box(queue, left_out, budget, used)

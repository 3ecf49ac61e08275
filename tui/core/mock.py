"""The mock close: the closing questions end to end, as an interviewer runs them.

One clock for the whole close and a split per question; for the last
question, the candidate's chosen questions are asked aloud one at a time.
Then one review of the run: each split against its band, the draft's
talking points to check against what was said, one rating per question,
saved as rehearsals with mode "mock".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.core.notes import Company, Rehearsal
from tui.core.packs import Catalog, Question
from tui.core.progress import chosen_texts, questions_for
from tui.core.record import Record
from tui.core.rounds import with_whom
from tui.core.speech import band, talking_points

MOCK_MARK = "mock"
"""A custom question with ``mock = true`` in the notes file joins the mock close."""


def marked(company: Company, question_id: str) -> bool:
    return any(c.id == question_id and c.extra.get(MOCK_MARK) is True for c in company.custom_questions)


def toggle_mark(company: Company, question_id: str) -> str:
    """Mark or unmark one of the user's own questions for the mock; what happened, to tell them."""
    for custom in company.custom_questions:
        if custom.id == question_id:
            if custom.extra.get(MOCK_MARK) is True:
                custom.extra.pop(MOCK_MARK)
                return f"“{custom.prompt}” left the mock close."
            custom.extra[MOCK_MARK] = True
            return f"“{custom.prompt}” joins the mock close, before your questions for them."
    return "Only questions you added can be marked for the mock: the pack's are always in it."


def run_order(catalog: Catalog, company: Company) -> list[Question]:
    """Interview order: the pack's questions, your marked ones, then "any questions for us?" last."""
    every = questions_for(catalog, company)
    asks = [q for q in every if q.asks]
    pack = [q for q in every if not q.custom and not q.asks]
    mine = [q for q in every if q.custom and marked(company, q.id)]
    return pack + mine + asks


def draft_points(company: Company, question: Question) -> list[str]:
    """What to check yourself against: the talking points, or for the last question the chosen asks."""
    if question.asks:
        return chosen_texts(company.asks)
    return talking_points(company.answer_text(question.id))


class MockRun(Record):
    """One mock close. Times are seconds on a monotonic clock, passed in so tests pin them."""

    _fields = ("questions", "asks", "started_at", "index", "ask", "starts", "ends", "ratings")

    def __init__(self, questions: list[Question], asks: list[str]) -> None:
        self.questions = questions
        self.asks = asks
        self.started_at: datetime | None = None
        self.index = 0
        self.ask = -1
        """-1 while the interviewer's line shows; then which chosen question is being asked."""
        self.starts: list[float] = []
        self.ends: list[float] = []
        self.ratings: dict[int, int] = {}

    @classmethod
    def of(cls, catalog: Catalog, company: Company) -> MockRun:
        return cls(run_order(catalog, company), with_whom(company.asks))

    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def finished(self) -> bool:
        return len(self.ends) == len(self.questions)

    def start(self, at: datetime, t: float) -> None:
        self.started_at = at.replace(microsecond=0)
        self.starts = [t]

    def advance(self, t: float) -> None:
        """space: the next ask on the last question, else the next question; the split is taken."""
        if self.finished:
            return
        if self.question.asks and self.ask + 1 < len(self.asks):
            self.ask += 1
            return
        self.ends.append(t)
        if not self.finished:
            self.index += 1
            self.ask = -1
            self.starts.append(t)

    def split(self, i: int) -> int:
        return int(round(self.ends[i] - self.starts[i]))

    def offset(self, i: int) -> int:
        return int(round(self.starts[i] - self.starts[0]))

    @property
    def total(self) -> int:
        return int(round(self.ends[-1] - self.starts[0])) if self.finished else 0

    def where(self, i: int) -> str:
        return band(self.split(i), self.questions[i].target_seconds)

    @property
    def next_to_rate(self) -> int | None:
        return next((i for i in range(len(self.questions)) if i not in self.ratings), None)

    def rate(self, rating: int) -> Rehearsal | None:
        """Rate the next unrated question; the row to save."""
        i = self.next_to_rate
        if i is None or self.started_at is None or not self.finished:
            return None
        self.ratings[i] = rating
        return Rehearsal(
            question=self.questions[i].id,
            at=self.started_at + timedelta(seconds=self.offset(i)),
            seconds=self.split(i),
            rating=rating,
            mode="mock",
            # The split's place in the close: rows of one run share mock_started.
            extra={"mock_started": self.started_at, "offset": self.offset(i)},
        )

"""When each answer is due for rehearsal, squeezed to fit the days before the interview.

A small spaced-repetition scheme, chosen over SM-2 or FSRS because those plan
for months and we have days. Each rating sets a base interval; consecutive
good or easy ratings double it. Then the interview date bends it:

- no interval runs past half the time left before the interview, so with
  three days left a question comes back at least once a day and a half;
- every question is due again once the last 24 hours begin, unless it was
  rehearsed inside them already;
- "again" is due at once, so it comes back in the same session;
- an answer edited since its last rehearsal is due at once: the words changed.

With no interview date, or after it, the plain intervals apply. The clock is
always passed in, so tests pin every rule to the minute.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.checks import distinctive_words
from tui.core.notes import Company, Rehearsal
from tui.core.packs import Catalog
from tui.core.progress import questions_for

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
BASE_INTERVAL = {1: timedelta(0), 2: timedelta(hours=6), 3: timedelta(days=1), 4: timedelta(days=3)}
MAX_INTERVAL = timedelta(days=30)
LAST_DAY = timedelta(hours=24)
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Status:
    """Where one question stands: its history and when it is next due."""

    question: str
    count: int
    last_rating: int | None
    due: datetime
    times: tuple[int, ...]

    def is_due(self, now: datetime) -> bool:
        return self.due <= now

    @property
    def last_label(self) -> str:
        return RATINGS.get(self.last_rating or 0, "")


def history(company: Company, question_id: str) -> list[Rehearsal]:
    return sorted((r for r in company.rehearsals if r.question == question_id), key=lambda r: r.at)


def interval(ratings: list[int]) -> timedelta:
    """The plain interval after these ratings, oldest first."""
    last = ratings[-1]
    base = BASE_INTERVAL.get(last, BASE_INTERVAL[3])
    streak = 0
    for rating in reversed(ratings):
        if rating < 3:
            break
        streak += 1
    return min(base * (2 ** max(0, streak - 1)), MAX_INTERVAL)


def due_at(company: Company, question_id: str) -> datetime | None:
    """When the question is next due; None means now (never rehearsed, or edited since)."""
    rows = history(company, question_id)
    if not rows:
        return None
    last = rows[-1]
    answer = company.answers.get(question_id)
    if answer is not None and answer.updated_at is not None and answer.updated_at > last.at:
        return None
    due = last.at + interval([r.rating for r in rows])
    interview = company.interview_at
    if interview is not None and last.at < interview:
        due = min(due, last.at + (interview - last.at) / 2)
        window = interview - LAST_DAY
        if last.at < window:
            due = min(due, window)
    return due


def status(company: Company, question_id: str, now: datetime) -> Status:
    rows = history(company, question_id)
    due = due_at(company, question_id)
    return Status(
        question=question_id,
        count=len(rows),
        last_rating=rows[-1].rating if rows else None,
        due=due if due is not None else now,
        times=tuple(r.seconds for r in rows[-8:]),
    )


def weakest_first(company: Company, question_ids: list[str], now: datetime, due_only: bool = True) -> list[str]:
    """Questions to rehearse: never rehearsed, then lowest last rating, then longest overdue."""
    order = {qid: i for i, qid in enumerate(question_ids)}
    statuses = [status(company, qid, now) for qid in question_ids]
    if due_only:
        statuses = [s for s in statuses if s.is_due(now)]
    statuses.sort(key=lambda s: (s.last_rating or 0, s.due, order[s.question]))
    return [s.question for s in statuses]


def sparkline(times: tuple[int, ...] | list[int]) -> str:
    if not times:
        return ""
    low, high = min(times), max(times)
    span = max(1, high - low)
    return "".join(SPARKS[round((t - low) / span * (len(SPARKS) - 1))] for t in times)


def due_text(due: datetime, now: datetime) -> str:
    """'due now', 'due in 5 h', 'due in 2 days'."""
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "due now"
    if seconds < 3600:
        return f"due in {max(1, round(seconds / 60))} min"
    if seconds < 86400:
        return f"due in {round(seconds / 3600)} h"
    days = round(seconds / 86400)
    return f"due in {days} day" if days == 1 else f"due in {days} days"


# -- recall -------------------------------------------------------------------


def covered_points(points: list[str], recall: str) -> list[tuple[str, bool]]:
    """Which talking points a typed recall covered: half of a point's content words, at least one."""
    said = distinctive_words(recall)
    out = []
    for point in points:
        words = distinctive_words(point)
        hits = len(words & said)
        out.append((point, bool(words) and hits >= max(1, (len(words) + 1) // 2)))
    return out


def word_diff(draft: str, recall: str) -> list[tuple[str, str]]:
    """A word-level diff: ("same" | "missed" | "added", words) runs, draft order."""
    a, b = draft.split(), recall.split()
    matcher = difflib.SequenceMatcher(a=[w.casefold().strip(".,;:!?\"'()") for w in a],
                                      b=[w.casefold().strip(".,;:!?\"'()") for w in b], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("missed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


def rehearsal_queue(catalog: Catalog, company: Company, now: datetime) -> list[str]:
    """What `R` rehearses: every question that is due, weakest first."""
    return weakest_first(company, [q.id for q in questions_for(catalog, company)], now)

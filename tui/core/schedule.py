"""When each answer is due for rehearsal, squeezed to fit the days before the interview.

A small spaced-repetition scheme, chosen over SM-2 or FSRS because those plan
for months and we have days. Each rating sets a base interval; consecutive
good or easy ratings double it. Then the interview date bends it:

- no interval runs past half the time left before the interview, so with
  three days left a question comes back at least once a day and a half;
- every question is due again once the last 24 hours begin, unless it was
  rehearsed inside them already;
- "again" is due at once, so it comes back in the same session;
- an answer edited since its last rehearsal is due at once, if more than a
  few words changed (an edit undone a moment later changes nothing);
- a due time inside quiet hours (default 23:00-07:00) moves to the morning,
  unless the interview comes first.

With no interview date, or after it, the plain intervals apply. The clock is
always passed in, so tests pin every rule to the minute.
"""

from __future__ import annotations

import difflib
from datetime import datetime, time, timedelta
from typing import NamedTuple

from tui.core.checks import distinctive_words
from tui.core.notes import Answer, Company, Rehearsal
from tui.core.packs import Catalog
from tui.core.pieces import stem
from tui.core.progress import questions_for
from tui.core.rounds import round_after
from tui.core.wordkinds import is_figure_word

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
BASE_INTERVAL = {1: timedelta(0), 2: timedelta(hours=6), 3: timedelta(days=1), 4: timedelta(days=3)}
MAX_INTERVAL = timedelta(days=30)
LAST_DAY = timedelta(hours=24)
SPARKS = "▁▂▃▄▅▆▇█"
# More words changed than this since the last rehearsal and the answer is due again.
FEW_WORDS = 3
# The answer's words when it was last rehearsed, kept on the answer in the notes file.
REHEARSED_TEXT = "rehearsed_text"


class QuietHours(NamedTuple):
    """Hours nobody should be told to rehearse; start == end turns them off."""

    start: time
    end: time

    def contains(self, when: datetime) -> bool:
        t = when.time()
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end

    def push(self, due: datetime, interview: datetime | None = None) -> datetime:
        """``due`` moved to the end of quiet hours, unless the interview comes first."""
        if not self.contains(due):
            return due
        morning = due.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if morning <= due:
            morning += timedelta(days=1)
        if interview is not None and interview <= morning:
            return due
        return morning


DEFAULT_QUIET = QuietHours(time(23, 0), time(7, 0))


def parse_quiet(text: str) -> QuietHours:
    """'23:00-07:00' (or with an en dash); 'off' or '' for none. Raises ValueError."""
    text = text.strip()
    if text.lower() in ("", "off"):
        return QuietHours(time(0, 0), time(0, 0))
    parts = text.replace("–", "-").split("-")
    try:
        if len(parts) != 2:
            raise ValueError
        start, end = (datetime.strptime(p.strip(), "%H:%M").time() for p in parts)
    except ValueError:
        raise ValueError(f'expected hours like "23:00-07:00" or "off", got "{text}"') from None
    return QuietHours(start, end)


class Status(NamedTuple):
    """Where one question stands: its history and when it is next due."""

    question: str
    rehearsed: int
    """How many times it was rehearsed (``count`` is a tuple's method)."""
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
    return min(base * (1 << max(0, streak - 1)), MAX_INTERVAL)


def words_changed(before: str, after: str) -> int:
    """How many words were added, removed or replaced between two texts."""
    matcher = difflib.SequenceMatcher(a=before.split(), b=after.split(), autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")


def edited_since(answer: Answer | None, when: datetime) -> bool:
    """Changed by more than a few words since ``when`` (the last rehearsal)."""
    if answer is None or answer.updated_at is None or answer.updated_at <= when:
        return False
    before = answer.extra.get(REHEARSED_TEXT)
    if not isinstance(before, str):
        return True  # a file from before we kept the rehearsed words: any edit counts
    return words_changed(before, answer.text) > FEW_WORDS


def mark_rehearsed(company: Company, question_id: str) -> None:
    """Keep the words just rehearsed, so a later edit is measured against them."""
    answer = company.answers.get(question_id)
    if answer is not None:
        answer.extra[REHEARSED_TEXT] = answer.text


def due_at(company: Company, question_id: str, quiet: QuietHours = DEFAULT_QUIET) -> datetime | None:
    """When the question is next due; None means now (never rehearsed, or edited since)."""
    rows = history(company, question_id)
    if not rows:
        return None
    last = rows[-1]
    if edited_since(company.answers.get(question_id), last.at):
        return None
    due = last.at + interval([r.rating for r in rows])
    interview = round_after(company, last.at)  # the round these rehearsals prepare for
    if interview is not None and last.at < interview:
        due = min(due, last.at + (interview - last.at) / 2)
        window = interview - LAST_DAY
        if last.at < window:
            due = min(due, window)
    return quiet.push(due, interview)


def status(company: Company, question_id: str, now: datetime, quiet: QuietHours = DEFAULT_QUIET) -> Status:
    rows = history(company, question_id)
    due = due_at(company, question_id, quiet)
    return Status(
        question=question_id,
        rehearsed=len(rows),
        last_rating=rows[-1].rating if rows else None,
        due=due if due is not None else now,
        # Spoken times only: typed recall takes as long as typing does, not speaking.
        times=tuple(r.seconds for r in rows if r.mode == "spoken")[-8:],
    )


def weakest_first(company: Company, question_ids: list[str], now: datetime, due_only: bool = True,
                  quiet: QuietHours = DEFAULT_QUIET) -> list[str]:
    """Questions to rehearse: never rehearsed, then lowest last rating, then longest overdue."""
    order = {qid: i for i, qid in enumerate(question_ids)}
    statuses = [status(company, qid, now, quiet) for qid in question_ids]
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
    """One way of writing it: 'due now', 'due in 25 min', 'due in 6 h', 'due tomorrow 09:00', 'due in 3 days'."""
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "due now"
    if seconds < 3600:
        return f"due in {max(1, round(seconds / 60))} min"
    days = (due.date() - now.date()).days
    if days == 0 or seconds < 12 * 3600:
        return f"due in {round(seconds / 3600)} h"
    if days == 1:
        return f"due tomorrow {due:%H:%M}"
    return f"due in {days} days"


# -- recall -------------------------------------------------------------------


def covered_points(points: list[str], recall: str) -> list[tuple[str, bool]]:
    """Which talking points a typed recall covered, comparing word stems ("shipped" is "shipping").

    Half of a point's content words (at least one) covers it; so do four or more that make a
    third of a long point: a recall gives the names and figures, rarely every word of the draft.
    """
    said = {stem(w) for w in distinctive_words(recall)}
    out = []
    for point in points:
        words = {stem(w) for w in distinctive_words(point)}
        hits = len(words & said)
        half = hits >= max(1, (len(words) + 1) // 2)
        out.append((point, bool(words) and (half or (hits >= 4 and 3 * hits >= len(words)))))
    return out


_CARDINALS = {word: str(n) for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_CARDINALS |= {word: str(10 * n) for n, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
_EDGES = ".,;:!?\"'()“”‘’"


def _figure_key(word: str) -> str:
    """A figure as said or typed: "two" is "2", "25%" is "25", "doubled" is "doubling"."""
    word = word.casefold().strip(_EDGES).rstrip("%")
    return _CARDINALS.get(word) or stem(word)


def missing_figures(point: str, recall: str) -> list[str]:
    """The figures of a point that a recall does not give: in an interview the figure is the point,
    so "three" for "two", or "doubled" left out, is not a point covered."""
    said = {_figure_key(w) for w in recall.split()}
    out = []
    for word in point.split():
        shown = word.strip(_EDGES)
        if shown.casefold() not in ("percent", "per") and is_figure_word(shown.casefold()) \
                and _figure_key(shown) not in said and shown not in out:
            out.append(shown)
    return out


def recall_marks(points: list[str], recall: str) -> list[tuple[str, bool, list[str]]]:
    """Per talking point: whether the recall covered its words, and the figures it left out or got wrong."""
    return [(point, hit, missing_figures(point, recall) if hit else []) for point, hit in covered_points(points, recall)]


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

"""What the Prepare screen says about a question: its row in the list and the line under the answer."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple

from tui.core.checks import CheckResult
from tui.core.notes import Company
from tui.core.packs import Question
from tui.core.progress import asks_wanted, chosen_asks, is_answered
from tui.core.schedule import DEFAULT_QUIET, QuietHours, Status, due_text, sparkline, status
from tui.core.speech import HUGE_WORDS, band, huge_notice, speaking_seconds, target_text, word_count
from tui.core.timefmt import mmss

RowState = Literal["empty", "started", "drafted", "rehearsed"]


class QuestionRow(NamedTuple):
    id: str
    prompt: str
    state: RowState
    words: int
    """Words in the answer; for the asks question, how many are chosen (see ``unit``)."""
    detail: str = ""
    custom: bool = False
    unit: str = "w"
    history: str = ""


def history_text(done: Status, now: datetime) -> str:
    """When it is due, how often rehearsed, the last rating and recent times: "" if never rehearsed."""
    if not done.rehearsed:
        return ""
    return f"{due_text(done.due, now)} · {done.rehearsed}× · {done.last_label} {sparkline(done.times)}"


def question_row(question: Question, company: Company, results: list[CheckResult], now: datetime,
                 quiet: QuietHours = DEFAULT_QUIET) -> QuestionRow:
    # "coach", not a ✓: the row's mark already uses ✓ for "rehearsed".
    ready = f"coach {sum(r.passed for r in results)}/{len(results)}" if results else ""
    done = status(company, question.id, now, quiet)
    history = history_text(done, now)
    if question.asks:
        # Answered (core/progress) once enough are chosen; fewer is a start, not an answer.
        chosen, wanted = chosen_asks(company), asks_wanted(question)
        answered = is_answered(question, company)
        state: RowState = ("rehearsed" if done.rehearsed else "drafted") if answered else ("started" if chosen else "empty")
        # "2 of 3 chosen" while short of the pack's minimum; then simply "4 chosen".
        return QuestionRow(question.id, question.prompt, state, chosen, ready,
                           question.custom, unit="chosen" if answered else f"of {wanted} chosen", history=history)
    text = company.answer_text(question.id)
    state = "empty" if not text.strip() else ("rehearsed" if done.rehearsed else "drafted")
    return QuestionRow(question.id, question.prompt, state, word_count(text), ready, question.custom, history=history)


def answer_line(question: Question, company: Company, wpm: int) -> tuple[str, bool]:
    """The line under the editor, before the save status, and whether the answer runs over its band."""
    if question.asks:
        return f"{chosen_asks(company)} chosen to ask", False
    words = word_count(company.answer_text(question.id))
    seconds = speaking_seconds(words, wpm)
    over = words > 0 and band(seconds, question.target_seconds) == "over"
    if words > HUGE_WORDS:
        return huge_notice(words), over
    unit = "word" if words == 1 else "words"
    return f"{words} {unit} · ~{mmss(seconds)} ({target_text(question.target_seconds)})", over

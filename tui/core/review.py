"""The last-minute cheat sheet: one model, rendered as plain text or Markdown.

The TUI's Review screen, `finale review`, its `--brief` and `finale export`
all start from ``review_for``, which runs the coach once for the readiness
and the gaps alike, so they never disagree and never pay for it twice.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from tui.core.checks import company_readiness, company_results
from tui.core.notes import Company
from tui.core.packs import Catalog
from tui.core.progress import asks_wanted, chosen_asks, chosen_texts, is_answered, questions_for
from tui.core.record import Record
from tui.core.rounds import answered_asks, carried_over, focus_round, meant_for
from tui.core.speech import DEFAULT_WPM, band, speaking_seconds, talking_points, target_text, word_count
from tui.core.timefmt import countdown, long_date, mmss

if TYPE_CHECKING:
    from tui.core.checks import CheckResult

# "Far over" the target: a quarter past the top of the band. A few seconds over
# is fine when spoken; a third more is a rambling answer.
FAR_OVER = 1.25


class AnswerReview(NamedTuple):
    id: str
    prompt: str
    text: str
    points: list[str]
    seconds: float
    target: tuple[int, int]
    short: str = ""

    @property
    def timing(self) -> str:
        return f"~{mmss(self.seconds)} spoken, target {target_text(self.target)}"


class ResearchReview(NamedTuple):
    label: str
    done: bool
    note: str
    known: bool = True


class Review(Record):
    _fields = ("name", "role", "interview_at", "countdown", "interviewers", "readiness", "gaps", "answers", "asks",
               "research", "takeaways", "round_name", "people", "earlier", "answered_asks")

    def __init__(self, name: str, role: str, interview_at: datetime | None, countdown: str, interviewers: list[str],
                 readiness: str = "", gaps: list[str] | None = None, answers: list[AnswerReview] | None = None,
                 asks: list[str] | None = None, research: list[ResearchReview] | None = None,
                 takeaways: list[str] | None = None) -> None:
        self.name = name
        self.role = role
        self.interview_at = interview_at
        self.countdown = countdown
        self.interviewers = interviewers
        self.readiness = readiness
        self.gaps: list[str] = [] if gaps is None else gaps
        self.answers: list[AnswerReview] = [] if answers is None else answers
        self.asks: list[str] = [] if asks is None else asks
        self.research: list[ResearchReview] = [] if research is None else research
        self.takeaways: list[str] = [] if takeaways is None else takeaways
        self.round_name = ""
        """The round this review is for, when the company has named rounds."""
        self.people: list[str] = []
        """"Name: note" for each of this round's interviewers the user wrote a note about."""
        self.earlier: list[str] = []
        """Earlier rounds' follow-ups, "Round: what to do"."""
        self.answered_asks: list[str] = []
        """Chosen questions an earlier round already answered: marked, not offered again."""


def review_for(catalog: Catalog, company: Company, now: datetime, wpm: int = DEFAULT_WPM) -> Review:
    """The cheat sheet with its readiness: the one way every reader of a review gets it."""
    results = company_results(catalog, company, wpm)  # once: the readiness and the gaps both read it
    readiness = company_readiness(catalog, company, wpm, results).text
    return build_review(catalog, company, now, wpm, readiness=readiness, results=results)


def build_review(catalog: Catalog, company: Company, now: datetime, wpm: int = DEFAULT_WPM,
                 readiness: str = "", results: list[CheckResult] | None = None) -> Review:
    """The cheat sheet; ``results`` are the coach's verdicts when the caller has already run it."""
    focus = focus_round(company, now)
    at = focus.at if focus else None
    review = Review(
        name=company.name,
        role=company.role,
        interview_at=at,
        countdown=countdown(at, now),
        interviewers=list(focus.interviewers) if focus else [],
        readiness=readiness,
        takeaways=list(catalog.takeaways),
    )
    if focus is not None and company.rounds:
        review.round_name = focus.title
    review.people = [f"{who}: {company.interviewer_notes[who]}" for who in review.interviewers
                     if company.interviewer_notes.get(who, "").strip()]
    carried = carried_over(company, now)
    review.earlier = carried.follow_ups
    questions = questions_for(catalog, company)
    failing: dict[str, list[str]] = {}
    for result in results if results is not None else company_results(catalog, company, wpm):
        if not result.passed:
            failing.setdefault(result.question, []).append(headline(result.message))
    never, again, timing = [], [], []
    asks_question = None
    for question in questions:
        text = company.answer_text(question.id)
        rows = sorted((r for r in company.rehearsals if r.question == question.id), key=lambda r: r.at)
        spoken = [r for r in rows if r.mode != "typed"]
        if not rows:
            never.append(short(question.prompt))
        elif rows[-1].rating == 1:
            again.append(short(question.prompt))
        if spoken and band(spoken[-1].seconds, question.target_seconds) != "in":
            where = band(spoken[-1].seconds, question.target_seconds)
            timing.append(f"{where.capitalize()} time when last said: {short(question.prompt)} "
                          f"({mmss(spoken[-1].seconds)}, target {target_text(question.target_seconds)})")
        if question.asks:
            asks_question = question
            continue
        seconds = speaking_seconds(word_count(text), wpm)
        review.answers.append(AnswerReview(question.id, question.prompt, text, talking_points(text),
                                           seconds, question.target_seconds, short(question.prompt)))
    # The gaps that matter most an hour before: what the coach flags, what was never said aloud.
    for question in questions:
        # An empty answer fails every check: "No answer yet" below says it in one line.
        written = question.asks or company.answer_text(question.id).strip()
        if question.id in failing and written:
            # The coach's own sentences: a check id ("names-company") means nothing to the reader.
            said = "; ".join(h if i == 0 else h[:1].lower() + h[1:] for i, h in enumerate(failing[question.id]))
            review.gaps.append(f"Coach on {short(question.prompt)}: {said}.")
    if never:
        review.gaps.append(f"Never rehearsed ({len(never)}): {'; '.join(never)}")
    if again:
        review.gaps.append(f"Last rated again ({len(again)}): {'; '.join(again)}")
    review.gaps += timing
    for answer in review.answers:
        if not answer.text.strip():
            review.gaps.append(f"No answer yet: {answer.prompt}")
        elif band(answer.seconds, answer.target) == "over" and answer.seconds > answer.target[1] * FAR_OVER:
            review.gaps.append(f"Far over time: {answer.prompt} (~{mmss(answer.seconds)}, "
                               f"target {target_text(answer.target)})")
    review.asks, review.answered_asks = _asks(company, review.interviewers)
    if asks_question is not None and not is_answered(asks_question, company):
        chosen, wanted = chosen_asks(company), asks_wanted(asks_question)
        review.gaps.append("No questions chosen to ask them." if not chosen
                           else f"Only {chosen} of {wanted} questions chosen to ask them.")
    pack_items = {item.id for item in catalog.checklist}
    not_done = []
    for item in catalog.checklist:
        entry = company.entry(item.id)
        review.research.append(ResearchReview(item.label, entry.done, entry.note))
        if not entry.done:
            not_done.append(item.label)
    for item_id, entry in company.checklist.items():
        if item_id not in pack_items and (entry.note or entry.done):
            review.research.append(ResearchReview(item_id, entry.done, entry.note, known=False))
    if not_done:
        review.gaps.append(f"Research not done: {', '.join(not_done)}")
    return review


def headline(message: str) -> str:
    """A coach message's first clause ("Too short", "The company is not named yet"): the whole one is in the app."""
    return message.split(": ", 1)[0].split(". ", 1)[0].rstrip(".")


def _asks(company: Company, people: list[str]) -> tuple[list[str], list[str]]:
    """(to ask, already answered): those meant for someone in this round first, each saying for whom."""
    answered = answered_asks(company)
    texts = set(chosen_texts(company.asks))
    offered, done = [], []
    for ask in company.asks:
        if ask.text not in texts:
            continue
        if ask.text in answered:
            done.append(ask.text)
            continue
        who = meant_for(ask)
        offered.append((who not in people if who else True, f"{ask.text} (for {who})" if who else ask.text))
    return [text for _, text in sorted(offered, key=lambda pair: pair[0])], done


def short(prompt: str, width: int = 32) -> str:
    """A question named in a line of gaps: its first words."""
    flat = " ".join(prompt.split())
    if len(flat) <= width:
        return flat
    return flat[: width - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def header_lines(review: Review, relative: bool = True) -> list[str]:
    """The header; ``relative`` False for a printed export, where a countdown goes stale."""
    lines = []
    if review.interview_at:
        soon = f" ({review.countdown})" if review.countdown and relative else ""
        lines.append(f"{review.round_name or 'Interview'}: {long_date(review.interview_at)}{soon}")
    elif review.round_name:
        lines.append(f"{review.round_name}: no date yet")
    if review.interviewers:
        lines.append(f"Interviewers: {', '.join(review.interviewers)}")
    if review.readiness:
        lines.append(f"Readiness: {review.readiness}")
    return lines


def _one_line(text: str) -> str:
    """User text inside a list item: line breaks would break the layout, tabs its width."""
    return " ".join(text.split())


def render_plain(review: Review, width: int = 80) -> str:
    width = max(30, width)

    def wrap(text: str, indent: str, bullet: str = "") -> list[str]:
        return textwrap.wrap(_one_line(text), width, initial_indent=indent + bullet,
                             subsequent_indent=indent + " " * len(bullet), break_on_hyphens=False) or [indent + bullet.rstrip()]

    title = review.name + (f" · {review.role}" if review.role else "")
    # Wrapped like the rest: four interviewers made an 180-column line at --width 80.
    out = [*wrap(title, ""), *(row for line in header_lines(review)
                               for row in textwrap.wrap(line, width, subsequent_indent="  ", break_on_hyphens=False))]
    for line in review.people:
        out += wrap(line, "  ")
    out.append("")
    if review.earlier:
        out.append("From earlier rounds")
        for line in review.earlier:
            out += wrap(line, "  ", "- ")
        out.append("")
    out.append("Gaps")
    if review.gaps:
        for gap in review.gaps:
            out += wrap(gap, "  ", "- ")
    else:
        out.append("  None: every question answered, research done, questions chosen.")
    out += ["", "Your answers"]
    for answer in review.answers:
        out += wrap(answer.prompt, "  ")
        if answer.text.strip():
            out += wrap(answer.timing, "    ")
            for point in answer.points:
                out += wrap(point, "    ", "• ")
        else:
            out.append("    (no answer yet)")
    out += ["", "Your questions for them"]
    if review.asks:
        for number, ask in enumerate(review.asks, 1):
            out += wrap(ask, "  ", f"{number}. ")
    elif not review.answered_asks:
        out.append("  (none chosen)")
    for ask in review.answered_asks:
        out += wrap(f"{ask} (answered already)", "  ", "[x] ")
    out += ["", "Research"]
    for item in review.research:
        mark = "[x]" if item.done else "[ ]"
        label = item.label if item.known else f"{item.label} (not in the pack)"
        out += wrap(f"{label}: {item.note}" if item.note.strip() else label, "  ", f"{mark} ")
    if review.takeaways:
        out += ["", "Remember"]
        for line in review.takeaways:
            out += wrap(line, "  ", "• ")
    return "\n".join(line.rstrip() for line in out) + "\n"


def _md_escape_inline(text: str) -> str:
    """Keep user text literal in a list item or heading: no accidental emphasis or links."""
    out = _one_line(text)
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def render_markdown(review: Review, full_answers: bool = True, relative: bool = True) -> str:
    title = _md_escape_inline(review.name) + (f" — {_md_escape_inline(review.role)}" if review.role else "")
    out = [f"# {title}", ""]
    header = header_lines(review, relative)
    if header:
        out += [f"{line}  " for line in header[:-1]] + [header[-1], ""]
    if review.people:
        out += [f"- {_md_escape_inline(line)}" for line in review.people] + [""]
    if review.earlier:
        out += ["## From earlier rounds", ""]
        out += [f"- {_md_escape_inline(line)}" for line in review.earlier] + [""]
    out += ["## Gaps", ""]
    if review.gaps:
        out += [f"- {_md_escape_inline(gap)}" for gap in review.gaps]
    else:
        out.append("None: every question answered, research done, questions chosen.")
    out += ["", "## Your answers", ""]
    for answer in review.answers:
        out += [f"### {_md_escape_inline(answer.prompt)}", ""]
        if not answer.text.strip():
            out += ["*No answer yet.*", ""]
            continue
        out += [f"*{answer.timing}*", ""]
        out += [f"- {_md_escape_inline(point)}" for point in answer.points] + [""]
        if full_answers:
            # A block quote keeps the answer word for word: a line starting with
            # "#" or "-" in it stays text instead of turning into a heading or list.
            body = answer.text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
            out += [f"> {line}".rstrip() if line.strip() else ">" for line in body.split("\n")] + [""]
    out += ["## Your questions for them", ""]
    if review.asks:
        out += [f"{n}. {_md_escape_inline(ask)}" for n, ask in enumerate(review.asks, 1)]
    elif not review.answered_asks:
        out.append("*None chosen yet.*")
    out += [f"- [x] {_md_escape_inline(ask)} (answered already)" for ask in review.answered_asks]
    out += ["", "## Research", ""]
    for item in review.research:
        label = _md_escape_inline(item.label) + ("" if item.known else " (not in the pack)")
        note = f": {_md_escape_inline(item.note)}" if item.note.strip() else ""
        out.append(f"- [{'x' if item.done else ' '}] **{label}**{note}")
    if review.takeaways:
        out += ["", "## Remember", ""]
        out += [f"- {_md_escape_inline(line)}" for line in review.takeaways]
    return "\n".join(out).rstrip("\n") + "\n"

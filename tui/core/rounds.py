"""Interview rounds: who a company's candidate meets when, and what was said after.

A file from before rounds has ``interview_at`` and ``interviewers`` under
``[company]``: that is one implicit round, and the file keeps that shape (byte
for byte) until the user adds a round, renames it or debriefs it. Then the
rounds are written as ``[[rounds]]`` and ``[company]`` loses the two keys, so
there is one place that says when the interview is.

Every reader of "the interview's date" goes through ``focus_round``: the next
round to come, or the last one once every round has passed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.core.progress import chosen_texts
from tui.core.record import Record
from tui.core.schema import Problem, expect, expect_str_list, join, type_name

if TYPE_CHECKING:
    from tui.core.notes import Ask, Company

ROUND_KEYS = ("name", "at", "interviewers", "debrief")
DEBRIEF_KEYS = ("asked", "ratings", "answered_asks", "follow_up", "notes")
FOR_KEY = "for"  # under [[asks]]: the interviewer a question to ask is meant for
DEFAULT_NAME = "Interview"


class Debrief(Record):
    _fields = ("asked", "ratings", "answered_asks", "follow_up", "notes", "extra")

    def __init__(self, asked: list[str] | None = None, ratings: dict[str, int] | None = None,
                 answered_asks: list[str] | None = None, follow_up: list[str] | None = None, notes: str = "",
                 extra: dict[str, Any] | None = None) -> None:
        self.asked: list[str] = [] if asked is None else asked
        self.ratings: dict[str, int] = {} if ratings is None else ratings
        self.answered_asks: list[str] = [] if answered_asks is None else answered_asks
        self.follow_up: list[str] = [] if follow_up is None else follow_up
        self.notes = notes
        self.extra: dict[str, Any] = {} if extra is None else extra


class Round(Record):
    _fields = ("name", "at", "interviewers", "debrief", "extra")

    def __init__(self, name: str = "", at: datetime | None = None, interviewers: list[str] | None = None,
                 debrief: Debrief | None = None, extra: dict[str, Any] | None = None) -> None:
        self.name = name
        self.at = at
        self.interviewers: list[str] = [] if interviewers is None else interviewers
        self.debrief = debrief
        self.extra: dict[str, Any] = {} if extra is None else extra

    @property
    def title(self) -> str:
        return self.name.strip() or DEFAULT_NAME


# --- reading and writing -------------------------------------------------------------------------

def parse_rounds(doc: dict[str, Any], problems: list[Problem]) -> list[Round]:
    from tui.core.notes import _datetime_field, _split, _str, _tables_array

    out = []
    for path, raw in _tables_array(doc, "rounds", problems):
        one = Round(name=_str(raw, "name", path, problems), at=_datetime_field(raw, "at", path, problems),
                    extra=_split(raw, ROUND_KEYS))
        if expect_str_list(raw, "interviewers", path, problems):
            one.interviewers = list(raw.get("interviewers", []))
        if "debrief" in raw:
            one.debrief = _parse_debrief(raw["debrief"], join(path, "debrief"), problems)
        out.append(one)
    return out


def _parse_debrief(raw: Any, path: str, problems: list[Problem]) -> Debrief | None:
    from tui.core.notes import _split, _str

    if not isinstance(raw, dict):
        problems.append(Problem(path, f"expected a table, got {type_name(raw)}"))
        return None
    debrief = Debrief(notes=_str(raw, "notes", path, problems), extra=_split(raw, DEBRIEF_KEYS))
    for key in ("asked", "answered_asks", "follow_up"):
        if expect_str_list(raw, key, path, problems):
            setattr(debrief, key, list(raw.get(key, [])))
    if expect(raw, "ratings", dict, path, problems):
        for qid, rating in raw.get("ratings", {}).items():
            if isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 4:
                debrief.ratings[qid] = rating
            else:
                problems.append(Problem(join(join(path, "ratings"), qid), f"expected 1 to 4, got {rating!r}"))
    return debrief


def parse_interviewer_notes(doc: dict[str, Any], problems: list[Problem]) -> dict[str, str]:
    if not expect(doc, "interviewer_notes", dict, "", problems):
        return {}
    out = {}
    for who, note in doc.get("interviewer_notes", {}).items():
        if isinstance(note, str):
            out[who] = note
        else:
            problems.append(Problem(join("interviewer_notes", who), f"expected a string, got {type_name(note)}"))
    return out


def rounds_document(rounds: list[Round]) -> list[dict[str, Any]]:
    from tui.core.notes import _written

    rows = []
    for one in rounds:
        row: dict[str, Any] = {"name": one.name}
        if one.at is not None:
            row["at"] = _written(one.at)
        row["interviewers"] = list(one.interviewers)
        row.update(one.extra)
        if one.debrief is not None:
            d = one.debrief
            row["debrief"] = {"asked": list(d.asked), "ratings": dict(d.ratings), "answered_asks": list(d.answered_asks),
                              "follow_up": list(d.follow_up), "notes": d.notes, **d.extra}
        rows.append(row)
    return rows


# --- which round ----------------------------------------------------------------------------------

def rounds_of(company: Company) -> list[Round]:
    """The rounds as written, or the one implicit round of a file from before rounds (a fresh copy)."""
    if company.rounds:
        return company.rounds
    if company.interview_at is None and not company.interviewers:
        return []
    return [Round(at=company.interview_at, interviewers=company.interviewers)]


def is_implicit(company: Company) -> bool:
    return not company.rounds


def make_explicit(company: Company) -> list[Round]:
    """Turn the implicit round into ``[[rounds]]``; from then on the file has the new shape."""
    if not company.rounds:
        if company.interview_at is not None or company.interviewers:
            company.rounds.append(Round(DEFAULT_NAME, company.interview_at, list(company.interviewers)))
        company.interview_at, company.interviewers = None, []
    return company.rounds


def in_order(company: Company) -> list[Round]:
    """By date, rounds without one last in the order written (sorted is stable)."""
    return sorted(rounds_of(company), key=lambda r: (r.at is None, r.at or datetime.min))


def next_round(company: Company, now: datetime) -> Round | None:
    """The first round still to come: the soonest dated one, else the first undated one without a debrief."""
    ordered = in_order(company)
    for one in ordered:
        if one.at is not None and one.at > now:
            return one
    return next((r for r in ordered if r.at is None and r.debrief is None), None)


def past_rounds(company: Company, now: datetime) -> list[Round]:
    return [r for r in in_order(company) if r.at is not None and r.at <= now]


def focus_round(company: Company, now: datetime) -> Round | None:
    """The round the countdown, the schedule and the review are about: the next one, else the last."""
    upcoming = next_round(company, now)
    if upcoming is not None:
        return upcoming
    past = past_rounds(company, now)
    return past[-1] if past else None


def focus_at(company: Company, now: datetime) -> datetime | None:
    one = focus_round(company, now)
    return one.at if one else None


def round_after(company: Company, when: datetime) -> datetime | None:
    """The date of the first round after ``when``, else of the last round: what rehearsals squeeze towards."""
    dated = [r.at for r in in_order(company) if r.at is not None]
    return next((at for at in dated if at > when), dated[-1] if dated else None)


def to_debrief(company: Company, now: datetime) -> Round | None:
    """The latest round that has passed and has no debrief yet: what opening the company offers."""
    waiting = [r for r in past_rounds(company, now) if r.debrief is None]
    return waiting[-1] if waiting else None


# --- people and questions to ask ------------------------------------------------------------------

def meant_for(ask: Ask) -> str:
    value = ask.extra.get(FOR_KEY)
    return value if isinstance(value, str) else ""


def set_meant_for(ask: Ask, who: str) -> None:
    if who.strip():
        ask.extra[FOR_KEY] = who
    else:
        ask.extra.pop(FOR_KEY, None)


def with_whom(asks: list[Ask]) -> list[str]:
    """The chosen questions to ask, each meant for someone saying for whom: the mock close asks them so."""
    return [f"{a.text} (for {meant_for(a)})" if meant_for(a) else a.text for a in asks if a.chosen and a.text.strip()]


def everyone(company: Company) -> list[str]:
    """Every interviewer named in any round, first mention first."""
    seen: dict[str, None] = {}
    for one in in_order(company):
        for who in one.interviewers:
            seen.setdefault(who, None)
    return list(seen)


def answered_asks(company: Company) -> set[str]:
    return {text for one in rounds_of(company) if one.debrief for text in one.debrief.answered_asks}


class CarriedOver(Record):
    """What earlier rounds leave for the next one: follow-ups first, then questions they did not answer."""

    _fields = ("follow_ups", "unanswered")

    def __init__(self, follow_ups: list[str], unanswered: list[str]) -> None:
        self.follow_ups = follow_ups
        self.unanswered = unanswered


def carried_over(company: Company, now: datetime) -> CarriedOver:
    follow_ups = [f"{one.title}: {item}" for one in past_rounds(company, now) if one.debrief
                  for item in one.debrief.follow_up if item.strip()]
    debriefed = any(one.debrief for one in past_rounds(company, now))
    answered = answered_asks(company)
    unanswered = [t for t in chosen_texts(company.asks) if t not in answered] if debriefed else []
    return CarriedOver(follow_ups, unanswered)


# --- editing (the round form and the debrief) -----------------------------------------------------

def put_round(company: Company, index: int | None, edited: Round, notes: dict[str, str]) -> None:
    """Add ``edited`` (index None) or change the round at ``index`` of ``rounds_of``; keep its debrief and keys.

    Changing the date or people of a file's one implicit round keeps the old shape;
    naming it, or adding a round, writes ``[[rounds]]``.
    """
    implicit = not company.rounds
    if index is not None and implicit and edited.name.strip() in ("", DEFAULT_NAME):
        company.interview_at, company.interviewers = edited.at, list(edited.interviewers)
    else:
        make_explicit(company)
        if index is None or index >= len(company.rounds):
            company.rounds.append(Round(edited.name, edited.at, list(edited.interviewers)))
        else:
            one = company.rounds[index]
            one.name, one.at, one.interviewers = edited.name, edited.at, list(edited.interviewers)
    for who, note in notes.items():
        if note.strip():
            company.interviewer_notes[who] = note.strip()
        else:
            company.interviewer_notes.pop(who, None)


def set_debrief(company: Company, index: int, debrief: Debrief) -> Round:
    """Keep ``debrief`` under the round at ``index`` of ``rounds_of`` (a debrief makes rounds explicit)."""
    make_explicit(company)
    one = company.rounds[index]
    if one.debrief is not None:
        debrief.extra = {**one.debrief.extra, **debrief.extra}  # keys finale does not know stay
    one.debrief = debrief
    return one


def people_lines(company: Company, one: Round) -> str:
    """The round form's interviewers field: one a line, "Name: note"."""
    return "\n".join(f"{who}: {company.interviewer_notes[who]}" if company.interviewer_notes.get(who) else who
                     for who in one.interviewers)


def parse_people(text: str) -> tuple[list[str], dict[str, str]]:
    """Lines "Name: note" (the note optional) -> (names, notes); a name keeps any brackets and commas."""
    names: list[str] = []
    notes: dict[str, str] = {}
    for line in text.splitlines():
        who, _, note = line.partition(": ")
        who = who.strip().rstrip(":").strip()
        if who and who not in names:
            names.append(who)
            notes[who] = note.strip()
    return names, notes

"""One company's notes: the model, and its conversion to and from the TOML document.

Keys finale does not know are kept in ``extra`` at every level and written
back after the known ones, so hand edits and newer versions survive a save.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, SupportsIndex

from tui.core.record import Record
from tui.core.schema import Problem, expect, expect_str_list, join, type_name

if TYPE_CHECKING:
    from tui.core.rounds import Round

FORMAT = 1


class Answer(Record):
    _fields = ("text", "updated_at", "extra")

    def __init__(self, text: str = "", updated_at: datetime | None = None, extra: dict[str, Any] | None = None) -> None:
        self.text = text
        self.updated_at = updated_at
        self.extra: dict[str, Any] = {} if extra is None else extra


class ChecklistEntry(Record):
    _fields = ("done", "note", "extra")

    def __init__(self, done: bool = False, note: str = "", extra: dict[str, Any] | None = None) -> None:
        self.done = done
        self.note = note
        self.extra: dict[str, Any] = {} if extra is None else extra


class Ask(Record):
    _fields = ("text", "category", "chosen", "extra")

    def __init__(self, text: str, category: str = "", chosen: bool = False,
                 extra: dict[str, Any] | None = None) -> None:
        self.text = text
        self.category = category
        self.chosen = chosen
        self.extra: dict[str, Any] = {} if extra is None else extra


class CustomQuestion(Record):
    _fields = ("id", "prompt", "extra")

    def __init__(self, id: str, prompt: str, extra: dict[str, Any] | None = None) -> None:
        self.id = id
        self.prompt = prompt
        self.extra: dict[str, Any] = {} if extra is None else extra


class Rehearsal(Record):
    _fields = ("question", "at", "seconds", "rating", "mode", "extra")

    def __init__(self, question: str, at: datetime, seconds: int, rating: int, mode: str = "spoken",
                 extra: dict[str, Any] | None = None) -> None:
        self.question = question
        self.at = at
        self.seconds = seconds
        self.rating = rating
        self.mode = mode
        self.extra: dict[str, Any] = {} if extra is None else extra


class Company(Record):
    _fields = ("name", "role", "interview_at", "interviewers", "links", "answers", "checklist", "asks",
               "custom_questions", "rehearsals", "rounds", "interviewer_notes", "company_extra", "extra")

    def __init__(
        self,
        name: str,
        role: str = "",
        interview_at: datetime | None = None,
        interviewers: list[str] | None = None,
        links: list[str] | None = None,
        answers: dict[str, Answer] | None = None,
        checklist: dict[str, ChecklistEntry] | None = None,
        asks: list[Ask] | None = None,
        custom_questions: list[CustomQuestion] | None = None,
        rehearsals: list[Rehearsal] | None = None,
        rounds: list[Round] | None = None,
        interviewer_notes: dict[str, str] | None = None,
        company_extra: dict[str, Any] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.role = role
        self.interview_at = interview_at
        self.interviewers: list[str] = [] if interviewers is None else interviewers
        self.links: list[str] = [] if links is None else links
        self.answers: dict[str, Answer] = {} if answers is None else answers
        self.checklist: dict[str, ChecklistEntry] = {} if checklist is None else checklist
        self.asks: list[Ask] = [] if asks is None else asks
        self.custom_questions: list[CustomQuestion] = [] if custom_questions is None else custom_questions
        self.rehearsals: list[Rehearsal] = [] if rehearsals is None else rehearsals
        # Empty in a file from before rounds: interview_at and interviewers are then its one round.
        self.rounds: list[Round] = [] if rounds is None else rounds
        self.interviewer_notes: dict[str, str] = {} if interviewer_notes is None else interviewer_notes
        self.company_extra: dict[str, Any] = {} if company_extra is None else company_extra
        self.extra: dict[str, Any] = {} if extra is None else extra

    def answer_text(self, question_id: str) -> str:
        answer = self.answers.get(question_id)
        return answer.text if answer else ""

    def set_answer(self, question_id: str, text: str, now: datetime) -> bool:
        """Store ``text``; True when it changed."""
        if question_id not in self.answers and not text:
            return False
        answer = self.answers.setdefault(question_id, Answer())
        if answer.text == text:
            return False
        answer.text = text
        answer.updated_at = now.replace(microsecond=0)
        return True

    def entry(self, item_id: str) -> ChecklistEntry:
        return self.checklist.get(item_id) or ChecklistEntry()

    def answered(self, question_ids: list[str]) -> int:
        return sum(1 for q in question_ids if self.answer_text(q).strip())

    def researched(self, item_ids: list[str]) -> int:
        return sum(1 for i in item_ids if self.entry(i).done)


class NotesFormatError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class ZonedDateTime(datetime):
    """A date-time the file gave with an offset (``...Z``, ``+02:00``), as local time for finale.

    finale works in naive local time, but the file keeps what was written:
    ``original`` (the aware value) goes back to the file on save unless the
    value was changed (any change makes a plain datetime).
    """

    original: datetime | None = None

    @classmethod
    def of(cls, aware: datetime) -> ZonedDateTime:
        local = aware.astimezone().replace(tzinfo=None)
        zoned = cls.combine(local.date(), local.time())
        zoned.original = aware
        return zoned

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:  # pickle keeps the original offset
        return (ZonedDateTime.of, (self.original,)) if self.original is not None else super().__reduce_ex__(protocol)

    def __copy__(self) -> ZonedDateTime:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> ZonedDateTime:  # immutable, like every datetime
        return self


class _OffsetText(datetime):
    """An aware date-time that tomli-w writes as TOML does: ``T`` and ``Z`` for UTC."""

    def __str__(self) -> str:
        text = self.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text


def _written(value: datetime) -> datetime:
    original = getattr(value, "original", None)
    if original is None:
        return value
    return _OffsetText.combine(original.date(), original.timetz())


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return ZonedDateTime.of(value)
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    return None


def _datetime_field(table: dict[str, Any], key: str, path: str, problems: list[Problem], required: bool = False) -> datetime | None:
    if key not in table:
        if required:
            problems.append(Problem(path, f'missing "{key}"'))
        return None
    value = _as_datetime(table[key])
    if value is None:
        problems.append(Problem(join(path, key), f"expected a date-time like 2026-12-01T15:00:00, got {type_name(table[key])}"))
    return value


def _split(table: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k not in known}


def _table(doc: dict[str, Any], key: str, path: str, problems: list[Problem]) -> dict[str, Any]:
    if expect(doc, key, dict, path, problems):
        table: dict[str, Any] = doc.get(key, {})
        return table
    return {}


def _tables_array(doc: dict[str, Any], key: str, problems: list[Problem]) -> list[tuple[str, dict[str, Any]]]:
    if not expect(doc, key, list, "", problems):
        return []
    out = []
    for i, item in enumerate(doc.get(key, [])):
        path = join(key, i)
        if isinstance(item, dict):
            out.append((path, item))
        else:
            problems.append(Problem(path, f"expected a table, got {type_name(item)}"))
    return out


def _str(table: dict[str, Any], key: str, path: str, problems: list[Problem], required: bool = False) -> str:
    if key not in table:
        if required:
            problems.append(Problem(path, f'missing "{key}"'))
        return ""
    return table[key] if expect(table, key, str, path, problems) else ""


def from_document(doc: dict[str, Any]) -> Company:
    """Build a Company from a parsed format-1 document; raise NotesFormatError on bad types."""
    problems: list[Problem] = []
    head = _table(doc, "company", "", problems)
    if "company" not in doc:
        problems.append(Problem("", 'missing the [company] table with at least name = "..."'))
    name = _str(head, "name", "company", problems, required="company" in doc)
    if isinstance(head.get("name"), str) and not head["name"].strip():
        problems.append(Problem("company.name", "is empty: give the company a name"))
    company = Company(name=name)
    company.role = _str(head, "role", "company", problems)
    company.interview_at = _datetime_field(head, "interview_at", "company", problems)
    for key in ("interviewers", "links"):
        if expect_str_list(head, key, "company", problems):
            setattr(company, key, list(head.get(key, [])))
    company.company_extra = _split(head, ("name", "role", "interview_at", "interviewers", "links"))

    for qid, raw in _table(doc, "answers", "", problems).items():
        path = join("answers", qid)
        if not isinstance(raw, dict):
            problems.append(Problem(path, f"expected a table with text = \"...\", got {type_name(raw)}"))
            continue
        company.answers[qid] = Answer(
            text=_str(raw, "text", path, problems),
            updated_at=_datetime_field(raw, "updated_at", path, problems),
            extra=_split(raw, ("text", "updated_at")),
        )

    for item_id, raw in _table(doc, "checklist", "", problems).items():
        path = join("checklist", item_id)
        if not isinstance(raw, dict):
            problems.append(Problem(path, f"expected a table with done and note, got {type_name(raw)}"))
            continue
        expect(raw, "done", bool, path, problems)
        company.checklist[item_id] = ChecklistEntry(
            done=raw.get("done") is True,
            note=_str(raw, "note", path, problems),
            extra=_split(raw, ("done", "note")),
        )

    for path, raw in _tables_array(doc, "asks", problems):
        expect(raw, "chosen", bool, path, problems)
        company.asks.append(
            Ask(
                text=_str(raw, "text", path, problems, required=True),
                category=_str(raw, "category", path, problems),
                chosen=raw.get("chosen") is True,
                extra=_split(raw, ("text", "category", "chosen")),
            )
        )

    for path, raw in _tables_array(doc, "custom_questions", problems):
        company.custom_questions.append(
            CustomQuestion(
                id=_str(raw, "id", path, problems, required=True),
                prompt=_str(raw, "prompt", path, problems, required=True),
                extra=_split(raw, ("id", "prompt")),
            )
        )

    for path, raw in _tables_array(doc, "rehearsals", problems):
        for key in ("seconds", "rating"):
            if key not in raw:
                problems.append(Problem(path, f'missing "{key}"'))
            expect(raw, key, int, path, problems)
        at = _datetime_field(raw, "at", path, problems, required=True)
        seconds, rating = raw.get("seconds"), raw.get("rating")
        if at is not None and isinstance(seconds, int) and isinstance(rating, int):
            company.rehearsals.append(
                Rehearsal(
                    question=_str(raw, "question", path, problems, required=True),
                    at=at,
                    seconds=seconds,
                    rating=rating,
                    mode=_str(raw, "mode", path, problems) or "spoken",
                    extra=_split(raw, ("question", "at", "seconds", "rating", "mode")),
                )
            )

    from tui.core.rounds import parse_interviewer_notes, parse_rounds

    company.rounds = parse_rounds(doc, problems)
    company.interviewer_notes = parse_interviewer_notes(doc, problems)
    company.extra = _split(doc, ("format", "company", "answers", "checklist", "asks", "custom_questions", "rehearsals",
                                 "rounds", "interviewer_notes"))
    if problems:
        raise NotesFormatError(problems)
    return company


def to_document(company: Company) -> dict[str, Any]:
    """The TOML document for ``company``: known keys in a fixed order, unknown ones after."""
    head: dict[str, Any] = {"name": company.name, "role": company.role}
    if company.interview_at is not None:
        head["interview_at"] = _written(company.interview_at)
    if company.interviewers:
        head["interviewers"] = list(company.interviewers)
    if company.links:
        head["links"] = list(company.links)
    head.update(company.company_extra)

    doc: dict[str, Any] = {"format": FORMAT, "company": head}
    if company.answers:
        answers = {}
        for qid, answer in company.answers.items():
            row: dict[str, Any] = {"text": answer.text}
            if answer.updated_at is not None:
                row["updated_at"] = _written(answer.updated_at)
            row.update(answer.extra)
            answers[qid] = row
        doc["answers"] = answers
    if company.checklist:
        doc["checklist"] = {
            item_id: {"done": entry.done, "note": entry.note, **entry.extra}
            for item_id, entry in company.checklist.items()
        }
    if company.asks:
        doc["asks"] = [
            {"text": a.text, "category": a.category, "chosen": a.chosen, **a.extra} for a in company.asks
        ]
    if company.custom_questions:
        doc["custom_questions"] = [{"id": c.id, "prompt": c.prompt, **c.extra} for c in company.custom_questions]
    if company.rehearsals:
        doc["rehearsals"] = [
            {"question": r.question, "at": _written(r.at), "seconds": r.seconds, "rating": r.rating, "mode": r.mode, **r.extra}
            for r in company.rehearsals
        ]
    if company.rounds:
        from tui.core.rounds import rounds_document

        doc["rounds"] = rounds_document(company.rounds)
    if company.interviewer_notes:
        doc["interviewer_notes"] = dict(company.interviewer_notes)
    for key, value in company.extra.items():
        doc.setdefault(key, value)
    return doc

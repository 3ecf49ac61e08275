"""What a company's notes add up to: the questions it has and how far along it is.

One definition of "answered" lives here, and the picker, `finale list`, the review and
the question list all ask it, so no two places can disagree about whether a company is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from tui.core.notes import Ask, Company
from tui.core.packs import Catalog, Question, StarterAsk


def unique_question_ids(catalog: Catalog, company: Company) -> list[str]:
    """Rename custom questions whose id is taken (by a pack question or an earlier custom one).

    Two questions with one id (after a git merge, or a hand edit) would make
    one of them unreachable, so the later one becomes ``<id>-2`` (or the next
    free number) in memory, and is saved that way with the next change. The
    answer stored under the id stays with the first question. Returns one
    message per rename; none once the ids are unique.
    """
    taken = {q.id for q in catalog.questions}
    every = taken | {c.id for c in company.custom_questions}
    messages = []
    for custom in company.custom_questions:
        if custom.id in taken:
            n = 2
            while f"{custom.id}-{n}" in every:
                n += 1
            new_id = f"{custom.id}-{n}"
            messages.append(f'Your question "{custom.prompt}" repeats the id "{custom.id}"; it is "{new_id}" '
                            "now, and is saved that way with your next change.")
            custom.id = new_id
            every.add(new_id)
        taken.add(custom.id)
    return messages


def questions_for(catalog: Catalog, company: Company) -> list[Question]:
    """The packs' questions in the company's own role, then the company's custom questions."""
    unique_question_ids(catalog, company)
    custom = [
        Question(id=c.id, prompt=c.prompt, why_they_ask="A question you added for this company.", custom=True)
        for c in company.custom_questions
    ]
    return [_in_role(catalog, q, company.role) for q in catalog.questions] + custom


def _in_role(catalog: Catalog, question: Question, role: str) -> Question:
    """The question in the company's role: ``{role}`` in the pack's text, and the pack's own role in the prompt.

    A pack written for a "Senior Product Manager" reads "as a Director of
    Product" for a company whose role is that; where the pack writes
    ``{role}`` (tips, why they ask, examples), the company's role goes there.
    """
    written_for = next((p.role for p in catalog.packs if p.id == question.pack_id and p.role), "")
    role = role.strip()
    question = _templated(question, role or written_for)
    if not written_for or not role or role == written_for or written_for not in question.prompt:
        return question
    return question._replace(prompt=question.prompt.replace(written_for, role))


def in_role(text: str, role: str) -> str:
    """``text`` with ``{role}`` as ``role`` ("a" before it becomes "an" where the role starts with a vowel)."""
    if "{role}" not in text:
        return text
    if not role:
        role = "this role"
    article = "an" if role[:1].lower() in "aeiou" else "a"
    for a in ("a", "A"):
        text = text.replace(f"{a} {{role}}", f"{article if a == 'a' else article.capitalize()} {{role}}")
    return text.replace("{role}", role)


def _templated(question: Question, role: str) -> Question:
    texts = [question.prompt, question.why_they_ask, *question.examples] + [t.title + t.body for t in question.tips]
    if not any("{role}" in text for text in texts):
        return question
    return question._replace(
        prompt=in_role(question.prompt, role), why_they_ask=in_role(question.why_they_ask, role),
        examples=tuple(in_role(e, role) for e in question.examples),
        tips=tuple(t._replace(title=in_role(t.title, role), body=in_role(t.body, role)) for t in question.tips),
    )


def starters_in_role(catalog: Catalog, role: str) -> list[StarterAsk]:
    """The pack's starter questions to ask, in the company's role."""
    role = role.strip() or catalog.role
    return [s._replace(text=in_role(s.text, role)) for s in catalog.asks]


def asks_wanted(question: Question) -> int:
    """How many chosen questions to ask count as an answer: the pack's `min`, else one."""
    for check in question.checks:
        if check.kind == "asks_chosen":
            return max(1, int(check.params.get("min", 1)))
    return 1


def chosen_texts(asks: Iterable[Ask]) -> list[str]:
    """The questions to ask that are chosen and not blank: what every count and list of them uses."""
    return [a.text for a in asks if a.chosen and a.text.strip()]


def chosen_asks(company: Company) -> int:
    return len(chosen_texts(company.asks))


def is_answered(question: Question, company: Company) -> bool:
    """A written answer that is not blank; for the asks question, enough questions chosen."""
    if question.asks:
        return chosen_asks(company) >= asks_wanted(question)
    return bool(company.answer_text(question.id).strip())


class Progress(NamedTuple):
    answered: int
    questions: int
    researched: int
    checklist: int

    @property
    def complete(self) -> bool:
        return self.answered == self.questions

    @property
    def summary(self) -> str:
        return progress_text(self.answered, self.questions, self.researched, self.checklist)


def progress(catalog: Catalog, company: Company) -> Progress:
    questions = questions_for(catalog, company)
    items = [c.id for c in catalog.checklist]
    answered = sum(1 for q in questions if is_answered(q, company))
    return Progress(answered, len(questions), company.researched(items), len(items))


def progress_text(answered: int, questions: int, researched: int, checklist: int) -> str:
    """The one wording of progress, for the picker, `finale list` and the review: "answers 2/4  research 1/8"."""
    return f"answers {answered}/{questions}  research {researched}/{checklist}"


def readiness_text(passed: int, total: int) -> str:
    """Checks passed plus research done over their total, with the percentage: "12/30 (40%)"."""
    percent = round(100 * passed / total) if total else 0
    return f"{passed}/{total} ({percent}%)"


def soonest_first(when: datetime | None, name: str, now: datetime, broken: bool = False) -> tuple[int, float, str]:
    """Sort key: upcoming interviews soonest first, then no date, then past ones (latest first), then broken files."""
    if broken:
        return (3, 0.0, name)
    if when is None:
        return (1, 0.0, name.casefold())
    if when >= now:
        return (0, when.timestamp(), name.casefold())
    return (2, -when.timestamp(), name.casefold())

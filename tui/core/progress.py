"""What a company's notes add up to: the questions it has and how far along it is."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.notes import Company
from tui.core.packs import Catalog, Question


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
    """The packs' questions, then the company's own custom questions, every id unique."""
    unique_question_ids(catalog, company)
    custom = [
        Question(id=c.id, prompt=c.prompt, why_they_ask="A question you added for this company.", custom=True)
        for c in company.custom_questions
    ]
    return catalog.questions + custom


@dataclass(frozen=True)
class Progress:
    answered: int
    questions: int
    researched: int
    checklist: int

    @property
    def summary(self) -> str:
        return f"answers {self.answered}/{self.questions}  research {self.researched}/{self.checklist}"


def progress(catalog: Catalog, company: Company) -> Progress:
    questions = [q.id for q in questions_for(catalog, company)]
    items = [c.id for c in catalog.checklist]
    return Progress(company.answered(questions), len(questions), company.researched(items), len(items))

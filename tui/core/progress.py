"""What a company's notes add up to: the questions it has and how far along it is."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.notes import Company
from tui.core.packs import Catalog, Question


def questions_for(catalog: Catalog, company: Company) -> list[Question]:
    """The packs' questions, then the company's own custom questions."""
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

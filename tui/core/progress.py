"""What a company's notes add up to: the questions it has and how far along it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
        return progress_text(self.answered, self.questions, self.researched, self.checklist)


def progress(catalog: Catalog, company: Company) -> Progress:
    questions = [q.id for q in questions_for(catalog, company)]
    items = [c.id for c in catalog.checklist]
    return Progress(company.answered(questions), len(questions), company.researched(items), len(items))


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

"""Answers to questions no longer in any pack: kept on disk, and shown so the user can decide.

A pack update or a removed pack can take a question away; its answer stays in
the notes file (finale never drops typed text) but nothing showed it. These
functions find such answers and turn one into a custom question or delete it.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.notes import Company, CustomQuestion
from tui.core.packs import Catalog
from tui.core.progress import questions_for

TITLE = "Answers to questions no longer in any pack"
"""What the notice on opening a company and the dialog are called."""


class Orphan(NamedTuple):
    question_id: str
    text: str


def orphan_answers(catalog: Catalog, company: Company) -> list[Orphan]:
    """Answers with text whose question is in no loaded pack and is not one of the company's own."""
    known = {q.id for q in questions_for(catalog, company)}
    return [Orphan(qid, answer.text) for qid, answer in company.answers.items()
            if qid not in known and answer.text.strip()]


def keep_as_custom(company: Company, question_id: str) -> None:
    """Make the answer's question one of the company's own; the answer stays under the same id."""
    if all(c.id != question_id for c in company.custom_questions):
        prompt = f"Kept from a question no longer in any pack ({question_id})"
        company.custom_questions.append(CustomQuestion(question_id, prompt))


def delete_answer(company: Company, question_id: str) -> None:
    company.answers.pop(question_id, None)

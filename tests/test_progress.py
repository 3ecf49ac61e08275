"""One notion of answered, used by the picker, `finale list`, the review and the question rows."""

from __future__ import annotations

from tests.helpers import NOW
from tui.core.notes import Ask, Company
from tui.core.packs import load_catalog
from tui.core.progress import progress, questions_for
from tui.core.review import build_review


def test_the_asks_question_is_answered_once_enough_questions_are_chosen():
    catalog = load_catalog(None)
    company = Company(name="Done Co")
    for question in catalog.questions:
        company.set_answer(question.id, "I led it.", NOW)
    company.asks += [Ask("What matters most?", "strategy", True), Ask("Who do I work with?", "collaboration", True)]
    assert progress(catalog, company).summary.startswith("answers 3/4")
    company.asks.append(Ask("What is hard here?", "challenges", False))
    assert progress(catalog, company).answered == 3  # not chosen: does not count
    company.asks[-1].chosen = True
    done = progress(catalog, company)
    assert (done.answered, done.questions, done.complete) == (4, 4, True)
    assert not any("chosen" in gap or "No answer" in gap for gap in build_review(catalog, company, NOW).gaps)


def test_prompts_use_the_companys_role():
    catalog = load_catalog(None)
    prompts = [q.prompt for q in questions_for(catalog, Company(name="X", role="Director of Product"))]
    assert "Why do you want to work here as a Director of Product?" in prompts
    assert not any("Senior Product Manager" in p for p in prompts)
    plain = [q.prompt for q in questions_for(catalog, Company(name="X"))]
    assert "Why do you want to work here as a Senior Product Manager?" in plain


def test_a_blank_chosen_ask_counts_nowhere():
    """A hand-edited `text = ""` marked chosen is not a question: every count and list agrees."""
    from tui.core.mock import MockRun
    from tui.core.progress import chosen_texts
    from tui.core.rows import answer_line

    catalog = load_catalog(None)
    asks_q = next(q for q in catalog.questions if q.asks)
    company = Company(name="Blank Co")
    company.asks += [Ask("What matters most?", "strategy", True), Ask("   ", "mine", True), Ask("", "mine", True)]
    assert answer_line(asks_q, company, 150)[0] == "1 chosen to ask"
    assert build_review(catalog, company, NOW).asks == ["What matters most?"]
    assert MockRun.of(catalog, company).asks == ["What matters most?"]
    assert chosen_texts(company.asks) == ["What matters most?"]  # the asks editor's count

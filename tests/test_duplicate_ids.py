"""Custom questions whose ids repeat (a git merge, a hand edit) open with a message, nothing dropped."""

from __future__ import annotations

from tests.helpers import NOW, acme, make_app, make_store, open_company
from tui.core.notes import CustomQuestion
from tui.core.packs import load_catalog
from tui.core.progress import questions_for, unique_question_ids
from tui.screens.prepare import PrepareScreen


def _merged():
    company = acme()
    company.custom_questions = [
        CustomQuestion("why-robots", "Why robotics?"),
        CustomQuestion("why-robots", "Why robots, after the merge?"),
        CustomQuestion("why-here", "Why here, my own wording?"),
        CustomQuestion("why-robots-2", "Already called -2"),
    ]
    company.set_answer("why-robots", "Because arms.", NOW)
    return company


def test_repeated_ids_are_renamed_with_a_suffix_and_nothing_is_dropped():
    catalog = load_catalog(None)
    company = _merged()
    messages = unique_question_ids(catalog, company)
    ids = [c.id for c in company.custom_questions]
    assert ids == ["why-robots", "why-robots-3", "why-here-2", "why-robots-2"]
    assert [c.prompt for c in company.custom_questions] == [
        "Why robotics?", "Why robots, after the merge?", "Why here, my own wording?", "Already called -2"]
    assert company.answer_text("why-robots") == "Because arms."
    assert len(messages) == 2 and "why-robots-3" in messages[0] and "why-here-2" in messages[1]
    all_ids = [q.id for q in questions_for(catalog, company)]
    assert len(all_ids) == len(set(all_ids))
    assert unique_question_ids(catalog, company) == []


async def test_a_company_with_repeated_ids_opens_and_says_so(tmp_path):
    store = make_store(tmp_path)
    store.create(_merged())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        assert isinstance(screen, PrepareScreen)
        prompts = [q.prompt for q in screen.questions]
        for prompt in ("Why robotics?", "Why robots, after the merge?", "Why here, my own wording?", "Already called -2"):
            assert prompt in prompts
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "why-robots-3" in notes and "why-here-2" in notes

"""The question heading above the answer is whole, or ends in "…" where the pane is too short (walk #16)."""

from __future__ import annotations

import pytest

from tests.helpers import NOW, acme, make_app, make_store, open_company
from tui.widgets.answer_pane import EDITOR_ROWS
from tui.widgets.check_list import CheckList

ROLE = "Senior Product Manager, Autonomous Fleet Orchestration and Hospital Integrations"
PROMPT = f"Why do you want to work here as a {ROLE}?"


async def _heading(tmp_path, size, role=ROLE):
    company = acme()
    company.role = role
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_company(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        return str(screen.query_one("#prompt").render()), screen.query_one("#answer").size.height


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (40, 20)])
async def test_the_heading_shows_the_whole_question(tmp_path, size):
    heading, editor_rows = await _heading(tmp_path, size)
    assert " ".join(heading.split()) == PROMPT
    assert editor_rows >= EDITOR_ROWS


async def test_a_pane_too_short_for_it_ends_the_heading_with_an_ellipsis(tmp_path):
    role = f"{ROLE}, {ROLE}, {ROLE}"
    heading, editor_rows = await _heading(tmp_path, (40, 20), role)
    assert heading.endswith("…")
    assert f"Why do you want to work here as a {role}?".startswith(" ".join(heading[:-1].split()))
    assert editor_rows >= EDITOR_ROWS


@pytest.mark.parametrize(("size", "role"), [((80, 24), ROLE), ((60, 20), "Senior Product Manager"), ((60, 20), ROLE)])
async def test_the_coach_shows_its_first_verdict_whole_then_how_many_more(tmp_path, size, role):
    """Walk #22: at 60x20 the first verdict was cut mid-sentence and "+N more" was below the fold.

    With the long role the whole question and the whole verdict do not both fit 60x20 above a
    three-row editor: then each ends in "…" and nothing is cut silently.
    """
    company = acme()
    company.role = role
    company.set_answer("strengths-weaknesses", "I am strong at roadmaps and weak at sleep.", NOW)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_company(pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        await pilot.pause()
        checks = app.screen.query_one("#checks", CheckList)
        prompts = [" ".join(str(checks.get_option_at_index(i).prompt).split()) for i in range(checks.option_count)]
        verdict = f"✗ {checks.results[0].message}"
        if role == ROLE and size == (60, 20):
            assert prompts[0].endswith("…") and verdict.startswith(prompts[0][:-1])
        else:
            assert prompts[0] == verdict
        assert prompts[-1].startswith(f"+{len(checks.results) - len(prompts) + 1} more")
        assert checks.max_scroll_y == 0, "a verdict or the +N more line is below the fold"
        assert app.screen.query_one("#answer").size.height >= EDITOR_ROWS
        heading = " ".join(str(app.screen.query_one("#prompt").render()).split())
        assert heading == app.screen.question.prompt or heading.endswith("…")

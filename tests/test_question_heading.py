"""The question heading above the answer is whole, or ends in "…" where the pane is too short (walk #16)."""

from __future__ import annotations

import pytest

from tests.helpers import acme, make_app, make_store, open_company
from tui.widgets.answer_pane import EDITOR_ROWS

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

"""The coach is the dearest thing finale runs: once per edit, once per review, counted by question."""

from __future__ import annotations

from collections import Counter

import pytest

import tui.core.checks
import tui.screens.prepare_panes
from tests.helpers import FakeClock, acme, make_app, make_store, open_company
from tui.cli import main
from tui.screens.review import ReviewScreen


@pytest.fixture
def coach_runs(monkeypatch) -> Counter[str]:
    """How often the coach read each question's answer, wherever it was run from."""
    runs: Counter[str] = Counter()
    real = tui.core.checks.run_checks

    def counted(question, text, ctx):
        runs[question.id] += 1
        return real(question, text, ctx)

    monkeypatch.setattr(tui.core.checks, "run_checks", counted)
    monkeypatch.setattr(tui.screens.prepare_panes, "run_checks", counted)
    return runs


async def test_once_per_edit_even_when_the_save_redraws_the_row(tmp_path, coach_runs):
    make_store(tmp_path).create(acme())
    fake = FakeClock()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("enter")
        await pilot.pause()
        coach_runs.clear()
        await pilot.press("x")
        fake.advance(2)  # the check (0.4 s) and the autosave (1 s) both fire
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.session.dirty  # saved, and the row redrawn from the saved message
        assert coach_runs == Counter({"why-here": 1})


async def test_once_per_question_for_the_review_screen(tmp_path, coach_runs):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        coach_runs.clear()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        questions = {q.id for q in screen.questions}
    assert set(coach_runs) == questions and set(coach_runs.values()) == {1}


@pytest.mark.parametrize("command", [["review", "acme"], ["review", "acme", "--brief"],
                                     ["export", "acme", "--format", "md"]])
def test_once_per_question_for_the_printing_commands(tmp_path, coach_runs, capsysbinary, command):
    make_store(tmp_path).create(acme())
    assert main(["--data-dir", str(tmp_path), *command]) == 0
    assert coach_runs and set(coach_runs.values()) == {1}

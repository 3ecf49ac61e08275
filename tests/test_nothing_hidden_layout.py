"""Issue 24: layout that gives way in order, at 80x24 and 60x20: header, question list, picker, `finale list`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers import NOW, FakeClock, acme, make_app, make_store, open_company
from tui.cli import main
from tui.core.fields import fit_words, header_subtitle, pack_fields
from tui.core.notes import Rehearsal
from tui.core.sanitize import cells

LONG_ROLE = "Senior Product Manager, Platform Partnerships"


def test_pack_fields_breaks_between_fields_only():
    lines = pack_fields(["rehearsed", "149 w", "coach 5/6"], 20)
    assert lines == ["rehearsed · 149 w", "coach 5/6"]
    assert pack_fields(["a very long single field"], 5) == ["a very long single field"]
    assert fit_words("Senior Product Manager, Platform", 18) == "Senior Product…"
    assert fit_words("Supercalifragilistic", 5) == ""


def test_header_keeps_the_countdown_and_shortens_the_role():
    sub = header_subtitle("Acme Robotics", LONG_ROLE, "in 10 min", 80)
    assert sub.endswith(" · in 10 min") and sub.startswith("Senior Product")
    assert cells(f"Acme Robotics — {sub}") <= 80 - 18
    assert header_subtitle("Acme Robotics", "Senior Product Manager", "in 10 min", 60).endswith("in 10 min")


def _screen_text(app) -> list[str]:
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(file=io.StringIO(), width=width, height=height, record=True, color_system=None)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


@pytest.mark.parametrize("size, role", [((80, 24), LONG_ROLE), ((60, 20), "Senior Product Manager")])
async def test_prepare_header_shows_the_countdown_ten_minutes_before(tmp_path, size, role):
    """Problem 3: the long role pushed "in 10 min" off the header."""
    company = acme()
    company.role, company.interview_at = role, NOW + timedelta(minutes=10)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=size) as pilot:
        await open_company(pilot)
        await pilot.pause()
        header = _screen_text(app)[0]
        assert "Acme Robotics" in header and "in 10 min" in header, header


async def test_question_list_wraps_prompts_and_keeps_the_coach_score_whole(tmp_path):
    """Problem 5: "What are your biggest…" and "rehearsed · 149 w · ✓…" at 80x24."""
    company = acme()
    company.rehearsals.append(Rehearsal("why-here", NOW, 70, 3))
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.pause()
        right = app.screen.query_one("#questions").region.right
        # The list's columns of the screen, its lines joined: what a reader of the list can read.
        shown = " ".join(" ".join(line[:right].strip("│╭╮╰╯─ ").split()) for line in _screen_text(app)[1:23])
        assert "What are your biggest strengths and weaknesses" in shown, shown
        assert "13 w · coach 2/6" in shown, shown


def test_finale_list_never_wraps_mid_field_at_80_columns(tmp_path, capsys, monkeypatch):
    """Problem 4: `finale list` wrapped "answers 2/5" onto the next line."""
    from datetime import datetime

    company = acme("Northwind Intercontinental Logistics & Robotics")
    company.role, company.interview_at = LONG_ROLE, datetime.now().replace(microsecond=0) + timedelta(days=2)
    make_store(tmp_path / "data").create(company)
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--data-dir", str(tmp_path / "data"), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(cells(line) <= 80 for line in lines), lines
    assert any("answers 1/4" in line for line in lines) and any(LONG_ROLE in line for line in lines)
    monkeypatch.delenv("COLUMNS")
    main(["--data-dir", str(tmp_path / "data"), "list"])
    assert len(capsys.readouterr().out.splitlines()) == 1  # piped: one line a company, for scripts


async def test_picker_details_wrap_between_fields(tmp_path):
    """Problem 4: the picker split "answers 2/5" like `finale list`."""
    company = acme("Northwind Intercontinental Logistics & Robotics")
    company.role = LONG_ROLE
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        prompt = str(app.screen.query_one("#companies").get_option_at_index(0).prompt)
        lines = prompt.splitlines()
        assert all(cells(line) <= 80 - 4 for line in lines), lines
        assert any("answers 1/4" in line for line in lines)


async def test_coach_lines_use_the_width_they_have_from_100_columns(tmp_path):
    """Problem 5: coach lines ended in "…" even at 120 columns."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(120, 36)) as pilot:
        await open_company(pilot)
        await pilot.pause()
        checks = app.screen.query_one("#checks")
        right = checks.region.right
        rows = [line[checks.region.x:right] for line in _screen_text(app)[checks.region.y:checks.region.bottom]]
        assert rows and not any(row.rstrip().endswith("…") for row in rows), rows
        assert any("where you say what draws you to it." in row for row in rows)  # a verdict to its end


def _coach_rows(app) -> list[str]:
    checks = app.screen.query_one("#checks")
    region = checks.content_region
    return [line[region.x:region.right].rstrip() for line in _screen_text(app)[region.y:region.bottom]]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_coach_verdicts_are_whole_at_80_columns_and_the_rest_say_how_many(tmp_path, size):
    """Coach lines ended in "…" at 80 columns (they wrapped only from 100); where the height is
    short, whole verdicts give way to "+N more" instead of one being cut at the bottom."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=size) as pilot:
        await open_company(pilot)
        await pilot.pause()
        checks = app.screen.query_one("#checks")
        rows = _coach_rows(app)
        assert rows and not any(row.endswith("…") for row in rows), rows
        text = " ".join(" ".join(rows).split())
        shown = [r for r in checks.results if r.message in text]
        assert shown == checks.results[:len(shown)] and shown, text  # the most urgent first, each whole
        hidden = len(checks.results) - len(shown)
        assert (f"+{hidden} more" in text) == (hidden > 0), text
        assert hidden > 0 or size != (80, 24)  # six verdicts do not all fit whole at 80x24

        await pilot.press("enter", "tab")  # into the editor, then to the coach: all of them, scrolling
        await pilot.pause()
        await pilot.pause()
        assert app.focused is checks and checks.option_count == len(checks.results)
        await pilot.press("shift+tab")
        await pilot.pause()
        await pilot.pause()
        assert checks.option_count == len(shown) + (hidden > 0)

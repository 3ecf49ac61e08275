"""The in-app review (`v`) at the size it is shown, and again after a resize (walk findings 3, 4, 6, 14)."""

from __future__ import annotations

from datetime import timedelta

from tests.helpers import NOW, FakeClock, make_app, make_store, open_company
from tests.test_brief import DEMO
from tests.test_brief_priority import LONG_ASKS, LONG_PEOPLE, answers_shown
from tests.test_nothing_hidden_layout import _screen_text
from tui.cli import main
from tui.core.notes import Ask, Company
from tui.core.sanitize import cells
from tui.core.store import company_from

ROLE = "Senior Product Manager, Autonomous Fleet Orchestration and Hospital Integrations"
WORD = "supercalifragilisticexpialidociously-long-hyphenated-identifier-included"


def aurelian() -> Company:
    company = Company(name="Aurelian Healthcare Logistics International", role=ROLE,
                      interview_at=NOW + timedelta(days=2))
    company.interviewers = list(LONG_PEOPLE)
    company.set_answer("why-here", "Aurelian runs carts in 112 hospitals and I want to own orchestration.", NOW)
    company.asks += [Ask(text, topic, True) for text, topic in zip(
        [*LONG_ASKS, f"What is the hardest problem in fleet reliability right now, {WORD}, and who owns it?"],
        ("strategy", "collaboration", "challenges"), strict=True)]
    return company


async def open_review(tmp_path, company, size):
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    pilot_cm = app.run_test(size=size)
    pilot = await pilot_cm.__aenter__()
    await open_company(pilot)
    await pilot.press("v")
    await pilot.pause()
    return app, pilot, pilot_cm


def brief_of(app) -> str:
    return str(app.screen.query_one("#review-brief").render())


def check_fits(app) -> None:
    """Every line of the brief within the Static's width: wider, the Static re-wrapped it, mid-word."""
    static = app.screen.query_one("#review-brief")
    text = brief_of(app)
    assert max(cells(line) for line in text.splitlines()) <= static.content_region.width, text
    rows = [row for row in _screen_text(app) if row.strip()]
    assert not any(row.strip() in ("ed,", "now,") for row in rows), rows  # no word cut, no orphaned tail
    body = " ".join(" ".join(rows).split()).replace("- ", "-")
    assert WORD in body  # broken at its hyphens only, if at all


async def test_long_brief_in_app_keeps_words_and_hanging_indents_at_80x24(tmp_path):
    """Walk finding 6: "includ / ed," cut mid-word, "Programs)" back at column 2, no "Review" in the header."""
    app, pilot, cm = await open_review(tmp_path, aurelian(), (80, 24))
    try:
        check_fits(app)
        lines = brief_of(app).splitlines()
        people = lines[lines.index("Interviewers:") + 1:next(i for i, line in enumerate(lines) if line.startswith("Readiness"))]
        assert len(people) >= 4
        assert answers_shown(brief_of(app))[0][1] == ["Aurelian runs carts in 112 hospitals and I want to own orchestration."]
        assert all(line.startswith("  ") for line in people), people
        assert _screen_text(app)[0].split("§", 1)[1].strip().startswith("Review · "), _screen_text(app)[0]
    finally:
        await cm.__aexit__(None, None, None)


async def test_review_header_keeps_the_whole_role_when_it_fits(tmp_path):
    """Walk finding 3: "Senior Product…" at 80 columns, with room for "Manager" and more."""
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    app, pilot, cm = await open_review(tmp_path, company, (80, 24))
    try:
        header = _screen_text(app)[0]
        assert f"Review · {company.name} — {company.role} · " in header, header
    finally:
        await cm.__aexit__(None, None, None)


async def test_review_lays_out_again_when_the_window_grows(tmp_path):
    """Walk finding 14: opened at 40x20 and grown to 80x24, it kept the 40-column page and header."""
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    app, pilot, cm = await open_review(tmp_path, company, (80, 24))
    try:
        at_80, header_80 = brief_of(app), _screen_text(app)[0]
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        assert max(cells(line) for line in brief_of(app).splitlines()) <= 37
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert brief_of(app) == at_80
        assert _screen_text(app)[0] == header_80 and "Review · " in header_80
    finally:
        await cm.__aexit__(None, None, None)


async def test_in_app_brief_shows_what_the_printed_brief_shows(tmp_path, capsys, monkeypatch):
    """Walk finding 4: `v` showed 2 answers where `--brief --width 80` showed 3 (README: the same page)."""
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    company.interview_at = NOW + timedelta(days=3)
    monkeypatch.setenv("LINES", "24")
    app, pilot, cm = await open_review(tmp_path, company, (80, 24))
    try:
        in_app = answers_shown(brief_of(app))
    finally:
        await cm.__aexit__(None, None, None)
    assert main(["--data-dir", str(tmp_path), "review", "northwind", "--brief", "--width", "80"]) == 0
    printed = answers_shown(capsys.readouterr().out)
    assert [(h, [c.replace("  ", " ") for c in cues]) for h, cues in in_app] == \
        [(h, [c.replace("  ", " ") for c in cues]) for h, cues in printed]
    assert len(in_app) == 3

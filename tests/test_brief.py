"""The review that fits and tells the truth: gaps first, --brief in 80x24, talking points, absolute dates."""

from __future__ import annotations

import shutil
from datetime import datetime

from tests.helpers import NOW, acme
from tui.cli import main
from tui.core import paths
from tui.core.brief import cells, render_brief
from tui.core.notes import Rehearsal
from tui.core.packs import load_catalog
from tui.core.review import build_review, render_markdown
from tui.core.speech import talking_points
from tui.core.store import NotesStore

DEMO = paths.builtin_content_dir() / "demo" / "northwind-robotics.toml"


def demo_store(tmp_path) -> NotesStore:
    store = NotesStore(tmp_path / "data")
    store.companies.mkdir(parents=True, exist_ok=True)
    shutil.copy(DEMO, store.companies / DEMO.name)
    return store


def test_brief_on_the_demo_names_its_gaps_when_there_is_room(tmp_path, capsys, monkeypatch):
    # At 80x24 every answer's first cue comes first and the gaps are only counted (test_brief_priority).
    store = demo_store(tmp_path)
    monkeypatch.setenv("LINES", "41")
    assert main(["--data-dir", str(store.root), "review", "northwind", "--brief", "--width", "80"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) <= 40 and max(cells(line) for line in lines) <= 80
    gaps = out[out.index("\nGaps\n"):out.index("\nAnswers\n")]
    assert "Fails checks:" not in gaps               # the demo passes every coach check (issue 14)
    assert "Never rehearsed" in gaps and "What makes you the right fit" in gaps
    assert "Ask them" in out and "Interviewers: VP Product" in out
    assert out.index("Gaps") < out.index("Answers") < out.index("Ask them")


def test_brief_on_the_demo_with_a_weak_draft_names_the_failing_check(tmp_path, capsys, monkeypatch):
    # The shipped demo passes every check (issue 14); a user's weaker draft of one answer must show up.
    store = demo_store(tmp_path)
    monkeypatch.setenv("LINES", "41")
    loaded = store.load("northwind-robotics")
    loaded.company.set_answer("right-fit", "I guess I am a good fit, basically.", NOW)
    store.save(loaded.slug, loaded.company, loaded.digest)
    assert main(["--data-dir", str(store.root), "review", "northwind", "--brief", "--width", "80"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 40
    gaps = out[out.index("\nGaps\n"):out.index("\nAnswers\n")]
    assert "Coach on What makes you the right fit" in gaps and "Never rehearsed" in gaps


def test_gaps_name_failing_checks_unrehearsed_again_and_time():
    company = acme()
    company.set_answer("right-fit", "I led teams. " * 40, NOW)
    company.rehearsals = [Rehearsal("why-here", NOW, 200, 3), Rehearsal("right-fit", NOW, 80, 1)]
    review = build_review(load_catalog(None), company, NOW)
    assert any(g.startswith("Coach on Why do you want to work here…: ") for g in review.gaps)
    assert "Never rehearsed (2): What are your biggest…; Do you have any questions for…" in review.gaps
    assert "Last rated again (1): What makes you the right fit…" in review.gaps
    assert any(g.startswith("Over time when last said: Why do you want to work here… (3:20") for g in review.gaps)


def test_a_brief_with_many_gaps_still_fits_and_says_how_many_were_cut():
    company = acme()
    review = build_review(load_catalog(None), company, NOW)
    review.gaps = [f"gap {i}" for i in range(40)]
    text = render_brief(review, 80, 24)
    assert len(text.splitlines()) == 24 and "more in the full review" in text


def test_talking_points_keep_every_sentence_with_a_figure_or_a_name():
    text = ("I like building products. I ran the platform team. We cut integration time by 35%. "
            "It was hard work. Then Globex bought the company.\n\nMy weakness is detail. I am working on it.")
    assert talking_points(text) == ["I like building products.", "We cut integration time by 35%.",
                                    "Then Globex bought the company.", "My weakness is detail."]
    assert talking_points("- one\n- two 35%") == ["one", "two 35%"]


def test_exports_state_absolute_dates_not_countdowns():
    company = acme()
    company.interview_at = datetime(2026, 12, 1, 15, 0)
    review = build_review(load_catalog(None), company, NOW)
    printed = render_markdown(review, relative=False)
    assert "Interview: Tuesday 1 December 2026, 15:00" in printed and "in 5 days" not in printed
    assert "(in 5 days" in render_markdown(review)


async def test_the_in_app_review_opens_on_a_brief_that_fits_the_first_page(tmp_path):
    from tests.helpers import make_app, make_store, open_company
    from tui.core.store import company_from

    company, _ = company_from(DEMO.read_bytes(), DEMO)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("v")
        await pilot.pause()
        brief = app.screen.query_one("#review-brief")
        text = str(brief.render())
        assert "3 gaps: see the full review" in text and text.index("Answers") < text.index("Ask them")
        assert brief.region.height <= 22 and brief.region.bottom <= 23    # between header and footer

"""A huge answer (an accidental paste of a log) is kept whole, shown cut short, and slows nothing."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.helpers import NOW, acme, make_app, make_store, open_company, saved
from tui.core.checks import CheckContext, run_checks
from tui.core.packs import load_catalog
from tui.core.speech import HUGE_WORDS, is_huge, word_count

LOG = "2026-11-26 10:00:00 INFO worker started ok\n" * (HUGE_WORDS // 6 + 100)


def test_a_huge_answer_is_only_checked_for_its_length():
    catalog = load_catalog(None)
    company = acme()
    question = catalog.questions[0]
    assert is_huge(LOG) and not is_huge("a few words")
    results = run_checks(question, LOG, CheckContext.of(catalog, company))
    assert results and not any(r.passed for r in results)
    assert any("not checked" in r.message for r in results)
    assert any("too long" in r.message.lower() for r in results if r.check.kind == "length")
    assert not any("{company}" in r.message for r in results)
    assert word_count(LOG) == word_count(LOG + "") == len(LOG.split())


async def test_a_huge_answer_opens_read_only_and_is_saved_whole(tmp_path):
    company = acme()
    company.set_answer("why-here", LOG, NOW)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        editor = screen.query_one("#answer", TextArea)
        assert screen.question_id == "why-here"
        assert editor.read_only and len(editor.text) < 20_000 and "too long to edit here" in editor.text
        assert "read-only here" in str(screen.query_one("#answer-status").render())
        await pilot.press("enter", "x", "y")
        await pilot.press("escape", "down", "enter", "h", "i")
        await pilot.pause()
        assert not screen.query_one("#answer", TextArea).read_only
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    answers = saved(app.store, "acme-robotics")["answers"]
    assert answers["why-here"]["text"] == LOG
    assert answers["right-fit"]["text"] == "hi"

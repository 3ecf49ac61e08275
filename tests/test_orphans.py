"""Issue 13.7: answers to questions no longer in any pack are shown, and can be kept or deleted."""

from __future__ import annotations

from tests.helpers import NOW, acme, make_app, make_store, open_company, saved
from tui.cli import main
from tui.core.orphans import orphan_answers
from tui.core.packs import load_catalog
from tui.dialogs.orphan_answers import OrphanAnswersDialog


def with_orphans(root):
    company = acme()
    company.set_answer("gone-q", "An answer to a question a pack update removed.", NOW)
    company.set_answer("also-gone", "Another one.", NOW)
    make_store(root).create(company)
    return company


def test_orphans_are_found_and_listed(data_dir, capsys):
    company = with_orphans(data_dir)
    assert [o.question_id for o in orphan_answers(load_catalog(None), company)] == ["gone-q", "also-gone"]
    assert main(["list"]) == 0
    assert "2 old answers" in capsys.readouterr().out


async def test_view_keep_and_delete_orphan_answers(tmp_path):
    with_orphans(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_company(pilot)
        await pilot.press("o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, OrphanAnswersDialog)
        assert "a pack update removed" in str(dialog.query_one("#orphan-text").render())
        await pilot.press("k", "down", "x", "escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    doc = saved(app.store, "acme-robotics")
    assert [c["id"] for c in doc["custom_questions"]] == ["gone-q"]
    assert doc["answers"]["gone-q"]["text"].startswith("An answer")
    assert "also-gone" not in doc["answers"]

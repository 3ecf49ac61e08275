"""Layout at 80x24 and 100x30: compact rows that re-measure, a list that takes a share, room to coach."""

from __future__ import annotations

from textual.geometry import Region

from tests.helpers import acme, make_app, make_store, open_company
from tui.core.notes import ChecklistEntry
from tui.core.packs import load_catalog


def shown(widget) -> str:
    """The text a widget puts on screen now, without moving anything first."""
    width, height = widget.size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


async def test_a_wrapping_research_note_shows_its_last_line(tmp_path):
    """Problem 6: a note that wraps is drawn whole, multi-line notes keep their lines."""
    company = acme()
    ids = [item.id for item in load_catalog(None).checklist]
    for item_id in ids:
        company.checklist[item_id] = ChecklistEntry(True, "Robot arm and vision kit and a service plan for each")
    company.checklist[ids[-1]].note += "\nEND-OF-NOTE"
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("4", "end")
        await pilot.pause()
        assert "END-OF-NOTE" in shown(screen.query_one("#checklist-list"))


async def test_after_a_rehearsal_the_row_shows_its_history_at_once(tmp_path):
    """Problem 6: the "due in … · 1× · hard" line appears without moving the cursor."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("h")  # the history on demand
        await pilot.press("r", "space", "space", "2", "y")  # 0:00: rate it anyway
        await pilot.pause()
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert "due in 6 h · 1×" in shown(screen.query_one("#questions"))


async def test_compact_rows_fit_every_question_and_the_list_takes_a_share(tmp_path):
    """Problem 12: every question fits at 80x24 with its status line; the list grows with the window.

    Issue 24: each prompt is wrapped at its words, whole, not cut to one line.
    """
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        listing = screen.query_one("#questions")
        assert listing._lines and 2 * listing.option_count <= len(listing._lines) <= listing.scrollable_content_region.height
        narrow = listing.outer_size.width
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert listing.outer_size.width > narrow
        # From 100 columns the tips sit beside the answer.
        assert screen.query_one("#tips").display and screen.query_one("#answer-pane").display
        assert screen.query_one("#checks").outer_size.height >= 8


async def test_starters_wrap_show_their_category_and_a_mark_without_colour(tmp_path, monkeypatch):
    """Problem 7: starters are whole, their category is text, and [x] marks the chosen ones."""
    from tests.helpers import saved
    from tui.dialogs.starter_dialog import StarterDialog

    monkeypatch.setenv("NO_COLOR", "1")
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("end", "2", "s")  # the questions to ask them, then the starters
        await pilot.pause()
        assert isinstance(app.screen, StarterDialog)
        first = app.screen.starters[0]
        await pilot.press("space", "down", "space")
        await pilot.pause()
        text = shown(app.screen.query_one("#starters"))
        flat = " ".join(text.split())
        assert " ".join(first.text.split()) in flat and "…" not in text
        assert first.category in text.split("\n")[2]
        assert text.count("[x]") == 2 and "[ ]" in text
        await pilot.press("enter")
        await pilot.pause()
        # Problem 4: three chosen answers the question, in the row as in the core.
        row = app.screen.query_one("#questions")._rows["questions-for-us"]
        assert (row.state, row.words, row.unit) == ("drafted", 3, "chosen")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    asks = saved(app.store, "acme-robotics")["asks"]
    assert [a["chosen"] for a in asks] == [True, True, True] and asks[1]["text"] == first.text

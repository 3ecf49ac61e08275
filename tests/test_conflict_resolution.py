"""A save that conflicts, resolved from the Prepare screen at 80x24, asserting the files on disk."""

from __future__ import annotations

import copy
from contextlib import asynccontextmanager

import pytest
from textual.widgets import TextArea

import tui.saving
from tests.helpers import NOW, acme, make_app, make_store, saved
from tests.test_prepare import open_acme, type_text
from tui.core.conflicts import separator
from tui.dialogs.compare import CompareScreen
from tui.screens.help import HelpScreen, binding_rows
from tui.widgets.conflict_bar import ConflictBar

SLUG = "acme-robotics"
ORIGINAL = "- Your robot arm leads the market\n- I scaled a similar line"
THEIRS = ORIGINAL.replace("Your robot arm", "Edited elsewhere")


@pytest.fixture(autouse=True)
def _no_timers(monkeypatch):
    """Only ctrl+s saves and only the keys act: an autosave or a disk poll on a slow machine would
    move the conflict into the middle of the typing."""
    monkeypatch.setattr(tui.saving, "DISK_POLL_SECONDS", 3600)
    monkeypatch.setitem(tui.saving.DELAYS, tui.saving.Edit.TYPING, 3600)
    monkeypatch.setattr(tui.saving, "LONGEST_WAIT_SECONDS", 3600)  # slow typing on a loaded machine


async def make_conflict(pilot, app, store):
    """Type into an answer while the file changes on disk, then ctrl+s: the save conflicts."""
    screen = await open_acme(pilot, app)
    path = store.path_for(SLUG)
    path.write_text(path.read_text().replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    await pilot.press("enter")
    await pilot.press("ctrl+home")
    await type_text(pilot, "Mine ")
    await pilot.press("ctrl+s")
    await pilot.pause()
    return screen


@asynccontextmanager
async def conflicted(tmp_path):
    """The app at 80x24 with Acme open, just after a save that conflicted."""
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        yield app, pilot, await make_conflict(pilot, app, store), store


def copies(store):
    return sorted(store.companies.glob(f"{SLUG}.toml.conflict-*"))


def trashed(store, pattern="*"):
    return sorted(p.name for p in store.trash.glob(pattern)) if store.trash.exists() else []


def bar_text(screen) -> str:
    bar = screen.query_one(ConflictBar)
    return str(bar.render()) if bar.display else ""


async def test_the_bar_shows_after_a_conflict_and_keep_yours_writes_yours(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == THEIRS
        assert len(copies(store)) == 1
        name = copies(store)[0].name
        assert "Changed elsewhere" in bar_text(screen) and "esc, then" in bar_text(screen)
        assert screen.query_one("#answer-status").region.bottom <= 23  # the status line is still on screen
        await pilot.press("escape")
        assert "esc, then" not in bar_text(screen)
        await pilot.press("Y")
        await pilot.pause()
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == "Mine " + ORIGINAL
        assert screen.query_one("#answer", TextArea).text == "Mine " + ORIGINAL
        assert copies(store) == [] and bar_text(screen) == ""
        assert trashed(store, "*.conflict-*") == [name]
        aside = store.trash / f"{SLUG}.toml.replaced-20261126-100000"
        assert THEIRS.splitlines()[0] in aside.read_text()  # the file's version is not lost either
        assert not screen.session.dirty


async def test_keep_theirs_leaves_the_file_and_trashes_the_copy_keeping_later_typing(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        first = copies(store)[0]
        mine_bytes = first.read_bytes()
        await pilot.press("ctrl+home")
        await type_text(pilot, "Later ")  # typed after the conflict, onto the file's version
        await pilot.press("escape", "T")
        await pilot.pause()
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == "Later " + THEIRS
        assert copies(store) == [] and bar_text(screen) == ""
        assert (store.trash / first.name).read_bytes() == mine_bytes
        assert trashed(store, "*.replaced-*") == []


async def test_keep_both_puts_the_file_text_a_separator_then_yours(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        name = copies(store)[0].name
        await pilot.press("escape", "B")
        await pilot.pause()
        expected = f"{THEIRS}\n{separator(NOW)}\nMine {ORIGINAL}"
        assert separator(NOW) == "--- my version (from 2026-11-26 10:00) ---"
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == expected
        assert screen.query_one("#answer", TextArea).text == expected
        assert copies(store) == [] and bar_text(screen) == ""
        assert trashed(store) == [name]


async def test_compare_shows_both_versions_scrolls_and_resolves_from_there(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        before = {p.name: p.read_bytes() for p in store.companies.iterdir()}
        await pilot.press("escape", "C")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CompareScreen)
        assert [r.label for r in view.rows][0].startswith("Why do you want to work here")
        assert view.rows[0].theirs == THEIRS and view.rows[0].mine == "Mine " + ORIGINAL
        assert app.focused.id == "diff"
        await pilot.press("escape")
        assert app.screen is screen  # back: nothing decided, nothing written or moved
        assert {p.name: p.read_bytes() for p in store.companies.iterdir()} == before and trashed(store) == []
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("pagedown", "T")
        await pilot.pause()
        assert app.screen is screen
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == THEIRS
        assert copies(store) == [] and len(trashed(store)) == 1


async def test_copies_from_an_earlier_session_newest_first(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(SLUG)
    for n, when in enumerate(["20261125-080000", "20261126-090000"]):
        mine = copy.deepcopy(loaded.company)
        mine.set_answer("why-here", f"Copy {n}", NOW)
        from tui.core.store import serialize

        path.with_name(f"{path.name}.conflict-{when}").write_bytes(serialize(mine))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        assert "(09:00)" in bar_text(screen) and "1 of 2" in bar_text(screen)
        rows = dict(binding_rows(screen))
        assert rows["Y"] == "Keep yours" and rows["C"] == "Compare versions"
        assert any("Keep both" in c.title for c in app.get_system_commands(screen))
        await pilot.press("B")
        await pilot.pause()
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == f"{ORIGINAL}\n{separator(NOW.replace(hour=9))}\nCopy 1"
        assert "(25 Nov 08:00)" in bar_text(screen) and "1 of" not in bar_text(screen)
        await pilot.press("Y")
        await pilot.pause()
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == "Copy 0"
        assert bar_text(screen) == "" and copies(store) == []
        assert "Y" not in dict(binding_rows(screen))  # the keys go when there is nothing to resolve
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_keep_yours_that_meets_another_change_becomes_a_new_copy(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        path = store.path_for(SLUG)

        def edit_again(_path) -> None:  # a third writer, while our save's temp file waits
            app.store.on_temp_written = None
            path.write_text(path.read_text().replace("Edited elsewhere", "Third"), encoding="utf-8")

        await pilot.press("escape")
        app.store.on_temp_written = edit_again
        await pilot.press("Y")
        await pilot.pause()
        assert "Third" in saved(store, SLUG)["answers"]["why-here"]["text"]
        left = copies(store)
        assert len(left) == 1 and "Mine " + ORIGINAL.splitlines()[0] in left[0].read_text()
        assert "Changed elsewhere" in bar_text(screen)


async def test_a_choice_made_in_the_view_applies_only_to_the_copy_it_showed(tmp_path):
    async with conflicted(tmp_path) as (app, pilot, screen, store):
        await pilot.press("escape", "C")
        await pilot.pause()
        shown = copies(store)[0]
        newer = shown.with_name(shown.name.replace("20261126-100000", "20261126-110000"))
        newer.write_bytes(shown.read_bytes())  # another conflict copy arrives while the view is open
        screen.conflicts.scan()
        await pilot.press("T")
        await pilot.pause()
        assert sorted(copies(store)) == sorted([shown, newer]) and trashed(store) == []
        assert "compare again" in [n.message for n in app._notifications][-1]


async def test_a_key_typed_before_the_screen_hears_of_a_conflict_goes_into_the_new_text(tmp_path):
    """The disk poll finds a change while the user types: a key the editor took before the screen
    heard goes with the set-aside copy, and the editor shows the file's text the moment it reloads,
    or the next key puts the old text back over the file's (that lost the hand edit)."""
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter")
        await type_text(pilot, " mine")
        path = store.path_for(SLUG)
        path.write_text(path.read_text().replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
        await screen.saver.poll_disk()  # posts DiskChanged: the screen hands over its text, then reloads
        editor = screen.query_one("#answer", TextArea)
        editor.insert("Y")  # taken by the editor; its Changed waits behind DiskChanged
        await pilot.pause()
        assert editor.text == THEIRS
        editor.insert("X")  # a key already on its way
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.company.answer_text("why-here") == THEIRS + "X"
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == THEIRS  # held until Y, T or B
        held = list(store.companies.glob(f"{SLUG}.toml.recovery-*"))
        assert len(held) == 1 and "similar lineX" in held[0].read_text()
        assert ORIGINAL + " mineY" in copies(store)[0].read_text()

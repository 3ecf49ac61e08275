"""While a conflict waits for the user, autosave holds: keys go to memory and a recovery file, never
to the notes file, and Y, T or B decides where they go. No answer's words end up in two files."""

from __future__ import annotations

import pytest

import tui.saving
from tests.helpers import NOW, acme, make_app, make_store, saved
from tests.test_prepare import open_acme, type_text
from tui.core.conflicts import conflict_copies, load_copy
from tui.core.save_status import SaveState
from tui.core.session import CompanySession

SLUG = "acme-robotics"
BEFORE = ["alpha", "bravo"]  # typed after the hand edit, before the poll saw it: they go to the copy
AFTER = ["charlie", "delta", "echo"]  # typed while the bar is up: held


@pytest.fixture(autouse=True)
def _no_timers(monkeypatch):
    monkeypatch.setattr(tui.saving, "DISK_POLL_SECONDS", 3600)


def hand_edit(store) -> None:
    path = store.path_for(SLUG)
    path.write_text(path.read_text().replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")


def files_with(folder, word: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and word in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", ["Y", "T", "B"])
async def test_keep_typing_while_a_hand_edit_lands_then_every_word_is_in_one_file(tmp_path, key):
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        hand_edit(store)
        await type_text(pilot, "".join(f" {w}" for w in BEFORE))
        await screen.saver.poll_disk()  # the poll sees the hand edit: ours set aside, the file's shown
        await pilot.pause()
        assert len(conflict_copies(store, SLUG)) == 1
        theirs = store.path_for(SLUG).read_bytes()
        for word in AFTER:  # a word, then an autosave (the debounce is a second), and on
            await type_text(pilot, f" {word}")
            screen.saver.save_soon(0)
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert store.path_for(SLUG).read_bytes() == theirs  # held: the notes file is untouched
        assert screen.session.holding
        assert screen.session.status.text == "held for Y/T/B"
        held = list(store.companies.glob(f"{SLUG}.toml.recovery-*"))
        assert len(held) == 1 and all(w in held[0].read_text() for w in AFTER)
        await pilot.press("escape", key)
        await pilot.pause()
        assert conflict_copies(store, SLUG) == [] and not screen.session.holding
        assert [p.name for p in store.companies.iterdir() if p.is_file()] == [f"{SLUG}.toml"]
        notes = saved(store, SLUG)["answers"]["why-here"]["text"]
        assert screen.session.status.state is SaveState.SAVED
    kept = {"Y": BEFORE, "T": AFTER, "B": BEFORE + AFTER}[key]
    for word in BEFORE + AFTER:
        if word in kept:
            assert word in notes, word
            assert files_with(store.companies, word) == [f"{SLUG}.toml"]
        else:  # set aside by the choice: in the trash, once, and nowhere beside the notes
            assert word not in notes, word
            assert len(files_with(store.trash, word)) == 1, word


def test_the_core_alone_holds_and_resolves(tmp_path):
    """The same rules with no screen: a held session keeps the file as it is until resolved."""
    from tui.core.resolve import resolve

    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    session.set_answer("why-here", "mine before", NOW)
    hand_edit(store)
    assert session.save_now().state is SaveState.CONFLICT and session.holding
    theirs = store.path_for(SLUG).read_bytes()
    session.set_answer("why-here", session.company.answer_text("why-here") + " typed after", NOW)
    status = session.save_now()
    assert status.state is SaveState.HELD and store.path_for(SLUG).read_bytes() == theirs
    assert "typed after" in status.copy.read_text()
    newest = conflict_copies(store, SLUG)[0]
    status = resolve(session, "both", newest, load_copy(newest))
    assert status.state is SaveState.SAVED and not session.holding
    text = saved(store, SLUG)["answers"]["why-here"]["text"]
    assert "typed after" in text and "mine before" in text and "Edited elsewhere" in text
    assert not status.copy and [p.name for p in store.companies.iterdir()] == [f"{SLUG}.toml"]


def test_quitting_while_held_leaves_the_file_and_says_where_the_words_are(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    session.set_answer("why-here", "mine before", NOW)
    hand_edit(store)
    session.save_now()
    theirs = store.path_for(SLUG).read_bytes()
    session.set_answer("why-here", "typed after", NOW)
    status = session.save_for_exit()
    assert status.state is SaveState.HELD and not session.dirty
    assert store.path_for(SLUG).read_bytes() == theirs and "typed after" in status.copy.read_text()


# -- a conflict copy an earlier session left (killed while the bar was up) ---------------------


def killed_with_the_bar_up(store) -> None:
    """What an earlier session leaves when killed while a conflict waited: the hand edit in the notes
    file, ours ("mine before") in a conflict copy, and words typed while held in a recovery file."""
    session = CompanySession(store, store.create(acme()))
    session.set_answer("why-here", "mine before", NOW)
    hand_edit(store)
    assert session.save_now().state is SaveState.CONFLICT
    session.set_answer("why-here", session.company.answer_text("why-here") + " held then", NOW)
    assert session.save_now().state is SaveState.HELD  # and then the process died


def in_one_place(store, word: str, kept: bool) -> None:
    """A kept word is in the notes file and in nothing else beside it; a word the choice set aside is
    only in the trash, once (the copy "keep yours" took also goes to the trash, as a record)."""
    if kept:
        assert files_with(store.companies, word) == [f"{SLUG}.toml"], word
    else:
        assert files_with(store.companies, word) == [] and len(files_with(store.trash, word)) == 1, word


@pytest.mark.parametrize("choice", ["mine", "theirs", "both"])
def test_a_copy_left_by_an_earlier_session_holds_the_next_one_until_resolved(tmp_path, choice):
    from tui.core.resolve import resolve

    store = make_store(tmp_path)
    killed_with_the_bar_up(store)
    theirs = store.path_for(SLUG).read_bytes()
    session = CompanySession(store, store.load(SLUG))  # the next start
    assert session.holding and session.status.text == "held for Y/T/B"
    session.set_answer("why-here", session.company.answer_text("why-here") + " typed today", NOW)
    status = session.save_now()
    assert status.state is SaveState.HELD and store.path_for(SLUG).read_bytes() == theirs
    assert "typed today" in status.copy.read_text()
    newest = conflict_copies(store, SLUG)[0]
    assert resolve(session, choice, newest, load_copy(newest)).state is SaveState.SAVED
    assert not session.holding and conflict_copies(store, SLUG) == []
    notes = saved(store, SLUG)["answers"]["why-here"]["text"]
    for word, kept in (("mine before", choice != "theirs"), ("typed today", choice != "mine")):
        assert (word in notes) is kept, word
        in_one_place(store, word, kept)
    assert "Edited elsewhere" in notes or choice == "mine"


def test_an_older_copy_still_holds_after_the_newer_one_is_resolved(tmp_path):
    from tui.core.resolve import resolve

    store = make_store(tmp_path)
    killed_with_the_bar_up(store)
    newest = conflict_copies(store, SLUG)[0]
    older = newest.path.with_name(f"{store.path_for(SLUG).name}.conflict-20200101-080000")
    older.write_bytes(newest.path.read_bytes())
    session = CompanySession(store, store.load(SLUG))
    assert resolve(session, "theirs", newest, load_copy(newest)).state is SaveState.SAVED
    left = conflict_copies(store, SLUG)
    assert [c.path for c in left] == [older]
    session.hold_for_copy(left[0].path)  # what the bar's scan does after a resolution
    session.set_answer("why-here", "typed after the first resolution", NOW)
    before = store.path_for(SLUG).read_bytes()
    assert session.save_now().state is SaveState.HELD and store.path_for(SLUG).read_bytes() == before


@pytest.mark.parametrize("key", ["Y", "T", "B"])
async def test_opening_a_company_an_earlier_session_left_in_conflict(tmp_path, key):
    from tests.helpers import Seen

    store = make_store(tmp_path)
    killed_with_the_bar_up(store)
    theirs = store.path_for(SLUG).read_bytes()
    recovery = [p.name for p in store.companies.glob(f"{SLUG}.toml.recovery-*")]
    assert len(recovery) == 1
    app, seen = make_app(tmp_path), Seen()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.pause()
        assert screen.session.holding and screen.conflicts.pending
        assert "Recovery file beside the notes" in seen and recovery[0] in seen
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, " zulu")
        screen.saver.save_soon(0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.path_for(SLUG).read_bytes() == theirs  # held: the notes file is untouched
        await pilot.press("escape", key)
        await pilot.pause()
        assert not screen.session.holding and conflict_copies(store, SLUG) == []
        notes = saved(store, SLUG)["answers"]["why-here"]["text"]
    for word, kept in (("mine before", key != "T"), ("zulu", key != "Y")):
        assert (word in notes) is kept, word
        in_one_place(store, word, kept)


def test_theirs_releases_the_hold_when_the_copy_was_deleted_by_hand(tmp_path):
    from tui.core.resolve import resolve

    store = make_store(tmp_path)
    killed_with_the_bar_up(store)
    session = CompanySession(store, store.load(SLUG))
    newest = conflict_copies(store, SLUG)[0]
    newest.path.unlink()  # merged by hand and deleted, as finale list advises, while the company is open
    session.set_answer("why-here", session.company.answer_text("why-here") + " typed today", NOW)
    assert session.save_now().state is SaveState.HELD
    assert resolve(session, "theirs", newest, None).state is SaveState.SAVED and not session.holding
    assert "typed today" in saved(store, SLUG)["answers"]["why-here"]["text"]
    assert files_with(store.companies, "typed today") == [f"{SLUG}.toml"]


async def test_a_copy_deleted_by_hand_while_held_is_settled_with_t(tmp_path):
    from tests.helpers import Seen

    store = make_store(tmp_path)
    killed_with_the_bar_up(store)
    app, seen = make_app(tmp_path), Seen()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, " zulu")
        conflict_copies(store, SLUG)[0].path.unlink()
        await pilot.press("escape", "Y")
        await pilot.pause()
        assert "It is gone (deleted by hand?)" in seen and screen.session.holding
        await pilot.press("T")
        await pilot.pause()
        assert not screen.session.holding and not screen.conflicts.pending
        assert "zulu" in saved(store, SLUG)["answers"]["why-here"]["text"]
        assert screen.session.status.state is SaveState.SAVED

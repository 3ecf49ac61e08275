"""One change stream: the session announces every change to any number of listeners, and never
calls up into a screen during a save, so a session with no screen saves the file a screen would."""

from __future__ import annotations

import threading

from tests.helpers import NOW, acme, make_app, make_store
from tests.test_prepare import open_acme, type_text
from tui.core.notes import Ask, Rehearsal
from tui.core.session import Change, CompanySession, Part
from tui.core.store import Loaded


def _edit_everything(session: CompanySession) -> None:
    session.set_answer("right-fit", "I led 12 people.", NOW)
    session.toggle_research("services")
    session.annotate_research("services", "Support plans")
    session.set_asks([Ask("Who decides?", chosen=True)])
    qid = session.add_custom_question("Why robots?", taken=())
    assert qid is not None
    session.toggle_mock_mark(qid)
    session.remove_custom_question(qid)
    session.edit_details("CPO", None, ["Ana"], [])
    session.record_rehearsal(Rehearsal("why-here", NOW, 90, 3))


def test_two_listeners_both_hear_every_change_in_order(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    first: list[Change] = []
    second: list[Change] = []
    session.subscribe(first.append)
    stop_second = session.subscribe(second.append)
    _edit_everything(session)
    assert len(first) == session.edits == 9
    assert first == second
    assert [c.part for c in first] == [Part.ANSWER, Part.RESEARCH, Part.RESEARCH, Part.ASKS, Part.QUESTIONS,
                                       Part.QUESTIONS, Part.QUESTIONS, Part.DETAILS, Part.REHEARSALS]
    stop_second()
    session.set_answer("right-fit", "Changed again.", NOW)
    assert len(first) == 10 and len(second) == 9  # unsubscribed: no longer called


def test_a_reload_is_announced_once_the_new_notes_are_in_place(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    seen: list[tuple[Part, str]] = []
    session.subscribe(lambda change: seen.append((change.part, session.company.answer_text("why-here"))))
    path = session.path
    path.write_text(path.read_text().replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.reload()
    assert seen == [(Part.REPLACED, session.company.answer_text("why-here"))]
    assert "Edited elsewhere" in seen[0][1]
    session.set_answer("why-here", "mine", NOW)
    path.write_text(path.read_text().replace("Edited elsewhere", "Third"), encoding="utf-8")
    session.reload()
    assert seen[-1][0] is Part.CONFLICT and "Third" in seen[-1][1]


def test_saving_announces_nothing_and_never_runs_a_listener_under_its_lock(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    during_save: list[Change] = []
    saving = threading.Event()
    real_save = store.save

    def watched_save(*args, **kwargs):
        saving.set()
        try:
            return real_save(*args, **kwargs)
        finally:
            saving.clear()

    store.save = watched_save  # type: ignore[method-assign]
    session.subscribe(lambda change: saving.is_set() and during_save.append(change))
    _edit_everything(session)
    session.save_now()
    session.save(session.snapshot())
    session.save_for_exit()
    assert during_save == [] and not session.dirty


async def test_a_session_with_no_screen_saves_the_file_the_screen_saves(tmp_path):
    """The app's way (keys, the editor, the saver) and the core's alone write the same bytes."""
    store = make_store(tmp_path / "app")
    store.create(acme())
    app = make_app(tmp_path / "app")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("down", "enter")
        await type_text(pilot, "I led 12 people")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.session.dirty
    by_app = store.path_for("acme-robotics").read_bytes()

    bare = make_store(tmp_path / "bare")
    loaded: Loaded = bare.create(acme())
    session = CompanySession(bare, loaded)  # no screen, no saver, no listener
    session.set_answer("right-fit", "I led 12 people", NOW)
    session.save_now()
    assert bare.path_for("acme-robotics").read_bytes() == by_app


def test_a_poll_racing_our_own_save_does_not_take_it_for_a_change_elsewhere(tmp_path):
    """The poll read the file, our save landed, then the poll compared with the new digest: a
    spurious reload that redrew every pane (and the coach on every question) while typing."""
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    session.set_answer("right-fit", "typed", NOW)
    snapshot = session.snapshot()
    real = store.disk_digest

    saving = threading.Thread(target=session.save, args=(snapshot,))

    def read_then_our_save_lands(slug: str) -> str:
        digest = real(slug)
        store.disk_digest = real  # type: ignore[method-assign]
        saving.start()
        saving.join(0.3)  # the save waits for the lock the poll holds, or (before the fix) lands now
        return digest

    store.disk_digest = read_then_our_save_lands  # type: ignore[method-assign]
    assert not session.disk_changed()
    saving.join(5)
    assert not session.dirty and not session.disk_changed()

"""The session: every edit counted, every save's outcome a typed status, nothing typed ever lost."""

from __future__ import annotations

import errno
import threading
from datetime import datetime

import pytest

from tests.helpers import NOW, acme, make_store, saved
from tui.core.conflicts import conflict_copies
from tui.core.notes import Ask, Rehearsal
from tui.core.resolve import resolve
from tui.core.save_status import SaveState
from tui.core.session import Change, CompanySession, Edit, Part, custom_question_id
from tui.core.store import NotesStore

BROKEN = b'format = 1\n[company\nname = "X"\n'


@pytest.fixture
def store(tmp_path) -> NotesStore:
    return make_store(tmp_path)


@pytest.fixture
def session(store) -> CompanySession:
    return CompanySession(store, store.create(acme()))


def hand_edit(session: CompanySession, old: str, new: str) -> str:
    text = session.path.read_text(encoding="utf-8").replace(old, new)
    session.path.write_text(text, encoding="utf-8")
    return text


def test_every_edit_method_counts_the_edit_and_says_how_soon(session):
    changes: list[Change] = []
    session.subscribe(changes.append)
    assert session.set_answer("right-fit", "I led 12 people.", NOW)
    assert not session.set_answer("right-fit", "I led 12 people.", NOW)  # same text: no edit
    assert session.toggle_research("services") is True
    assert session.annotate_research("services", "Support plans")
    assert not session.annotate_research("services", "Support plans")
    session.set_asks([Ask("Who decides?", chosen=True)])
    qid = session.add_custom_question("  Why robots? ", taken={"why-here"})
    assert qid == "my-why-robots"
    assert session.add_custom_question("   ", taken=()) is None
    assert session.remove_custom_question("my-why-robots") and not session.remove_custom_question("nope")
    session.edit_details("CPO", None, ["Ana"], [])
    session.record_rehearsal(Rehearsal("why-here", NOW, 90, 3))
    assert [c.edit for c in changes] == [Edit.TYPING, Edit.CHOICE, Edit.CHOICE, Edit.CHOICE, Edit.STRUCTURE,
                                         Edit.STRUCTURE, Edit.STRUCTURE, Edit.RECORD]
    assert [c.part for c in changes] == [Part.ANSWER, Part.RESEARCH, Part.RESEARCH, Part.ASKS, Part.QUESTIONS,
                                         Part.QUESTIONS, Part.DETAILS, Part.REHEARSALS]
    assert changes[0].question_id == "right-fit" and changes[4].question_id == "my-why-robots"
    assert session.edits == 8 and session.status.state is SaveState.UNSAVED
    assert session.save_now().state is SaveState.SAVED
    doc = saved(session.store, session.slug)
    assert doc["checklist"]["services"] == {"done": True, "note": "Support plans"}
    assert doc["company"]["role"] == "CPO" and doc["rehearsals"][0]["rating"] == 3


def test_custom_question_ids_are_unique():
    assert custom_question_id("Why robots?", {"my-why-robots", "my-why-robots-2"}) == "my-why-robots-3"


def test_a_saved_status_says_when(session):
    session.set_answer("right-fit", "x", NOW)
    status = session.save_now()
    assert status.state is SaveState.SAVED and status.text == "saved 10:00"


def test_an_older_snapshot_never_overwrites_a_newer_save(session):
    session.set_answer("right-fit", "old", NOW)
    old = session.snapshot()
    session.set_answer("right-fit", "new", NOW)
    session.save(session.snapshot())
    session.save(old)
    assert saved(session.store, session.slug)["answers"]["right-fit"]["text"] == "new"


def test_a_failed_save_is_a_status_with_the_reason(session, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session.store, "save", disk_full)
    session.set_answer("right-fit", "Precious", NOW)
    status = session.save_now()
    assert status.state is SaveState.FAILED and status.text == "not saved: No space left on device"
    assert status.problem and session.dirty


def test_keys_typed_during_a_conflicting_save_are_in_the_conflict_copy(session, monkeypatch):
    """Issue 12.3: the copy holds the notes as they are at the reload, not the save's older snapshot."""
    real_save = session.store.save
    in_save, typed = threading.Event(), threading.Event()

    def slow_save(*args, **kwargs):
        in_save.set()
        assert typed.wait(5)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(session.store, "save", slow_save)
    session.set_answer("why-here", "before the save", NOW)  # the field edited elsewhere too
    theirs = hand_edit(session, "Your robot arm", "Edited elsewhere")
    result: list = []
    snapshot = session.snapshot()
    worker = threading.Thread(target=lambda: result.append(session.save(snapshot)))
    worker.start()
    assert in_save.wait(5)
    session.set_answer("why-here", "before the save, and typed during it", NOW)
    typed.set()
    worker.join(5)
    assert result[0].state is SaveState.CONFLICT
    status = session.reload()
    assert status.state is SaveState.CONFLICT and not session.dirty
    assert session.path.read_text(encoding="utf-8") == theirs
    copies = sorted(session.store.companies.glob("acme-robotics.toml.conflict-*"))
    assert [c.name for c in copies] == [status.copy.name]  # the older snapshot's copy is superseded
    assert "typed during it" in copies[0].read_text(encoding="utf-8")
    assert "Edited elsewhere" in session.company.answer_text("why-here")


def test_a_conflict_with_nothing_unsaved_just_reloads(session):
    hand_edit(session, "Your robot arm", "Edited elsewhere")
    assert session.disk_changed()
    assert session.reload().state is SaveState.SAVED
    assert "Edited elsewhere" in session.company.answer_text("why-here")
    assert not session.disk_changed()


def test_a_broken_file_blocks_then_a_repair_resumes_saving(session):
    """Issue 12.4: typing while the file is broken, then the repair: the text is kept in a copy."""
    good = session.path.read_bytes()
    session.path.write_bytes(BROKEN)
    assert session.disk_changed()
    assert session.reload().state is SaveState.BLOCKED
    session.set_answer("why-here", "typed while it was broken", NOW)  # the repair edits it too
    assert session.save(session.snapshot()).state is SaveState.BLOCKED  # autosaves wait
    assert session.path.read_bytes() == BROKEN and not session.disk_changed()
    session.path.write_bytes(good.replace(b"Your robot arm", b"Repaired by hand"))
    assert session.disk_changed()
    status = session.reload()
    assert status.state is SaveState.CONFLICT and status.copy is not None
    assert "typed while it was broken" in status.copy.read_text(encoding="utf-8")
    assert "Repaired by hand" in session.company.answer_text("why-here")
    session.set_answer("right-fit", "after the repair", NOW)
    # The copy waits for the user (the bar): what is typed now is held beside the file, not split
    # between the file and the copy; keeping the file's version (T) then saves it.
    held = session.save_now()
    assert held.state is SaveState.HELD and "after the repair" in held.copy.read_text(encoding="utf-8")
    assert "after the repair" not in session.path.read_text(encoding="utf-8")
    newest = conflict_copies(session.store, session.slug)[0]
    assert resolve(session, "theirs", newest, None).state is SaveState.SAVED
    assert saved(session.store, session.slug)["answers"]["right-fit"]["text"] == "after the repair"
    assert not held.copy.exists()


def test_quitting_while_blocked_writes_a_recovery_copy(session):
    session.path.write_bytes(BROKEN)
    session.reload()
    session.set_answer("right-fit", "do not drop me", NOW)
    status = session.save_for_exit()
    assert status.state is SaveState.BLOCKED and status.copy is not None
    assert status.copy.name == "acme-robotics.toml.recovery-20261126-100000"
    assert "do not drop me" in status.copy.read_text(encoding="utf-8")
    assert session.path.read_bytes() == BROKEN and not session.dirty
    session.set_answer("right-fit", "and more", NOW)
    assert session.save_for_exit().copy.name.endswith("-2")  # a second copy never replaces the first


def test_ctrl_s_while_blocked_picks_up_a_repair(session):
    good = session.path.read_bytes()
    session.path.write_bytes(BROKEN)
    session.reload()
    session.set_answer("right-fit", "kept", NOW)
    session.path.write_bytes(good)
    assert session.save_now().state is SaveState.SAVED
    assert saved(session.store, session.slug)["answers"]["right-fit"]["text"] == "kept"


def test_exit_when_the_save_fails_writes_a_recovery_copy(session, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(session.store, "save", read_only)
    session.set_answer("right-fit", "rescued", NOW)
    status = session.save_for_exit()
    assert status.copy is not None and "rescued" in status.copy.read_text(encoding="utf-8")


def test_text_toml_cannot_hold_is_recovered_as_plain_text(session):
    session.set_answer("right-fit", "before \ud800 after", NOW)
    assert session.save_now().state is SaveState.FAILED
    status = session.save_for_exit()
    text = status.copy.read_text(encoding="utf-8")
    assert "before \\ud800 after" in text


def test_saves_from_two_threads_keep_the_newest(session):
    barrier = threading.Barrier(2)
    snaps = []
    for n in range(2):
        session.set_answer("right-fit", f"version {n}", datetime(2026, 11, 26, 10, 0, n))
        snaps.append(session.snapshot())

    def save(snap):
        barrier.wait(5)
        session.save(snap)

    threads = [threading.Thread(target=save, args=(s,)) for s in reversed(snaps)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert saved(session.store, session.slug)["answers"]["right-fit"]["text"] == "version 1"
    assert not session.dirty


def test_ctrl_s_after_a_repair_that_differs_says_where_the_text_went(session):
    good = session.path.read_bytes()
    session.path.write_bytes(BROKEN)
    session.reload()
    session.set_answer("why-here", "typed while broken", NOW)
    session.path.write_bytes(good.replace(b"Your robot arm", b"Repaired by hand"))
    status = session.save_now()
    assert status.state is SaveState.CONFLICT and "typed while broken" in status.copy.read_text(encoding="utf-8")


def test_one_conflict_leaves_one_copy_under_the_plain_name(tmp_path):
    """The copy the conflicting save wrote is brought up to date in place, not duplicated as -2."""
    store = make_store(tmp_path)
    store.create(acme())
    session = CompanySession(store, store.load("acme-robotics"))
    session.set_answer("why-here", "mine, typed here", NOW)
    path = store.path_for("acme-robotics")
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    status = session.save_now()
    copies = sorted(store.companies.glob("acme-robotics.toml.conflict-*"))
    assert status.state is SaveState.CONFLICT and copies == [status.copy]
    assert not copies[0].name.endswith("-2")
    assert "mine, typed here" in copies[0].read_text(encoding="utf-8")

"""The Saver's timing and messages, driven by a fake owner and a fake clock (no app, no threads).

Written for the mutants `make mutation` found alive in tui/saving.py: each test pins what
the screen is told and when a save runs.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from tests.helpers import NOW, FakeClock, acme, make_store
from tui.core.save_status import SaveState, SaveStatus
from tui.core.session import CompanySession, Edit
from tui.saving import (
    AUTOSAVE_SECONDS,
    DISK_POLL_SECONDS,
    Conflict,
    Notice,
    Reloaded,
    Saved,
    SaveFailed,
    Saver,
    message_for,
)


class FakeOwner:
    """What a Saver asks of its screen, recorded; workers run at once on this thread."""

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.posted: list = []
        self.intervals: list = []
        self.later: list = []
        self.app = SimpleNamespace(schedule=clock.schedule if clock else None,
                                   call_from_thread=lambda fn, *args: fn(*args))

    def post_message(self, message) -> None:
        self.posted.append(message)

    def run_worker(self, work, thread: bool, group: str) -> None:
        assert thread and group == "save"
        work()

    def call_later(self, callback) -> bool:
        self.later.append(callback)
        return True

    def set_interval(self, seconds, callback) -> None:
        self.intervals.append((seconds, callback))

    def set_timer(self, seconds, callback):  # pragma: no cover - the app's fake clock schedules
        raise AssertionError("the fake clock schedules")


@pytest.fixture
def rig(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    clock = FakeClock()
    owner = FakeOwner(clock)
    return session, owner, clock, Saver(owner, session)


def kinds(owner: FakeOwner) -> list[str]:
    return [type(m).__name__ for m in owner.posted]


def test_typing_saves_a_second_after_the_last_key_choices_sooner_structure_at_once(rig):
    session, owner, clock, _ = rig
    session.set_answer("why-here", "a", NOW)
    clock.advance(AUTOSAVE_SECONDS * 0.9)
    session.set_answer("why-here", "ab", NOW)  # restarts the wait
    clock.advance(AUTOSAVE_SECONDS * 0.9)
    assert owner.posted == []
    clock.advance(AUTOSAVE_SECONDS * 0.2)
    assert kinds(owner) == ["Saved"] and not session.dirty and owner.posted[0].session is session
    session.toggle_research("products")
    clock.advance(AUTOSAVE_SECONDS / 4 - 0.01)
    assert kinds(owner) == ["Saved"]
    clock.advance(0.02)
    assert kinds(owner) == ["Saved", "Saved"]
    session.add_custom_question("Why robots?", taken=())
    assert kinds(owner) == ["Saved"] * 3 and not session.dirty


def test_a_rated_rehearsal_saves_now_and_stops_a_waiting_save(rig):
    from tui.core.notes import Rehearsal

    session, owner, clock, _ = rig
    session.set_answer("why-here", "typed", NOW)
    session.record_rehearsal(Rehearsal("why-here", NOW, 60, 3))
    assert kinds(owner) == ["Saved"] and not session.dirty and owner.posted[0].session is session
    clock.advance(AUTOSAVE_SECONDS * 2)
    assert kinds(owner) == ["Saved"]


def test_nothing_new_or_a_blocked_file_saves_nothing(rig):
    session, owner, _, saver = rig
    saver.save_in_background()
    assert owner.posted == []
    session.path.write_text("format = [", encoding="utf-8")
    session.set_answer("why-here", "typed", NOW)
    session.reload()
    saver.save_in_background()
    assert owner.posted == [] and session.dirty


def test_a_conflicting_background_save_asks_the_owner_to_reload_and_then_says_conflict(rig):
    session, owner, _, saver = rig
    text = session.path.read_text(encoding="utf-8").replace("leads the market", "leads, edited elsewhere")
    session.path.write_text(text, encoding="utf-8")
    session.set_answer("why-here", "mine", NOW)
    saver.save_soon(0)
    assert kinds(owner) == ["DiskChanged"]
    status = saver.reload()
    assert kinds(owner) == ["DiskChanged", "Conflict"] and owner.posted[1].reloaded
    assert owner.posted[1].session is session
    assert status.state is SaveState.CONFLICT and owner.posted[1].status is status
    assert "edited elsewhere" in session.company.answers["why-here"].text


def test_save_now_stops_the_timer_tells_the_owner_and_returns_the_status(rig):
    session, owner, clock, saver = rig
    session.set_answer("why-here", "typed", NOW)
    status = saver.save_now()
    assert status.state is SaveState.SAVED and kinds(owner) == ["Saved"] and owner.posted[0].status is status
    assert owner.posted[0].session is session
    clock.advance(AUTOSAVE_SECONDS * 2)
    assert kinds(owner) == ["Saved"]


def test_polling_reports_a_change_on_disk_once_and_not_while_a_poll_runs(rig):
    session, owner, _, saver = rig
    asyncio.run(saver.poll_disk())
    assert owner.posted == []
    session.path.write_text(session.path.read_text(encoding="utf-8").replace("leads", "led"), encoding="utf-8")
    saver._polling = True
    asyncio.run(saver.poll_disk())
    assert owner.posted == [] and saver._polling
    saver._polling = False
    asyncio.run(saver.poll_disk())
    assert kinds(owner) == ["DiskChanged"] and not saver._polling
    saver.reload()
    assert kinds(owner) == ["DiskChanged", "Reloaded"] and not owner.posted[1].was_blocked
    assert owner.posted[1].session is session
    assert owner.posted[1].notice == Notice("The notes file changed on disk; loaded the new version.")


def test_reloading_a_file_that_breaks_then_parses_again(rig):
    session, owner, _, saver = rig
    good = session.path.read_bytes()
    session.path.write_text("format = [", encoding="utf-8")
    saver.reload()
    assert kinds(owner) == ["SaveFailed"] and session.blocked
    saver.reload()
    assert kinds(owner) == ["SaveFailed", "Reloaded"] and owner.posted[1].notice is None
    session.path.write_bytes(good)
    saver.reload()
    assert kinds(owner) == ["SaveFailed", "Reloaded", "Reloaded"] and owner.posted[2].was_blocked
    assert owner.posted[2].notice == Notice("The notes file parses again; saving is back on.")


def test_two_polls_at_once_read_the_disk_once(rig):
    session, owner, _, saver = rig
    session.path.write_text(session.path.read_text(encoding="utf-8").replace("leads", "led"), encoding="utf-8")

    async def both():
        await asyncio.gather(saver.poll_disk(), saver.poll_disk())

    asyncio.run(both())
    assert kinds(owner) == ["DiskChanged"]


def test_a_poll_that_cannot_read_the_disk_says_nothing(rig, monkeypatch):
    session, owner, _, saver = rig

    def unreadable():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(session, "disk_changed", unreadable)
    asyncio.run(saver.poll_disk())
    assert owner.posted == [] and not saver._polling


def test_start_polls_with_an_interval_or_with_the_test_clock(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    owner = FakeOwner()
    saver = Saver(owner, session)
    saver.start()
    assert owner.intervals == [(DISK_POLL_SECONDS, saver.poll_disk)]

    clock = FakeClock()
    owner = FakeOwner(clock)
    saver = Saver(owner, session)
    saver.start()
    clock.advance(DISK_POLL_SECONDS - 0.01)
    assert owner.later == []
    clock.advance(0.02)
    assert owner.later == [saver._poll_and_repeat]
    asyncio.run(owner.later[0]())
    clock.advance(DISK_POLL_SECONDS)
    assert len(owner.later) == 2


def test_a_stopped_saver_hears_no_more_edits(rig):
    session, owner, clock, saver = rig
    saver.stop()
    session.add_custom_question("Why robots?", taken=())
    clock.advance(AUTOSAVE_SECONDS * 2)
    assert owner.posted == [] and session.dirty


def test_each_status_becomes_its_message_with_the_words_the_user_sees(rig, tmp_path):
    session, *_ = rig
    name = session.path.name
    copy = tmp_path / f"{name}.recovery-1"
    assert type(message_for(session, SaveStatus(SaveState.SAVED, at=NOW))) is Saved
    assert message_for(session, SaveStatus(SaveState.SAVED, at=NOW)).notice is None
    assert not message_for(session, SaveStatus(SaveState.SAVED, at=NOW)).reloaded
    failed = message_for(session, SaveStatus(SaveState.FAILED, "disk full"))
    assert type(failed) is SaveFailed and not failed.reloaded
    assert failed.notice == Notice("Could not save: disk full. Your text is still here; fix the problem and press "
                                   "ctrl+s. If you quit first, finale keeps it in a rescue file and prints where.",
                                   severity="error", timeout=20)
    blocked = message_for(session, SaveStatus(SaveState.BLOCKED, "line 1: bad.", copy=copy))
    assert blocked.notice == Notice(f"line 1: bad. Saving is paused until it parses: fix it in a text editor. "
                                    f"What you typed is saved beside it as {copy.name}.", f"{name} is broken", "error", 30,
                                    shorter=(f"{name} is broken at line 1: saving is paused until it parses.",
                                             "The notes file is broken at line 1: saving is paused until it parses."))
    assert message_for(session, SaveStatus(SaveState.BLOCKED, "line 1: bad.")).notice.message == (
        "line 1: bad. Saving is paused until it parses: fix it in a text editor.")
    assert message_for(session, SaveStatus(SaveState.BLOCKED, "not UTF-8")).notice.shorter[-1] == (
        "The notes file is broken: saving is paused until it parses.")
    conflict = message_for(session, SaveStatus(SaveState.CONFLICT, "x", copy=copy))
    assert type(conflict) is Conflict and conflict.reloaded
    assert conflict.notice == Notice("The file changed on disk: it is shown, and yours is set aside. The bar at the "
                                     "top compares and resolves.", "Changed elsewhere", "warning", 8)
    quiet = Reloaded(session, SaveStatus(SaveState.BLOCKED, "bad"), was_blocked=True)
    assert quiet.notice is None and not quiet.reloaded and quiet.session is session


def test_an_immediate_save_after_a_waiting_one_leaves_no_timer_behind(rig):
    session, owner, clock, saver = rig
    session.set_answer("why-here", "a", NOW)
    saver.save_soon(0)
    session.set_answer("why-here", "ab", NOW)
    saver.save_soon(0)
    saver.save_now()
    clock.advance(AUTOSAVE_SECONDS * 2)
    assert kinds(owner) == ["Saved", "Saved", "Saved"] and not session.dirty


def test_an_app_without_a_test_clock_polls_with_textuals_interval(tmp_path):
    store = make_store(tmp_path)
    session = CompanySession(store, store.create(acme()))
    owner = FakeOwner()
    owner.app = SimpleNamespace(call_from_thread=lambda fn, *args: fn(*args))  # no `schedule` at all
    saver = Saver(owner, session)
    saver.start()
    assert owner.intervals == [(DISK_POLL_SECONDS, saver.poll_disk)]


def test_resolving_a_conflict_stops_a_waiting_save_and_tells_the_owner(rig):
    from tui.core.conflicts import conflict_copies, load_copy

    session, owner, clock, saver = rig
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "mine before", NOW)
    saver.save_now()
    session.set_answer("why-here", session.company.answer_text("why-here") + " typed after", NOW)
    newest = conflict_copies(session.store, session.slug)[0]
    owner.posted.clear()
    status = saver.resolve("both", newest, load_copy(newest))
    assert status.state is SaveState.SAVED and kinds(owner) == ["Saved"] and owner.posted[0].session is session
    clock.advance(AUTOSAVE_SECONDS * 2)
    assert kinds(owner) == ["Saved"]
    text = path.read_text(encoding="utf-8")
    assert "Edited elsewhere" in text and "mine before" in text
    session.set_answer("why-here", "typed once it was resolved", NOW)  # the next save is timed as usual
    clock.advance(AUTOSAVE_SECONDS + 0.1)
    assert kinds(owner) == ["Saved", "Saved"] and "once it was resolved" in path.read_text(encoding="utf-8")


def test_resolving_with_no_save_waiting_keeps_theirs(rig):
    from tui.core.conflicts import conflict_copies

    session, owner, _, saver = rig
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "mine", NOW)
    saver.save_now()
    theirs = path.read_bytes()
    status = saver.resolve("theirs", conflict_copies(session.store, session.slug)[0], None)
    assert status.state is SaveState.SAVED and path.read_bytes() == theirs


def test_delays_by_kind():
    from tui.saving import DELAYS

    assert DELAYS == {Edit.TYPING: 1.0, Edit.CHOICE: 0.25, Edit.STRUCTURE: 0.0}


def test_steady_typing_saves_by_the_longest_wait_on_the_apps_own_clock(rig):
    from tui.saving import LONGEST_WAIT_SECONDS

    session, owner, clock, _ = rig
    owner.app.monotonic = clock.monotonic  # the app's stopwatch, as FinaleApp has it; the test clock here
    step = AUTOSAVE_SECONDS / 2  # never the pause a plain debounce waits for
    for n in range(int(LONGEST_WAIT_SECONDS / step)):
        session.set_answer("why-here", "a" * (n + 1), NOW)
        clock.advance(step)
    clock.advance(step / 5)  # a whole debounce before the next key would save too
    assert kinds(owner) == ["Saved"]
    typed = "a" * int(LONGEST_WAIT_SECONDS / step)
    assert session.store.load(session.slug).company.answer_text("why-here") == typed


def test_a_save_that_merged_another_windows_words_asks_the_owner_to_take_them(rig):
    session, owner, _, saver = rig
    other = CompanySession(session.store, session.store.load(session.slug))
    other.set_answer("right-fit", "B's words", NOW)
    other.save_now()
    session.set_answer("why-here", "mine", NOW)
    saver.save_soon(0)
    assert kinds(owner) == ["DiskChanged", "Saved"]  # the owner hands over its text, then takes theirs
    assert list(session.store.companies.glob("*.conflict-*")) == []

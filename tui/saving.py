"""The Textual side of saving: when to save an open company, on which thread, and who hears about it.

The rules (what is saved, conflicts, a broken file) live in ``CompanySession``;
this only times them. A ``Saver`` subscribes once to the session's changes,
debounces the edits, saves in a worker thread, polls the file on disk, and
posts ``Saved``, ``SaveFailed``, ``Conflict`` or ``Reloaded`` to the screen that
owns it. When the file on disk is not what was saved, it posts ``DiskChanged``
and leaves the reload to the owner: the owner hands over any text a widget
still holds, then calls ``reload``, so a key typed a moment ago is not lost.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget

from tui.core.conflicts import ConflictCopy
from tui.core.notes import Company
from tui.core.resolve import Choice, resolve
from tui.core.save_status import SaveState, SaveStatus
from tui.core.session import Change, CompanySession, Edit, Snapshot

AUTOSAVE_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 2.0
"""However fast the typing, the save comes this long after the first unsaved key. One save costs
about 30-40 ms (a 50-answer file, a 20,000-word answer; benchmarks/README.md), in a worker thread."""
DISK_POLL_SECONDS = 2.0
DELAYS = {Edit.TYPING: AUTOSAVE_SECONDS, Edit.CHOICE: AUTOSAVE_SECONDS / 4, Edit.STRUCTURE: 0.0}


class Stoppable(Protocol):
    def stop(self) -> None: ...


Schedule = Callable[[float, Callable[[], object]], Stoppable]
"""Run a callback once, ``delay`` seconds from now: Textual's ``set_timer``, or a test's fake clock."""


@dataclass(frozen=True)
class Notice:
    """What to tell the user about a save, as the arguments of ``notify``."""

    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    timeout: float = 5
    shorter: tuple[str, ...] = ()
    """Whole messages, shortest last, for a window too narrow for ``message`` in a few rows."""
    topic: str = "saving"
    """A newer notice about saving replaces an older one: "saving is back on" ends "saving is paused"."""


class SaveMessage(Message):
    """Something happened to an open company's saving; ``session.status`` says where it stands now."""

    def __init__(self, session: CompanySession, status: SaveStatus) -> None:
        super().__init__()
        self.session = session
        self.status = status

    @property
    def reloaded(self) -> bool:
        """Whether the notes in memory were replaced by the file on disk: the screen shows them afresh."""
        return False

    @property
    def notice(self) -> Notice | None:
        return None


class Saved(SaveMessage):
    """The notes file holds the snapshot that was saved (more may have been typed since)."""


class SaveFailed(SaveMessage):
    """A save failed (``status.reason`` says why) or the file on disk is broken (BLOCKED)."""

    told = False
    """The same failure was told already (a read-only file fails every autosave): the status line keeps saying it."""

    @property
    def notice(self) -> Notice | None:
        status, name = self.status, self.session.path.name
        if self.told and status.state is SaveState.FAILED:
            return None
        if status.state is SaveState.BLOCKED:
            kept = f" What you typed is saved beside it as {status.copy.name}." if status.copy else ""
            where = status.text.removeprefix("not saved: file broken").strip()  # "at line 25", or nothing
            at = f" {where}" if where else ""
            return Notice(f"{status.reason.rstrip('.')}. Saving is paused until it parses: fix it in a text editor.{kept}",
                          f"{name} is broken", "error", 30,
                          shorter=(f"{name} is broken{at}: saving is paused until it parses.",
                                   f"The notes file is broken{at}: saving is paused until it parses."))
        return Notice(f"Could not save: {status.reason}. Your text is still here; fix the problem and press ctrl+s. "
                      "If you quit first, finale keeps it in a rescue file and prints where.", severity="error", timeout=20)


class Conflict(SaveMessage):
    """The file changed on disk: ours went to ``status.copy`` and the disk version is loaded."""

    @property
    def reloaded(self) -> bool:
        return True

    @property
    def notice(self) -> Notice:
        # Short: the "changed elsewhere" bar on Prepare stays until the user resolves it.
        return Notice("The file changed on disk: it is shown, and yours is set aside. "
                      "The bar at the top compares and resolves.", "Changed elsewhere", "warning", 8)


class Reloaded(SaveMessage):
    """The file changed on disk with nothing unsaved here, and was loaded (or found still broken, or repaired)."""

    def __init__(self, session: CompanySession, status: SaveStatus, was_blocked: bool) -> None:
        super().__init__(session, status)
        self.was_blocked = was_blocked

    @property
    def reloaded(self) -> bool:
        return not self.status.problem

    @property
    def notice(self) -> Notice | None:
        if self.status.problem:
            return None
        if self.was_blocked:
            return Notice("The notes file parses again; saving is back on.")
        return Notice("The notes file changed on disk; loaded the new version.")


class DiskChanged(Message):
    """The file on disk is not the one last saved (the poll saw it, or a save conflicted).

    The owner hands over any text a widget holds, then calls ``Saver.reload``.
    """


def message_for(session: CompanySession, status: SaveStatus) -> SaveMessage:
    if status.state is SaveState.CONFLICT:
        return Conflict(session, status)
    if status.problem:
        return SaveFailed(session, status)
    return Saved(session, status)


class Saver:
    """Debounced, background saving of one session, for the widget (a screen) that shows it."""

    def __init__(self, owner: Widget, session: CompanySession) -> None:
        self.owner = owner
        self.session = session
        # Textual's timers, or the fake clock a test put on the app.
        self._schedule: Schedule = getattr(owner.app, "schedule", None) or owner.set_timer
        self._timer: Stoppable | None = None
        self._first_unsaved: float | None = None  # when the first key not yet in a save came
        self._polling = False
        self._failed = ""  # the reason of the failed save told last, so the next same one is not told again
        self.stop = session.subscribe(self._changed)
        """Stop hearing of the session's changes (the owner is going)."""

    def start(self) -> None:
        """Begin watching the file on disk (call once the owner is mounted)."""
        if getattr(self.owner.app, "schedule", None) is None:
            # Textual's own interval: re-arming a one-shot timer through call_later on the screen
            # underneath made every tick of a rehearsal clock above it repaint (7 KB a second).
            self.owner.set_interval(DISK_POLL_SECONDS, self.poll_disk)
            return
        self._schedule(DISK_POLL_SECONDS, self._poll_tick)  # a test's fake clock drives the poll

    def _poll_tick(self) -> None:
        self.owner.call_later(self._poll_and_repeat)

    async def _poll_and_repeat(self) -> None:
        await self.poll_disk()
        self._schedule(DISK_POLL_SECONDS, self._poll_tick)

    def _changed(self, change: Change) -> None:
        if change.edit is Edit.RECORD:
            self.save_now()  # a rated rehearsal must not wait for a timer
        elif change.edit is not None:
            self.save_soon(DELAYS[change.edit])

    def save_soon(self, delay: float = AUTOSAVE_SECONDS) -> None:
        """Save ``delay`` seconds from now, or at once in the background for 0; a new call restarts the
        wait, but never past LONGEST_WAIT_SECONDS after the first change not yet saved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if delay:
            now = getattr(self.owner.app, "monotonic", time.monotonic)()
            if self._first_unsaved is None:
                self._first_unsaved = now
            delay = min(delay, max(0.0, self._first_unsaved + LONGEST_WAIT_SECONDS - now))
        if delay:
            self._timer = self._schedule(delay, self.save_in_background)
        else:
            self.save_in_background()

    def save_in_background(self) -> None:
        self._first_unsaved = None  # keys from now on wait for the next save
        session = self.session
        if session.blocked:
            return
        snapshot = session.snapshot()
        if snapshot.edits <= session.saved_edits:
            return
        self.owner.run_worker(partial(self._save, snapshot), thread=True, group="save")

    def _save(self, snapshot: Snapshot) -> None:
        status = self.session.save(snapshot)
        self.owner.app.call_from_thread(self._finished, status)

    def _finished(self, status: SaveStatus) -> None:
        if status.state is SaveState.CONFLICT:
            self.owner.post_message(DiskChanged())  # the owner hands over its text, then reloads
            return
        self._take_merges()
        self.owner.post_message(self._message(status))

    def _message(self, status: SaveStatus) -> SaveMessage:
        message = message_for(self.session, status)
        failed = status.reason if status.state is SaveState.FAILED else ""
        if isinstance(message, SaveFailed):
            message.told = bool(failed) and failed == self._failed
        self._failed = failed
        return message

    def _take_merges(self) -> None:
        if self.session.merges_pending:  # another window's fields were merged in: the owner hands over, then takes them
            self.owner.post_message(DiskChanged())

    def save_now(self) -> SaveStatus:
        """Save on this thread (ctrl+s, a switch, leaving), tell the owner, and return the status.

        The owner has handed over any text a widget holds before calling this.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._first_unsaved = None
        status = self.session.save_now()  # a conflict or a repaired file reloads
        self._take_merges()
        self.owner.post_message(self._message(status))
        return status

    def resolve(self, choice: Choice, newest: ConflictCopy, mine: Company | None) -> SaveStatus:
        """Keep yours, theirs or both (``tui.core.resolve``) now; tell the owner, who handed over its text first."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        status = resolve(self.session, choice, newest, mine)
        self.owner.post_message(message_for(self.session, status))
        return status

    def reload(self) -> SaveStatus:
        """Take the file on disk (after ``DiskChanged``, once the owner handed over its text); tell the owner."""
        was_blocked = self.session.blocked
        status = self.session.reload()
        if status.state is SaveState.CONFLICT or (status.problem and not was_blocked):
            self.owner.post_message(message_for(self.session, status))
        else:
            self.owner.post_message(Reloaded(self.session, status, was_blocked))
        return status

    async def poll_disk(self) -> None:
        # asyncio.to_thread, not a Textual worker: each worker state change refreshes the
        # footer's bindings, and that relayout, every two seconds, sent bytes while idle.
        if self._polling:
            return
        self._polling = True
        try:
            changed = await asyncio.to_thread(self.session.disk_changed)
        except OSError:
            return
        finally:
            self._polling = False
        if changed:
            self.owner.post_message(DiskChanged())

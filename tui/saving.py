"""The Textual side of saving: when to save an open company, on which thread, and who hears about it.

The rules (what is saved, conflicts, a broken file) live in ``CompanySession``;
this only times them. A ``Saver`` debounces edits, saves in a worker thread,
polls the file on disk, and posts ``Saved``, ``SaveFailed``, ``Conflict`` or
``Reloaded`` to the screen that owns it.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Callable

from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from tui.core.save_status import SaveState, SaveStatus
from tui.core.session import CompanySession, Edit, Snapshot

AUTOSAVE_SECONDS = 1.0
DISK_POLL_SECONDS = 2.0
DELAYS = {Edit.TYPING: AUTOSAVE_SECONDS, Edit.CHOICE: AUTOSAVE_SECONDS / 4, Edit.STRUCTURE: 0.0}


class SaveMessage(Message):
    def __init__(self, session: CompanySession, status: SaveStatus) -> None:
        super().__init__()
        self.session = session
        self.status = status


class Saved(SaveMessage):
    """The notes file holds the snapshot that was saved (more may have been typed since)."""


class SaveFailed(SaveMessage):
    """A save failed (``status.reason`` says why) or the file on disk is broken (BLOCKED)."""


class Conflict(SaveMessage):
    """The file changed on disk: ours went to ``status.copy`` and the disk version is loaded."""


class Reloaded(SaveMessage):
    """The file changed on disk with nothing unsaved here, and was loaded (or found broken, or repaired)."""

    def __init__(self, session: CompanySession, status: SaveStatus, was_blocked: bool) -> None:
        super().__init__(session, status)
        self.was_blocked = was_blocked


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
        self._timer: Timer | None = None
        self._polling = False
        session.on_edit = self._edited
        self.on_replaced: Callable[[], None] | None = None
        """Called at once when a reload replaced the notes in memory, before any queued key is
        handled: an editor still showing the old text would otherwise write it over the new notes."""

    def start(self) -> None:
        """Begin watching the file on disk (call once the owner is mounted)."""
        self.owner.set_interval(DISK_POLL_SECONDS, self.poll_disk)

    def _edited(self, kind: Edit) -> None:
        if kind is Edit.RECORD:
            self.save_now()  # a rated rehearsal must not wait for a timer
        else:
            self.save_soon(DELAYS[kind])

    def save_soon(self, delay: float = AUTOSAVE_SECONDS) -> None:
        """Save ``delay`` seconds from now, or at once in the background for 0; a new call restarts the wait."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if delay:
            self._timer = self.owner.set_timer(delay, self.save_in_background)
        else:
            self.save_in_background()

    def save_in_background(self) -> None:
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
            status = self._reload(self.session.reload)
        self.owner.post_message(message_for(self.session, status))

    def _reload(self, reload: Callable[[], SaveStatus]) -> SaveStatus:
        before = self.session.company
        status = reload()
        if self.session.company is not before and self.on_replaced is not None:
            self.on_replaced()
        return status

    def save_now(self) -> SaveStatus:
        """Save on this thread (ctrl+s, a switch, leaving), tell the owner, and return the status."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        status = self._reload(self.session.save_now)  # a conflict or a repaired file reloads
        self.owner.post_message(message_for(self.session, status))
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
            was_blocked = self.session.blocked
            status = self._reload(self.session.reload)
            if status.state is SaveState.CONFLICT or (status.problem and not was_blocked):
                self.owner.post_message(message_for(self.session, status))
            else:
                self.owner.post_message(Reloaded(self.session, status, was_blocked))

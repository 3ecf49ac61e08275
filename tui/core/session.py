"""An open company: the one place its notes are changed and saved.

Every change goes through a method here, which counts the edit and announces
a ``Change`` to every subscriber (the UI's saver times a save, the screen
redraws), so nothing can change the notes and forget to save or show them.
Changes are announced on the UI thread once the notes are consistent, never
from a save's worker thread: the core never calls up into a screen in the
middle of a save, and it never asks a screen for text. A screen that holds
text the session has not seen (an editor's last keys) hands it over BEFORE it
asks for a save or a reload.

Saves run from any thread on a snapshot; a lock keeps them in order and a
snapshot older than one already saved is skipped, so a slow save never puts
back older text. The UI learns what happened from ``status``, a ``SaveStatus``
value, not from strings.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path

from tui.core.atomic import atomic_write
from tui.core.changes import Change, Edit, Listener, Part, Snapshot
from tui.core.conflicts import conflict_copies, moved_aside
from tui.core.merge import MergingSession, take_fields
from tui.core.notes import Ask, ChecklistEntry, Company, CustomQuestion, Rehearsal
from tui.core.orphans import delete_answer, keep_as_custom
from tui.core.recovery import RescuingSession, write_beside
from tui.core.save_status import SAVED, UNSAVED, SaveState, SaveStatus
from tui.core.schedule import mark_rehearsed
from tui.core.slug import custom_question_id
from tui.core.store import ConflictError, Loaded, NotesError, NotesStore, SerializeError, serialize


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


class CompanySession(MergingSession, RescuingSession):
    """Owns one company's notes while it is open (merging: tui.core.merge; the last resort: tui.core.recovery)."""

    def __init__(self, store: NotesStore, loaded: Loaded):
        self.store = store
        self.slug = loaded.slug
        self.company = loaded.company
        self.digest: str | None = loaded.digest
        """The file as last loaded or saved; None while the notes folder is gone."""
        self.start_merging(loaded.company)
        self.edits = 0
        self.saved_edits = 0
        self._status = SAVED
        self._broken_digest: str | None = None  # the unparsable file we wait to see change
        self._stale_copy: Path | None = None  # a conflict copy of a snapshot, superseded on reload
        self._holding = False  # a conflict waits for the user: saves go to ``_held``, not the notes file
        self._held: Path | None = None  # the recovery file holding the notes while a conflict waits
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        if copies := conflict_copies(store, self.slug):  # left by an earlier session (killed with the bar up)
            self.hold_for_copy(copies[0].path)

    @property
    def path(self) -> Path:
        return self.store.path_for(self.slug)

    @property
    def dirty(self) -> bool:
        return self.edits > self.saved_edits

    @property
    def status(self) -> SaveStatus:
        status = self._status
        if status.state in (SaveState.SAVED, SaveState.CONFLICT, SaveState.HELD) and self.dirty:
            return UNSAVED
        return status

    @property
    def blocked(self) -> bool:
        return self._status.state is SaveState.BLOCKED

    @property
    def holding(self) -> bool:
        """Whether a conflict waits for the user (from a reload that set ours aside until Y, T or B)."""
        return self._holding

    # -- who hears of changes --------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every change from now on, in the order subscribed; returns the unsubscribe."""
        self._listeners.append(listener)
        return partial(self._unsubscribe, listener)

    def _unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- editing (UI thread) ----------------------------------------------

    def _edited(self, part: Part, kind: Edit, question_id: str = "") -> None:
        self.edits += 1
        self._announce(Change(part, kind, question_id))

    def set_answer(self, question_id: str, text: str, now: datetime) -> bool:
        """Store an answer's text; True when it changed."""
        changed = self.company.set_answer(question_id, text, now)
        if changed:
            self._edited(Part.ANSWER, Edit.TYPING, question_id)
        return changed

    def toggle_research(self, item_id: str) -> bool:
        """Tick or untick a research item; return whether it is now done."""
        entry = self.company.checklist.setdefault(item_id, ChecklistEntry())
        entry.done = not entry.done
        self._edited(Part.RESEARCH, Edit.CHOICE)
        return entry.done

    def annotate_research(self, item_id: str, note: str, done: bool | None = None) -> bool:
        """Set a research item's note (and, when given, whether it is done); True when it changed."""
        entry = self.company.checklist.setdefault(item_id, ChecklistEntry())
        done = entry.done if done is None else done
        if (entry.note, entry.done) == (note, done):
            return False
        entry.note, entry.done = note, done
        self._edited(Part.RESEARCH, Edit.CHOICE)
        return True

    def set_asks(self, asks: Iterable[Ask]) -> None:
        """Replace the questions to ask them (chosen, added, edited, reordered)."""
        self.company.asks = list(asks)
        self._edited(Part.ASKS, Edit.CHOICE)

    def add_custom_question(self, prompt: str, taken: Iterable[str]) -> str | None:
        """Add a question of the user's own; return its new id (unique among ``taken``), or None for a blank prompt."""
        prompt = prompt.strip()
        if not prompt:
            return None
        qid = custom_question_id(prompt, set(taken))
        self.company.custom_questions.append(CustomQuestion(qid, prompt))
        self._edited(Part.QUESTIONS, Edit.STRUCTURE, qid)
        return qid

    def remove_custom_question(self, question_id: str, drop_rehearsals: bool = False) -> bool:
        """Delete a question the user added, and its answer; False when there is no such question.

        Its rehearsal rows go only when asked: kept, they come back with the question if it is added again.
        """
        before = len(self.company.custom_questions)
        self.company.custom_questions = [c for c in self.company.custom_questions if c.id != question_id]
        if len(self.company.custom_questions) == before:
            return False
        self.company.answers.pop(question_id, None)
        if drop_rehearsals:
            self.company.rehearsals = [r for r in self.company.rehearsals if r.question != question_id]
        self._edited(Part.QUESTIONS, Edit.STRUCTURE)
        return True

    def record_rehearsal(self, *rehearsals: Rehearsal) -> None:
        """Append rated rehearsals (one, or a mock close's whole run) and keep the words rehearsed."""
        for rehearsal in rehearsals:
            self.company.rehearsals.append(rehearsal)
            mark_rehearsed(self.company, rehearsal.question)
        self._edited(Part.REHEARSALS, Edit.RECORD)

    def settle_orphans(self, decisions: dict[str, str]) -> None:
        """Answers to questions no pack has any more: "keep" each as a question of yours, or delete it."""
        for question_id, what in decisions.items():
            (keep_as_custom if what == "keep" else delete_answer)(self.company, question_id)
        self._edited(Part.QUESTIONS, Edit.STRUCTURE)

    def toggle_mock_mark(self, question_id: str) -> str:
        """Mark or unmark one of the user's own questions for the mock close; what to tell them."""
        from tui.core.mock import toggle_mark

        message = toggle_mark(self.company, question_id)
        if any(custom.id == question_id for custom in self.company.custom_questions):
            self._edited(Part.QUESTIONS, Edit.CHOICE, question_id)
        return message

    def edit_details(self, role: str, interview_at: datetime | None, interviewers: list[str], links: list[str]) -> None:
        company = self.company
        company.role, company.interview_at = role, interview_at
        company.interviewers, company.links = list(interviewers), list(links)
        self._edited(Part.DETAILS, Edit.STRUCTURE)

    def rounds_edited(self) -> None:
        """A round, a note on an interviewer or a debrief changed (tui.core.rounds made the change)."""
        self._edited(Part.DETAILS, Edit.STRUCTURE)

    def replace_notes(self, company: Company) -> None:
        """Take ``company`` as the notes (a resolved conflict); counted as an edit the caller saves now."""
        self.company = company
        self.edits += 1
        self._announce(Change(Part.REPLACED))

    # -- saving -----------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The notes as they are now, for a save on another thread. Call on the UI thread."""
        return Snapshot(self.edits, copy.deepcopy(self.company), self.merges_taken)

    def save(self, snapshot: Snapshot) -> SaveStatus:
        """Write a snapshot (any thread). Never raises for a save that fails: the status says why.

        CONFLICT means the file changed on disk: the snapshot went to a copy
        beside it, and the UI thread should call ``reload`` next. HELD means a
        conflict waits for the user, and the snapshot went to a recovery file.
        """
        with self._lock:
            if self._status.state is SaveState.BLOCKED:
                return self._status
            if snapshot.edits < self.saved_edits:
                return self.status
            if self._stale_copy is not None:
                # A conflict waits for the UI thread to reload: newer words join the copy already
                # set aside, rather than a second copy of the same notes beside it.
                try:
                    atomic_write(self._stale_copy, serialize(snapshot.company))
                except (OSError, SerializeError) as error:
                    self._status = SaveStatus(SaveState.FAILED, _reason(error))
                return self._status
            if self._holding:
                return self._hold(snapshot)
            company = snapshot.company
            for merged, fields in self.merges_since(snapshot.merges):  # merged after the snapshot was made
                company = take_fields(company, merged, fields)
            try:
                if self._merge_with_disk(company) is None:
                    self.digest, self.base = self.store.save(self.slug, company, self.digest), company
            except ConflictError as conflict:
                self._stale_copy = conflict.sibling
                self._status = SaveStatus(SaveState.CONFLICT, str(conflict), copy=conflict.sibling)
                return self._status
            except (OSError, SerializeError) as error:
                self._status = SaveStatus(SaveState.FAILED, _reason(error))
                return self._status
            self.saved_edits = max(self.saved_edits, snapshot.edits)
            self._status = SaveStatus(SaveState.SAVED, at=self.store.clock())
            return self._status

    def save_now(self) -> SaveStatus:
        """Save on the calling thread (ctrl+s, a switch, quitting): the status after it.

        While the file is blocked, a repaired file is picked up first; if it is
        still broken, unsaved edits go to a recovery copy beside it.
        """
        if self.blocked:
            repaired = self.reload()
            if repaired.state is not SaveState.BLOCKED:
                # What was typed meanwhile is in the notes file or a conflict copy: say which.
                return self.save_now() if self.dirty else repaired
            if self.dirty:
                self._recover(blocked=True)
            return self._status
        status = self.save(self.snapshot())
        if self._stale_copy is not None:  # it conflicted: ours is in the copy, take the file's
            return self.reload()
        return self.status if status.state is not SaveState.HELD else status

    # -- while a conflict waits for the user --------------------------------

    def _hold(self, snapshot: Snapshot) -> SaveStatus:
        """Write a snapshot to the recovery file that stands in for the notes file (under the lock).

        The notes file keeps the version on disk until the user decides
        (``tui.core.resolve``): no answer's words are split between it and a copy.
        """
        if self._held is None and snapshot.edits <= self.saved_edits:
            return self._status  # nothing typed since the conflict: memory is the file
        try:
            data = serialize(snapshot.company)
            if self._held is None:
                self._held = write_beside(self.path, "recovery", self.store.clock().strftime("%Y%m%d-%H%M%S"), data)
            else:
                atomic_write(self._held, data)
        except (OSError, SerializeError) as error:
            self._status = SaveStatus(SaveState.FAILED, _reason(error))
            return self._status
        self.saved_edits = max(self.saved_edits, snapshot.edits)
        self._status = SaveStatus(SaveState.HELD, "a conflict waits for Y, T or B", copy=self._held)
        return self._status

    def release(self) -> Path | None:
        """The user resolved the conflict: saves go to the notes file again. The recovery file that held them."""
        with self._lock:
            held, self._held, self._holding = self._held, None, False
        return held

    def hold_for_copy(self, copy: Path) -> None:
        """A conflict copy is beside the file with no conflict of this session's behind it: hold until Y, T or B.

        An earlier session may have been killed while its bar was up, or an
        older copy waits after a newer one was resolved. Were the notes file
        saved meanwhile, "keep yours" would send the words typed now to the
        trash with the file's version, split from the rest: instead they go to
        memory and a recovery file, exactly as for a conflict that arose here.
        """
        with self._lock:
            if self._holding:
                return
            self._holding = True
            if self._status.state is SaveState.SAVED:
                self._status = SaveStatus(SaveState.HELD, f"an earlier version of yours waits in {copy.name}")

    def hold(self, held: Path | None) -> None:
        """Hold again (a resolution that could not be saved), into the same recovery file."""
        with self._lock:
            self._holding, self._held = True, held

    # -- the file on disk ---------------------------------------------------

    def disk_changed(self) -> bool:
        """Whether the file is not the one we last loaded or saved (any thread; reads the file).

        Under the lock: read outside it, our own save could land between the read and the
        compare, and the poll took the file we had just written for a change made elsewhere.
        """
        with self._lock:
            expected = self._broken_digest if self._status.state is SaveState.BLOCKED else self.digest
            return self.store.disk_digest(self.slug) != expected

    def reload(self) -> SaveStatus:
        """Take the file as it is on disk now (UI thread; hand over any text a widget holds first).

        Edits not yet saved, including any typed after a conflicting save's
        snapshot, are first written to a conflict copy: nothing typed is in
        neither file. A file that does not parse blocks saving until it does.
        Subscribers hear ``REPLACED`` or ``CONFLICT`` once the new notes are in place.
        """
        with self._lock:
            status, part = self._reload()
        if part is not None:
            self._announce(Change(part))
        return status

    def _drop_held(self) -> None:
        if self._held is not None:
            self._held.unlink(missing_ok=True)
            self._held = None

    def _reload(self) -> tuple[SaveStatus, Part | None]:
        came = Part.REPLACED if self.take_merges() else None  # another window's fields, merged by a save
        try:
            loaded = self.store.load(self.slug)
        except NotesError as error:
            if (gone := self._folder_gone()) is not None:
                return gone, came
            self._broken_digest = self.store.disk_digest(self.slug)
            self._status = SaveStatus(SaveState.BLOCKED, error.brief, copy=self._status.copy if self.blocked else None)
            return self._status, None
        kept: Path | None = None
        if self.dirty or self._held is not None:  # a held recovery file is not in the notes file either
            edits = self.edits
            try:
                if self._stale_copy is not None:
                    # The copy the conflicting save just wrote is ours: bring it up to the notes
                    # as they are now, under the same name, rather than a second copy beside it.
                    atomic_write(self._stale_copy, serialize(self.company))
                    raise ConflictError(self.path, self._stale_copy)
                if self._merge_with_disk(copy.deepcopy(self.company)) is not None:
                    came = Part.REPLACED if self.take_merges() else came  # both windows' words, no copy
                else:
                    self.digest = self.store.save(self.slug, copy.deepcopy(self.company), self.digest)
                    self.base = copy.deepcopy(self.company)
            except ConflictError as conflict:
                kept = conflict.sibling
            except (OSError, SerializeError) as error:
                self._status = SaveStatus(SaveState.FAILED, _reason(error))
                return self._status, None
            else:  # the file was back to what we last saved: ours is newer, and on disk now
                self._drop_held()
                self.saved_edits, self._broken_digest = edits, None
                self._status = SaveStatus(SaveState.SAVED, at=self.store.clock())
                return self._status, came
        kept = kept or self._stale_copy
        if kept is None and self.digest and loaded.digest != self.digest and not self.blocked:
            kept = moved_aside(self.store, self.slug, self.digest)  # a sync tool set ours aside
        self._stale_copy = self._broken_digest = None
        self.company, self.digest = loaded.company, loaded.digest
        self.start_merging(loaded.company)
        self.saved_edits = self.edits
        if kept is not None:
            self._drop_held()  # the new copy holds what it held, and anything typed since
            self._holding = True
            self._status = SaveStatus(SaveState.CONFLICT, f"changed on disk; yours is in {kept.name}", copy=kept)
            return self._status, Part.CONFLICT
        self._status = SaveStatus(SaveState.SAVED, at=self.store.clock())
        return self._status, Part.REPLACED

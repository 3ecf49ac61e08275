"""Resolving a conflict from the Prepare screen: the bar, the compare view, and keep yours / theirs / both.

The rules (what differs, what "keep both" writes, the trash) are in
``tui.core.conflicts``; saving goes through the screen's session and saver like
any edit, so a resolution that meets yet another change on disk becomes a new
conflict copy, never an overwrite.
"""

from __future__ import annotations

import copy
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.core.conflicts import (
    ConflictCopy,
    conflict_copies,
    differences,
    keep_both,
    load_copy,
    move_to_trash,
    set_aside,
)
from tui.core.save_status import SaveState
from tui.core.store import NotesError
from tui.widgets.conflict_bar import ConflictBar

if TYPE_CHECKING:
    from tui.dialogs.compare import Row
    from tui.screens.prepare import PrepareScreen

# Capitals: rare, deliberate keys, and none of them is taken by a pane. Hidden from the footer
# because the bar names them; help and the palette list them while a conflict is waiting.
CONFLICT_BINDINGS = [
    Binding("C", "conflict('compare')", "Compare versions", show=False,
            tooltip="The file on disk and the copy set aside, side by side"),
    Binding("Y", "conflict('mine')", "Keep yours", show=False,
            tooltip="Your set-aside version replaces the file (the file's version goes to the trash)"),
    Binding("T", "conflict('theirs')", "Keep theirs", show=False,
            tooltip="The file on disk stays; your set-aside copy goes to the trash"),
    Binding("B", "conflict('both')", "Keep both", show=False,
            tooltip="Each answer that differs: the file's text, a separator line, then yours"),
]

DONE = {
    "mine": "Kept yours. The file's old version and your copy are in trash/.",
    "theirs": "Kept the file on disk. Your copy is in trash/.",
    "both": "Kept both: the file's text, a separator line, then yours. Your copy is in trash/.",
}


class ConflictResolver:
    """The conflict copies beside one open company, newest first, and the actions on the newest."""

    def __init__(self, screen: PrepareScreen) -> None:
        self.screen = screen
        self.copies: list[ConflictCopy] = []

    @property
    def pending(self) -> bool:
        return bool(self.copies)

    def scan(self) -> None:
        """Look beside the file for copies (this session's or an earlier one's) and show the bar."""
        session = self.screen.session
        self.copies = conflict_copies(session.store, session.slug)
        when = self.copies[0].label(self.screen.app.clock()) if self.copies else ""
        self.screen.query_one(ConflictBar).show(when, len(self.copies))
        self.screen.refresh_bindings()

    def arrived(self) -> None:
        """A save conflicted just now: the bar points at the copy (a toast alone was easy to miss)."""
        self.scan()

    def _chosen(self, shown: ConflictCopy, choice: str | None) -> None:
        if choice:
            self.act(choice, shown)

    def rows(self, mine) -> list[Row]:
        from tui.dialogs.compare import Row  # with the compare view: not paid on opening a company

        screen = self.screen
        prompts = {q.id: q.prompt for q in screen.questions}
        items = {i.id: i.label for i in screen.app.catalog.checklist}
        labels = {"asks": "Your questions for them", "questions": "Questions you added", "rehearsals": "Rehearsals"}
        rows = []
        for diff in differences(screen.session.company, mine, order=list(prompts)):
            if diff.kind == "answer":
                label = prompts.get(diff.key, diff.key)
            elif diff.kind == "note":
                label = f"Research: {items.get(diff.key, diff.key)}"
            elif diff.kind == "details":
                label = f"Details: {diff.key.replace('_', ' ')}"
            else:
                label = labels[diff.kind]
            rows.append(Row(label, diff.theirs, diff.mine))
        return rows

    def act(self, choice: str, shown: ConflictCopy | None = None) -> None:
        """Resolve the newest copy; ``shown`` is the one the compare view showed, if it came from there."""
        if not self.copies:
            return
        newest = self.copies[0]
        screen = self.screen
        if shown is not None and shown != newest:  # another change arrived while the view was open
            screen.notify("Another change arrived meanwhile: compare again.", severity="warning", timeout=8)
            return
        try:
            mine = load_copy(newest)
        except NotesError as error:
            if choice != "theirs":
                screen.notify(f"{error}. T moves it to the trash.", title="Cannot read the copy",
                              severity="error", timeout=15, markup=False)
                return
            mine = None
        if choice == "compare":
            from tui.dialogs.compare import CompareScreen

            screen.app.push_screen(CompareScreen(self.rows(mine), newest.label(screen.app.clock())),
                                   partial(self._chosen, newest))
            return
        try:
            self._resolve(choice, newest, mine)
        except OSError as error:  # the disk said no: every file stays where it is, the bar stays
            self.scan()
            screen.notify(f"Not resolved: {error.strerror or error}.", severity="error", timeout=15, markup=False)

    def _resolve(self, choice: str, newest: ConflictCopy, mine) -> None:
        screen = self.screen
        # Words typed since the conflict go onto the file first: they are part of "theirs" now.
        if not self._saved(screen.save_now()):
            return
        session = screen.session
        if choice in ("mine", "both"):
            assert mine is not None
            if choice == "mine":
                set_aside(session.store, session.slug, session.store.clock())
            notes = mine if choice == "mine" else keep_both(session.company, mine, newest.at)
            session.replace_notes(copy.deepcopy(notes))  # announced: the editor shows them before the save
            status = screen.saver.save_now()
            if status.state is SaveState.CONFLICT:  # changed again: the new copy holds this version
                move_to_trash(session.store, newest.path)
                self.scan()
                return
            if not self._saved(status):
                return
        move_to_trash(session.store, newest.path)
        self.scan()
        screen.notify(DONE[choice], timeout=8)

    def _saved(self, status) -> bool:
        if status.state is SaveState.SAVED:
            return True
        self.scan()
        if status.state is not SaveState.CONFLICT:
            self.screen.notify(f"Not resolved: {status.text}. Nothing was moved.", severity="error", timeout=15, markup=False)
        return False

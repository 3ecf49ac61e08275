"""Resolving a conflict from the Prepare screen: the bar, the compare view, and keep yours / theirs / both.

The rules (what differs, what "keep both" writes, where each choice puts the
words typed while the conflict waited) are in ``tui.core.conflicts`` and
``tui.core.resolve``; a resolution that meets yet another change on disk becomes
a new conflict copy, never an overwrite.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.core.conflicts import ConflictCopy, conflict_copies, differences, load_copy
from tui.core.recovery import recovery_files
from tui.core.save_status import SaveState
from tui.core.store import NotesError
from tui.widgets.conflict_bar import ConflictBar

if TYPE_CHECKING:
    from tui.core.notes import Company
    from tui.core.resolve import Choice
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
    "mine": "Kept yours. The file's old version (and anything typed onto it) and your copy are in trash/.",
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

    def opened(self) -> None:
        """On opening a company: the bar for copies an earlier session left, and a word on its recovery files.

        A recovery file holds words that are not in the notes file (typed while
        a conflict waited, or rescued when a save failed); the session does not
        fold it in by itself, so the user is told where it is.
        """
        self.scan()
        session = self.screen.session
        if found := recovery_files(session.path):
            names = ", ".join(p.name for p in found)
            self.screen.notify(f"An earlier session left words that are not in the notes file in {names} "
                               f"(in {session.store.companies}). Copy what you need, then delete it.",
                               title="Recovery file beside the notes", severity="warning", timeout=20, markup=False)

    def scan(self) -> None:
        """Look beside the file for copies (this session's or an earlier one's) and show the bar.

        While any copy waits, the session holds (``CompanySession.hold_for_copy``): after a newer copy is
        resolved, an older one still decides where the words typed meanwhile go.
        """
        session = self.screen.session
        self.copies = conflict_copies(session.store, session.slug)
        if self.copies:
            session.hold_for_copy(self.copies[0].path)
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
                # The picker's advice for a copy is to merge by hand and delete it: it may go while held.
                message = ("It is gone (deleted by hand?). T saves to the notes file again." if not
                           newest.path.exists() else f"{error}. T moves it to the trash.")
                screen.notify(message, title="Cannot read the copy", severity="error", timeout=15, markup=False)
                return
            mine = None
        if choice == "compare":
            from tui.dialogs.compare import CompareScreen

            screen.app.push_screen(CompareScreen(self.rows(mine), newest.label(screen.app.clock())),
                                   partial(self._chosen, newest))
            return
        try:
            self._resolve(choice, newest, mine)  # type: ignore[arg-type]
        except OSError as error:  # the disk said no: every file stays where it is, the bar stays
            self.scan()
            screen.notify(f"Not resolved: {error.strerror or error}.", severity="error", timeout=15, markup=False)

    def _resolve(self, choice: Choice, newest: ConflictCopy, mine: Company | None) -> None:
        screen = self.screen
        screen.hand_over_text()  # the editor's last keys first: the choice decides where they go too
        status = screen.saver.resolve(choice, newest, mine)
        self.scan()
        if status.state is SaveState.SAVED:
            screen.notify(DONE[choice], timeout=8)
        elif status.state is not SaveState.CONFLICT:  # a conflict again: the bar shows the new copy
            screen.notify(f"Not resolved: {status.text}.", severity="error", timeout=15, markup=False)

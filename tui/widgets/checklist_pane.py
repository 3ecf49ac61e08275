"""The research checklist: a checkbox and a one-line note per item, with a progress count."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.notes import ChecklistEntry
from tui.core.packs import ChecklistItem
from tui.core.sanitize import for_terminal
from tui.typeahead import hold_keys


class ChecklistList(OptionList):
    BINDINGS = [
        Binding("space", "toggle_done", "Done/undone"),
        Binding("enter", "edit_note", "Note", priority=True),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class Toggle(Message):
        item_id: str

    @dataclass
    class EditNote(Message):
        item_id: str

    def _current(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def action_toggle_done(self) -> None:
        if item := self._current():
            self.post_message(self.Toggle(item))

    def action_edit_note(self) -> None:
        if item := self._current():
            hold_keys(self)  # the note typed straight after enter waits for the note dialog
            self.post_message(self.EditNote(item))


def render_item(item: ChecklistItem, entry: ChecklistEntry) -> Content:
    box = ("[x] ", "$success") if entry.done else ("[ ] ", "$text-muted")
    note = entry.note.replace("\n", " ").strip()
    second = (note, "") if note else (item.hint or "enter to add a note", "$text-muted italic")
    return Content.assemble(box, (for_terminal(item.label, True), "bold"), "\n    ",
                            (for_terminal(second[0], True), second[1]))


class ChecklistPane(Vertical):
    """The progress line and the list, built on the first show while the pane can be seen.

    At 80x24 the research is hidden until `4`: an option list mounted, styled and
    filled for nothing cost the first frame as much as the coach's checks.
    """

    _wanted: tuple[list[ChecklistItem], dict[str, ChecklistEntry]] | None = None

    def show(self, items: list[ChecklistItem], entries: dict[str, ChecklistEntry]) -> None:
        self._wanted = (items, entries)
        if self.children or self.display:
            self._fill(items, entries)

    def reveal(self) -> None:
        """Build the list if the pane is visible now and was not before."""
        if self._wanted is not None and not self.children and self.display:
            self._fill(*self._wanted)

    def _fill(self, items: list[ChecklistItem], entries: dict[str, ChecklistEntry]) -> None:
        options = [Option(render_item(i, entries.get(i.id) or ChecklistEntry()), id=i.id) for i in items]
        done = sum(1 for i in items if (entries.get(i.id) or ChecklistEntry()).done)
        progress = f"{done}/{len(items)} researched"
        if not self.children:  # mounted at once, so the screen can focus the list straight after
            self.mount(Static(Content(progress), id="research-progress"), ChecklistList(*options, id="checklist-list"))
            return
        listing = self.query_one(ChecklistList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options(options)
        if items:
            listing.highlighted = min(keep or 0, len(items) - 1)
        self.query_one("#research-progress", Static).update(Content(progress))

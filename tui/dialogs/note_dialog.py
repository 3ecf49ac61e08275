"""A research note: several lines of text, and the offer to tick the item it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Static, TextArea

from tui.dialogs.form_dialog import FormDialog
from tui.plain import plain


@dataclass(frozen=True)
class NoteResult:
    note: str
    done: bool


class NoteDialog(FormDialog["NoteResult | None"]):
    """A TextArea, so a pasted paragraph keeps its lines; enter starts a new line, ctrl+s saves."""

    DEFAULT_CSS = """
    NoteDialog TextArea { height: 8; min-height: 3; }
    NoteDialog Checkbox { margin-top: 1; }
    """
    KEYS_HINT = "ctrl+s saves · escape cancels · tab leaves the text"

    def __init__(self, title: str, note: str, done: bool, hint: str = ""):
        super().__init__()
        self.heading = title
        self.note = note
        self.done = done
        self.hint = hint
        self._offered = False

    def compose(self) -> ComposeResult:
        with Vertical():
            # The heading holds the pack's item label, the hint the pack's own words.
            yield Static(plain(self.heading), classes="title")
            if self.hint:
                yield Static(plain(self.hint), classes="hint")
            with self.scrolling_fields():
                area = TextArea(self.note, id="note", soft_wrap=True, tab_behavior="focus", compact=True)
                area.cursor_blink = getattr(getattr(self.app, "settings", None), "cursor_blink", False)
                yield area
                yield Checkbox("Mark as researched", self.done, id="done")
            yield from self.actions()

    def on_mount(self) -> None:
        super().on_mount()
        area = self.query_one("#note", TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Writing a note is usually the research done: offer the tick, once, set for the user.
        if not self._offered and not self.done and event.text_area.text.strip():
            self._offered = True
            self.query_one("#done", Checkbox).value = True

    def current(self) -> tuple[str, bool]:
        return self.query_one("#note", TextArea).text, self.query_one("#done", Checkbox).value

    def action_submit(self) -> None:
        note, done = self.current()
        self.dismiss(NoteResult(note, done))

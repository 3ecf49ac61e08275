"""What every form in finale shares, so none of them can lose typed work at 80x24.

- The action buttons and a line naming the keys sit outside the scrolling part, so a
  short terminal never hides them.
- `ctrl+s` saves from any field; `enter` in a one-line field does too.
- `escape` with unsaved changes asks before discarding them.
- Cancel takes no focus (escape is its key): `tab` from the last field lands on Save,
  so `tab` `enter` can never throw the edits away.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ScreenResultType
from textual.widgets import Button, Input, Static, TextArea
from textual.widgets.input import Selection

from tui.dialogs.basic import ConfirmDialog, Dialog
from tui.plain import plain

FORM_CSS = """
FormDialog > Vertical { height: auto; max-height: 100%; }
FormDialog .fields { height: auto; }
FormDialog .keys { color: $text-muted; height: 1; }
FormDialog .buttons { height: 1; margin-top: 0; }
FormDialog .buttons Button { min-width: 10; }
FormDialog Label { color: $text-muted; }
"""

# Rows the title, error line, buttons, key line and borders take: the fields get the rest.
CHROME_ROWS = 9


class FormDialog(Dialog[ScreenResultType]):
    """A dialog with fields. Subclasses compose their fields inside `fields()` and
    implement `current()` (what a save would keep) and `submit()`."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("ctrl+s", "submit", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        # Priority: handled as the key arrives, so keys typed right after tab (one burst over
        # SSH) go to the next field instead of the one being left.
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]
    KEYS_HINT = "ctrl+s saves · escape cancels · tab next field"
    SAVE_LABEL = "Save"

    def __init__(self) -> None:
        super().__init__()
        self._initial: Any = None

    def on_mount(self) -> None:
        super().on_mount()
        self._initial = self.current()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        # A CSS max-height cannot subtract the chrome from the screen height: set it here.
        for scroll in self.query(".fields"):
            scroll.styles.max_height = max(3, self.app.size.height - CHROME_ROWS)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self.call_after_refresh(self._from_start, event.widget)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Input):
            event.widget.scroll_to(x=0, animate=False)

    @staticmethod
    def _from_start(field: Input) -> None:
        """A field shows its value from the start: focus selects it all with the cursor at the end,
        and a long role then read "t Manager, Autonomous…". All selected still, the cursor at 0."""
        if field.has_focus and field.value and field.selection == Selection(0, len(field.value)):
            field.selection = Selection(len(field.value), 0)

    def scrolling_fields(self) -> VerticalScroll:
        return VerticalScroll(classes="fields", can_focus=False)

    def actions(self) -> ComposeResult:
        """The error line, the buttons and the keys, outside the scrolling fields."""
        yield Static("", classes="error", id="error")
        with Horizontal(classes="buttons"):
            cancel = Button("Cancel", id="cancel", compact=True)
            cancel.can_focus = False
            yield cancel
            yield Button(self.SAVE_LABEL, id="save", variant="primary", compact=True)
        yield Static(self.KEYS_HINT, classes="keys")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_submit()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def current(self) -> Any:
        """The values a save would keep; compared with the first ones to know if anything changed."""
        return {w.id: w.value for w in self.query(Input)} | {w.id: w.text for w in self.query(TextArea)}

    @property
    def changed(self) -> bool:
        return self.is_mounted and self.current() != self._initial

    def show_error(self, message: str) -> None:
        self.query_one("#error", Static).update(plain(message))

    def action_submit(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your changes?", "Nothing you typed in this form is saved yet.",
                                           yes="Discard", no="Keep editing"), answer)

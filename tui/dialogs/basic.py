"""Small modal dialogs: confirm, one line of text, and a choice from a list."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import Button, Input, Static

from tui.plain import plain

DIALOG_CSS = """
Dialog { align: center middle; }
Dialog > Vertical {
    width: 72; max-width: 95%; height: auto; max-height: 95%;
    border: round $primary; background: $panel; padding: 0 1;
}
Dialog .title { text-style: bold; margin-bottom: 1; }
Dialog .hint { color: $text-muted; }
Dialog .error { color: $error; height: auto; }
Dialog .buttons { height: auto; align-horizontal: right; margin-top: 1; }
Dialog .buttons Button { margin-left: 1; min-width: 10; }
Dialog Input { margin-bottom: 1; }
"""


class Dialog(ModalScreen[ScreenResultType]):
    """Base of finale's modals: a centred panel over the dimmed screen."""

    # Unscoped so the rules reach every subclass by its base type name.
    SCOPED_CSS = False
    DEFAULT_CSS = DIALOG_CSS

    def on_mount(self) -> None:
        # Before any input has focus: a blinking cursor sends bytes every half second.
        blink = getattr(getattr(self.app, "settings", None), "cursor_blink", False)
        for field in self.query(Input):
            field.cursor_blink = blink


class ConfirmDialog(Dialog[bool]):
    """Yes or no; escape means no."""

    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "Cancel"):
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            # Every string here may hold a name, a prompt or an ask: shown as written, never as markup.
            yield Static(plain(self.question), classes="title")
            if self.detail:
                yield Static(plain(self.detail), classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(plain(self.no, one_line=True), id="no")
                yield Button(plain(self.yes, one_line=True), id="yes", variant="error")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TextDialog(Dialog["str | None"]):
    """One line of text; enter accepts, escape cancels.

    ``validate`` returns an error message to show, or "" when the text is fine.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "submit", "Save", priority=True)]

    def __init__(self, title: str, value: str = "", hint: str = "", placeholder: str = "",
                 validate: Callable[[str], str] | None = None):
        super().__init__()
        self.heading = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder
        self.validate = validate

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.heading), classes="title")
            if self.hint:
                yield Static(plain(self.hint), classes="hint")
            yield Input(self.value, placeholder=self.placeholder, id="text")
            yield Static("", classes="error", id="error")
            yield Static("enter or ctrl+s saves · escape cancels", classes="hint")

    @on(Input.Submitted)
    def action_submit(self) -> None:
        value = self.query_one("#text", Input).value
        error = self.validate(value) if self.validate else ""
        if error:
            self.query_one("#error", Static).update(plain(error))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        if self.query_one("#text", Input).value == self.value:
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        # Escape with typed text asks first: a stray escape must not lose a question half written.
        self.app.push_screen(ConfirmDialog("Discard what you typed?", yes="Discard", no="Keep editing"), answer)

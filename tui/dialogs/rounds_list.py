"""The rounds of a company, and a pick from a short list (who a question to ask is for)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.basic import Dialog
from tui.plain import plain


class PickDialog(Dialog["int | None"]):
    """One line from a list: enter picks it (its index), escape picks nothing."""

    CSS_PATH = "rounds.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, title: str, lines: list[str], hint: str = "enter picks · escape cancels",
                 highlighted: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.hint = hint
        self.highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="pick"):
            yield Static(plain(self.title_text, one_line=True), classes="title")
            yield OptionList(*[Option(plain(line, one_line=True)) for line in self.lines], id="pick", compact=True)
            yield Static(Content(self.hint), classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        listing = self.query_one("#pick", OptionList)
        if self.lines:
            listing.highlighted = min(self.highlighted, len(self.lines) - 1)
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)


class RoundsDialog(Dialog["tuple[str, int | None] | None"]):
    """The rounds, soonest first as written: add one, edit one, debrief one."""

    CSS_PATH = "rounds.tcss"
    BINDINGS = [
        Binding("a", "pick('add')", "Add round"),
        Binding("enter", "pick('edit')", "Edit", priority=True),
        Binding("D", "pick('debrief')", "Debrief"),
        Binding("escape", "dismiss(None)", "Close"),
    ]

    def __init__(self, title: str, lines: list[str], highlighted: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="pick"):
            yield Static(plain(self.title_text, one_line=True), classes="title")
            if self.lines:
                yield OptionList(*[Option(plain(line)) for line in self.lines], id="rounds", compact=True)
            else:
                yield Static(Content("No rounds yet."), classes="hint")
            yield Static(Content("a adds a round · enter edits · D debriefs · escape closes"), classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        if self.lines:
            listing = self.query_one("#rounds", OptionList)
            listing.highlighted = min(self.highlighted, len(self.lines) - 1)
            listing.focus()

    def action_pick(self, what: str) -> None:
        if what == "add":
            self.dismiss(("add", None))
            return
        if not self.lines:
            return
        index = self.query_one("#rounds", OptionList).highlighted
        if index is not None:
            self.dismiss((what, index))

"""The two versions of a company's notes side by side: the file on disk (theirs) and the copy set aside (yours)."""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.sanitize import for_terminal
from tui.dialogs.basic import Dialog


@dataclass(frozen=True)
class Row:
    label: str
    theirs: str
    mine: str


def _side(text: str) -> Text:
    if not text.strip():
        return Text("(empty)", style="italic")
    return Text(for_terminal(text))


def _pair(theirs: Text, mine: Text, style: str = "") -> Table:
    """Two equal columns with a rule between them as tall as the longer side."""
    table = Table(box=box.MINIMAL, show_header=False, show_edge=False, expand=True, pad_edge=False,
                  padding=(0, 1), style=style)
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    table.add_row(theirs, mine)
    return table


class CompareScreen(Dialog[str]):
    """Scrolls with the keyboard; Y, T or B resolve from here, escape goes back to the bar."""

    DEFAULT_CSS = """
    CompareScreen > Vertical { width: 100%; max-width: 100%; height: 100%; max-height: 100%; }
    CompareScreen .heads { height: 1; text-style: bold; margin-bottom: 1; }
    CompareScreen .pair { height: auto; margin-bottom: 1; }
    CompareScreen .label { text-style: bold; color: $accent; }
    CompareScreen #diff { height: 1fr; }
    CompareScreen #diff:focus { background-tint: $foreground 3%; }
    CompareScreen .keys { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("Y,y", "choose('mine')", "Keep yours"),
        Binding("T,t", "choose('theirs')", "Keep theirs"),
        Binding("B,b", "choose('both')", "Keep both"),
        Binding("escape,C,c", "choose('')", "Back"),
    ]

    def __init__(self, rows: list[Row], when: str) -> None:
        super().__init__()
        self.rows = rows
        self.when = when

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_pair(Text("Theirs: the file on disk"), Text(f"Yours: set aside at {self.when}")), classes="heads")
            with VerticalScroll(id="diff"):
                for row in self.rows:
                    yield Static(Text(for_terminal(row.label, one_line=True)), classes="label")
                    yield Static(_pair(_side(row.theirs), _side(row.mine)), classes="pair")
                if not self.rows:
                    yield Static("The two versions hold the same notes: T keeps the file as it is.")
            yield Static("↑↓ pgup pgdn scroll · Y keep yours · T keep theirs · B keep both · esc back",
                         classes="keys", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#diff").focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

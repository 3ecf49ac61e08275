"""The two versions of a company's notes side by side: the file on disk (theirs) and the copy set aside (yours)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.core.sanitize import for_terminal
from tui.core.textdiff import Span, side_by_side
from tui.dialogs.basic import Dialog


@dataclass(frozen=True)
class Row:
    label: str
    theirs: str
    mine: str


# Words only one side has, marked alike on both: underlined (still read under NO_COLOR), a colour
# per side. Struck through read as "deleted", though T and B both keep the file's words (walk #12).
THEIRS_ONLY, MINE_ONLY = "underline cyan", "underline yellow"


def _side(text: str, spans: list[Span], style: str) -> Text:
    if not text.strip():
        return Text("(empty)", style="italic")
    out = Text()
    for span in spans:
        out.append(for_terminal(span.text), style=style if span.changed else "")
    return out


def lines_before(text: str, offset: int, width: int) -> int:
    """How many lines ``text`` up to ``offset`` takes wrapped at ``width``: where a change shows in its column."""
    return sum(max(1, len(textwrap.wrap(line, max(8, width)))) for line in text[:offset].split("\n")) - 1


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
    CompareScreen .heads { height: 1; text-style: bold; margin-bottom: 1; padding-right: 1; }
    CompareScreen .pair { height: auto; margin-bottom: 1; }
    CompareScreen .label { text-style: bold; color: $accent; }
    /* The same right gutter as the headings' padding: their rule then sits over the text rows' rule. */
    CompareScreen #diff { height: 1fr; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    CompareScreen #diff:focus { background-tint: $foreground 3%; }
    CompareScreen .keys { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("Y,y", "choose('mine')", "Keep yours"),
        Binding("T,t", "choose('theirs')", "Keep theirs"),
        Binding("B,b", "choose('both')", "Keep both"),
        Binding("escape,C,c", "choose('')", "Back"),
        Binding("n", "change(1)", "Next change"),
        Binding("p", "change(-1)", "Previous change"),
    ]

    def __init__(self, rows: list[Row], when: str) -> None:
        super().__init__()
        self.rows = rows
        self.when = when
        self.diffs = [side_by_side(row.theirs, row.mine) for row in rows]
        self.at = -1
        """Which change `n`/`p` last went to, in reading order; -1 before the first."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_pair(Text("Theirs: the file on disk"), Text(f"Yours: set aside at {self.when}")), classes="heads")
            with VerticalScroll(id="diff"):
                for row, diff in zip(self.rows, self.diffs, strict=True):
                    yield Static(Text(for_terminal(row.label, one_line=True)), classes="label")
                    yield Static(_pair(_side(row.theirs, diff.theirs, THEIRS_ONLY), _side(row.mine, diff.mine, MINE_ONLY)),
                                 classes="pair")
                if not self.rows:
                    yield Static("The two versions hold the same notes: T keeps the file as it is.")
            yield Static(self._keys(), classes="keys", markup=False, id="compare-keys")

    def _keys(self) -> str:
        count = sum(len(diff.changes) for diff in self.diffs)
        where = f"change {self.at + 1} of {count}" if self.at >= 0 else f"{count} change{'s' * (count != 1)}"
        return (f"Underlined: only on that side. {where}: n next · p previous · ↑↓ scroll · Y keep yours"
                " · T keep theirs · B keep both · esc back")

    def targets(self) -> list[int]:
        """The line (in the scrolled view) of every change, in reading order."""
        out = []
        for pair, row, diff in zip(self.query(".pair"), self.rows, self.diffs, strict=True):
            column = (pair.size.width - 3) // 2  # two columns, a rule and their padding
            for theirs_at, mine_at in diff.changes:
                line = max(lines_before(row.theirs, theirs_at, column), lines_before(row.mine, mine_at, column))
                out.append(pair.virtual_region.y + line)
        return out

    def action_change(self, step: int) -> None:
        targets = self.targets()
        if not targets:
            return
        self.at = max(0, min(len(targets) - 1, self.at + step))
        # Two lines of what comes before it, so the change is read in its sentence.
        self.query_one("#diff", VerticalScroll).scroll_to(y=max(0, targets[self.at] - 2), animate=False)
        self.query_one("#compare-keys", Static).update(Content(self._keys()))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#diff").focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

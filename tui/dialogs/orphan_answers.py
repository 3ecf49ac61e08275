"""The dialog listing answers to questions no longer in any pack: keep each as your own question, or delete it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.orphans import TITLE, Orphan
from tui.dialogs.basic import Dialog
from tui.plain import plain


class OrphanAnswersDialog(Dialog[dict]):
    """Returns {question id: "keep" | "delete"} for the answers the user decided about."""

    DEFAULT_CSS = """
    OrphanAnswersDialog OptionList { height: auto; max-height: 8; }
    OrphanAnswersDialog VerticalScroll { height: auto; max-height: 12; border-top: solid $primary; }
    """
    BINDINGS = [
        Binding("k", "decide('keep')", "Keep as my question"),
        Binding("x", "decide('delete')", "Delete"),
        Binding("escape", "done", "Done"),
    ]

    def __init__(self, orphans: list[Orphan]):
        super().__init__()
        self.orphans = orphans
        self.decisions: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(TITLE, classes="title")
            yield OptionList(*[Option(self._label(o), id=o.question_id) for o in self.orphans], id="orphans")
            with VerticalScroll():
                yield Static("", id="orphan-text")
            yield Static("k keep as my question · x delete · escape done", classes="hint")

    def _label(self, orphan: Orphan) -> Content:
        decided = {"keep": "  → kept", "delete": "  → deleted"}.get(self.decisions.get(orphan.question_id, ""), "")
        words = len(orphan.text.split())
        return plain(f"{orphan.question_id} · {words} w{decided}", one_line=True)

    def on_mount(self) -> None:
        super().on_mount()
        self._show(0)
        self.query_one(OptionList).focus()

    def _show(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.orphans):
            self.query_one("#orphan-text", Static).update(plain(self.orphans[index].text))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def action_decide(self, what: str) -> None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        if index is None:
            return
        orphan = self.orphans[index]
        self.decisions[orphan.question_id] = what
        listing.replace_option_prompt_at_index(index, self._label(orphan))

    def action_done(self) -> None:
        self.dismiss(self.decisions)

"""Pick starter questions to ask: each whole (wrapped, never cut), its category as text, and a
mark for chosen rows that does not depend on colour ([x] / [ ]), so NO_COLOR keeps the meaning."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.packs import StarterAsk
from tui.dialogs.form_dialog import FormDialog


def render_starter(starter: StarterAsk, marked: bool) -> Content:
    box = ("[x] ", "$success bold") if marked else ("[ ] ", "$text-muted")
    return Content.assemble(box, starter.text, "\n    ", (starter.category, "$text-muted italic"))


class StarterList(OptionList):
    BINDINGS = [
        Binding("space", "mark", "Mark"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def action_mark(self) -> None:
        if self.highlighted is not None and isinstance(self.screen, StarterDialog):
            self.screen.toggle(self.highlighted)


class StarterDialog(FormDialog["list[int] | None"]):
    """Returns the indexes of the starters marked; enter or ctrl+s adds them."""

    DEFAULT_CSS = """
    StarterDialog StarterList, StarterDialog StarterList:focus { height: auto; border: none; padding: 0; }
    """
    KEYS_HINT = "space marks · enter or ctrl+s adds the marked · escape cancels"
    SAVE_LABEL = "Add marked"

    def __init__(self, starters: list[StarterAsk]):
        super().__init__()
        self.starters = starters
        self.marked: set[int] = set()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Add starter questions", classes="title")
            with self.scrolling_fields():
                if not self.starters:
                    yield Static("Nothing left to add: every starter is in your list.", classes="hint")
                yield StarterList(*[Option(render_starter(s, False)) for s in self.starters], id="starters")
            yield from self.actions()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(StarterList).focus()

    def _fit(self) -> None:
        # The list scrolls itself (so the highlight stays in view); the form around it does not.
        for listing in self.query(StarterList):
            listing.styles.max_height = max(3, self.app.size.height - 9)

    def toggle(self, index: int) -> None:
        self.marked ^= {index}
        listing = self.query_one(StarterList)
        listing.replace_option_prompt_at_index(index, render_starter(self.starters[index], index in self.marked))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_submit()

    def current(self) -> frozenset[int]:
        return frozenset(self.marked)

    def action_submit(self) -> None:
        self.dismiss(sorted(self.marked))

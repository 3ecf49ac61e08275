"""Your questions for them: pick from the pack's starters, write your own, reorder, choose."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.checks import ask_topic
from tui.core.notes import Ask
from tui.core.packs import Check, StarterAsk
from tui.core.progress import asks_wanted, chosen_texts
from tui.core.rounds import meant_for
from tui.core.sanitize import for_terminal


def render_ask(number: int, ask: Ask, topic: str = "") -> Content:
    """``topic`` is the one the coach counts; "(auto)" marks one inferred from the ask's words."""
    box = ("[x] ", "$success") if ask.chosen else ("[ ] ", "$text-muted")
    shown = topic if ask.category in ("", "mine") else ask.category
    category = f"  {shown}{' (auto)' if shown and shown != ask.category else ''}" if shown else ""
    who = meant_for(ask)
    return Content.assemble(box, (f"{number}. ", "bold"), for_terminal(ask.text, True),
                            (for_terminal(category, True), "$text-muted italic"),
                            (for_terminal(f"  → {who}", True) if who else "", "$accent"))


class AsksList(OptionList):
    """The list itself; its keys act on the AsksEditor around it."""

    BINDINGS = [
        Binding("space", "do('toggle_chosen')", "Ask it"),
        Binding("s", "do('starters')", "Starters", priority=True),
        Binding("n", "do('write')", "Write own", priority=True),
        Binding("enter", "do('edit')", "Edit", priority=True),
        Binding("shift+up,K", "do('move', -1)", "Move up"),
        Binding("shift+down,J", "do('move', 1)", "Move down"),
        Binding("x,delete", "do('remove')", "Remove"),
        Binding("o", "do('topic')", "Topic"),
        Binding("f", "do('choose_for')", "For whom"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def action_do(self, name: str, *args: object) -> None:
        editor = self.query_ancestor(AsksEditor)
        getattr(editor, f"action_{name}")(*args)


class AsksEditor(Vertical):
    """Edits a copy of the asks and posts Changed with the whole new list."""

    @dataclass
    class Changed(Message):
        asks: list[Ask]

    @dataclass
    class ChooseFor(Message):
        """The user wants to say which interviewer the question at ``index`` is for."""

        index: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.asks: list[Ask] = []
        self.starters: list[StarterAsk] = []

    def show(self, asks: list[Ask], starters: list[StarterAsk]) -> None:
        self.asks = copy.deepcopy(asks)
        self.starters = starters
        if not self.children:
            # Mounted here, not composed: the screen may focus the list straight after the
            # first show, before a compose would have run.
            self.mount(Static("", id="asks-summary"), AsksList(id="asks-list"))
        self._redraw()

    def _redraw(self, highlight: int | None = None) -> None:
        listing = self.query_one(AsksList)
        keep = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        check = self._topics_check()
        listing.add_options([Option(render_ask(i + 1, a, ask_topic(a, check) if check else ""))
                             for i, a in enumerate(self.asks)])
        if self.asks:
            listing.highlighted = max(0, min(keep or 0, len(self.asks) - 1))
        summary = self._summary() if self.asks else "No questions yet · s starters · n your own"
        self.query_one("#asks-summary", Static).update(Content(summary))

    def _summary(self) -> str:
        """Chosen against wanted, as the question's row says it ("2 of 3 chosen"), then how many are listed."""
        chosen = len(chosen_texts(self.asks))
        catalog = getattr(self.app, "catalog", None)
        asks_question = next((q for q in catalog.questions if q.asks), None) if catalog else None
        wanted = asks_wanted(asks_question) if asks_question else 0
        said = f"{chosen} of {wanted} chosen" if chosen < wanted else f"{chosen} chosen"
        return f"{said} · {len(self.asks)} listed"

    def _changed(self, highlight: int | None = None) -> None:
        self._redraw(highlight)
        self.post_message(self.Changed(copy.deepcopy(self.asks)))

    @property
    def _index(self) -> int | None:
        return self.query_one(AsksList).highlighted if self.asks else None

    def _topics_check(self) -> Check | None:
        catalog = getattr(self.app, "catalog", None)
        questions = catalog.questions if catalog else ()
        return next((c for q in questions for c in q.checks if c.kind == "asks_chosen"), None)

    def action_topic(self) -> None:
        """Your own question's topic: inferred from its words, or one you pick (o cycles)."""
        i, check = self._index, self._topics_check()
        if i is None or check is None:
            return
        cycle = ["mine", *check.params.get("categories", [])]
        current = self.asks[i].category if self.asks[i].category in cycle else "mine"
        self.asks[i].category = cycle[(cycle.index(current) + 1) % len(cycle)]
        self._changed(i)

    def action_choose_for(self) -> None:
        if (i := self._index) is not None:
            self.post_message(self.ChooseFor(i))

    def changed_one(self, index: int) -> None:
        """After the screen changed ``self.asks[index]`` in place (who it is for)."""
        self._changed(index)

    def action_toggle_chosen(self) -> None:
        if (i := self._index) is not None:
            self.asks[i].chosen = not self.asks[i].chosen
            self._changed()

    def action_move(self, step: int) -> None:
        i = self._index
        if i is None or not 0 <= i + step < len(self.asks):
            return
        self.asks[i], self.asks[i + step] = self.asks[i + step], self.asks[i]
        self._changed(i + step)

    def action_starters(self) -> None:
        from tui.dialogs.starter_dialog import StarterDialog

        have = {a.text for a in self.asks}
        left = [s for s in self.starters if s.text not in have]

        def add(picked: list[int] | None) -> None:
            if picked:
                self.asks.extend(Ask(left[i].text, left[i].category, chosen=True) for i in picked)
                self._changed(len(self.asks) - 1)

        self.app.push_screen(StarterDialog(left), add)

    def action_write(self) -> None:
        from tui.dialogs.basic import TextDialog

        def add(text: str | None) -> None:
            if text and text.strip():
                self.asks.append(Ask(text.strip(), "mine", chosen=True))
                self._changed(len(self.asks) - 1)

        self.app.push_screen(TextDialog("Your own question to ask them", placeholder="What does success look like in six months?"), add)

    def action_edit(self) -> None:
        from tui.dialogs.basic import TextDialog

        i = self._index
        if i is None:
            return

        def save(text: str | None) -> None:
            if text is not None and text.strip():
                self.asks[i].text = text.strip()
                self._changed(i)

        self.app.push_screen(TextDialog("Edit the question", self.asks[i].text), save)

    def action_remove(self) -> None:
        from tui.dialogs.basic import ConfirmDialog

        i = self._index
        if i is None:
            return

        def remove(yes: bool | None) -> None:
            if yes:
                del self.asks[i]
                self._changed(i)

        self.app.push_screen(ConfirmDialog("Remove this question?", self.asks[i].text, yes="Remove"), remove)

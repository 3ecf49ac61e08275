"""The Prepare screen's panes: which one sits beside the question list, and where focus goes.

PrepareScreen's base class, kept apart so the screen stays readable: what a
pane key, `t`, escape and a resize do, and which pane is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.reactive import var
from textual.screen import Screen

from tui.widgets.checklist_pane import ChecklistPane
from tui.widgets.question_list import QuestionList
from tui.widgets.tips_pane import TipsPane

if TYPE_CHECKING:
    from tui.app import FinaleApp
    from tui.core.packs import Question
    from tui.saving import Saver
    from tui.widgets.answer_pane import AnswerPane

Pane = Literal["answer", "tips", "checklist"]


class PaneScreen(Screen):
    """A question list with the panes beside it; PrepareScreen fills in the rest."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    # var, not reactive: a reactive on a Screen repaints the whole screen when it
    # changes (8 KB a second over SSH while the timer ran); watchers update the widgets.
    side: var[Pane] = var("answer", init=False)
    """In a narrow terminal, the pane shown beside the question list: answer, tips or checklist."""
    tips_open: var[bool] = var(True, init=False)
    """In a wide terminal, whether the tips column is shown."""
    question_id: var[str] = var("", init=False)
    """The question whose answer is in the editor."""

    if TYPE_CHECKING:  # what PrepareScreen provides
        saver: Saver
        _tip_highlight: str
        _coach_said: str

        @property
        def question(self) -> Question | None: ...
        @property
        def answer_pane(self) -> AnswerPane: ...
        @property
        def asks_open(self) -> bool: ...

    def watch_side(self, side: Pane) -> None:
        for name in ("answer", "tips", "checklist"):
            self.set_class(side == name, f"-side-{name}")
        self._refresh_tips()
        self._reveal_checklist()

    def watch_tips_open(self, open_: bool) -> None:
        self.set_class(not open_, "-tips-hidden")
        self._refresh_tips()

    @property
    def tips_beside(self) -> bool:
        """True when the tips sit beside the answer (100 columns and up), shown or hidden with t."""
        return self.has_class("-wide") or self.has_class("-medium")

    @property
    def tips_visible(self) -> bool:
        if self.has_class("-wide"):
            return self.tips_open
        if self.has_class("-medium"):
            return self.tips_open and self.side != "checklist"
        return self.side == "tips"

    def _refresh_tips(self) -> None:
        """Render the tips only when they can be seen.

        Markdown becomes a widget per block; building them for a hidden pane
        cost a third of the first frame at 80x24.
        """
        if not self.is_mounted or not self.tips_visible:
            return
        self.query_one("#tips", TipsPane).show(self.question, highlight=self._tip_highlight, coach=self._coach_said)

    def _reveal_checklist(self) -> None:
        if self.is_mounted:
            self.query_one("#checklist", ChecklistPane).reveal()

    def on_resize(self) -> None:
        # Crossing the wide breakpoint can reveal the tips column and the research.
        self.call_after_refresh(self._refresh_tips)
        self.call_after_refresh(self._reveal_checklist)

    def action_pane(self, name: Literal["questions"] | Pane, by_key: bool = False) -> None:
        # A pane key leaves the editor ready for another pane key; enter on a question does not.
        self.answer_pane.editor.navigating = by_key and name == "answer"
        if name == "questions":
            # At once, not with focus() (which waits a turn): an arrow typed straight after
            # `1` or escape must move the question list, not the pane being left.
            self.set_focus(self.query_one("#questions"))
            return
        # Keys typed fast (or arriving in one burst over SSH) can run this before the list's
        # highlight message reached the screen: take the highlight now, so the pane shown and
        # the widget focused belong to the same question.
        highlighted = self.query_one("#questions", QuestionList).highlighted_id
        if highlighted and highlighted != self.question_id:
            self.saver.save_soon(0)
            self.question_id = highlighted
        self.side = name
        if name == "tips":
            self.tips_open = True
        target = {
            "answer": "#asks-list" if self.asks_open else "#answer",
            "tips": "#tips",
            "checklist": "#checklist-list",
        }[name]
        widget = self.query_one(target)
        # Focus synchronously when the pane is already visible: keys typed straight
        # after enter must land in the editor, not race a queued focus change. A pane
        # that was hidden until now needs a refresh before it can take focus.
        if widget.display and widget.parent is not None and widget.parent.display:
            self.set_focus(widget)
        self.call_after_refresh(widget.focus)

    def action_toggle_tips(self) -> None:
        if self.tips_beside:
            self.tips_open = not self.tips_open
        else:
            self.side = "answer" if self.side == "tips" else "tips"

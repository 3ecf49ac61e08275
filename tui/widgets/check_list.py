"""The coach's verdicts under the answer: one line per check, passed or not."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.checks import CheckResult
from tui.core.sanitize import for_terminal

NO_ANSWER = "No answer yet: write a first draft."


class CheckList(OptionList):
    """Highlighting a check posts ShowTip with the title of the tip it comes from.

    Failing checks come first, one line each, so the few lines under the
    answer at 80x24 show what to do next; an empty answer is one line, not a
    failure per check.
    """

    DEFAULT_CSS = """
    CheckList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS = [
        Binding("enter", "tip", "Show tip"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class ShowTip(Message):
        tip: str
        reveal: bool = False
        message: str = ""  # the check's whole verdict, which the line here may cut

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.results: list[CheckResult] = []

    def show(self, results: list[CheckResult]) -> None:
        waiting = [r for r in results if r.no_answer]
        rows = ([waiting[0]] if waiting else []) + sorted(
            (r for r in results if not r.no_answer), key=lambda r: r.passed)  # stable: pack order within each
        if [(r.check.id, r.passed, r.message) for r in rows] == [
            (r.check.id, r.passed, r.message) for r in self.results
        ]:
            return  # unchanged: repaint nothing (every repaint is bytes over SSH)
        keep = self.highlighted
        self.results = rows
        self.clear_options()
        self.add_options([
            Option(Content.assemble((f"{r.mark} ", "$success" if r.passed else "$error"),
                                    (NO_ANSWER if r.no_answer else for_terminal(r.message),
                                     "" if not r.passed else "$text-muted")))
            for r in rows
        ])
        if results and keep is not None:
            self.highlighted = min(keep, len(results) - 1)
        self.display = bool(results)

    def on_focus(self) -> None:
        # Tab lands here with nothing highlighted, and enter would then show nothing:
        # start on the first line, the most urgent (failing checks come first).
        if self.highlighted is None and self.results:
            self.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.has_focus and 0 <= event.option_index < len(self.results):
            result = self.results[event.option_index]
            self.post_message(self.ShowTip(result.check.tip, message=self._said(result)))

    def action_tip(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.results):
            result = self.results[self.highlighted]
            self.post_message(self.ShowTip(result.check.tip, reveal=True, message=self._said(result)))

    @staticmethod
    def _said(result: CheckResult) -> str:
        return NO_ANSWER if result.no_answer else f"{result.mark} {result.message}"

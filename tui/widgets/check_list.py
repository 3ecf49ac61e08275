"""The coach's verdicts under the answer: each whole, passed or not, as many as fit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from textual.binding import Binding
from textual.content import Content
from textual.css.scalar import Scalar
from textual.css.styles import RulesMap
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.checks import CheckResult
from tui.core.sanitize import for_terminal

NO_ANSWER = "No answer yet: write a first draft."


class CheckList(OptionList):
    """Highlighting a check posts ShowTip with the title of the tip it comes from.

    Failing checks come first, each verdict wrapped whole to the width there is; when they do
    not all fit the height the pane gives (40% of the answer pane), the last ones make way for
    a "+N more" line until the user comes here (tab) to read them: then all show, scrolling,
    and enter shows the highlighted one's tip. A verdict is never cut to "…" nor half shown.
    """

    DEFAULT_CSS = """
    CheckList { text-wrap: wrap; text-overflow: fold; }
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
        message: str = ""  # the check's whole verdict

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.results: list[CheckResult] = []
        self._verdicts: list[Content] = []
        self._shown = 0
        """How many verdicts are on screen; a "+N more" line follows when that is fewer than all."""
        self._first = Content("")  # the first as shown: whole, or cut where even ``limit`` is too short
        self.limit: int | None = None
        """Rows (borders included) it may grow to for its first verdict whole; the answer pane sets it."""

    def show(self, results: list[CheckResult]) -> None:
        waiting = [r for r in results if r.no_answer]
        rows = ([waiting[0]] if waiting else []) + sorted(
            (r for r in results if not r.no_answer), key=lambda r: r.passed)  # stable: pack order within each
        if [(r.check.id, r.passed, r.message) for r in rows] == [
            (r.check.id, r.passed, r.message) for r in self.results
        ]:
            return  # unchanged: repaint nothing (every repaint is bytes over SSH)
        self.results = rows
        self._verdicts = [
            Content.assemble((f"{r.mark} ", "$success" if r.passed else "$error"),
                             (NO_ANSWER if r.no_answer else for_terminal(r.message),
                              "" if not r.passed else "$foreground-muted"))
            for r in rows
        ]
        self._shown = -1  # whatever is on screen now is stale
        self.fit()
        self.display = bool(results)

    def fit(self) -> None:
        """Show the verdicts that fit whole in the height the pane allows, and "+N more" for the rest."""
        shown = self._fitting()
        first = self._first_verdict(shown)
        if (shown, first) == (self._shown, self._first):
            return
        keep = self.highlighted
        self._shown, self._first = shown, first
        self.clear_options()
        self.add_options([_option(verdict) for verdict in [first, *self._verdicts[1:shown]][:shown]])
        if hidden := len(self._verdicts) - shown:
            self.add_option(Option(self._more(hidden)))
        if self.option_count and keep is not None:
            self.highlighted = min(keep, self.option_count - 1)

    @staticmethod
    def _more(hidden: int) -> Content:
        return Content.assemble((f"+{hidden} more", "$foreground-muted"), (" · tab here to read all", "$foreground-muted"))

    def _more_rows(self, width: int) -> int:
        """The "+N more" line wraps in a narrow pane (two rows at 60 columns): counted as it shows."""
        return self._more(len(self._verdicts)).get_height(cast(RulesMap, self.styles), width)

    def _first_verdict(self, shown: int) -> Content:
        """The most urgent verdict; where even ``limit`` is too short for it, cut with "…"."""
        if not self._verdicts:
            return Content("")
        width, room = self.scrollable_content_region.width, self._room()
        verdict = self._verdicts[0]
        if self.has_focus or room is None or width <= 0:
            return verdict
        room = max(room, self._grown_room() or room)
        lines = verdict.wrap(width)
        room -= self._more_rows(width) if shown < len(self._verdicts) else 0
        if len(lines) <= room:
            return verdict
        cut = max(room, 1)
        return Content("\n").join([*lines[:cut - 1], lines[cut - 1].rstrip().truncate(width - 1).append("…")])

    def _grow(self, rows: int | None) -> None:
        """Room past the stylesheet's share for the first verdict whole (walk #22: 60x20 cut it mid-sentence)."""
        if rows is None:
            if self.styles.inline.max_height is None:
                return
            self.styles.clear_rule("max_height")
        elif self.styles.inline.max_height != Scalar.from_number(rows):
            self.styles.max_height = rows
        else:
            return
        self.post_message(self.Resized())  # squeezed by the heading, this may keep its size: say so anyway

    def _fitting(self) -> int:
        count = len(self._verdicts)
        width = self.scrollable_content_region.width
        room = self._room()
        if self.has_focus or room is None or width <= 0:  # here to read: all of them, scrolling
            self._grow(None)
            return count
        rules = cast(RulesMap, self.styles)  # as OptionList measures its options
        heights = [verdict.get_height(rules, width) for verdict in self._verdicts]
        if sum(heights) <= room:
            self._grow(None)
            return count
        more = self._more_rows(width)
        need = heights[0] + more
        grown = max(room, self._grown_room() or room)
        self._grow(min(need, grown) + self.styles.gutter.height if need > room else None)
        room = max(room, min(need, grown))
        shown, used = 0, more
        while shown < count and used + heights[shown] <= room:
            used += heights[shown]
            shown += 1
        return max(shown, 1)  # the most urgent verdict, whole, even where it alone is too tall

    def _grown_room(self) -> int | None:
        return None if self.limit is None else self.limit - self.styles.gutter.height

    def _room(self) -> int | None:
        """Rows for verdicts under the stylesheet's max-height, which is a share of the answer pane."""
        limit, parent = self.styles.base.max_height, self.parent
        if limit is None or not isinstance(parent, Widget) or not self.app.size.height:
            return None
        rows = int(limit.resolve(parent.content_size, self.app.size)) - self.styles.gutter.height
        return max(rows, 1)

    @property
    def rows_wanted(self) -> int:
        """Rows this takes once laid out, counting the room it grew to for its first verdict."""
        grown = self.styles.inline.max_height
        return max(self.outer_size.height, int(grown.value) if grown is not None and self.display else 0)

    class Resized(Message):
        """The coach took more or fewer rows: the question heading above shares what is left."""

    def on_resize(self) -> None:
        # After this layout: options changed inside it would keep the height laid out for the old ones.
        self.call_after_refresh(self.fit)
        self.post_message(self.Resized())

    def on_focus(self) -> None:
        # Tab lands here with nothing highlighted, and enter would then show nothing:
        # start on the first line, the most urgent (failing checks come first).
        if self.highlighted is None and self.results:
            self.highlighted = 0
        self.call_later(self.fit)  # has_focus changes after this handler (Widget's runs last)

    def on_blur(self) -> None:
        self.call_later(self.fit)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.has_focus and 0 <= event.option_index < self._shown:
            result = self.results[event.option_index]
            self.post_message(self.ShowTip(result.check.tip, message=self._said(result)))

    def action_tip(self) -> None:
        if self.highlighted is None or self.highlighted >= self._shown:
            return
        result = self.results[self.highlighted]
        self.post_message(self.ShowTip(result.check.tip, reveal=True, message=self._said(result)))

    @staticmethod
    def _said(result: CheckResult) -> str:
        return NO_ANSWER if result.no_answer else f"{result.mark} {result.message}"


def _option(verdict: Content) -> Option:
    return Option(verdict)

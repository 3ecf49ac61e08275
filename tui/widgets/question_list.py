"""The question list: each question with its state (empty, drafted, rehearsed) and word count."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.core.rows import QuestionRow, RowState
from tui.core.sanitize import for_terminal

MARKS: dict[RowState, str] = {"empty": "·", "started": "…", "drafted": "✎", "rehearsed": "✓"}


def render_row(row: QuestionRow, history: bool = False) -> Content:
    """Compact: the prompt on one line (the list cuts it), then a status line;
    the rehearsal history only when asked for (`h`)."""
    status = "empty" if row.state == "empty" else f"{row.state} · {row.words} {row.unit}"
    if row.detail:
        status += f" · {row.detail}"
    mark_style = {"empty": "$text-muted", "started": "$text-muted", "drafted": "$warning",
                  "rehearsed": "$success"}[row.state]
    parts: list[str | tuple[str, str]] = [
        (MARKS[row.state] + " ", mark_style),
        (for_terminal(row.prompt), "bold" if not row.custom else "bold italic"),
        "\n  ",
        (status, "$text-muted"),
    ]
    if history and row.history:
        parts += ["\n  ", (row.history, "$text-muted")]
    return Content.assemble(*parts)


class QuestionList(OptionList):
    """Moving the highlight posts OptionHighlighted; enter runs the screen's ``pane('answer')`` directly.

    A mouse click still posts OptionSelected, as in any OptionList.
    """

    BINDINGS = [
        # Not OptionList's select: that goes through a message, and a fast first
        # keystroke after enter would reach the list before the editor has focus.
        Binding("enter", "screen.pane('answer')", "Edit answer", show=False, priority=True),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("h", "toggle_history", "History", show=False),
    ]

    show_history: bool = False
    """Whether each row adds its rehearsal history (due, count, last rating, recent times)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: dict[str, QuestionRow] = {}

    def action_toggle_history(self) -> None:
        self.show_history = not self.show_history
        self.show_rows(list(self._rows.values()))

    def show_rows(self, rows: list[QuestionRow], keep: str | None = None) -> None:
        """Rebuild the list, keeping the highlighted question where it still exists."""
        current = keep or self.highlighted_id
        self._rows = {row.id: row for row in rows}
        self.clear_options()
        self.add_options([Option(render_row(row, self.show_history), id=row.id) for row in rows])
        ids = [row.id for row in rows]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0

    def update_row(self, row: QuestionRow) -> None:
        if self._rows.get(row.id) == row:
            return  # the same row: redrawing it would repaint the list for nothing
        self._rows[row.id] = row
        try:
            self.replace_option_prompt(row.id, render_row(row, self.show_history))
        except OptionDoesNotExist:  # the row vanished between a save and its redraw
            return

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id

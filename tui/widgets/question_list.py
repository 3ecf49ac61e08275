"""The question list: each question with its state (empty, drafted, rehearsed) and word count."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.core.fields import pack_fields
from tui.core.rows import QuestionRow, RowState
from tui.core.sanitize import for_terminal

MARKS: dict[RowState, str] = {"empty": "·", "started": "…", "drafted": "✎", "rehearsed": "✓"}


def status_fields(row: QuestionRow) -> list[str]:
    """The row's second line, most wanted last to go: the state word, the words, the coach's score."""
    if row.state == "empty":
        return ["empty", row.detail]
    return [row.state, f"{row.words} {row.unit}", row.detail]


def render_row(row: QuestionRow, history: bool = False, width: int = 0) -> Content:
    """The prompt wrapped at its words under its mark, then a status line.

    ``width`` is the row's room in columns (0: unknown yet, one line each). Where the status
    does not fit, the state word goes first (the mark says it), then it wraps between fields:
    the coach's score is never cut ("rehearsed · 149 w · ✓…").
    """
    status = status_fields(row)
    room = width - 2 if width > 2 else 0
    if room and len(pack_fields(status, room)) > 1 and row.state != "empty":
        status = status[1:]
    mark_style = {"empty": "$text-muted", "started": "$text-muted", "drafted": "$warning",
                  "rehearsed": "$success"}[row.state]
    prompt = "\n  ".join(pack_fields(for_terminal(row.prompt).split(" "), room, sep=" "))
    parts: list[str | tuple[str, str]] = [
        (MARKS[row.state] + " ", mark_style),
        (prompt, "bold" if not row.custom else "bold italic"),
        "\n  ",
        ("\n  ".join(pack_fields(status, room)), "$text-muted"),
    ]
    if history and row.history:
        parts += ["\n  ", ("\n  ".join(pack_fields(row.history.split(" · "), room)), "$text-muted")]
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

    _width = 0
    """The width the rows were last wrapped for."""

    def action_toggle_history(self) -> None:
        self.show_history = not self.show_history
        self.show_rows(list(self._rows.values()))

    def on_resize(self) -> None:
        # Each prompt is wrapped at its words for the list's width: a new width wraps them again.
        if self._row_width() != self._width and self._rows:
            self.show_rows(list(self._rows.values()))

    def _row_width(self) -> int:
        return self.scrollable_content_region.width

    def _row_content(self, row: QuestionRow) -> Content:
        self._width = self._row_width()
        return render_row(row, self.show_history, self._width)

    def show_rows(self, rows: list[QuestionRow], keep: str | None = None) -> None:
        """Rebuild the list, keeping the highlighted question where it still exists."""
        current = keep or self.highlighted_id
        self._rows = {row.id: row for row in rows}
        self.clear_options()
        self.add_options([Option(self._row_content(row), id=row.id) for row in rows])
        ids = [row.id for row in rows]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0

    def update_row(self, row: QuestionRow) -> None:
        if self._rows.get(row.id) == row:
            return  # the same row: redrawing it would repaint the list for nothing
        self._rows[row.id] = row
        try:
            self.replace_option_prompt(row.id, self._row_content(row))
        except OptionDoesNotExist:  # the row vanished between a save and its redraw
            return

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or self.option_count == 0:
            return None
        return self.get_option_at_index(self.highlighted).id

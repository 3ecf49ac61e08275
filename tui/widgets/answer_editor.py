"""The answer editor: a TextArea that says how to leave it and never eats a pane key by surprise."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea

from tui.core.speech import point_columns
from tui.typeahead import typed_ahead

PANE_KEYS = {"1": "questions", "2": "answer", "3": "tips", "4": "checklist"}
_FAINT = Style(dim=True)


class AnswerEditor(TextArea):
    """Right after a pane key brought the user here, the next pane key still moves between
    panes when it comes in the same burst (`2` `4` goes to the research, it does not type
    "4" into the answer); a digit typed later, or after anything else, is text.

    Text that is not a talking point shows dim, so a user sees what the reveal, the reviews
    and the brief will leave out (``talking_points``: bullets, sentences with a figure or a name).
    """

    COMPONENT_CLASSES = {"answer-editor--aside"}  # its colour: screens/prepare.tcss

    BINDINGS = [
        Binding("escape", "leave", "Leave editor"),
        Binding("ctrl+home", "to_start", "Start of answer", show=False),
        Binding("ctrl+end", "to_end", "End of answer", show=False),
    ]

    @dataclass
    class PaneKey(Message):
        pane: str

    @dataclass
    class Leave(Message):
        pass

    _navigating: bool = False
    _marked: list[str] | None = None  # the lines the talking points were found in
    _points: dict[int, list[tuple[int, int]]] = {}
    _aside = Style()
    _drawing: int | None = None  # the row of the document being drawn, while render_line draws it

    @property
    def navigating(self) -> bool:
        """True from a pane key until the next key, if that key came in the same burst: it may be another pane key."""
        return self._navigating and typed_ahead(self)

    @navigating.setter
    def navigating(self, value: bool) -> None:
        self._navigating = value

    async def _on_key(self, event: events.Key) -> None:
        if self.navigating and event.key in PANE_KEYS:
            event.stop()
            event.prevent_default()
            self.post_message(self.PaneKey(PANE_KEYS[event.key]))
            return
        self.navigating = False
        await super()._on_key(event)

    def on_resize(self) -> None:
        # The coach under the editor grows a second after typing stops (one line to six after a
        # paste): the line being typed stays in view instead of slipping below the fold.
        self.call_after_refresh(self.scroll_cursor_visible)

    def on_blur(self, event: events.Blur) -> None:
        self.navigating = False

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def action_to_start(self) -> None:
        self.move_cursor((0, 0))

    def action_to_end(self) -> None:
        self.move_cursor(self.document.end)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Found once per repaint, before any line is drawn: a key changes one line, and only
        # that line (or paragraph) is read again (tui/core/speech.py remembers the rest).
        lines = self.document.lines
        if self.read_only:  # a huge answer's preview: its notes are ours, not talking points
            self._marked, self._points = None, {}
        elif lines != self._marked:
            self._marked, self._points = list(lines), point_columns(lines)
        self._aside = Style(color=self.get_component_rich_style("answer-editor--aside").color)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        self._drawing = self.scroll_offset.y + y
        try:
            return super().render_line(y)
        finally:
            self._drawing = None

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if self._marked is None or not line.plain.strip():
            return line
        low, high = self._drawn_part(line_index, len(line))
        # The cursor's line takes the theme's cursor-line colour over this one: there the text is
        # also faint (SGR 2), which that style leaves alone, so the line being typed shows it too.
        aside = self._aside + _FAINT if line_index == self.cursor_location[0] else self._aside
        at = 0
        for start, end in [*self._points.get(line_index, ()), (len(line), len(line))]:
            if start > at and start > low and at < high:
                line.stylize(aside, max(at, low), min(start, high))
            at = end
        return line

    def _drawn_part(self, line_index: int, length: int) -> tuple[int, int]:
        """The columns of the line that the row being drawn shows: TextArea draws a wrapped line one
        row at a time from the whole line, and a style over all of a 5,000-word line made each row
        split it into that many more pieces (a third more time to echo a key at its end)."""
        offsets = self.wrapped_document.get_offsets(line_index) if self._drawing is not None else []
        if not offsets or self._drawing is None:
            return 0, length
        # Rows above this line: one per line plus one per wrap (location_to_offset would split the
        # line once more to find it, as dear as drawing the row).
        above = sum(len(self.wrapped_document.get_offsets(i)) + 1 for i in range(line_index))
        section = self._drawing - above
        bounds = [0, *offsets, length]
        if not 0 <= section < len(bounds) - 1:
            return 0, length
        return bounds[section], bounds[section + 1]

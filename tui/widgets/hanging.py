"""Text whose wrapped rows keep a hanging indent: a bullet's or a column's text wraps under itself.

Textual wraps a Static's content back to column 0, so a long talking point runs into the
next one. Here each row is a lead ("  • ", a due date) and a body; the body wraps at the
width the widget has now, and its continuation rows start under the body, not under the lead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

Row = Content | str | tuple[Content | str, Content | str]
"""A line wrapped from column 0, or (lead, body): the body's continuation rows hang under it."""


def _content(text: Content | str) -> Content:
    return text if isinstance(text, Content) else Content(text)


def hang(rows: Iterable[Row], width: int) -> list[Content]:
    """``rows`` as screen lines at ``width``; a body keeps at least 10 cells, or goes under a long lead."""
    lines: list[Content] = []
    for row in rows:
        if not isinstance(row, tuple):
            lines += _content(row).wrap(max(1, width))
            continue
        lead, body = _content(row[0]), _content(row[1])
        indent = lead.cell_length
        if indent > width - 10:  # too narrow to hang under a long lead: the body goes below it
            lines += lead.rstrip().wrap(max(1, width))
            lead = Content(" " * (indent := min(2, width - 1)))
        wrapped = body.wrap(max(1, width - indent))
        lines.append(lead + wrapped[0])
        lines += [Content(" " * indent) + line for line in wrapped[1:]]
    return lines


class Hanging(Widget):
    """Rows with hanging indents, wrapped afresh at every width (a resize re-wraps them)."""

    DEFAULT_CSS = "Hanging { height: auto; }"

    def __init__(self, rows: Sequence[Row] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[Row] = list(rows)

    def show_rows(self, rows: Sequence[Row]) -> None:
        self._rows = list(rows)
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content("\n").join(hang(self._rows, self.content_region.width or self.app.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(hang(self._rows, width))

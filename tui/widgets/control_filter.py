"""The app's last line of defence against escape sequences hidden in file or pack text.

Widgets that show untrusted text pass it through ``tui.core.sanitize.for_terminal``,
which shows ``^[`` in place of ESC. Some text cannot be changed for display,
above all the answer being edited: the editor must hold the exact text. This
line filter runs on every rendered line of every widget and drops control
characters from the text of each segment. They are zero cells wide (Rich's
``cell_len`` is 0), so dropping them moves nothing on screen, and the
terminal never receives them.

It also drops every hyperlink (a style's ``link``, which Textual sends as an
OSC 8 sequence with the URL inside it). finale never makes a link itself; a
link could only come from text read as markup by mistake (``[link=...]`` in a
role or a question, issue 22), and its URL could carry escape sequences to the
terminal. The text of the link stays on screen; only the link goes.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _unsafe(segment: Segment) -> bool:
    return not segment.control and (
        bool(_CONTROLS.search(segment.text)) or (segment.style is not None and bool(segment.style.link)))


def _safe(segment: Segment) -> Segment:
    if segment.control:
        return segment
    style = segment.style
    if style is not None and style.link:
        style = style.update_link(None)
    return Segment(_CONTROLS.sub("", segment.text), style)


class ControlFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_unsafe(segment) for segment in segments):
            return segments
        return [_safe(segment) for segment in segments]

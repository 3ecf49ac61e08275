"""The app's last line of defence against escape sequences hidden in file or pack text.

Widgets that show untrusted text pass it through ``tui.core.sanitize.for_terminal``,
which shows ``^[`` in place of ESC. Some text cannot be changed for display,
above all the answer being edited: the editor must hold the exact text. This
line filter runs on every rendered line of every widget and drops control
characters from the text of each segment. They are zero cells wide (Rich's
``cell_len`` is 0), so dropping them moves nothing on screen, and the
terminal never receives them.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ControlFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROLS.search(segment.text) for segment in segments if not segment.control):
            return segments
        return [
            segment if segment.control else Segment(_CONTROLS.sub("", segment.text), segment.style)
            for segment in segments
        ]

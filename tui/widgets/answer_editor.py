"""The answer editor: a TextArea that says how to leave it and never eats a pane key by surprise."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

from tui.typeahead import typed_ahead

PANE_KEYS = {"1": "questions", "2": "answer", "3": "tips", "4": "checklist"}


class AnswerEditor(TextArea):
    """Right after a pane key brought the user here, the next pane key still moves between
    panes when it comes in the same burst (`2` `4` goes to the research, it does not type
    "4" into the answer); a digit typed later, or after anything else, is text."""

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

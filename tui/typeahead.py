"""Keys typed ahead of a screen that is still opening go to that screen, not to nowhere.

Over a laggy SSH link the key that opens a dialog and the first words meant for
it arrive in one packet. Textual hands each key to whatever has focus when the
key is read; a screen just pushed has no focus until it has mounted and focused
its first field, so the words went to the screen itself, which ignores them,
and were lost. From a push until the new screen focuses a widget (or a second
has passed, for a screen with nothing to focus), keys are held here, then handed
on in the order typed.

The key that opens the screen must itself be handled as it is read (a priority
binding, gated off in text fields: ``OPENS_A_SCREEN`` in screens/prepare.py), or the
keys after it reach the old screen before the push. A widget whose key opens a screen
through a message calls ``hold_keys`` first.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

HOLD_AT_MOST_SECONDS = 1.0
"""A screen that never draws (an error while mounting) must not swallow the keyboard."""


class TypeAheadApp(App):
    _held: list[events.Key] | None = None
    _holding_for: Screen | None = None
    _hold_generation = 0

    def hold_keys(self) -> None:
        """Hold keys from now until the screen about to open has focus (or a second has passed)."""
        if self._held is None:
            self._held = []
            self._hold_generation += 1
            generation = self._hold_generation
            self.set_timer(HOLD_AT_MOST_SECONDS, lambda: self._release_keys(generation))

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(*args, **kwargs)
        self.hold_keys()
        self._holding_for = self.screen
        self.watch(self.screen, "focused", self._focus_moved)
        return result

    def _focus_moved(self, focused: Widget | None) -> None:
        if focused is not None and self._holding_for is self.screen and focused.screen is self.screen:
            # After the next refresh: the focused field may still be mounting (a key it reads
            # before then is dropped), and on_mount may still move its cursor.
            self._holding_for = None
            self.call_after_refresh(self._release_keys)

    def _release_keys(self, generation: int | None = None) -> None:
        if generation is not None and generation != self._hold_generation:
            return  # the timer of a hold released long ago
        held, self._held, self._holding_for = self._held, None, None
        for key in held or ():
            self.post_message(events.Key(key.key, key.character))

    async def on_event(self, event: events.Event) -> None:
        if self._held is not None and isinstance(event, events.Key) and not event.is_forwarded:
            self._held.append(event)
            return
        await super().on_event(event)


def hold_keys(widget: Widget) -> None:
    """For a widget whose key opens a screen through a message: hold what is typed next for it."""
    app = widget.app
    if isinstance(app, TypeAheadApp):
        app.hold_keys()

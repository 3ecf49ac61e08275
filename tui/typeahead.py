"""Every key lands: keys that arrive together do exactly what the same keys one at a time do.

Over SSH a burst of keys arrives in one read ("the last words + ctrl+s", "r y + a
sentence"). Textual hands each key on the moment it is read: a priority binding
(ctrl+s in a form) ran while the words before it still waited in the field's
queue, so the field was saved cut short; a key bound further up (escape) ran
after the keys behind it had already been typed; and a screen just opened had no
focus yet, so the words meant for it went nowhere.

The rule, in one place for every form, dialog, editor and screen: **a key is
handled only once the key before it has finished**. The app keeps the keys it
reads in a line and lets the next one go when the last one has been dealt with
all the way up: by the focused widget, by each container it bubbled through (and
the messages those posted to themselves), and by the app, where a binding's
action runs. So an action that reads a field (save, submit, leave, switch pane,
start a mode) always sees every key typed before it, and no key typed after it.

A key that opens something (a screen, a dialog, a view inside a screen) hands the
rest of its burst to what it opened: ``push_screen`` and ``switch_screen`` hold the
line until the new screen has focused a widget, and ``hold_keys_until_focused``
does the same for a widget inside a screen (the typed recall). A hold never lasts
more than a second: a screen that fails to draw must not swallow the keyboard.

Whether a key came in the same burst as the one before (it was read while that
one was still being handled) is ``typed_ahead``: the answer editor uses it so a
digit after a pane key is a pane key only in the same burst.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from tui.textual_private import parent_of

HOLD_AT_MOST_SECONDS = 1.0
"""A screen that never draws (an error while mounting) must not swallow the keyboard."""
SETTLE_AT_MOST_SECONDS = 1.0
"""A key whose handling never reports back (its widget removed mid-way) must not stop the next."""
SETTLE_ROUNDS = 3
"""How often to wait again for a widget that keeps posting to itself (a blinking cursor)."""
SETTLE_PASSES = 4
"""How often to walk up again from the focused widget for the work a key's action posted there."""

InputEvent = events.Key | events.Paste


class TypeAheadApp(App):
    _line: deque[InputEvent] | None = None
    _after_keys: list[Callable[[], object]] = []  # replaced, never appended to
    """What waits for the line of keys to empty (``after_keys``)."""
    _in_flight = 0
    """The ticket of the key being handled; 0 when none is."""
    _tickets = 0
    _passes = 0
    """How often the key in flight has been walked up again (``_settled``)."""
    _watchdog: Timer | None = None
    _held = False
    _holding_for: Screen | Widget | None = None
    _hold_generation = 0
    typed_ahead = False
    """Whether the key being handled was read while the one before it was still being handled."""

    # -- the line of keys --------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if getattr(event, "_finale_turn", False):
                await self._handle(event)
                return
            line = self._line if self._line is not None else deque()
            self._line = line
            event._finale_ahead = bool(line) or self._in_flight != 0 or self._held  # type: ignore[union-attr]
            if not line and not self._in_flight and not self._held:
                await self._handle(event)  # the usual case, a key typed alone: no extra hop
            else:
                line.append(event)
            return
        await super().on_event(event)

    async def _handle(self, event: InputEvent) -> None:
        self._tickets += 1
        ticket = self._in_flight = self._tickets
        self._passes = 0
        self.typed_ahead = bool(getattr(event, "_finale_ahead", False))
        target: MessagePump = self.focused or self.screen
        if self._watchdog is not None:
            self._watchdog.stop()
        self._watchdog = self.set_timer(SETTLE_AT_MOST_SECONDS, lambda: self._settled(ticket), name="keys")
        try:
            await super().on_event(event)
        finally:
            self._settle(target, ticket)

    def _settle(self, node: MessagePump | None, ticket: int) -> None:
        """Wait for ``node`` to work through its queue, then its parent, up to the app."""
        if ticket != self._in_flight:
            return
        if node is None or node is self:
            if not self.call_later(self._settled, ticket):
                self._settled(ticket)
            return
        if not node.call_later(self._settle_step, node, ticket, 0):
            self._settle(parent_of(node), ticket)  # a widget already gone: its parent then

    def _settle_step(self, node: MessagePump, ticket: int, rounds: int) -> None:
        # Messages the key made the widget post to itself (Changed, a binding's own message)
        # bubble up from there: wait for them too, but not for ever behind a timer.
        if node.message_queue_size and rounds < SETTLE_ROUNDS and node.call_later(self._settle_step, node, ticket, rounds + 1):
            return
        self._settle(parent_of(node), ticket)

    def _settled(self, ticket: int) -> None:
        if ticket != self._in_flight:
            return
        # A binding's action runs when the key reaches the app, and may post back down: an
        # Input's enter posts Submitted, which its dialog acts on (reads the field, closes, calls
        # back the screen below). That is still this key's work, so walk up again from whatever
        # has the focus now while anything on the way has messages waiting.
        focused = self.focused
        if focused is not None and self._passes < SETTLE_PASSES and _waiting(focused, self):
            self._passes += 1
            self._settle(focused, ticket)
            return
        self._in_flight = 0
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        self._next()

    def after_keys(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once every key read so far has been handled: for what does not come as a
        key but must see the keys before it (textual-serve's "quit" when a browser tab is stopped)."""
        self._after_keys = [*self._after_keys, callback]  # never the class's shared default
        self._next()

    def _next(self) -> None:
        if not self._in_flight and not self._held and not self._line:
            waiting, self._after_keys = self._after_keys, []
            for callback in waiting:
                callback()
        if self._in_flight or self._held or not self._line:
            return
        event = self._line.popleft()
        event._finale_turn = True  # type: ignore[union-attr]
        self._in_flight = -1  # taken: nothing else starts until this one has been handled
        self.post_message(event)

    # -- holding the line while something opens ----------------------------------

    def hold_keys(self) -> None:
        """Hold keys from now until the screen about to open has focus (or a second has passed)."""
        if not self._held:
            self._held = True
            self._hold_generation += 1
            generation = self._hold_generation
            self.set_timer(HOLD_AT_MOST_SECONDS, lambda: self._release_keys(generation))

    def hold_keys_until_focused(self, widget: Widget) -> None:
        """Hold keys until ``widget`` has focus: the rest of the burst belongs to what a key just showed."""
        self.hold_keys()
        self._holding_for = widget
        screen = widget.screen

        def focus_then_release() -> None:
            if widget.is_attached and widget.screen is self.screen and self.focused is not widget:
                screen.set_focus(widget)
            if self._holding_for is widget:
                self._release_keys()

        screen.call_after_refresh(focus_then_release)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(*args, **kwargs)
        self._hold_for_screen()
        return result

    def switch_screen(self, screen: Screen | str) -> Any:
        result = super().switch_screen(screen)
        self._hold_for_screen()
        return result

    def _hold_for_screen(self) -> None:
        self.hold_keys()
        self._holding_for = self.screen
        self.watch(self.screen, "focused", self._focus_moved)
        if self.screen.focused is not None:  # a screen coming back keeps its focus
            self._focus_moved(self.screen.focused)

    def _focus_moved(self, focused: Widget | None) -> None:
        if focused is not None and self._holding_for is self.screen and focused.screen is self.screen:
            # After the next refresh: the focused field may still be mounting (a key it reads
            # before then is dropped), and on_mount may still move its cursor.
            self._holding_for = None
            self.call_after_refresh(self._release_keys)

    def _release_keys(self, generation: int | None = None) -> None:
        if generation is not None and generation != self._hold_generation:
            return  # the timer of a hold released long ago
        self._held, self._holding_for = False, None
        self._next()


def _waiting(node: MessagePump | None, app: App) -> bool:
    """Whether ``node`` or a node above it, short of the app, has messages it has not handled."""
    while node is not None and node is not app:
        if node.message_queue_size:
            return True
        node = parent_of(node)
    return False


def hold_keys(widget: Widget) -> None:
    """For a widget whose key opens a screen through a message: hold what is typed next for it."""
    app = widget.app
    if isinstance(app, TypeAheadApp):
        app.hold_keys()


def typed_ahead(widget: Widget) -> bool:
    """Whether the key being handled came in the same burst as the one before it."""
    app = widget.app
    return isinstance(app, TypeAheadApp) and app.typed_ahead

"""Typeahead's line of keys, pinned step by step, written to kill `make mutation`'s mutants.

A small app of its own (one Input, no store, no packs), so each test takes a fraction of what
a finale app test takes and runs first among the tests that reach a typeahead mutant.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual._xterm_parser import XTermParser
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from tui.typeahead import TypeAheadApp


class OneField(TypeAheadApp):
    def compose(self) -> ComposeResult:
        yield Input(id="field")


async def test_keys_typed_in_one_burst_all_land_in_order_and_the_line_empties():
    app = OneField()
    async with app.run_test() as pilot:
        await pilot.press(*"abc")
        await pilot.pause()
        assert app.query_one(Input).value == "abc"
        assert app._in_flight == 0
        assert not app._line
        assert not app._held


class StuckField(Input):
    """A field whose handling of "x" does not finish until the test lets it: a key that never reports back."""

    def __init__(self) -> None:
        super().__init__(id="stuck")
        self.go_on = asyncio.Event()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "x":
            event.prevent_default()
            await self.go_on.wait()
            return
        await super()._on_key(event)


class StuckApp(TypeAheadApp):
    BINDINGS = [Binding("ctrl+t", "tick", priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.ticks = 0

    def compose(self) -> ComposeResult:
        yield StuckField()

    def action_tick(self) -> None:
        self.ticks += 1


async def test_a_key_whose_handling_never_reports_back_lets_the_next_key_go_after_a_while(monkeypatch):
    import tui.typeahead as typeahead

    monkeypatch.setattr(typeahead, "SETTLE_AT_MOST_SECONDS", 0.05)
    app = StuckApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.query_one(StuckField)
        for event in XTermParser(False).feed("x\x14"):  # "x", then ctrl+t, in one read
            app._driver.process_message(event)
        try:
            for _ in range(100):  # the watchdog's 0.05 s, with a wide margin for a loaded machine
                if app.ticks:
                    break
                await asyncio.sleep(0.05)  # not pilot.pause: it waits for every widget, the stuck one too
            assert app.ticks == 1  # the binding ran although "x" is still being handled
            assert not field.go_on.is_set()
        finally:
            field.go_on.set()  # or the app could not close
        await pilot.pause()

"""Typeahead's line of keys, pinned step by step, written to kill `make mutation`'s mutants.

A small app of its own (one Input, no store, no packs), so each test takes a fraction of what
a finale app test takes and runs first among the tests that reach a typeahead mutant.
"""

from __future__ import annotations

from textual.app import ComposeResult
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

"""Prepare at a phone's width (about 44 columns in a browser tab): the list and each pane take turns."""

from __future__ import annotations

import asyncio

from tests.helpers import acme, make_app, make_store, saved
from tests.test_prepare import open_acme, type_text

PHONE = (44, 40)


def shown(screen, selector: str) -> bool:
    widget = screen.query_one(selector)
    return bool(widget.display) and widget.region.width > 0


async def test_the_list_and_each_pane_take_turns_and_use_the_whole_width(tmp_path):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=PHONE) as pilot:
        screen = await open_acme(pilot, app)
        assert screen.has_class("-phone")
        assert shown(screen, "#questions") and not shown(screen, "#answer-pane")
        assert screen.query_one("#questions").region.width == PHONE[0]
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen, "#answer-pane") and not shown(screen, "#questions")
        assert screen.query_one("#answer-pane").region.width == PHONE[0]
        await type_text(pilot, " On a phone.")
        await pilot.press("escape")
        await pilot.pause()
        assert shown(screen, "#questions") and not shown(screen, "#answer-pane")
        for key, pane in (("3", "#tips"), ("4", "#checklist")):
            await pilot.press(key)
            await pilot.pause()
            assert shown(screen, pane) and not shown(screen, "#questions"), key
            await pilot.press("1")
            await pilot.pause()
            assert shown(screen, "#questions") and not shown(screen, pane), key
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"].endswith(" On a phone.")


async def test_a_phone_is_not_too_small_and_80_columns_keep_two_panes(tmp_path):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        assert not screen.has_class("-phone")
        assert shown(screen, "#questions") and shown(screen, "#answer-pane")
        await pilot.resize_terminal(*PHONE)
        await pilot.pause()
        assert app.screen is screen and screen.has_class("-phone")
        assert shown(screen, "#questions") and not shown(screen, "#answer-pane")


async def test_keys_typed_while_the_window_is_too_small_reach_the_editor_after(tmp_path):
    """A key still waiting its turn when the window shrank (or typed while it was too small) is not lost."""
    from tui.screens.too_small import TooSmallScreen
    from tui.typeahead import HOLD_AT_MOST_SECONDS

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter")
        await type_text(pilot, "abc ")
        await pilot.resize_terminal(30, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("d", "e", "f", "space")
        await asyncio.sleep(HOLD_AT_MOST_SECONDS + 0.2)  # longer than keys are held for a screen opening
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"].endswith("abc def ")

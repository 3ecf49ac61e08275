"""The first screen (the company from `finale open`, the mode from `finale rehearse`, the picker)
is styled as a pushed screen is: no text on it is drawn in the background's colour.

A start-up shortcut once marked the first screen as styled already; every widget that inherits
its colour from the app (the question above the answer, for one) came out with a transparent
foreground, which a terminal draws as the background: the question was invisible.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget

from tests.helpers import FakeClock, acme, make_app, make_store


def _invisible(screen) -> list[str]:
    return [
        f"{type(widget).__name__}#{widget.id}"
        for widget in screen.query(Widget)
        if widget.display and widget.visual_style.foreground is not None
        and widget.visual_style.foreground.a == 0
    ]


@pytest.mark.parametrize("start", ["open", "rehearse", "picker"])
async def test_no_widget_on_the_first_screen_has_an_invisible_foreground(tmp_path, start):
    store = make_store(tmp_path)
    store.create(acme())
    kwargs = {} if start == "picker" else {"open_loaded": store.load("acme-robotics")}
    if start == "rehearse":
        kwargs["start_rehearsal"] = True
    app = make_app(tmp_path, FakeClock(), **kwargs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert list(screen.query(Widget)), "the first screen has widgets to check"
        assert _invisible(screen) == [], f"drawn in the background's colour on the {start} screen"

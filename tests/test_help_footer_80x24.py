"""Help, footers and the palette at 80x24: every key reachable, no key cut in half."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from tests.helpers import acme, make_app, make_store, open_company
from tui.screens.help import HelpScreen
from tui.screens.rehearse import RehearseScreen
from tui.widgets.fit_footer import FitFooter, key_width


async def test_help_scrolls_by_keyboard_and_opens_on_rehearse(tmp_path):
    """Problem 8: the last keys and "escape closes" are reachable; ? works on Rehearse."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.query_one("#help-keys")
        assert app.screen.focused is keys and keys.max_scroll_y > 0
        assert app.screen.query_one(".keys").region.bottom <= 24
        await pilot.press("end")
        await pilot.pause()
        assert keys.scroll_y == keys.max_scroll_y
        await pilot.press("escape", "r")
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "Rehearse" in app.screen.query_one(".title").render().plain


async def test_footers_show_whole_keys_that_fit(tmp_path):
    """Problem 9: the footer never ends in half a key (at the smallest size, which also opens)."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_company(pilot)
        await pilot.pause()
        footer = screen.query_one(FitFooter)
        shown = list(footer.query(FooterKey))
        assert shown and sum(key_width(k) for k in shown) <= 60
        assert all(k.region.right <= 60 for k in shown)
        # The first keys of the bindings are the ones kept.
        assert shown[0].description == "Questions"


async def test_palette_help_lines_add_something_the_title_does_not(tmp_path):
    """Problem 9: the palette's rows carry the key, not a second copy of the title."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        ours = [c for c in app.get_system_commands(screen) if c.title.startswith("Tips (")]
        assert ours and ours[0].title == "Tips (t)"
        mine = [c for c in app.get_system_commands(screen) if c.title.endswith(")")]
        assert len(mine) > 8 and all(c.title.split(" (")[0] not in c.help for c in mine)

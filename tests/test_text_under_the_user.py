"""Issue 28.9: looking at an answer never rewrites it; what is stored is what the editor shows."""

from __future__ import annotations

import pytest

from tests.helpers import NOW, acme, make_app, make_store, saved
from tests.test_prepare import open_acme, type_text

SLUG = "acme-robotics"


@pytest.mark.parametrize("text", [
    "First line\u2028second line",  # LINE SEPARATOR: the editor splits lines there
    "a\u2029b\x0cc\x1dd\x85e",  # paragraph separator, form feed, group separator, NEL
    "Windows\r\nand unix\nmixed",  # the editor joins every line with the first style it sees
    "old mac\rline",
])
async def test_viewing_an_answer_never_rewrites_it(tmp_path, text):
    store = make_store(tmp_path)
    company = acme()
    company.set_answer("why-here", text, NOW)
    store.create(company)
    before = store.path_for(SLUG).read_bytes()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_acme(pilot, app)
        await pilot.press("enter")  # into the editor holding the answer
        await pilot.press("escape", "down", "up", "enter", "ctrl+s")
        await pilot.press("ctrl+q")
    assert store.path_for(SLUG).read_bytes() == before


async def test_an_edit_stores_what_the_editor_shows_and_undoing_it_restores_the_original(tmp_path):
    store = make_store(tmp_path)
    company = acme()
    company.set_answer("why-here", "One\u2028two", NOW)
    store.create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == "One\ntwo!"  # two lines shown, two stored
        await pilot.press("backspace", "ctrl+s")
        assert screen.session.company.answer_text("why-here") == "One\u2028two"
        assert saved(store, SLUG)["answers"]["why-here"]["text"] == "One\u2028two"

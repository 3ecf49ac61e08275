"""Keys that arrive together (one read over SSH) do what the same keys one at a time do."""

from __future__ import annotations

from textual import events

from tests.helpers import acme, make_app, make_store, saved

CTRL_S = "ctrl+s"
KEY_NAMES = {" ": "space", "\r": "enter", "\x1b": "escape", "\x13": "ctrl+s", "%": "percent_sign",
             ".": "full_stop", ",": "comma", "?": "question_mark", "'": "apostrophe", "-": "minus"}


def key_event(key: str) -> events.Key:
    if key in KEY_NAMES:
        name = KEY_NAMES[key]
        return events.Key(name, key if len(key) == 1 and key.isprintable() else None)
    if len(key) == 1:
        return events.Key(key, key)
    return events.Key(key, None)


async def burst(pilot, *parts: str | list[str]) -> None:
    """Post every key to the app before it handles any: what one read from the terminal does."""
    keys: list[str] = []
    for part in parts:
        keys.extend(part if isinstance(part, list) else list(part))
    for key in keys:
        pilot.app.post_message(key_event(key))
    for _ in range(6):
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_acme(tmp_path, **kwargs):
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path, open_loaded=store.load("acme-robotics"), **kwargs)
    return app, store


async def test_research_note_typed_with_its_ctrl_s_in_one_burst_is_saved_whole(tmp_path):
    app, store = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "4", ["down", "enter"], "Locus is the market leader", [CTRL_S])
        await burst(pilot, [CTRL_S])
        assert saved(store, "acme-robotics")["checklist"]["services"]["note"] == "Locus is the market leader"


async def test_r_y_then_escape_in_one_burst_leaves_the_rehearsal_without_a_crash(tmp_path):
    from tui.screens.prepare import PrepareScreen

    app, _ = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "ry", ["escape"])
        await pilot.pause(0.3)
        assert app.is_running and not app.crash
        assert isinstance(app.screen, PrepareScreen)


async def test_r_y_and_a_sentence_in_one_burst_types_the_recall(tmp_path):
    from tui.screens.rehearse import RehearseScreen

    app, _ = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "ryI scaled a similar line")
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        assert screen.phase == "type"
        assert screen.query_one("#rh-recall").text == "I scaled a similar line"


async def test_details_form_opened_typed_and_saved_in_one_burst_keeps_every_key(tmp_path):
    app, store = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "iDirector of Product", [CTRL_S])
        assert saved(store, "acme-robotics")["company"]["role"] == "Director of Product"


async def test_new_company_named_and_saved_in_one_burst_is_created(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await burst(pilot, "nInitech", [CTRL_S])
        assert saved(make_store(tmp_path), "initech")["company"]["name"] == "Initech"


async def test_a_digit_typed_after_the_burst_of_a_pane_key_is_text(tmp_path):
    """`2`, then later "40% of revenue": the 4 is text, not the research pane."""
    app, store = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "2")
        await pilot.pause(0.3)
        await burst(pilot, "40% of revenue", [CTRL_S])
        assert saved(store, "acme-robotics")["answers"]["right-fit"]["text"] == "40% of revenue"


async def test_a_pane_key_in_the_same_burst_as_the_last_still_moves(tmp_path):
    from tui.widgets.checklist_pane import ChecklistList

    app, _ = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "24")
        assert isinstance(app.focused, ChecklistList)


async def test_the_palette_opened_in_a_burst_gets_the_rest_of_it(tmp_path):
    from textual.command import CommandPalette
    from textual.widgets import Input

    app, _ = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, ["ctrl+p"], "review")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).value == "review"


async def test_a_burst_that_opens_a_company_from_the_picker_types_into_its_answer(tmp_path):
    """enter (open), enter (edit) and a sentence in one read: the picker loads the notes in a worker, and
    the keys after enter used to reach the picker before the company's screen was pushed."""
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await burst(pilot, ["enter", "enter"], " From the picker: 40% of revenue.", [CTRL_S])
        await pilot.pause(0.3)
        await burst(pilot, [CTRL_S])
    assert saved(store, "acme-robotics")["answers"]["why-here"]["text"].endswith(" From the picker: 40% of revenue.")


async def test_an_answer_typed_straight_after_adding_a_question_is_its_answer_not_commands(tmp_path):
    """The walk's trap: after `a`, the list kept the focus, so "our" in the answer started a rehearsal."""
    app, store = await open_acme(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, ["escape"], "a", "Why robots?", ["enter"], "I bet our roadmap on robots 4 years ago.",
                    [CTRL_S])
        doc = saved(store, "acme-robotics")
        assert doc["answers"]["my-why-robots"]["text"] == "I bet our roadmap on robots 4 years ago."
        assert "rehearsals" not in doc

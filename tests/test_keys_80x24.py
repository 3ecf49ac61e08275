"""Keys at 80x24: pane keys never type into an answer by surprise, the cursor lands where it was."""

from __future__ import annotations

from tests.helpers import acme, make_app, make_store, open_company, saved
from tests.test_bursts import burst
from tui.screens.picker import PickerScreen
from tui.screens.prepare import PrepareScreen
from tui.widgets.answer_editor import AnswerEditor

ANSWER = "- Your robot arm leads the market\n- I scaled a similar line"


async def test_two_then_four_goes_to_research_and_leaves_the_answer_alone(tmp_path):
    """Problem 2: `2` `4` in one burst moves answer → research; the footer in the editor says how to leave."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(screen.focused, AnswerEditor)
        footer_keys = {b.binding.description for b in screen.active_bindings.values() if b.binding.show}
        assert "Leave editor" in footer_keys
        await pilot.press("escape")
        await burst(pilot, "24")  # one burst: the 4 is a pane key too (alone, later, it would be text)
        assert screen.side == "checklist" and screen.focused.id == "checklist-list"
        await pilot.press("2", "x", "4")  # typing first: the 4 is text now
        await pilot.pause()
        assert screen.query_one("#answer", AnswerEditor).text.endswith("x4")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"] == ANSWER + "x4"


async def test_entering_an_answer_puts_the_cursor_at_the_end_then_where_it_was(tmp_path):
    """Problem 3: a new visit starts at the end; ctrl+home / ctrl+end jump; coming back keeps it."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("enter")
        await pilot.pause()
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.cursor_location == editor.document.end
        await pilot.press("space", "Z")
        await pilot.press("ctrl+home", "A", "space")
        await pilot.pause()
        assert editor.text == "A " + ANSWER + " Z"
        await pilot.press("escape", "down", "up", "enter")
        await pilot.pause()
        assert editor.cursor_location == (0, 2)
        await pilot.press("ctrl+end", "!")
        await pilot.press("c")  # the editor has focus: c types, escape leaves
        await pilot.press("escape", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")  # the same company: the same question, the same place
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen) and screen.question_id == "why-here"
        editor = screen.query_one("#answer", AnswerEditor)
        assert editor.cursor_location == editor.document.end
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"] == "A " + ANSWER + " Z!c"


async def test_the_picker_selects_the_company_just_left(tmp_path):
    """Problem 10: back in the picker, the company just left is selected, so `d` aims at it."""
    store = make_store(tmp_path)
    store.create(acme())
    store.create(acme("Zeta Corp"))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("down")
        await open_company(pilot)
        assert app.screen.session.slug == "zeta-corp"
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.screen.current.slug == "zeta-corp"


def test_no_priority_key_of_a_screen_shadows_a_key_of_its_panes():
    """A screen's priority binding is checked before the focused widget's own: the same key on both
    would make the widget's unreachable (`o` on the Prepare screen once hid the asks' topic key)."""
    from tui.screens.prepare import PrepareScreen
    from tui.widgets.asks_editor import AsksList
    from tui.widgets.check_list import CheckList
    from tui.widgets.checklist_pane import ChecklistList
    from tui.widgets.question_list import QuestionList

    def keys(cls, priority: bool | None = None) -> set[str]:
        return {key for b in cls.BINDINGS if priority is None or b.priority == priority
                for key in b.key.split(",")}

    panes = set().union(*(keys(w) for w in (AsksList, CheckList, ChecklistList, QuestionList)))
    assert not keys(PrepareScreen, priority=True) & panes
    assert "o" in panes and "o" in keys(PrepareScreen)  # both bind it: the screen's must not be priority

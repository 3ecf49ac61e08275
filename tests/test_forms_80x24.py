"""Forms at 80x24: the buttons and keys are on screen, tab ends on Save, nothing typed is lost."""

from __future__ import annotations

from textual.widgets import Button

from tests.helpers import acme, make_app, make_store, open_company, saved
from tui.dialogs.basic import ConfirmDialog
from tui.dialogs.company_form import CompanyFormDialog
from tui.dialogs.note_dialog import NoteDialog
from tui.screens.prepare import PrepareScreen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


def on_screen(app, selector: str) -> bool:
    region = app.screen.query_one(selector).region
    return region.height > 0 and region.bottom <= app.size.height and region.y >= 0


async def test_details_typed_then_tab_enter_end_up_in_the_file(tmp_path):
    """Problem 1: tab from the last field lands on Save (visible), not on a hidden Cancel."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, CompanyFormDialog)
        assert on_screen(app, "#save") and on_screen(app, ".keys")
        await pilot.pause()  # the role field holds the current role, selected: typing replaces it
        await type_text(pilot, "Director of Product")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Ana, Bo")
        await pilot.press("tab")
        await type_text(pilot, "https://acme.example/job")
        await pilot.press("tab")
        assert isinstance(app.screen.focused, Button) and app.screen.focused.id == "save"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert "Director of Product" in app.screen.question.prompt  # problem 5: prompts use the role
        await app.workers.wait_for_complete()
    company = saved(app.store, "acme-robotics")["company"]
    assert company["role"] == "Director of Product"
    assert company["interviewers"] == ["Ana", "Bo"]
    assert company["links"] == ["https://acme.example/job"]


async def test_new_company_form_shows_create_with_another_company_and_takes_everything(tmp_path):
    """Problems 1 and 5: Create stays visible; role is a value; interviewers and links on creation."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("n")
        await pilot.pause()
        assert on_screen(app, "#save") and str(app.screen.query_one("#save", Button).label) == "Create"
        await type_text(pilot, "Initech")
        await pilot.press("tab", "tab")
        await type_text(pilot, "2026-12-03")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Peter")
        await pilot.press("tab")
        await type_text(pilot, "https://initech.example")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    company = saved(app.store, "initech")["company"]
    assert company["role"] == "Senior Product Manager"
    assert company["interviewers"] == ["Peter"] and company["links"] == ["https://initech.example"]
    assert company["interview_at"].isoformat() == "2026-12-03T09:00:00"


async def test_escape_with_changes_asks_and_a_past_date_asks(tmp_path):
    """Problems 1 and 10: escape asks before discarding; a date in the past asks before saving."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "2026-11-01")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, CompanyFormDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "in the past" in app.screen.question
        await pilot.press("escape")  # fix the date instead
        await pilot.pause()
        assert isinstance(app.screen, CompanyFormDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        await app.workers.wait_for_complete()
    assert saved(app.store, "acme-robotics")["company"]["interview_at"].isoformat() == "2026-11-01T15:00:00"


async def test_research_note_is_multi_line_and_offers_the_tick(tmp_path):
    """Problem 12: a note keeps its lines; writing one ticks the item unless the user unticks it."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("4", "down", "enter")  # the second item: not done yet
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert on_screen(app, "#save") and on_screen(app, ".keys")
        await type_text(pilot, "Consulting")
        await pilot.press("enter")
        await type_text(pilot, "Support plans")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    entry = saved(app.store, "acme-robotics")["checklist"]["services"]
    assert entry == {"done": True, "note": "Consulting\nSupport plans"}


async def test_one_line_dialogs_ask_before_escape_discards_and_save_with_ctrl_s(opened):
    """Problem 1: the same promise in the small dialogs (here: a question of your own)."""
    app, pilot = opened.app, opened.pilot
    await pilot.press("a")
    await pilot.pause()
    await type_text(pilot, "Why robots?")
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, PrepareScreen)
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    assert saved(app.store, "acme-robotics")["custom_questions"] == [{"id": "my-why-robots", "prompt": "Why robots?"}]

"""A long role keeps its indent in the picker and shows from its start in the details form (walk #18)."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.helpers import FakeClock, acme, make_app, make_store, open_company
from tui.dialogs.company_form import CompanyFormDialog

ROLE = "Senior Product Manager, Autonomous Fleet Orchestration and Hospital Integrations"


def _company():
    company = acme("Aurelian Healthcare Logistics International")
    company.role = ROLE
    company.interviewers = ["Dana Whitfield-Okonkwo", "Marcus Lindqvist", "Priya Raghunathan", "Tomasz Wiśniewski"]
    return company


async def test_a_wrapped_role_stays_under_the_role_in_the_picker(tmp_path):
    make_store(tmp_path).create(_company())
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = str(app.screen.query_one("#companies", OptionList).get_option_at_index(0).prompt).splitlines()
        assert lines[0] == "Aurelian Healthcare Logistics International"
        assert " ".join(" ".join(lines[1:]).split()).startswith(ROLE), lines
        assert all(line.startswith("  ") and line[2] != " " for line in lines[1:]), lines
        assert all(len(line) <= 80 - 4 for line in lines), lines


async def test_the_details_form_shows_each_field_from_its_start(tmp_path):
    make_store(tmp_path).create(_company())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CompanyFormDialog)
        role = form.query_one("#role", Input)
        assert role.has_focus and role.scroll_x == 0, role.scroll_x
        await pilot.press("tab", "tab", "tab")  # to the interviewers
        await pilot.pause()
        assert all(field.scroll_x == 0 for field in form.query(Input)), [(f.id, f.scroll_x) for f in form.query(Input)]
        # Still all selected on focus: typing replaces the role, as before.
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "X")
        await pilot.pause()
        assert role.value == "X"

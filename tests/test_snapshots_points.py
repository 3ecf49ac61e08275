"""Issue 24 at 80x24: the editor's dim text (not a talking point) and the coach's whole verdicts."""

from __future__ import annotations

from tests.helpers import NOW, acme, make_app, make_store
from tests.test_snapshots import open_first, settle
from tests.test_talking_point_marks import WHY


def test_answer_with_bullets_and_plain_lines_at_80(snap_compare, tmp_path):
    """The headline's second sentence and the plain line without a figure or a name show dim."""
    company = acme()
    company.set_answer("why-here", WHY, NOW)
    make_store(tmp_path).create(company)
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_first)


def test_coach_read_whole_at_80(snap_compare, tmp_path):
    """Tab to the coach: every verdict whole, scrolling, the highlighted one in view."""
    make_store(tmp_path).create(acme())

    async def to_the_coach(pilot):
        await open_first(pilot)
        await pilot.press("enter", "tab", "j", "j")
        await settle(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=to_the_coach)

"""Wrapped rows keep their hanging indent (walk #11), and a rehearsal far under its band asks before a rating."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from tests.helpers import NOW, acme, saved
from tests.test_rehearse import open_prepare, start
from tui.dialogs.basic import ConfirmDialog
from tui.widgets.hanging import hang

LONG = ("At Medisoft I led a team of nine engineers and two designers that took a hospital delivery robot "
        "from prototype to 30 sites.")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(lead=st.sampled_from(["  • ", "  ✓ ", "  due now            "]),
       words=st.lists(st.text("abcdefghij", min_size=1, max_size=14), min_size=1, max_size=30),
       width=st.integers(min_value=24, max_value=100))
def test_continuation_rows_sit_under_the_text_not_the_lead(lead, words, width):
    lines = [line.plain for line in hang([(lead, " ".join(words))], width)]
    if width >= len(lead) + 10:
        assert lines[0].startswith(lead)
        for line in lines[1:]:
            assert line[:len(lead)] == " " * len(lead) and line[len(lead)] != " ", lines
    assert all(Content(line).cell_length <= width for line in lines)
    shown, typed = " ".join(" ".join(line.split()) for line in lines), " ".join([lead.strip(), *words]).strip()
    if max(map(len, words)) <= width - len(lead):
        assert shown == typed  # every word whole
    else:  # a word wider than the row is broken across rows: no letter lost or added
        assert shown.replace(" ", "") == typed.replace(" ", "")


def _screen_rows(widget) -> list[str]:
    return str(widget.render()).splitlines()


async def test_rehearse_points_and_summary_hang_at_80_columns(tmp_path):
    company = acme()
    company.set_answer("why-here", f"- I have led product at two robotics companies.\n- {LONG}", NOW)
    app, clock = await start(tmp_path, company)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "space")
        clock.advance(70)
        await pilot.press("space")
        await pilot.pause()
        rows = _screen_rows(app.screen.query_one("#rh-reveal-text"))
        at = next(i for i, row in enumerate(rows) if row.startswith("  • At Medisoft"))
        assert rows[at + 1].startswith("    ") and rows[at + 1][4] != " ", rows[at:at + 2]
        await pilot.press("3")
        await pilot.pause()
        rows = _screen_rows(app.screen.query_one("#rh-summary-text"))
        wrapped = [row for row in rows if row.startswith("  due") and row.rstrip().endswith("Senior Product")]
        assert wrapped, rows
        following = rows[rows.index(wrapped[0]) + 1]
        assert following.startswith(" " * 21) and following[21] != " ", following


async def test_a_rehearsal_far_under_its_band_asks_before_it_is_rated(tmp_path):
    app, clock = await start(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "space")
        clock.advance(3)
        await pilot.press("space", "3")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "Only 0:03" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.phase == "reveal"
        assert "rehearsals" not in saved(app.store, "acme-robotics")
        await pilot.press("3", "y")
        await pilot.pause()
    rows = saved(app.store, "acme-robotics")["rehearsals"]
    assert [(r["seconds"], r["rating"]) for r in rows] == [(3, 3)]

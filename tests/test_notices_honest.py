"""Walk findings 8, 9, 15, 17: a notice hides the footer's keys only briefly, takes a few rows,
never splits a word, replaces the notice it answers; the status row says a whole, current state."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.widgets._toast import Toast

from tests.helpers import FakeClock, Seen, acme, make_app, make_store, open_company
from tui.core.save_status import SAVED, UNSAVED, SaveState, SaveStatus
from tui.notices import LONGEST_NOTICE_SECONDS, MOST_ROWS, fitting, rows
from tui.widgets.answer_pane import status_line

LONG = "Aurelian Healthcare Logistics International"  # its file name is wider than a row at 40 columns


async def settle(pilot, times: int = 6) -> None:
    for _ in range(times):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(app) -> list[Toast]:
    return [toast for toast in app.screen.query(Toast) if toast.region]


def status_text(screen) -> str:
    return str(screen.query_one("#answer-status").render())


@pytest.mark.parametrize("size", [(80, 24), (40, 20)])
async def test_a_broken_file_then_its_repair_at(tmp_path, size):
    width, height = size
    store = make_store(tmp_path)
    store.create(acme(LONG))
    path = next(store.companies.glob("*.toml"))
    fake, seen = FakeClock(), Seen()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=size, notifications=True, message_hook=seen) as pilot:
        screen = await open_company(pilot)
        await pilot.press("down", "enter", "space", "X")
        fake.advance(2)
        await settle(pilot)
        assert "[answers.right-fit]" in path.read_text(encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        broken_line = text.splitlines().index("[answers.right-fit]") + 1
        path.write_text(text.replace("[answers.right-fit]", "[answers.right-fit"), encoding="utf-8")
        fake.advance(2)  # the disk poll
        await settle(pilot)
        await pilot.press("space", "Y")
        await settle(pilot)

        toasts = shown(app)
        assert len(toasts) == 1
        toast = toasts[0]
        # Full width: no pane border ("─╯") nor footer letter shows at its right edge.
        assert (toast.region.x, toast.region.width) == (0, width)
        assert toast.region.bottom == height and toast.region.height <= MOST_ROWS
        message = str(toast.render())
        assert "broken at line" in message or "line " in message
        for word in message.split():
            assert cell_len(word) <= width - 3, word  # so no word (the file name) is split across rows
        if width == 80:
            assert path.name in message.split()
        assert "Saving is paused until the file parses again" not in message  # said once, not twice
        line = status_text(screen)
        assert cell_len(line) <= width - 4
        assert line.endswith(f"not saved: file broken at line {broken_line}" if width == 80 else "not saved: file broken"), line

        path.write_text(path.read_text(encoding="utf-8").replace("[answers.right-fit\n", "[answers.right-fit]\n"),
                        encoding="utf-8")
        fake.advance(2)
        await settle(pilot)
        # The repair's notice replaces the "broken, saving paused" one: the last thing read is true.
        assert [str(toast.render()) for toast in shown(app)] == ["The notes file parses again; saving is back on."]
        assert not [n for n in app._notifications if "broken" in n.message]
        assert "X Y" in path.read_text(encoding="utf-8")
        assert status_text(screen).endswith(f"saved {fake.now():%H:%M}"), status_text(screen)
    assert seen.notifications and all(n.timeout <= LONGEST_NOTICE_SECONDS for n in seen.notifications)


async def test_a_notice_hides_the_footer_for_a_few_seconds_at_most(tmp_path):
    """Walk finding 17: the demo's start notice (15 s asked) hid every key for 17 s."""
    seen = Seen()
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True, message_hook=seen) as pilot:
        await open_company(pilot)
        app.notify("Demo: /tmp/finale-demo-x, deleted on quit; your notes are untouched.", timeout=15)
        app.notify("x.toml is broken", timeout=30)
        await pilot.pause()
    assert [n.timeout for n in seen.notifications[-2:]] == [LONGEST_NOTICE_SECONDS] * 2


async def test_a_later_notice_shows_alone_over_an_older_one_still_running(tmp_path):
    """The older notice kept matching ``:last-of-type``: "Demo: …" showed above the broken-file notice."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_company(pilot)
        app.notify("first notice", timeout=30)
        await settle(pilot)
        app.notify("second notice", timeout=30)
        await settle(pilot)
        assert [str(toast.render()) for toast in shown(app)] == ["second notice"]


def test_rows_counts_wrapped_rows_and_refuses_a_word_wider_than_a_row():
    assert rows("", 10) == 0
    assert rows("one two", 7) == 1
    assert rows("one two three", 7) == 2
    assert rows("aurelian-healthcare.toml is broken", 10) is None
    assert fitting(["a much longer first message", "short"], 8) == "short"
    assert fitting(["unsplittable-word"], 5) == "unsplittable-word"  # the last resort is still shown


STATES = [SAVED, UNSAVED, SaveStatus(SaveState.FAILED, "[Errno 28] No space left on device"),
          SaveStatus(SaveState.BLOCKED, "line 25: TOML syntax error column 19: Expected ']'"),
          SaveStatus(SaveState.CONFLICT, "x",
                     copy=Path("aurelian-healthcare-logistics-international.toml.conflict-20261205-031100")),
          SaveStatus(SaveState.HELD)]


@settings(max_examples=200, deadline=None)
@given(width=st.integers(25, 120), words=st.integers(0, 99_999), state=st.sampled_from(STATES))
def test_the_status_line_fits_and_ends_with_a_whole_save_state(width, words, state):
    """Walk finding 9: "not saved: the", "· yours kept as" and "· not" were cut mid-sentence."""
    line = status_line(f"{words} words · ~1:15 (1:00–2:00)", state, width)
    assert cell_len(line) <= width
    assert line.endswith((state.text, state.short))
    if cell_len(f"{words} words · ~1:15 (1:00–2:00) · {state.text}") <= width:
        assert line.endswith(state.text) and line.startswith(f"{words} words · ~1:15 (")

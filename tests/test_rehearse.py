"""Rehearse by keys with a fake clock: the rows written, the order, again, typed recall, pause."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.helpers import NOW, FakeClock, Seen, acme, make_app, make_store, open_company, saved
from tui.core.notes import Rehearsal
from tui.screens.prepare import PrepareScreen
from tui.screens.rehearse import RehearseScreen


def rehearsed_company():
    company = acme()
    company.set_answer("right-fit", "- I led teams of 12\n- I shipped fast", NOW.replace(hour=8))
    company.set_answer("strengths-weaknesses", "Strong roadmaps. I over-communicate.", NOW.replace(hour=8))
    company.answers["why-here"].updated_at = NOW.replace(hour=8)
    # why-here: rated good at 9:00 (not due); right-fit: "again" at 9:30 (due); strengths: never.
    company.rehearsals = [
        Rehearsal("why-here", datetime(2026, 11, 26, 9, 0), 70, 3),
        Rehearsal("right-fit", datetime(2026, 11, 26, 9, 30), 50, 1),
    ]
    company.interview_at = None
    return company


async def start(tmp_path, company=None):
    make_store(tmp_path).create(company or acme())
    clock = FakeClock()
    return make_app(tmp_path, clock), clock


async def open_prepare(pilot, app):
    screen = await open_company(pilot)
    assert isinstance(screen, PrepareScreen)
    return screen


async def say(pilot, clock, seconds: float, rating: str) -> None:
    await pilot.press("space")
    clock.advance(seconds)
    await pilot.press("space")
    await pilot.pause()
    await pilot.press(rating)
    await pilot.pause()


async def test_a_session_of_due_questions_weakest_first(tmp_path):
    app, clock = await start(tmp_path, rehearsed_company())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        # Never rehearsed first (pack order), then the weakest rated: why-here is not due.
        assert screen.queue == ["strengths-weaknesses", "questions-for-us", "right-fit"]
        await say(pilot, clock, 95.4, "3")
        await say(pilot, clock, 20, "4")
        await say(pilot, clock, 130, "1")     # again: it comes back in this session
        assert screen.queue[-1] == "right-fit" and screen.phase == "ready"
        await say(pilot, clock, 80, "3")
        assert screen.phase == "summary"
        summary = str(screen.query_one("#rh-summary-text").render())
        assert "Session summary" in summary and "What is due next" in summary and "again" in summary
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    rows = saved(app.store, "acme-robotics")["rehearsals"][2:]
    assert [(r["question"], r["seconds"], r["rating"], r["mode"]) for r in rows] == [
        ("strengths-weaknesses", 95, 3, "spoken"),
        ("questions-for-us", 20, 4, "spoken"),
        ("right-fit", 130, 1, "spoken"),
        ("right-fit", 80, 3, "spoken"),
    ]
    # Each row is stamped when its attempt started, on the one fake clock.
    assert [r["at"] for r in rows] == [NOW + timedelta(seconds=s) for s in (0, 95, 115, 245)]  # whole seconds


async def test_r_rehearses_the_selected_question_and_escape_records_nothing(tmp_path):
    app, clock = await start(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.queue == ["why-here"]
        await pilot.press("space")
        clock.advance(30)
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.phase == "reveal"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    assert "rehearsals" not in saved(app.store, "acme-robotics")


async def test_pause_stops_the_clock(tmp_path):
    app, clock = await start(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "space")
        clock.advance(10)
        await pilot.press("p")
        clock.advance(500)  # paused: not counted
        await pilot.press("p")
        clock.advance(5)
        app.screen._tick()
        assert app.screen.elapsed == 15
        await pilot.press("space", "2")
    assert saved(app.store, "acme-robotics")["rehearsals"][0]["seconds"] == 15


async def test_timer_colour_tells_the_band(tmp_path):
    app, clock = await start(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "space")
        screen = app.screen
        timer = screen.query_one("#rh-timer")
        for seconds, name in ((30, "-under"), (60, "-in"), (60, "-over")):
            clock.advance(seconds)
            screen._tick()
            await pilot.pause()
            assert timer.has_class(name), (seconds, name)


async def test_typed_recall_shows_a_word_diff_and_covered_points(tmp_path):
    app, clock = await start(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "y")
        await pilot.pause()
        assert app.screen.phase == "type"
        await pilot.press(*"Your robot arm leads")
        clock.advance(42)
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = str(app.screen.query_one("#rh-reveal-text").render())
        assert "✓ Your robot arm leads the market" in text
        assert "✗ I scaled a similar line" in text
        assert "missed / added" in text
        await pilot.press("4")
    row = saved(app.store, "acme-robotics")["rehearsals"][0]
    assert (row["mode"], row["seconds"], row["rating"]) == ("typed", 42, 4)


async def test_typed_recall_with_a_wrong_or_missing_figure_is_only_partly_covered(tmp_path):
    """Walk #21: "three" for "two", "doubled" left out: the checklist said ✓; now it names the figure."""
    company = acme()
    company.set_answer("why-here", "- I have led product at two robotics companies\n"
                                   "- The customer renewed and doubled its order\n- I cut costs by 25%", NOW)
    app, clock = await start(tmp_path, company)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prepare(pilot, app)
        await pilot.press("r", "y")
        await pilot.pause()
        await pilot.press(*"I have led product at three robotics companies. The customer renewed. I cut costs by 25%")
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = " ".join(str(app.screen.query_one("#rh-reveal-text").render()).split())  # rows wrap at 80
        assert "✓ I have led" not in text and "✓ The customer" not in text
        assert "~ I have led product at two robotics companies (partly: “two” missing or wrong)" in text
        assert "~ The customer renewed and doubled its order (partly: “doubled” missing or wrong)" in text
        assert "✓ I cut costs by 25%" in text


async def test_the_question_list_shows_due_and_history(tmp_path):
    app, clock = await start(tmp_path, rehearsed_company())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_prepare(pilot, app)
        await pilot.press("h")  # the history is on demand: compact rows by default
        # The history wraps between its fields at 80 columns: compare without the line breaks.
        row = " · ".join(line.strip() for line in str(screen.query_one("#questions").get_option("why-here").prompt).splitlines())
        assert "due tomorrow 09:00 · 1× · good ▁" in row
        row = " · ".join(line.strip() for line in str(screen.query_one("#questions").get_option("right-fit").prompt).splitlines())
        assert "due now · 1× · again" in row


async def test_nothing_due_says_so(tmp_path):
    company = acme()
    for q in ("why-here", "right-fit", "strengths-weaknesses", "questions-for-us"):
        company.rehearsals.append(Rehearsal(q, NOW, 60, 4))
    app, clock = await start(tmp_path, company)
    seen = Seen()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_prepare(pilot, app)
        await pilot.press("R")
        await pilot.pause()
        assert app.screen is screen
        assert "Nothing is due" in seen

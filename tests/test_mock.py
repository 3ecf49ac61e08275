"""The mock close and the rehearse fixes by keys, with a fake clock."""

from __future__ import annotations

from datetime import timedelta

from tests.helpers import NOW, acme, open_company, saved
from tests.test_rehearse import start
from tui.core.mock import toggle_mark
from tui.core.notes import Ask, CustomQuestion
from tui.dialogs.basic import ConfirmDialog
from tui.screens.mock import MockScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.prepare_launch import start_rehearsal
from tui.screens.rehearse import RehearseScreen


def mock_company():
    company = acme()
    company.set_answer("right-fit", "- I led teams of 12\n- I shipped fast", NOW)
    company.asks.append(Ask("How do product and design work together?", "collaboration", True))
    company.custom_questions = [CustomQuestion("why-robots", "Why robotics?", {"mock": True}),
                                CustomQuestion("why-leave", "Why leave?")]
    return company


async def test_a_full_mock_close_by_keys_saves_one_mock_row_per_question_with_splits(tmp_path):
    app, clock = await start(tmp_path, mock_company())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MockScreen)
        order = [q.id for q in screen.run.questions]
        # Interview order; the marked custom question before "any questions for us?", the unmarked one out.
        assert order == ["why-here", "right-fit", "strengths-weaknesses", "why-robots", "questions-for-us"]
        await pilot.press("space")                   # the clock starts on the first line
        line = str(screen.query_one("#mk-line").render())
        assert "Why do you want to work here" in line and "robot arm" not in line   # no draft
        for seconds in (95, 70, 110, 40):
            clock.advance(seconds)
            await pilot.press("space")
        assert "Do you have any questions" in str(screen.query_one("#mk-line").render())
        clock.advance(5)
        await pilot.press("space")                   # the first chosen ask, alone
        assert str(screen.query_one("#mk-line").render()) == "What are the key initiatives?"
        assert "1 of 2" in str(screen.query_one("#mk-step").render())
        clock.advance(20)
        await pilot.press("space")
        assert str(screen.query_one("#mk-line").render()) == "How do product and design work together?"
        clock.advance(25)
        await pilot.press("space")                   # the close ends
        await pilot.pause()
        assert screen.phase == "review"
        review = str(screen.query_one("#mk-review-text").render())
        assert "The close took 6:05" in review and "1:35 in" in review and "I led teams of 12" in review
        for key in "3214":
            await pilot.press(key)
        await pilot.pause()
        scroll = screen.query_one("#mk-review")
        assert scroll.scroll_y > 0              # the last question, being rated, is in view
        await pilot.press("3")
        assert screen.phase == "done"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    rows = saved(app.store, "acme-robotics")["rehearsals"]
    started = NOW
    assert [(r["question"], r["seconds"], r["rating"], r["mode"], r["offset"]) for r in rows] == [
        ("why-here", 95, 3, "mock", 0),
        ("right-fit", 70, 2, "mock", 95),
        ("strengths-weaknesses", 110, 1, "mock", 165),
        ("why-robots", 40, 4, "mock", 275),
        ("questions-for-us", 50, 3, "mock", 315),
    ]
    assert all(r["mock_started"] == started for r in rows)
    assert rows[1]["at"] == started + timedelta(seconds=95)
    # The words rehearsed are kept, so a later edit of a word or two does not make the answer due.
    answers = saved(app.store, "acme-robotics")["answers"]
    assert answers["right-fit"]["rehearsed_text"] == "- I led teams of 12\n- I shipped fast"


def test_m_marks_only_your_own_questions_for_the_mock():
    company = mock_company()
    assert "joins the mock close" in toggle_mark(company, "why-leave")
    assert company.custom_questions[1].extra == {"mock": True}
    assert "left the mock close" in toggle_mark(company, "why-leave")
    assert company.custom_questions[1].extra == {}
    assert "Only questions you added" in toggle_mark(company, "why-here")


async def test_finale_rehearse_mock_and_minutes_open_straight_into_them(tmp_path):
    from tests.helpers import make_app, make_store

    for kwargs, kind in (({"start_mock": True}, MockScreen), ({"rehearse_minutes": 2.5}, RehearseScreen)):
        store = make_store(tmp_path / kind.__name__)
        loaded = store.create(mock_company())
        app = make_app(tmp_path / kind.__name__, open_loaded=loaded, start_rehearsal=True, **kwargs)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, kind)
            if kind is RehearseScreen:
                assert app.screen.box.seconds == 150 and app.screen.box.left_out


async def test_leaving_a_mock_close_before_the_review_records_nothing(tmp_path):
    app, clock = await start(tmp_path, mock_company())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("m", "space")
        clock.advance(30)
        await pilot.press("space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # the clock was running: it asks first
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    assert "rehearsals" not in saved(app.store, "acme-robotics")


async def test_typed_recall_has_its_own_clock_no_band_and_escape_asks(tmp_path):
    app, clock = await start(tmp_path, acme())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("r", "y")
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Your robot")
        clock.advance(185)
        screen._tick()
        await pilot.pause()
        assert "typing 3:05" in str(screen.query_one("#rh-type-hint").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")                 # no: back to typing, text kept
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#rh-recall").text == "Your robot"
        await pilot.press("ctrl+s")
        await pilot.pause()
        reveal = str(screen.query_one("#rh-reveal-text").render())
        assert reveal.startswith("3:05 typed from memory") and "band" not in reveal.split("\n")[0].replace("no spoken band", "")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("r", "y")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        await pilot.press("y")                      # yes: leave
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    rows = saved(app.store, "acme-robotics")["rehearsals"]
    assert [(r["mode"], r["seconds"]) for r in rows] == [("typed", 185)]


async def test_each_reveal_opens_at_the_top(tmp_path):
    company = acme()
    long = "\n".join(f"- Point number {i} about the robot arm and the market" for i in range(40))
    company.set_answer("why-here", long, NOW)
    company.set_answer("right-fit", long, NOW)
    app, clock = await start(tmp_path, company)
    company.interview_at = None
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        screen = app.screen
        start_rehearsal(screen, ["why-here", "right-fit"])
        await pilot.pause()
        rehearse = app.screen
        assert isinstance(rehearse, RehearseScreen)
        await pilot.press("space")
        clock.advance(60)
        await pilot.press("space")
        await pilot.pause()
        scroll = rehearse.query_one("#rh-reveal")
        scroll.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("3", "space")
        clock.advance(60)
        await pilot.press("space")
        await pilot.pause()
        assert rehearse.index == 1 and rehearse.phase == "reveal"
        assert scroll.scroll_y == 0


async def test_pause_shows_a_paused_state_until_resumed(tmp_path):
    app, clock = await start(tmp_path, acme())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("r", "space")
        clock.advance(10)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        clock.advance(30)
        await pilot.pause()
        assert screen.query_one("#rh-timer").has_class("-paused")
        assert "Paused" in str(screen.query_one("#rh-hint").render())
        await pilot.press("p")
        await pilot.pause()
        assert not screen.query_one("#rh-timer").has_class("-paused")
        assert "Speak now" in str(screen.query_one("#rh-hint").render())


async def test_r_in_the_last_hour_fits_the_time_left(tmp_path):
    company = acme()
    company.interview_at = NOW + timedelta(minutes=9)     # a 4-minute box
    app, clock = await start(tmp_path, company)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        assert sum(screen.questions[q].target_seconds[1] for q in screen.queue) <= 240
        assert screen.box.left_out
        assert any("Left out" in n.message for n in app._notifications)

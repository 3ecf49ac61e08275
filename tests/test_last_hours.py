"""The last hours with a fixed clock: the time box, the last-hour default, quiet hours, the edit threshold."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from tui.core.notes import Company, Rehearsal
from tui.core.packs import Question
from tui.core.schedule import DEFAULT_QUIET, QuietHours, due_at, mark_rehearsed, parse_quiet, status, words_changed
from tui.core.timebox import default_minutes, fit, overrun

NOW = datetime(2026, 11, 26, 10, 0)
H = timedelta(hours=1)
D = timedelta(days=1)


def q(qid: str, top: int) -> Question:
    return Question(id=qid, prompt=qid, target_seconds=(top // 2, top))


QUESTIONS = [q("why", 120), q("fit", 150), q("strengths", 150), q("asks", 60), q("custom", 90)]


def test_the_box_takes_the_weakest_that_fit_and_says_what_was_left_out():
    c = Company(name="Acme")
    # "fit" was rated again, "why" good long ago (due), the rest never rehearsed.
    c.rehearsals = [Rehearsal("fit", NOW - H, 100, 1), Rehearsal("why", NOW - 3 * D, 100, 3)]
    box = fit(c, QUESTIONS, NOW, 6)
    # Never rehearsed first (strengths 150 + asks 60 + custom 90 = 300 s), then "fit" (150) no longer fits.
    assert box.queue == ["strengths", "asks", "custom"]
    assert box.left_out == ["fit", "why"]
    assert box.planned == 300 <= box.seconds == 360
    everything = fit(c, QUESTIONS, NOW, None)
    assert everything.left_out == [] and len(everything.queue) == 5 and everything.seconds is None


def test_a_shorter_question_further_down_still_fits():
    box = fit(Company(name="Acme"), QUESTIONS, NOW, 3)
    assert box.queue == ["why", "asks"] and box.planned == 180
    assert box.left_out == ["fit", "strengths", "custom"]


def test_again_comes_back_only_if_it_still_fits():
    box = fit(Company(name="Acme"), QUESTIONS, NOW, 5)
    assert box.queue == ["why", "fit"]
    assert box.fits_again(QUESTIONS[3], spent=80, pending=150)           # 80 + 150 + 60 <= 300
    assert not box.fits_again(QUESTIONS[0], spent=100, pending=150)      # + 120 > 300
    assert fit(Company(name="Acme"), QUESTIONS, NOW, None).fits_again(QUESTIONS[0], 10_000, 0)


@pytest.mark.parametrize("left, minutes", [(timedelta(minutes=50), 45.0), (timedelta(minutes=12), 7.0),
                                           (timedelta(minutes=3), 0.0), (H, 55.0), (H + timedelta(minutes=1), None),
                                           (-H, None)])
def test_the_last_hour_default_is_the_time_left_minus_a_margin(left, minutes):
    assert default_minutes(NOW + left, NOW) == minutes
    assert default_minutes(None, NOW) is None


def test_quiet_hours_push_due_times_to_the_morning():
    c = Company(name="Acme", interview_at=None)
    c.rehearsals = [Rehearsal("q", datetime(2026, 11, 26, 17, 0), 90, 2)]   # hard: +6 h = 23:00
    assert due_at(c, "q") == datetime(2026, 11, 27, 7, 0)
    assert due_at(c, "q", parse_quiet("off")) == datetime(2026, 11, 26, 23, 0)
    c.rehearsals = [Rehearsal("q", datetime(2026, 11, 26, 16, 0), 90, 2)]   # 22:00: awake
    assert due_at(c, "q") == datetime(2026, 11, 26, 22, 0)


def test_quiet_hours_give_way_to_a_sooner_interview():
    c = Company(name="Acme", interview_at=datetime(2026, 11, 27, 6, 30))
    c.rehearsals = [Rehearsal("q", datetime(2026, 11, 26, 21, 0), 90, 3)]  # half the time left: 01:45
    assert due_at(c, "q") == datetime(2026, 11, 27, 1, 45)


def test_quiet_hours_parse_and_span_midnight_or_not():
    assert parse_quiet("23:00-07:00") == DEFAULT_QUIET
    assert parse_quiet("22:30–06:00") == QuietHours(time(22, 30), time(6, 0))
    daytime = parse_quiet("13:00-14:00")
    assert daytime.contains(datetime(2026, 1, 1, 13, 30)) and not daytime.contains(datetime(2026, 1, 1, 23, 0))
    with pytest.raises(ValueError, match="23:00-07:00"):
        parse_quiet("late")


def test_an_edit_of_a_few_words_does_not_make_an_answer_due():
    c = Company(name="Acme")
    c.set_answer("q", "I scaled a hardware line into Europe in two years", NOW - 2 * H)
    c.rehearsals = [Rehearsal("q", NOW - H, 90, 4)]
    mark_rehearsed(c, "q")
    c.set_answer("q", "I scaled a robotics line into Europe within two years", NOW)    # 2 words
    assert due_at(c, "q") == NOW - H + 3 * D
    c.set_answer("q", "I scaled a hardware line into Europe in two years", NOW)          # undone
    assert due_at(c, "q") is not None
    c.set_answer("q", "I led a team of twelve that shipped the new arm to forty sites", NOW)
    assert due_at(c, "q") is None and status(c, "q", NOW).is_due(NOW)
    assert words_changed("a b c", "a x y c d") == 3


def test_sparkline_shows_spoken_times_only():
    c = Company(name="Acme")
    c.rehearsals = [Rehearsal("q", NOW, 60, 3), Rehearsal("q", NOW + H, 400, 3, "typed"),
                    Rehearsal("q", NOW + 2 * H, 80, 3)]
    s = status(c, "q", NOW)
    assert s.times == (60, 80) and s.rehearsed == 3


def test_rehearse_takes_minutes_and_mock(capsys):
    from tui.cli_args import build_parser

    args = build_parser().parse_args(["rehearse", "acme", "--minutes", "10", "--mock"])
    assert (args.minutes, args.mock) == (10.0, True)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["rehearse", "acme", "--minutes", "soon"])
    assert "not a number of minutes" in capsys.readouterr().err


def test_a_session_that_would_run_into_the_interview_is_an_overrun_with_the_room_left():
    soon = NOW + timedelta(minutes=9)
    over = overrun(soon, NOW, 10)
    assert over is not None and over.room == 4.0 and over.fits
    assert over.text("This rehearsal") == ("This rehearsal (10:00 min) would run past your interview at 10:09 "
                                           "less 5 min to get ready: 4:00 min is left.")
    assert overrun(soon, NOW, 4) is None  # ends exactly at the margin: fits
    assert overrun(None, NOW, 600) is None and overrun(NOW - H, NOW, 10) is None
    late = overrun(NOW + timedelta(minutes=5, seconds=30), NOW, 3)
    assert late is not None and not late.fits and "there is no time left" in late.text("The mock close")


async def test_minutes_that_would_run_into_the_interview_are_cut_to_what_fits_and_said(tmp_path):
    from tests.helpers import Seen, acme, make_app, make_store
    from tui.screens.rehearse import RehearseScreen

    company = acme()
    company.interview_at = NOW + timedelta(minutes=9)
    loaded = make_store(tmp_path).create(company)
    seen = Seen()
    app = make_app(tmp_path, open_loaded=loaded, start_rehearsal=True, rehearse_minutes=10)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RehearseScreen)
        assert screen.box.seconds == 240 and screen.box.overrun is not None
        assert "would run past your interview at 10:09" in seen


async def test_a_mock_close_that_would_run_into_the_interview_offers_what_fits(tmp_path):
    from tests.helpers import acme, make_app, make_store
    from tui.dialogs.basic import ConfirmDialog
    from tui.screens.mock import MockScreen
    from tui.screens.rehearse import RehearseScreen

    company = acme()
    company.interview_at = NOW + timedelta(minutes=9)
    loaded = make_store(tmp_path).create(company)
    app = make_app(tmp_path, open_loaded=loaded, start_rehearsal=True, start_mock=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and isinstance(app.screen_stack[-2], MockScreen)
        assert "would run past your interview" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen) and app.screen.box.seconds == 240

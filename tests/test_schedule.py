"""The rehearsal schedule with a fixed clock: intervals, the squeeze before the interview, edits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tui.core.notes import Company, Rehearsal
from tui.core.schedule import covered_points, due_at, due_text, interval, sparkline, status, weakest_first, word_diff

NOW = datetime(2026, 11, 26, 10, 0)
H = timedelta(hours=1)
D = timedelta(days=1)


def company(interview: datetime | None = None, *rows: tuple[str, datetime, int]) -> Company:
    c = Company(name="Acme", interview_at=interview)
    for question, at, rating in rows:
        c.rehearsals.append(Rehearsal(question, at, 90, rating))
    return c


@pytest.mark.parametrize("ratings, expected", [
    ([1], timedelta(0)),
    ([2], 6 * H),
    ([3], D),
    ([4], 3 * D),
    ([3, 3], 2 * D),
    ([3, 4, 4], 12 * D),
    ([4, 4, 4, 4, 4, 4], timedelta(days=30)),   # capped
    ([4, 4, 1, 3], D),                          # "again" restarts the streak
])
def test_plain_intervals(ratings, expected):
    assert interval(ratings) == expected


def test_never_rehearsed_is_due_now():
    c = company(None)
    assert due_at(c, "why-here") is None
    assert status(c, "why-here", NOW).is_due(NOW)


@pytest.mark.parametrize("rating, expected", [(1, NOW), (2, NOW + 6 * H), (3, NOW + D), (4, NOW + 3 * D)])
def test_no_interview_date_uses_the_plain_intervals(rating, expected):
    assert due_at(company(None, ("q", NOW, rating)), "q") == expected


def test_again_comes_back_in_the_same_session():
    c = company(NOW + 3 * D, ("q", NOW, 1))
    assert status(c, "q", NOW).is_due(NOW)


def test_interval_never_runs_past_half_the_time_left():
    interview = NOW + 2 * D
    # Easy would be 3 days: squeezed to half the 2 days left, which is also the start of the last day.
    assert due_at(company(interview, ("q", NOW, 4)), "q") == NOW + D


def test_every_question_is_due_in_the_last_24_hours():
    interview = NOW + 10 * D
    c = company(interview, ("q", NOW, 4), ("q", NOW + D, 4), ("q", NOW + 2 * D, 4))
    # Three easies would mean 12 days: half the time left (4 days) wins.
    assert due_at(c, "q") == NOW + 2 * D + 4 * D
    c = company(NOW + 30 * H, ("q", NOW, 3))
    assert due_at(c, "q") == NOW + 6 * H  # the last day starts 6 h from now, before a day passes


def test_a_rehearsal_inside_the_last_day_is_not_pulled_back():
    interview = NOW + 10 * H
    assert due_at(company(interview, ("q", NOW, 3)), "q") == NOW + 5 * H


def test_after_the_interview_plain_intervals_apply():
    assert due_at(company(NOW - D, ("q", NOW, 3)), "q") == NOW + D


def test_an_answer_edited_since_its_last_rehearsal_is_due_again():
    c = company(None, ("q", NOW, 4))
    c.set_answer("q", "new words", NOW + H)
    assert due_at(c, "q") is None
    c2 = company(None, ("q", NOW + 2 * H, 4))
    c2.set_answer("q", "older words", NOW + H)
    assert due_at(c2, "q") == NOW + 2 * H + 3 * D


def test_weakest_first():
    c = company(None, ("good", NOW - 2 * D, 3), ("hard", NOW - D, 2), ("again", NOW - H, 1), ("easy", NOW, 4))
    ids = ["good", "hard", "again", "easy", "never"]
    assert weakest_first(c, ids, NOW) == ["never", "again", "hard", "good"]
    assert weakest_first(c, ids, NOW, due_only=False)[-1] == "easy"


def test_status_history_and_sparkline():
    c = company(None)
    for i, seconds in enumerate([60, 90, 120]):
        c.rehearsals.append(Rehearsal("q", NOW + i * H, seconds, 3))
    s = status(c, "q", NOW)
    assert (s.rehearsed, s.last_rating, s.last_label, s.times) == (3, 3, "good", (60, 90, 120))
    assert sparkline(s.times) == "▁▅█"
    assert sparkline([]) == ""


@pytest.mark.parametrize("delta, text", [(-H, "due now"), (20 * timedelta(minutes=1), "due in 20 min"),
                                         (5 * H, "due in 5 h"), (D, "due tomorrow 10:00"),
                                         (10 * H, "due in 10 h"), (23 * H, "due tomorrow 09:00"),
                                         (3 * D, "due in 3 days")])
def test_due_text(delta, text):
    assert due_text(NOW + delta, NOW) == text


def test_covered_points_and_word_diff():
    points = ["Your robot arm leads the market", "I scaled a similar hardware line"]
    covered = covered_points(points, "I love your robot arm, it leads everything")
    assert covered == [(points[0], True), (points[1], False)]
    diff = word_diff("I led the team well.", "I led a team well")
    assert diff == [("same", "I led"), ("missed", "the"), ("added", "a"), ("same", "team well.")]


def test_a_recall_in_other_word_forms_covers_its_point():
    """Typed from memory, "shipped" and "led" recall a point that says "shipping" and "leading"."""
    point = ("At Initrode I led a team of nine engineers through the Hyperion platform rewrite, shipping it "
             "two weeks early to 40 enterprise customers and cutting churn 38%.")
    recall = "I led a team of nine at Initrode and shipped Hyperion to 40 customers"
    assert covered_points([point], recall) == [(point, True)]
    for vague in ("We talked about the weather", "I led a team"):
        assert covered_points([point], vague) == [(point, False)]

"""The round model: the file shape, the implicit round of older files, and which round is next."""

from __future__ import annotations

import os
import time
import tomllib
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import notes, rounds
from tui.core.notes import Ask, Company
from tui.core.rounds import Debrief, Round
from tui.core.store import NotesStore, serialize

OLD_FILE = b"""format = 1

[company]
name = "Acme"
role = "Senior PM"
interview_at = 2026-12-01T15:00:00+01:00
interviewers = [
    "Dana Lee (VP Product)",
    "Sam",
]
links = [
    "https://acme.example/jobs/1",
]

[answers.why-us]
text = "Because."
updated_at = 2026-11-20 10:00:00

[[asks]]
text = "What worries you?"
category = "team"
chosen = true
"""

TWO_ROUNDS = """format = 1

[company]
name = "Acme"
role = "Senior PM"

[[rounds]]
name = "Recruiter screen"
at = 2026-12-01T10:00:00
interviewers = ["Sam Park (Recruiter)"]
room = "phone"

[rounds.debrief]
asked = ["Why now?"]
ratings = { why-us = 3 }
answered_asks = ["What worries you?"]
follow_up = ["Send the deck"]
notes = "Warm."
mood = "good"

[[rounds]]
name = "Hiring manager"
at = 2026-12-08T15:00:00Z
interviewers = ["Dana Lee (VP Product)"]

[interviewer_notes]
"Dana Lee (VP Product)" = "Owns the roadmap"

[[asks]]
text = "What worries you?"
category = "team"
chosen = true

[[asks]]
text = "How do you measure success?"
category = "role"
chosen = true
for = "Dana Lee (VP Product)"
"""


def load(data: bytes | str) -> Company:
    text = data.decode() if isinstance(data, bytes) else data
    return notes.from_document(tomllib.loads(text))


@pytest.fixture
def utc_zone():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_a_file_from_before_rounds_round_trips_byte_for_byte(utc_zone):
    company = load(OLD_FILE)
    assert serialize(company) == OLD_FILE
    assert company.rounds == []
    [one] = rounds.rounds_of(company)
    assert one.at == datetime(2026, 12, 1, 14, 0) and one.interviewers == ["Dana Lee (VP Product)", "Sam"]


def test_a_saved_file_from_before_rounds_is_untouched_by_load_and_save(tmp_path, utc_zone):
    store = NotesStore(tmp_path)
    loaded = store.create(load(OLD_FILE))
    before = store.path_for(loaded.slug).read_bytes()
    again = store.load(loaded.slug)
    store.save(again.slug, again.company, again.digest)
    assert store.path_for(loaded.slug).read_bytes() == before == OLD_FILE


def test_adding_a_round_writes_the_new_shape_and_keeps_the_first_round_and_its_offset(utc_zone):
    company = load(OLD_FILE)
    rounds.make_explicit(company)
    company.rounds.append(Round("Panel", datetime(2026, 12, 10, 9, 30), ["Kim"]))
    doc = tomllib.loads(serialize(company).decode())
    assert "interview_at" not in doc["company"] and "interviewers" not in doc["company"]
    first, second = doc["rounds"]
    assert first["name"] == "Interview" and first["interviewers"] == ["Dana Lee (VP Product)", "Sam"]
    assert first["at"].utcoffset() == timedelta(hours=1)  # the offset the user wrote survives
    assert second == {"name": "Panel", "at": datetime(2026, 12, 10, 9, 30), "interviewers": ["Kim"]}
    assert load(serialize(company)) == company


def test_rounds_debriefs_notes_and_asks_for_someone_survive_a_round_trip(utc_zone):
    company = load(TWO_ROUNDS)
    first, second = company.rounds
    assert first.extra == {"room": "phone"}
    assert first.debrief == Debrief(["Why now?"], {"why-us": 3}, ["What worries you?"], ["Send the deck"], "Warm.",
                                    {"mood": "good"})
    assert second.at == datetime(2026, 12, 8, 15, 0)
    assert company.interviewer_notes == {"Dana Lee (VP Product)": "Owns the roadmap"}
    assert rounds.meant_for(company.asks[1]) == "Dana Lee (VP Product)" and rounds.meant_for(company.asks[0]) == ""
    again = serialize(company)
    assert tomllib.loads(again.decode()) == tomllib.loads(TWO_ROUNDS)
    assert serialize(load(again)) == again


@pytest.mark.parametrize("bad, where", [
    ('[[rounds]]\nname = 3\n', "rounds[0].name"),
    ('[[rounds]]\nat = "tomorrow"\n', "rounds[0].at"),
    ('[[rounds]]\ninterviewers = "Sam"\n', "rounds[0].interviewers"),
    ('[[rounds]]\ndebrief = 1\n', "rounds[0].debrief"),
    ('[[rounds]]\n[rounds.debrief]\nratings = { a = 5 }\n', "rounds[0].debrief.ratings.a"),
    ('[[rounds]]\n[rounds.debrief]\nfollow_up = [1]\n', "rounds[0].debrief.follow_up[0]"),
    ('[interviewer_notes]\nSam = 1\n', "interviewer_notes.Sam"),
])
def test_a_mistyped_round_names_the_key(bad, where):
    with pytest.raises(notes.NotesFormatError) as error:
        load('format = 1\n[company]\nname = "A"\n' + bad)
    assert error.value.problems[0].path == where


def company_with(*ats: datetime | None) -> Company:
    return Company("A", rounds=[Round(f"r{i}", at) for i, at in enumerate(ats)])


def test_the_next_round_just_before_and_after_midnight():
    late = datetime(2026, 12, 4, 23, 59, 30)
    company = company_with(datetime(2026, 12, 4, 9), datetime(2026, 12, 5, 0, 0), datetime(2026, 12, 9, 10))
    assert rounds.next_round(company, late).name == "r1"
    assert rounds.next_round(company, datetime(2026, 12, 5, 0, 0)).name == "r2"  # at its minute it has begun
    assert [r.name for r in rounds.past_rounds(company, datetime(2026, 12, 5, 0, 0, 1))] == ["r0", "r1"]


def test_past_rounds_leave_the_last_one_in_focus_and_offer_its_debrief():
    company = company_with(datetime(2026, 12, 1, 10), datetime(2026, 12, 3, 10))
    now = datetime(2026, 12, 4, 8)
    assert rounds.next_round(company, now) is None
    assert rounds.focus_round(company, now).name == "r1"
    assert rounds.to_debrief(company, now).name == "r1"
    company.rounds[1].debrief = Debrief()
    assert rounds.to_debrief(company, now).name == "r0"


def test_an_undated_round_comes_after_the_dated_ones():
    company = company_with(None, datetime(2026, 12, 1, 10))
    assert rounds.next_round(company, datetime(2026, 11, 30)).name == "r1"
    assert rounds.next_round(company, datetime(2026, 12, 2)).name == "r0"


def test_rounds_written_with_offsets_are_compared_in_local_time(utc_zone):
    # 00:30 in Berlin is 23:30 UTC the day before: at 23:45 UTC that round has passed.
    company = load('format = 1\n[company]\nname = "A"\n'
                   '[[rounds]]\nname = "Berlin"\nat = 2026-12-05T00:30:00+01:00\n'
                   '[[rounds]]\nname = "New York"\nat = 2026-12-04T18:50:00-05:00\n')
    assert rounds.next_round(company, datetime(2026, 12, 4, 23, 0)).name == "Berlin"
    assert rounds.next_round(company, datetime(2026, 12, 4, 23, 45)).name == "New York"
    assert rounds.next_round(company, datetime(2026, 12, 4, 23, 51)) is None


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31))


@settings(max_examples=150, deadline=None)
@given(ats=st.lists(st.one_of(st.none(), moments), max_size=6), now=moments)
def test_the_next_round_is_the_soonest_to_come(ats, now):
    company = company_with(*ats)
    upcoming = [at for at in ats if at is not None and at > now]
    chosen = rounds.next_round(company, now)
    if upcoming:
        assert chosen is not None and chosen.at == min(upcoming)
    elif None in ats:
        assert chosen is not None and chosen.at is None
    else:
        assert chosen is None
    focus = rounds.focus_round(company, now)
    dated = [at for at in ats if at is not None]
    if dated and not upcoming and None not in ats:
        assert focus is not None and focus.at == max(dated)


def test_carried_over_lists_follow_ups_and_questions_they_did_not_answer(utc_zone):
    company = load(TWO_ROUNDS)
    later = rounds.carried_over(company, datetime(2026, 12, 5))
    assert later.follow_ups == ["Recruiter screen: Send the deck"]
    assert later.unanswered == ["How do you measure success?"]
    assert rounds.carried_over(company, datetime(2026, 11, 30)).follow_ups == []


def test_asks_for_someone_are_kept_in_the_ask_and_cleared_by_blank():
    ask = Ask("Q?", chosen=True)
    rounds.set_meant_for(ask, "Sam")
    assert ask.extra == {"for": "Sam"}
    rounds.set_meant_for(ask, " ")
    assert ask.extra == {}


def test_round_after_squeezes_towards_the_round_that_follows():
    company = company_with(datetime(2026, 12, 1, 10), datetime(2026, 12, 8, 10))
    assert rounds.round_after(company, datetime(2026, 11, 20)) == datetime(2026, 12, 1, 10)
    assert rounds.round_after(company, datetime(2026, 12, 2)) == datetime(2026, 12, 8, 10)
    assert rounds.round_after(company, datetime(2026, 12, 9)) == datetime(2026, 12, 8, 10)


def test_keep_both_loses_no_round_debrief_or_note_on_an_interviewer():
    from tui.core.conflicts import keep_both

    theirs = company_with(datetime(2026, 12, 1, 10))
    mine = company_with(datetime(2026, 12, 1, 10))
    mine.rounds[0].debrief = Debrief(follow_up=["Send the deck"])
    mine.rounds.append(Round("Panel", datetime(2026, 12, 9, 10)))
    mine.interviewer_notes = {"Sam": "Recruiter"}
    merged = keep_both(theirs, mine, datetime(2026, 12, 2))
    assert mine.rounds[0] in merged.rounds and mine.rounds[1] in merged.rounds
    assert merged.interviewer_notes == {"Sam": "Recruiter"}


def test_the_mock_close_says_who_each_question_to_ask_is_for():
    from tui.core.mock import MockRun
    from tui.core.packs import load_catalog

    company = Company("A", asks=[Ask("Q1?", chosen=True), Ask("Q2?", chosen=True), Ask("Q3?")])
    rounds.set_meant_for(company.asks[1], "Dana Lee")
    assert MockRun.of(load_catalog(None), company).asks == ["Q1?", "Q2? (for Dana Lee)"]

"""The next round drives what the commands print: list, list --json, review and the brief."""

from __future__ import annotations

import json
from datetime import datetime

from tests.helpers import make_store
from tui.cli import main
from tui.core import rounds
from tui.core.notes import Ask, Company, Rehearsal
from tui.core.rounds import Debrief, Round
from tui.core.schedule import due_at
from tui.core.timebox import default_minutes


def two_rounds() -> Company:
    company = Company("Acme", "Senior PM")
    company.rounds = [
        Round("Recruiter screen", datetime(2026, 12, 1, 10), ["Sam Park (Recruiter)"],
              Debrief(["Why now?"], {}, ["What worries you?"], ["Send the roadmap deck"], "Warm.")),
        Round("Hiring manager", datetime(2026, 12, 8, 15), ["Dana Lee (VP Product)", "Ola Berg"]),
    ]
    company.interviewer_notes = {"Dana Lee (VP Product)": "Owns the roadmap; cares about retention"}
    company.asks = [Ask("What worries you?", chosen=True), Ask("How do you measure success?", chosen=True),
                    Ask("What does the team need most?", chosen=True)]
    rounds.set_meant_for(company.asks[2], "Dana Lee (VP Product)")
    return company


def test_list_json_names_the_next_round(data_dir, monkeypatch, capsys):
    make_store(data_dir).create(two_rounds())
    monkeypatch.setenv("FINALE_NOW", "2026-12-04T09:00:00")
    assert main(["list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["next_round"] == {"name": "Hiring manager", "at": "2026-12-08T15:00:00",
                                 "interviewers": ["Dana Lee (VP Product)", "Ola Berg"]}
    assert row["interview_at"] == "2026-12-08T15:00:00" and row["countdown"].startswith("in 4 days")
    assert main(["list"]) == 0
    assert "Hiring manager: Tue 08 Dec 2026 15:00 (in 4 days" in capsys.readouterr().out


def test_list_json_has_no_next_round_once_all_have_passed(data_dir, monkeypatch, capsys):
    make_store(data_dir).create(two_rounds())
    monkeypatch.setenv("FINALE_NOW", "2026-12-09T09:00:00")
    assert main(["list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["next_round"] is None and row["round"] == "Hiring manager" and row["countdown"] == "was yesterday"


def test_brief_puts_the_next_round_and_the_last_rounds_follow_ups_first(data_dir, monkeypatch, capsys):
    make_store(data_dir).create(two_rounds())
    monkeypatch.setenv("FINALE_NOW", "2026-12-04T09:00:00")
    assert main(["review", "Acme", "--brief", "--width", "80"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= 24
    assert lines[1].startswith("Hiring manager: Tuesday 8 December 2026, 15:00 (in 4 days")
    assert lines[2] == "Interviewers: Dana Lee (VP Product), Ola Berg"
    assert lines[4:7] == ["", "From earlier rounds", "  - Recruiter screen: Send the roadmap deck"]
    asks = lines[lines.index("Ask them") + 1:]
    # Meant for someone in this round first; the one the recruiter answered is not offered again.
    assert asks == ["  1. What does the team need most? (for Dana Lee (VP Product))", "  2. How do you measure success?"]


def test_full_review_marks_answered_asks_and_shows_notes_on_this_rounds_people(data_dir, monkeypatch, capsys):
    make_store(data_dir).create(two_rounds())
    monkeypatch.setenv("FINALE_NOW", "2026-12-04T09:00:00")
    assert main(["review", "Acme", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "  Dana Lee (VP Product): Owns the roadmap; cares about retention" in out
    assert "[x] What worries you? (answered already)" in out
    assert out.index("From earlier rounds") < out.index("Gaps")


def test_before_the_first_round_there_is_nothing_carried_over(data_dir, monkeypatch, capsys):
    make_store(data_dir).create(two_rounds())
    monkeypatch.setenv("FINALE_NOW", "2026-11-30T09:00:00")
    assert main(["review", "Acme", "--brief"]) == 0
    out = capsys.readouterr().out
    assert "Recruiter screen: Tuesday 1 December 2026, 10:00" in out and "From earlier rounds" not in out
    assert "Interviewers: Sam Park (Recruiter)" in out


def test_rehearsals_squeeze_towards_the_round_that_follows_them():
    company = two_rounds()
    company.rehearsals += [Rehearsal("why-us", datetime(2026, 11, 20 + i, 10), 60, 4) for i in range(2)]
    company.rehearsals.append(Rehearsal("why-us", datetime(2026, 12, 2, 10), 60, 4))
    # Rated easy three times the wait is 12 days; the hiring manager round on the 8th halves what is left instead.
    assert due_at(company, "why-us") == datetime(2026, 12, 5, 12, 30)


def test_the_last_hour_box_is_the_next_rounds():
    company = two_rounds()
    now = datetime(2026, 12, 8, 14, 30)
    assert default_minutes(rounds.focus_at(company, now), now) is not None
    assert rounds.focus_at(company, datetime(2026, 12, 1, 9, 30)) == datetime(2026, 12, 1, 10)

"""Two rounds at 80x24 in a real pseudo-terminal: add them (one from a calendar invite), a note on an
interviewer, an ask meant for one, let the first round pass (FINALE_NOW), debrief it, then the brief."""

from __future__ import annotations

import subprocess
import tomllib
from datetime import datetime, timedelta

import pytest

from tests.conftest import FIXTURES
from tests.e2e.terminal import FINALE, Terminal, base_env

pytestmark = pytest.mark.e2e

ESC = "\x1b"
CTRL_Q = "\x11"
CTRL_S = "\x13"
DOWN = "\x1b[B"
HOME = "\x1b[H"
END = "\x1b[F"
TAB = "\t"

START = """format = 1

[company]
name = "Acme"
role = "Senior PM"

[[asks]]
text = "What does success look like in six months?"
category = "role"
chosen = true

[[asks]]
text = "How does the team decide what to build?"
category = "team"
chosen = true
"""


def test_two_rounds_a_debrief_and_the_next_rounds_brief(tmp_path):
    companies = tmp_path / "data" / "companies"
    companies.mkdir(parents=True)
    (companies / "acme.toml").write_text(START, encoding="utf-8")
    before = base_env(tmp_path, TZ="UTC", FINALE_NOW="2026-12-01T09:00:00")

    term = Terminal(["open", "Acme"], before, size=(80, 24))
    term.wait_for("Senior PM")
    # Round 1 by hand, with a note on its interviewer.
    term.send("w")
    term.wait_for("No rounds yet")
    term.send("a")
    term.wait_for("New round")
    term.send(TAB)
    term.type("Recruiter screen")
    term.send(TAB)
    term.type("2026-12-02")
    term.send(TAB)
    term.type("10:00")
    term.send(TAB)
    term.type("Sam Park (Recruiter): runs the process")
    term.send(CTRL_S, settle=0.5)
    term.wait_for("Recruiter screen · Wed 02 Dec 2026 10:00")
    # Round 2 from the invite: 10:00 in New York is 15:00 here; then a note on Dana.
    term.send("a")
    term.wait_for("New round")
    term.type(str(FIXTURES / "hiring-manager.ics"))
    term.send("\r", settle=0.5)
    term.wait_for("From the invite: Tue 08 Dec 2026 15:00 UTC")
    term.send(TAB + TAB + TAB)  # name, date, time: on to the interviewers
    term.send(DOWN + END)
    term.type(": owns the roadmap")
    term.send(CTRL_S, settle=0.5)
    term.wait_for("Hiring manager interview, Senior PM · Tue 08 Dec 2026 15:00")
    term.send(ESC, settle=0.4)
    # The first question to ask is meant for Dana.
    term.send("1")
    term.send(HOME)
    term.send(DOWN * 3)
    term.send("2")
    term.wait_for("2 chosen")
    term.send("f")
    term.wait_for("Who is this question for?")
    term.send(HOME + DOWN + DOWN + "\r", settle=0.4)
    term.wait_for("→ Dana Lee (VP Product)")
    term.send(CTRL_Q)
    assert term.finish() == 0

    # Two days on, round 1 has passed: opening the company offers its debrief.
    after = base_env(tmp_path, TZ="UTC", FINALE_NOW="2026-12-03T09:00:00")
    term = Terminal(["open", "Acme"], after, size=(80, 24))
    term.wait_for("Recruiter screen has passed")
    term.send("D")
    term.wait_for("Debrief · Recruiter screen")
    term.type("Why product management?")
    term.send(TAB)
    term.type("3")
    term.send(TAB)
    term.type("2")
    term.send(TAB)
    term.type("4")
    term.send(TAB)
    term.send(DOWN + " ")  # they answered how the team decides
    term.send(TAB)
    term.type("Send the churn case study")
    term.send(TAB)
    term.type("Sam liked the retention story")
    term.send(CTRL_S, settle=0.5)
    term.wait_for("Saved under the round")
    term.send(CTRL_Q)
    assert term.finish() == 0

    brief = subprocess.run([FINALE, "review", "Acme", "--brief", "--width", "80"], env=after,
                           capture_output=True, text=True, check=True).stdout
    lines = brief.splitlines()
    assert len(lines) <= 24, brief
    assert lines[1].startswith("Hiring manager interview, Senior PM: Tuesday 8 December 2026, 15:00 (in 5 days")
    assert "Interviewers: Riley Chen (Recruiting), Dana Lee (VP Product), Ola Berg" in lines
    assert "  - Recruiter screen: Send the churn case study" in lines
    assert "  1. What does success look like in six months? (for Dana Lee (VP Product))" in lines
    assert not any("How does the team decide" in line for line in lines)  # answered: not offered again

    doc = tomllib.loads((companies / "acme.toml").read_text(encoding="utf-8"))
    first, second = doc["rounds"]
    assert first["name"] == "Recruiter screen" and first["at"] == datetime(2026, 12, 2, 10, 0)
    assert first["interviewers"] == ["Sam Park (Recruiter)"]
    assert first["debrief"] == {
        "asked": ["Why product management?"],
        "ratings": {"why-here": 3, "right-fit": 2, "strengths-weaknesses": 4},
        "answered_asks": ["How does the team decide what to build?"],
        "follow_up": ["Send the churn case study"],
        "notes": "Sam liked the retention story",
    }
    assert second["name"] == "Hiring manager interview, Senior PM"
    assert second["at"].utcoffset() == timedelta(hours=-5) and second["at"].hour == 10  # the invite's own zone
    assert second["interviewers"] == ["Riley Chen (Recruiting)", "Dana Lee (VP Product)", "Ola Berg"]
    assert doc["interviewer_notes"] == {"Sam Park (Recruiter)": "runs the process",
                                        "Dana Lee (VP Product)": "owns the roadmap"}
    assert doc["asks"][0]["for"] == "Dana Lee (VP Product)" and "for" not in doc["asks"][1]

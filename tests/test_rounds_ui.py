"""Rounds in the app at 80x24: the rounds list and form (w), who an ask is for (f), the debrief (D)."""

from __future__ import annotations

from datetime import datetime

from tests.helpers import FakeClock, Seen, acme, make_app, make_store, open_company, saved
from tui.core.rounds import Round
from tui.dialogs.debrief import DebriefDialog
from tui.dialogs.round_form import RoundFormDialog
from tui.dialogs.rounds_list import RoundsDialog


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_add_a_round_with_notes_on_its_people_and_assign_an_ask(tmp_path):
    make_store(tmp_path).create(acme())
    fake, seen = FakeClock(), Seen()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await open_company(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RoundsDialog) and len(app.screen.lines) == 1  # the file's one round
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RoundFormDialog)
        await pilot.press("tab")  # past the invite field
        await type_text(pilot, "Hiring manager")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-08")
        await pilot.press("tab")
        await type_text(pilot, "15:00")
        await pilot.press("tab")
        await type_text(pilot, "Dana Lee (VP Product): owns the roadmap")
        await pilot.press("enter")
        await type_text(pilot, "Ola Berg")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoundsDialog) and len(app.screen.lines) == 2
        await pilot.press("escape")
        # The question to ask: f on it in the asks pane, then Dana.
        await pilot.press("down", "down", "down", "enter")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("home", "enter")  # the list opens on "Anyone"; Dana is first
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    doc = saved(app.store, "acme-robotics")
    first, second = doc["rounds"]
    assert first == {"name": "Interview", "at": datetime(2026, 11, 28, 15, 0), "interviewers": []}
    assert second == {"name": "Hiring manager", "at": datetime(2026, 12, 8, 15, 0),
                      "interviewers": ["Dana Lee (VP Product)", "Ola Berg"]}
    assert doc["interviewer_notes"] == {"Dana Lee (VP Product)": "owns the roadmap"}
    assert doc["asks"][0]["for"] == "Dana Lee (VP Product)"


async def test_debrief_a_round_that_has_passed(tmp_path):
    company = acme()
    company.interview_at = None
    company.rounds = [Round("Recruiter screen", datetime(2026, 11, 25, 10), ["Sam Park"]),
                      Round("Hiring manager", datetime(2026, 12, 8, 15), ["Dana Lee"])]
    make_store(tmp_path).create(company)
    fake, seen = FakeClock(), Seen()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await open_company(pilot)
        assert "Recruiter screen has passed: press D to debrief it while you remember." in seen
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DebriefDialog)
        await type_text(pilot, "Why now?")
        await pilot.press("enter")
        await type_text(pilot, "What would you cut?")
        await pilot.press("tab")
        await pilot.press("3")  # the first closing answer went well
        await pilot.press("tab", "tab", "tab")  # past the other two
        await pilot.press("space")  # they answered the first question to ask
        await pilot.press("tab")
        await type_text(pilot, "Send the deck")
        await pilot.press("tab")
        await type_text(pilot, "Warm")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, DebriefDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
    doc = saved(app.store, "acme-robotics")
    debrief = doc["rounds"][0]["debrief"]
    assert debrief["asked"] == ["Why now?", "What would you cut?"]
    assert list(debrief["ratings"].values()) == [3]
    assert debrief["answered_asks"] == ["What are the key initiatives?"]
    assert debrief["follow_up"] == ["Send the deck"] and debrief["notes"] == "Warm"
    draft = (tmp_path / "follow-ups" / "acme-robotics-recruiter-screen.txt").read_text()
    assert "Hi Sam," in draft and '"Why now"' in draft and "- Send the deck" in draft


async def test_details_edit_the_next_round_once_there_are_rounds(tmp_path):
    company = acme()
    company.interview_at = None
    company.rounds = [Round("Screen", datetime(2026, 11, 25, 10), ["Sam"]),
                      Round("Panel", datetime(2026, 12, 8, 15), ["Kim"])]
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab")  # role, date, time: to the interviewers
        await pilot.press("end", "comma", "space", "L", "e", "e")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    doc = saved(app.store, "acme-robotics")
    assert "interviewers" not in doc["company"] and "interview_at" not in doc["company"]
    assert [r["interviewers"] for r in doc["rounds"]] == [["Sam"], ["Kim", "Lee"]]

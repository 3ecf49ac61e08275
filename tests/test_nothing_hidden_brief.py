"""Issue 24 "Done when": the last ten minutes at 80 columns, printed and on screen (problems 1, 2, 4)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.helpers import NOW, FakeClock, make_app, make_store, open_company
from tui.cli import main
from tui.core.notes import Ask, ChecklistEntry, Company
from tui.core.sanitize import cells
from tui.core.speech import talking_points

PEOPLE = ["Dana Okafor (VP Product)", "Luis Chen (Head of Design)",
          "Priya Raman (Principal Engineer, Fleet Autonomy)",
          "Marguerite Delacroix-Oyelaran (Director of Partnerships, EMEA)"]
ASKS = ["How does the partnerships team decide which carriers to integrate first when the roadmap is "
        "already full for the next two quarters?",
        "What would a great first ninety days look like for the person in this role, and who would I "
        "work with most closely day to day?",
        "What is the hardest unsolved problem in the fleet autonomy platform that this role would be "
        "expected to help untangle?"]
WHY = ("I have spent eight years moving freight, and Northwind is where software finally meets the dock.\n"
       "- Your autonomous yard trucks cut dwell time by 31% at Rotterdam\n"
       "- I led the partner API at Flexport that grew to 240 carriers\n"
       "- I want to own the partner platform end to end\n"
       "That is why Northwind, and why now.")
FIT = ("I have built two platforms from zero. At Flexport I took the carrier API from 3 to 240 partners in "
       "18 months, and at Convoy I cut onboarding from six weeks to four days.")
FIGURES = ["31%", "240 carriers", "18 months"]


def northwind(when: datetime) -> Company:
    company = Company(name="Northwind Intercontinental Logistics & Robotics",
                      role="Senior Product Manager, Platform Partnerships", interview_at=when)
    company.interviewers = list(PEOPLE)
    company.set_answer("why-here", WHY, NOW)
    company.set_answer("right-fit", FIT, NOW)
    company.asks += [Ask(text, topic, True) for text, topic in zip(ASKS, ("strategy", "collaboration", "challenges"),
                                                                    strict=True)]
    company.checklist["products"] = ChecklistEntry(True, "Yard trucks, dock scheduling API")
    return company


def test_plain_lines_with_a_figure_or_a_name_are_talking_points_too():
    """Problem 2: the headline and the closing line of a bulleted answer vanished."""
    points = talking_points(WHY)
    assert points[0].startswith("I have spent eight years") and points[-1] == "That is why Northwind, and why now."
    assert len(points) == 5
    assert talking_points("- one\n- two 35%\njust a plain line") == ["one", "two 35%"]


def test_list_review_brief_and_check_fit_80_columns_and_keep_what_matters(tmp_path, capsys, monkeypatch):
    """Problems 1 and 4: no line over 80 cells; every interviewer, figure and question to ask whole."""
    soon = datetime.now().replace(second=0, microsecond=0) + timedelta(minutes=10)
    make_store(tmp_path / "data").create(northwind(soon))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "25")
    base = ["--data-dir", str(tmp_path / "data")]
    outputs = {}
    for name, argv in (("list", ["list"]), ("review", ["review", "northwind", "--width", "80"]),
                       ("brief", ["review", "northwind", "--brief", "--width", "80"]), ("check", ["check", "northwind"])):
        assert main(base + argv) == 0
        outputs[name] = capsys.readouterr().out
    for name, out in outputs.items():
        long = [line for line in out.splitlines() if cells(line) > 80]
        assert not long, (name, long)
    flat = {name: " ".join(out.split()) for name, out in outputs.items()}
    for name in ("review", "brief"):
        for text in PEOPLE + ASKS:
            assert text in flat[name], (name, text)
    for figure in FIGURES:
        assert figure in flat["review"], figure
    # The brief keeps the first points it has room for, each whole: a cue is never cut with "…".
    cues = [line for line in outputs["brief"].splitlines() if line.lstrip().startswith("•")]
    assert len(cues) >= 3 and not any(line.endswith("…") for line in cues), cues
    assert "31%" in flat["brief"]
    assert len(outputs["brief"].splitlines()) <= 24
    assert "answers 3/4" in outputs["list"]  # never "answers" at the end of one line and "3/4" on the next


@pytest.fixture
def brief_app(tmp_path):
    store = make_store(tmp_path)
    store.create(northwind(NOW + timedelta(minutes=10)))
    return make_app(tmp_path, FakeClock())


def test_brief_with_four_interviewers_at_80(snap_compare, brief_app):
    async def review(pilot):
        await open_company(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(brief_app, terminal_size=(80, 24), run_before=review)


def test_prepare_with_a_long_role_ten_minutes_before_at_80(snap_compare, brief_app):
    async def prepare(pilot):
        await open_company(pilot)
        await pilot.pause()

    assert snap_compare(brief_app, terminal_size=(80, 24), run_before=prepare)

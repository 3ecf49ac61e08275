"""The whole journey a new user takes over SSH at 80x24, in a real pseudo-terminal, files checked."""

from __future__ import annotations

import subprocess
import tomllib
from datetime import date, timedelta

import pytest

from tests.e2e.terminal import FINALE, Terminal, base_env

pytestmark = pytest.mark.e2e

ESC = "\x1b"
CTRL_Q = "\x11"
CTRL_S = "\x13"
DOWN = "\x1b[B"
UP = "\x1b[A"
HOME = "\x1b[H"

ANSWERS = [
    "Initech ships the TPS platform I have used for six years.",
    "I led a team of 12 that cut report time by 40%.",
    "Strength: roadmaps. Weakness: I over-prepare; I now timebox it.",
    "Robots never ask for TPS reports.",
]
NOTES = ["TPS, Initrode", "Consulting\nSupport", "Third in the market"]


def answer_selected(term: Terminal, text: str) -> None:
    term.send("\r")
    term.wait_for_editor()
    term.type(text)
    term.send(ESC, settle=0.6)  # finale waits 300 ms after ESC for the rest of a sequence


def test_a_new_user_prepares_a_whole_company_at_80x24(tmp_path):
    when = date.today() + timedelta(days=30)
    env = base_env(tmp_path)
    term = Terminal([], env, size=(80, 24))
    term.wait_for("No companies yet")

    # The form: role (a value, replaced by typing), date, time, interviewers, a link; tab ends on Save.
    term.send("n")
    term.wait_for("ctrl+s saves")
    term.type("Initech")
    term.send("\t")
    term.type("Director of Product")
    term.send("\t")
    term.type(f"{when:%Y-%m-%d}")
    term.send("\t")
    term.type("14:30")
    term.send("\t")
    term.type("Bill, Peter")
    term.send("\t")
    term.type("https://initech.example/jobs/1")
    term.send("\t")
    term.send("\r")
    term.wait_for("work here as a Director of")  # the prompts speak the company's role

    # Three answers to the pack's questions and one to a question of the user's own.
    for i, text in enumerate(ANSWERS[:3]):
        if i:
            term.send(DOWN)
        answer_selected(term, text)
    term.send("a")
    term.wait_for("Add a question")
    term.type("Why robots?")
    term.send("\r", settle=0.4)
    term.wait_for_editor()  # a new question opens on its answer: no enter needed
    term.type(ANSWERS[3])
    term.send(ESC, settle=0.6)

    # Three research items, ticked and annotated (the third ticked by the note's offer).
    term.send("4")
    term.wait_for("0/8 researched")
    for i, note in enumerate(NOTES):
        if i:
            term.send(DOWN)
        if i < 2:
            term.send(" ")
        term.send("\r")
        term.wait_for("Mark as researched")
        for line_no, line in enumerate(note.split("\n")):
            if line_no:
                term.send("\r")
            term.type(line)
        term.send(CTRL_S, settle=0.4)
    term.wait_for("3/8 researched")

    # Three questions to ask them: two starters and one written by the user.
    term.send("1")
    term.send(HOME)
    term.send(DOWN * 3)
    term.send("2")
    term.wait_for("No questions yet")
    term.send("s")
    term.wait_for("Add starter questions")
    term.send(" ")
    term.send(DOWN)
    term.send(" ")
    term.send("\r")
    term.wait_for("2 of 3 chosen · 2 listed")
    term.send("n")
    term.wait_for("Your own question")
    term.type("What would make someone fail here?")
    term.send("\r")
    term.wait_for("3 chosen · 3 listed")

    # Rehearse the first question, rate it good, come back; open the review; quit.
    term.send("1", settle=0.4)
    term.send(UP * 3, settle=0.4)
    term.wait_for("Why do you want to work here as a")
    term.send("r")
    term.wait_for("space")
    term.send(" ", settle=1.2)
    term.send(" ", settle=0.5)
    term.send("3")
    term.wait_for("rate it anyway?")  # a second or so, far under the band: asked once
    term.send("y", settle=0.8)
    term.send(ESC, settle=0.8)
    term.wait_for("Director of Product · in")
    term.send("v")
    review = term.wait_for("Readiness")
    assert "No answer yet" not in review and "chosen to ask" not in review
    term.send(ESC, settle=0.8)
    term.send(CTRL_Q)
    assert term.finish() == 0

    saved = tomllib.loads((tmp_path / "data" / "companies" / "initech.toml").read_text(encoding="utf-8"))
    company = saved["company"]
    assert company["name"] == "Initech" and company["role"] == "Director of Product"
    assert company["interview_at"].isoformat() == f"{when:%Y-%m-%d}T14:30:00"
    assert company["interviewers"] == ["Bill", "Peter"]
    assert company["links"] == ["https://initech.example/jobs/1"]
    assert [saved["answers"][q]["text"] for q in ("why-here", "right-fit", "strengths-weaknesses")] == ANSWERS[:3]
    assert saved["custom_questions"] == [{"id": "my-why-robots", "prompt": "Why robots?"}]
    assert saved["answers"]["my-why-robots"]["text"] == ANSWERS[3]
    done = {k: v for k, v in saved["checklist"].items() if v.get("done")}
    assert sorted(v["note"] for v in done.values()) == sorted(NOTES)
    asks = saved["asks"]
    assert len(asks) == 3 and all(a["chosen"] for a in asks)
    assert asks[2] == {"text": "What would make someone fail here?", "category": "mine", "chosen": True}
    assert [(r["question"], r["rating"]) for r in saved["rehearsals"]] == [("why-here", 3)]

    listing = subprocess.run([FINALE, "list"], env=env, capture_output=True, text=True, timeout=30)
    assert listing.returncode == 0, listing.stderr
    assert "answers 5/5" in listing.stdout and "research 3/8" in listing.stdout

"""Rounds at 80x24: the round form, the debrief and the review of a company with two rounds."""

from __future__ import annotations

from datetime import datetime

from tests.helpers import acme, make_app, make_store
from tests.test_snapshots import open_then
from tui.core.notes import Ask
from tui.core.rounds import Debrief, Round, set_meant_for


def two_rounds_app(tmp_path):
    company = acme()
    company.interview_at = None
    company.rounds = [
        Round("Recruiter screen", datetime(2026, 11, 24, 10), ["Sam Park (Recruiter)"],
              Debrief(["Why now?"], {"why-here": 3}, ["What are the key initiatives?"], ["Send the churn case study"],
                      "Warm; team of eight.")),
        Round("Hiring manager", datetime(2026, 11, 30, 15), ["Dana Lee (VP Product)", "Ola Berg"]),
    ]
    company.interviewer_notes = {"Dana Lee (VP Product)": "owns the roadmap; cares about retention"}
    company.asks.append(Ask("What does the team need most in the first 90 days?", "team", True))
    set_meant_for(company.asks[1], "Dana Lee (VP Product)")
    make_store(tmp_path).create(company)
    return make_app(tmp_path)


def test_round_form(snap_compare, tmp_path):
    # w lists the rounds, enter edits the highlighted one (the recruiter screen).
    assert snap_compare(two_rounds_app(tmp_path), terminal_size=(80, 24), run_before=open_then("w", "enter"))


def test_debrief(snap_compare, tmp_path):
    assert snap_compare(two_rounds_app(tmp_path), terminal_size=(80, 24), run_before=open_then("D"))


def test_review_with_two_rounds(snap_compare, tmp_path):
    assert snap_compare(two_rounds_app(tmp_path), terminal_size=(80, 24), run_before=open_then("v"))


def test_rounds_list(snap_compare, tmp_path):
    assert snap_compare(two_rounds_app(tmp_path), terminal_size=(80, 24), run_before=open_then("w"))

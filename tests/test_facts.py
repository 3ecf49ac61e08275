"""Facts that live in one place: how progress and readiness read, the soonest-first order, the asks question."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.packs import PackError, load_catalog, parse_pack
from tui.core.progress import progress_text, readiness_text, soonest_first
from tui.core.settings import Settings
from tui.core.speech import DEFAULT_WPM

NOW = datetime(2026, 11, 26, 10, 0)


def test_progress_and_readiness_read_the_same_everywhere():
    assert progress_text(2, 4, 1, 8) == "answers 2/4  research 1/8"
    assert readiness_text(12, 30) == "12/30 (40%)"
    assert readiness_text(0, 0) == "0/0 (0%)"


def test_soonest_first_puts_upcoming_then_undated_then_past_then_broken():
    rows = [
        ("broken", None, True),
        ("past-late", NOW - timedelta(days=1), False),
        ("past-early", NOW - timedelta(days=9), False),
        ("undated", None, False),
        ("later", NOW + timedelta(days=5), False),
        ("sooner", NOW + timedelta(hours=1), False),
    ]
    ordered = sorted(rows, key=lambda r: soonest_first(r[1], r[0], NOW, broken=r[2]))
    assert [r[0] for r in ordered] == ["sooner", "later", "undated", "past-late", "past-early", "broken"]


@given(st.lists(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)), max_size=20))
def test_every_upcoming_interview_sorts_before_every_past_one(whens):
    ordered = sorted(whens, key=lambda w: soonest_first(w, "x", NOW))
    upcoming = [w for w in ordered if w >= NOW]
    assert ordered[: len(upcoming)] == sorted(upcoming)


def test_one_default_speaking_rate():
    assert Settings().words_per_minute == DEFAULT_WPM == 140


def test_the_asks_question_is_marked_by_its_kind_not_its_id():
    catalog = load_catalog(None)
    assert [q.id for q in catalog.questions if q.asks] == ["questions-for-us"]
    assert all(q.kind == "answer" for q in catalog.questions if q.id != "questions-for-us")


PACK = """
[pack]
id = "p"
title = "P"
description = "A test pack."
version = "1"

[[questions]]
id = "ours"
kind = "{kind}"
prompt = "Any questions?"
why_they_ask = "Curiosity."
target_seconds = [30, 90]
"""


def test_a_pack_can_make_any_question_the_asks_one():
    pack = parse_pack(PACK.format(kind="asks"), Path("p.toml"))
    assert pack.questions[0].asks


def test_an_unknown_question_kind_is_reported():
    with pytest.raises(PackError, match='unknown question kind "ask"; known kinds: answer, asks'):
        parse_pack(PACK.format(kind="ask"), Path("p.toml"))


def test_question_rows_and_the_answer_line():
    from tests.helpers import acme
    from tui.core.notes import Rehearsal
    from tui.core.rows import answer_line, question_row

    catalog = load_catalog(None)
    company = acme()
    by_id = {q.id: q for q in catalog.questions}
    row = question_row(by_id["why-here"], company, [], NOW)
    assert (row.state, row.words, row.unit, row.history) == ("drafted", 13, "w", "")
    assert question_row(by_id["right-fit"], company, [], NOW).state == "empty"
    asks = question_row(by_id["questions-for-us"], company, [], NOW)
    assert (asks.state, asks.words, asks.unit) == ("started", 1, "of 3 chosen")  # the pack wants three
    company.rehearsals.append(Rehearsal("why-here", NOW - timedelta(hours=1), 70, 3))
    rehearsed = question_row(by_id["why-here"], company, [], NOW)
    assert rehearsed.state == "rehearsed" and "1×" in rehearsed.history and "good" in rehearsed.history
    assert answer_line(by_id["why-here"], company, 140) == ("13 words · ~0:06 (1:00–2:00)", False)
    assert answer_line(by_id["questions-for-us"], company, 140) == ("1 chosen to ask", False)
    company.set_answer("why-here", "word " * 400, NOW)
    assert answer_line(by_id["why-here"], company, 140)[1] is True


def test_the_rehearsal_queue_is_every_due_question_weakest_first():
    from tests.helpers import acme
    from tui.core.notes import Rehearsal
    from tui.core.schedule import rehearsal_queue

    catalog = load_catalog(None)
    company = acme()
    company.interview_at = None
    assert rehearsal_queue(catalog, company, NOW) == [q.id for q in catalog.questions]  # never rehearsed: all due
    for qid in ("why-here", "right-fit", "strengths-weaknesses", "questions-for-us"):
        company.rehearsals.append(Rehearsal(qid, NOW - timedelta(hours=1), 60, 4))
    company.rehearsals.append(Rehearsal("right-fit", NOW - timedelta(minutes=5), 60, 1))  # "again": due now
    # right-fit was rated "again"; why-here's answer was edited (at NOW) after its rehearsal.
    assert rehearsal_queue(catalog, company, NOW) == ["right-fit", "why-here"]

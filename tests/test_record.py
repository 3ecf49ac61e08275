"""The notes model's records behave as the dataclasses they replaced: equality, repr, copies."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime

import pytest

from tui.core.notes import Answer, Ask, ChecklistEntry, Company, Rehearsal


def sample() -> Company:
    company = Company(name="Acme", role="PM", interview_at=datetime(2026, 12, 1, 10))
    company.set_answer("why-here", "Because.", datetime(2026, 11, 27, 9))
    company.checklist["products"] = ChecklistEntry(True, "Robot arms")
    company.asks.append(Ask("What matters most?", "strategy", True))
    company.rehearsals.append(Rehearsal("why-here", datetime(2026, 11, 27, 9), 70, 3))
    return company


def test_equal_by_fields_and_type_and_a_change_shows():
    assert sample() == sample()
    other = sample()
    other.asks[0].chosen = False
    assert sample() != other
    assert Answer("x") != ChecklistEntry()  # a different type is never equal
    assert Answer("x") != ("x", None, {})


def test_defaults_are_fresh_for_every_record():
    one, two = Company(name="A"), Company(name="B")
    one.interviewers.append("Dana")
    one.extra["k"] = 1
    assert two.interviewers == [] and two.extra == {}


def test_repr_reads_like_a_dataclass():
    assert repr(Ask("Why?", "mine")) == "Ask(text='Why?', category='mine', chosen=False, extra={})"


def test_unhashable_like_a_mutable_dataclass():
    with pytest.raises(TypeError):
        hash(Answer("x"))


def test_deep_copies_and_pickles_are_equal_and_separate():
    company = sample()
    for twin in (copy.deepcopy(company), pickle.loads(pickle.dumps(company))):
        assert twin == company
        twin.answers["why-here"].text = "Changed."
        assert company.answer_text("why-here") == "Because."

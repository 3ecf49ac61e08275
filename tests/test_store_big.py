"""Huge answers (an accidental paste of a log): exact round trip through the fast literal-string path."""

from __future__ import annotations

import pytest

from tests.helpers import NOW, acme, make_store
from tui.core import toml_literals
from tui.core.store import company_from, serialize
from tui.core.toml_literals import LITERAL_FROM

LINE = 'INFO 2026-11-26 "quoted" C:\\path\\to\\log ok é 🎉\n'


@pytest.mark.parametrize("text", [
    LINE * (LITERAL_FROM // len(LINE) + 1),
    "\n" + LINE * 2000,
    LINE * 2000 + "ends with a quote'",
    LINE * 2000 + "has ''' inside",
    LINE * 2000 + "has a CR\r\n",
    LINE * 2000 + "has an escape \x1b[0m",
    LINE * 2000 + 'ends with """',
])
def test_long_answers_round_trip_exactly(tmp_path, text):
    company = acme()
    company.set_answer("right-fit", text, NOW)
    data = serialize(company)
    assert company_from(data, tmp_path / "x.toml")[0].answers["right-fit"].text == text


def test_a_long_plain_answer_is_written_as_a_literal_string():
    company = acme()
    company.set_answer("right-fit", LINE * 2000, NOW)
    assert b"text = '''\n" + LINE.encode() in serialize(company)


def test_a_placeholder_lookalike_in_the_text_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(toml_literals, "LITERAL_FROM", 10)
    company = acme()
    company.set_answer("right-fit", '"finale-literal-0000000000000000-0" and more text here', NOW)
    company.set_answer("why-here", "x" * 50, NOW)
    store = make_store(tmp_path)
    loaded = store.create(company)
    again = store.load(loaded.slug).company
    assert again.answers == company.answers

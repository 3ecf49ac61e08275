"""The topic a question to ask covers: the category the user gave it, else the one its words point to."""

from __future__ import annotations

from tui.core import words as w
from tui.core.notes import Ask
from tui.core.packs import Check


def ask_topic(ask: Ask, check: Check) -> str:
    """The topic an ask covers: its category when that names a topic, else inferred from its words."""
    topics: dict[str, list[str]] = dict(check.params.get("topics", {}))
    for name in check.params.get("categories", []):
        topics.setdefault(name, [name])
    category = w.analyse(ask.category).tokens
    for name, entries in topics.items():
        if category and any(w.phrase(e) and (category[0].stem,) in w.phrase(e) for e in [name, *entries]):
            return name
    doc = w.analyse(ask.text)
    scores = {name: len(w.found_entries(doc, list(entries))) for name, entries in topics.items()}
    best = max(scores.values(), default=0)
    return next((name for name, score in scores.items() if score == best), "") if best else ""

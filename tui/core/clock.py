"""The time finale goes by: the real clock, moved by ``FINALE_NOW`` when it is set.

``FINALE_NOW=2026-12-09T10:00`` starts the clock at that moment and lets it
run from there, so a user can see what finale will say after a round has
passed (the debrief, the next round's review) and the end-to-end tests can let
a round pass without waiting for it. A value that is not a date-time is ignored.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

_shift_for: dict[str, timedelta] = {}  # by the variable's text: fixed when first read, so the clock runs on


def _shift() -> timedelta:
    text = os.environ.get("FINALE_NOW", "").strip()
    if not text:
        return timedelta()
    if text not in _shift_for:
        try:
            start = datetime.fromisoformat(text)
        except ValueError:
            start = None
        if start is not None and start.tzinfo is not None:
            start = start.astimezone().replace(tzinfo=None)
        _shift_for[text] = timedelta() if start is None else start - datetime.now()
    return _shift_for[text]


def now() -> datetime:
    return datetime.now() + _shift()

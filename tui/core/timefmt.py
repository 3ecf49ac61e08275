"""Human time phrases: countdowns to the interview and spoken durations."""

from __future__ import annotations

from datetime import datetime


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def countdown(when: datetime | None, now: datetime) -> str:
    """'in 2 days 4 h', 'today 15:00', 'in 25 min', 'was yesterday'; '' with no date."""
    if when is None:
        return ""
    delta = when - now
    seconds = delta.total_seconds()
    day_gap = (when.date() - now.date()).days
    if seconds < 0:
        if day_gap == 0:
            return f"was today {when:%H:%M}"
        if day_gap == -1:
            return "was yesterday"
        return f"was {-day_gap} days ago"
    if seconds < 3600:
        return f"in {max(1, round(seconds / 60))} min" if seconds >= 30 else "now"
    if day_gap == 0:
        return f"today {when:%H:%M}"
    days, rest = divmod(int(seconds), 86400)
    hours = rest // 3600
    if days == 0:
        return f"in {hours} h"
    return f"in {_plural(days, 'day')} {hours} h" if hours else f"in {_plural(days, 'day')}"


def when_text(when: datetime | None) -> str:
    return f"{when:%a %d %b %Y %H:%M}" if when else "no date"


def long_date(when: datetime) -> str:
    """'Tuesday 1 December 2026, 15:00': what a printed page or a cheat sheet should say."""
    return f"{when:%A} {when.day} {when:%B %Y, %H:%M}"


def mmss(seconds: float) -> str:
    total = max(0, int(round(seconds)))
    return f"{total // 60}:{total % 60:02d}"


def parse_when(date_text: str, time_text: str = "") -> datetime | None:
    """The interview date and time a person typed; None when both are blank.

    Raises ValueError with a message that says what to type instead.
    """
    date_text, time_text = date_text.strip(), time_text.strip()
    if not date_text:
        if time_text:
            raise ValueError("Give a date for that time, like 2026-12-01.")
        return None
    try:
        day = datetime.strptime(date_text, "%Y-%m-%d")
    except ValueError:
        raise ValueError(f'"{date_text}" is not a date: type it as YYYY-MM-DD, like 2026-12-01.') from None
    if not time_text:
        return day.replace(hour=9)
    try:
        clock = datetime.strptime(time_text, "%H:%M")
    except ValueError:
        raise ValueError(f'"{time_text}" is not a time: type it as HH:MM in 24 hours, like 15:00.') from None
    return day.replace(hour=clock.hour, minute=clock.minute)

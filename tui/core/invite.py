"""A round from a calendar invite (.ics), read with the icalendar library.

iCalendar's folded lines, escaped text, parameters and time zones (VTIMEZONE,
TZID names, UTC, floating times) are a standard of their own; icalendar reads
them all and is well kept, so finale does not parse them itself. It is
imported only when an invite is read.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from tui.core.bounded import NotRegularFileError, read_regular
from tui.core.notes import ZonedDateTime
from tui.core.record import Record
from tui.core.rounds import Round

MAX_BYTES = 1_000_000  # an invite is a few KB; a mailbox export is not an invite


class InviteError(ValueError):
    """An .ics file finale cannot make a round from: one line saying why."""


class Invite(Record):
    _fields = ("summary", "at", "zone", "people")

    def __init__(self, summary: str, at: datetime | None, zone: str, people: list[str]) -> None:
        self.summary = summary
        self.at = at
        """Local time; a ZonedDateTime that keeps the invite's own offset for the file."""
        self.zone = zone
        """The invite's own time zone as written ("America/New_York", "UTC"), '' for a floating time."""
        self.people = people

    def to_round(self, name: str = "") -> Round:
        return Round(name.strip() or self.summary or "Interview", self.at, list(self.people))


def _person(prop: Any) -> str:  # an icalendar property (icalendar has no types)
    name = str(prop.params.get("CN", "")).strip()
    if name:
        return name
    address = str(prop)
    return address[7:] if address.lower().startswith("mailto:") else address


def read_invite(path: Path) -> Invite:
    """The first event in ``path``; InviteError for anything that is not a usable invite."""
    try:
        data = read_regular(path)
    except NotRegularFileError as error:
        raise InviteError(f"{path}: {error.strerror}") from None
    except OSError as error:
        raise InviteError(f"{path}: cannot read it ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InviteError(f"{path}: {len(data)} bytes is not an invite (over {MAX_BYTES})")
    return parse_invite(data, str(path))


def parse_invite(data: bytes, where: str = "invite") -> Invite:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
    except Exception as error:  # noqa: BLE001 - icalendar raises ValueError, KeyError, IndexError... on broken text
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise InviteError(f"{where}: not a calendar invite ({reason})") from None
    if not events:
        raise InviteError(f"{where}: no event in it (an invite has a BEGIN:VEVENT block)")
    event = events[0]
    try:
        start = event.decoded("DTSTART")
    except Exception:  # noqa: BLE001 - as above: any error from icalendar means no usable start
        raise InviteError(f"{where}: the event has no start time (DTSTART)") from None
    at, zone = _local(start)
    if at is None:
        raise InviteError(f"{where}: the start time is not a date ({' '.join(str(start).split())[:40]})")
    people: list[str] = []
    for key in ("ORGANIZER", "ATTENDEE"):
        found = event.get(key)
        for prop in found if isinstance(found, list) else [found] if found is not None else []:
            who = _person(prop)
            if who and who not in people:
                people.append(who)
    summary = " ".join(str(event.get("SUMMARY", "")).split())
    return Invite(summary, at, zone, people)


def _local(start: object) -> tuple[datetime | None, str]:
    if isinstance(start, datetime):
        if start.tzinfo is None:
            return start, ""  # a floating time: the same clock time wherever the reader is
        zone = getattr(start.tzinfo, "key", None) or start.tzname() or ""
        return ZonedDateTime.of(start), zone
    if isinstance(start, date):
        return datetime.combine(start, time(9, 0)), ""  # an all-day event: the morning, as a typed date is
    return None, ""


def shown(at: datetime | None, zone: str) -> str:
    """'Tue 08 Dec 2026 21:00 CET (15:00 America/New_York in the invite)': local time with its zone."""
    if at is None:
        return "no date"
    local_zone = at.astimezone().tzname() or "local time"
    text = f"{at:%a %d %b %Y %H:%M} {local_zone}"
    original = getattr(at, "original", None)
    if original is not None and zone and original.utcoffset() != at.astimezone().utcoffset():
        text += f" ({original:%H:%M} {zone} in the invite)"
    return text

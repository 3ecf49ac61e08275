"""A short thank-you and follow-up draft after a round, for the user to edit before sending."""

from __future__ import annotations

from datetime import datetime

from tui.core.notes import Company
from tui.core.rounds import Round, past_rounds


def first_name(person: str) -> str:
    """'Dana Lee (VP Product)' -> 'Dana': how a thank-you note greets someone."""
    bare = person.split("(")[0].split(",")[0].strip()
    return bare.split()[0] if bare.split() else person.strip()


def _names(people: list[str]) -> str:
    names = [first_name(p) for p in people if p.strip()]
    if not names:
        return "there"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def round_to_thank(company: Company, now: datetime) -> Round | None:
    """The latest round that has passed, preferring one with a debrief (that is where the details are)."""
    past = past_rounds(company, now)
    debriefed = [r for r in past if r.debrief is not None]
    chosen = debriefed or past
    return chosen[-1] if chosen else None


def _one_thing(one: Round) -> str:
    debrief = one.debrief
    if debrief is None:
        return ""
    for line in [*debrief.asked, *debrief.notes.splitlines()]:
        text = " ".join(line.split()).rstrip(".?!")
        if text:
            return text
    return ""


def draft(company: Company, one: Round) -> str:
    """Plain text: a greeting naming the interviewers, one thing from the conversation, the follow-ups."""
    role = f" for the {company.role} role" if company.role.strip() else ""
    day = f" on {one.at:%A}" if one.at else ""
    lines = [f"Subject: Thank you: {one.title}, {company.name}", "", f"Hi {_names(one.interviewers)},", "",
             f"Thank you for your time{day} talking with me about {company.name}{role}."]
    thing = _one_thing(one)
    if thing:
        lines.append(f'I especially enjoyed our conversation about "{thing}".')
    follow = [" ".join(f.split()) for f in (one.debrief.follow_up if one.debrief else []) if f.strip()]
    if follow:
        lines += ["", "As promised:"] + [f"- {item}" for item in follow]
    lines += ["", "I am excited about the role and look forward to the next steps.", "", "Best regards,", ""]
    return "\n".join(lines)

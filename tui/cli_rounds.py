"""`finale round add`: a round from a calendar invite or from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli_context import resolve


def cmd_round(args: argparse.Namespace) -> int:
    from tui.core.invite import InviteError, read_invite, shown
    from tui.core.rounds import Round, make_explicit
    from tui.core.store import ConflictError
    from tui.core.timefmt import parse_when

    zone = ""
    try:
        if args.ics:
            invite = read_invite(Path(args.ics))
            new, zone = invite.to_round(args.name or ""), invite.zone
        else:
            if not (args.name or "").strip():
                print("finale: give the round a name (--name) or an invite (--ics FILE).", file=sys.stderr)
                return 2
            day, _, clock = (args.at or "").strip().partition(" ")
            new = Round(args.name.strip(), parse_when(day, clock))
        if args.people is not None:
            new.interviewers = [p.strip() for p in args.people.split(",") if p.strip()]
    except (InviteError, ValueError) as error:  # nothing is created
        print(f"finale: {error}", file=sys.stderr)
        return 1
    store, entry = resolve(args)
    if entry is None:
        return 1
    from tui.core.store import NotesError

    try:
        loaded = store.load(entry.slug)  # with the digest a save checks against
    except NotesError as error:
        print(f"finale: {error}", file=sys.stderr)
        return 1
    company = loaded.company
    make_explicit(company)
    company.rounds.append(new)
    try:
        store.save(loaded.slug, company, loaded.digest)
    except ConflictError as error:
        print(f"finale: {error}", file=sys.stderr)
        return 1
    people = f", with {', '.join(new.interviewers)}" if new.interviewers else ""
    print(f'Added round "{new.title}" to {company.name}: {shown(new.at, zone)}{people}.')
    return 0

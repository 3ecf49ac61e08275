"""Prepare's round keys: the rounds list (w), a round's form, the debrief (D), who an ask is for (f).

The core (tui.core.rounds) makes each change; the session counts it and the saver saves it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.atomic import atomic_write, private_dir
from tui.core.progress import chosen_texts, questions_for
from tui.core.review import short
from tui.core.rounds import (
    Debrief,
    Round,
    everyone,
    meant_for,
    people_lines,
    put_round,
    rounds_of,
    set_debrief,
    set_meant_for,
    to_debrief,
)
from tui.core.slug import slugify
from tui.core.timefmt import countdown, when_text
from tui.widgets.asks_editor import AsksEditor

if TYPE_CHECKING:
    from tui.screens.prepare import PrepareScreen


def round_line(one: Round, now) -> str:
    when = f"{when_text(one.at)} ({countdown(one.at, now)})" if one.at else "no date yet"
    people = ", ".join(one.interviewers) or "no interviewers yet"
    done = " · debriefed" if one.debrief is not None else ""
    return f"{one.title} · {when}{done}\n  {people}"


def _changed(screen: PrepareScreen) -> None:
    screen.session.rounds_edited()  # the screen hears it as a change of details: header and rows follow


def open_rounds(screen: PrepareScreen, highlighted: int = 0) -> None:
    from tui.dialogs.rounds_list import RoundsDialog

    company, now = screen.session.company, screen.app.clock()
    lines = [round_line(one, now) for one in rounds_of(company)]

    def chosen(result: tuple[str, int | None] | None) -> None:
        if result is None:
            return
        what, index = result
        if what == "debrief" and index is not None:
            open_debrief(screen, index)
        else:
            edit_round(screen, index)

    screen.app.push_screen(RoundsDialog(f"Rounds · {company.name}", lines, highlighted), chosen)


def edit_round(screen: PrepareScreen, index: int | None) -> None:
    from tui.dialogs.round_form import RoundFormDialog, RoundResult

    company = screen.session.company
    existing = rounds_of(company)
    start = existing[index] if index is not None and index < len(existing) else None

    def save(result: RoundResult | None) -> None:
        if result is not None:
            put_round(company, index, result.round, result.notes)
            _changed(screen)
            kept = rounds_of(company)
            at = index if index is not None else len(kept) - 1
            open_rounds(screen, max(0, at))
        else:
            open_rounds(screen, index or 0)

    people = people_lines(company, start) if start else ""
    screen.app.push_screen(RoundFormDialog(start, people, new=start is None, now=screen.app.clock()), save)


def open_debrief(screen: PrepareScreen, index: int | None = None) -> None:
    """The round at ``index``; without one, the last round that has passed and waits for a debrief."""
    from tui.dialogs.debrief import DebriefDialog

    company, now = screen.session.company, screen.app.clock()
    rounds = rounds_of(company)
    if index is None:
        waiting = to_debrief(company, now)
        past = [i for i, one in enumerate(rounds) if one.at is not None and one.at <= now]
        index = rounds.index(waiting) if waiting is not None else (past[-1] if past else None)
    if index is None:
        screen.app.notify("No round has passed yet: add one with w, or debrief it after it.", title="Debrief")
        return
    one = rounds[index]
    questions = [(q.id, short(q.prompt, 60)) for q in questions_for(screen.app.catalog, company) if not q.asks]
    heading = f"Debrief · {one.title}" + (f" · {when_text(one.at)}" if one.at else "")

    def save(result: Debrief | None) -> None:
        if result is not None:
            set_debrief(company, index, result)
            _changed(screen)
            screen.app.notify("Saved under the round. Its follow-ups lead the next round's review.",
                              title="Debrief")

    screen.app.push_screen(DebriefDialog(one, heading, questions, chosen_texts(company.asks),
                                         lambda debrief: write_draft(screen, one, debrief)), save)


def write_draft(screen: PrepareScreen, one: Round, debrief: Debrief) -> Path:
    """The thank-you draft for ``one`` with the debrief as typed so far, in <data dir>/follow-ups/."""
    from tui.core.follow_up import draft

    company = screen.session.company
    shown = Round(one.name, one.at, list(one.interviewers), debrief)
    folder = private_dir(screen.app.store.root / "follow-ups")
    path = folder / f"{screen.session.slug}-{slugify(one.title) or 'round'}.txt"
    atomic_write(path, draft(company, shown).encode("utf-8"))
    return path


def choose_ask_for(screen: PrepareScreen, index: int) -> None:
    from tui.dialogs.rounds_list import PickDialog

    company = screen.session.company
    editor = screen.query_one(AsksEditor)
    if not 0 <= index < len(editor.asks):
        return
    people = everyone(company)
    if not people:
        screen.app.notify("No interviewers yet: add them to a round with w.", title="Ask whom")
        return
    current = meant_for(editor.asks[index])
    options = [*people, "Anyone (not meant for one person)"]
    at = people.index(current) if current in people else len(people)

    def picked(choice: int | None) -> None:
        if choice is None:
            return
        set_meant_for(editor.asks[index], people[choice] if choice < len(people) else "")
        editor.changed_one(index)

    screen.app.push_screen(PickDialog("Who is this question for?", options, highlighted=at), picked)


def offer_debrief(screen: PrepareScreen) -> None:
    """Opening a company whose round has passed (and has no debrief yet) offers one."""
    company = screen.session.company
    if not company.rounds:  # a company from before rounds opens as it always did
        return
    waiting = to_debrief(company, screen.app.clock())
    if waiting is not None:
        screen.app.notify(f"{waiting.title} has passed: press D to debrief it while you remember.",
                          title="Debrief", timeout=8, markup=False)

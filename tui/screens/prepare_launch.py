"""What the Prepare screen hands the user over to: a rehearsal, the mock close, their own $EDITOR.

Each saves first (what is on screen must be on disk before another screen or
program takes over), then opens the other screen; ratings made there reach the
Prepare screen as changes to the session, which redraws on its return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.rounds import focus_at

if TYPE_CHECKING:
    from tui.core.timebox import Box
    from tui.screens.prepare import PrepareScreen


def rehearse_due(screen: PrepareScreen) -> None:
    from tui.screens.rehearse import plan

    box = plan(screen.session, screen.app, screen.app.clock())
    if not box.queue:
        why = f"{box.overrun.text('This rehearsal')} " if box.overrun is not None else ""
        screen.notify(why + ("Nothing due fits the time left. r rehearses the selected question anyway."
                             if box.left_out else "Nothing is due. r rehearses the selected question anyway."),
                      severity="warning" if why else "information", timeout=10 if why else 6, markup=False)
        return
    start_rehearsal(screen, box.queue, box)


def start_rehearsal(screen: PrepareScreen, queue: list[str], box: Box | None = None) -> None:
    from tui.screens.rehearse import RehearseScreen

    screen.save_now()
    screen.app.push_screen(RehearseScreen(screen.session, queue, box))


def start_mock(screen: PrepareScreen) -> None:
    from tui.core.mock import run_order
    from tui.core.timebox import mock_minutes, overrun
    from tui.screens.mock import MockScreen

    screen.save_now()
    mock = MockScreen(screen.session)
    screen.app.push_screen(mock)
    company, now = screen.session.company, screen.app.clock()
    over = overrun(focus_at(company, now), now, mock_minutes(run_order(screen.app.catalog, company)))
    if over is not None:
        offer_what_fits(screen, mock, over.text("The mock close"), over.fits)


def offer_what_fits(screen: PrepareScreen, mock, why: str, fits: bool) -> None:
    """The mock close would run into the interview: say so over it, and offer the rehearsal that fits."""
    from tui.dialogs.basic import ConfirmDialog

    if not fits:
        screen.notify(why, title="Time box", severity="warning", timeout=12, markup=False)
        return

    def answer(instead: bool | None) -> None:
        if instead:
            mock.dismiss(0)
            rehearse_due(screen)

    screen.app.push_screen(ConfirmDialog(why, "Rehearse the weakest answers that fit instead?",
                                         yes="Rehearse what fits", no="Mock anyway"), answer)


def edit_in_editor(screen: PrepareScreen) -> None:
    from tui.screens.external_editor import edit_externally

    question = screen.question
    if question is None or question.asks:
        screen.notify("Pick a written answer first.", severity="warning")
        return
    screen.save_now()
    session = screen.session
    text = session.company.answer_text(question.id)
    result = edit_externally(screen.app, session.store.root / "tmp", f"{session.slug}-{question.id}-", text)
    new_text = result.text
    if new_text is None:
        return

    def take(discard: bool | None = False) -> None:
        # The screen hears the change and shows the new text (or its preview, if huge).
        if not discard and session.set_answer(question.id, new_text, screen.app.clock()):
            screen.saver.save_now()

    if not result.status:
        take()
        return
    from tui.dialogs.basic import ConfirmDialog

    # Keeping is the default (escape, enter on the focused button): the words were saved by the user.
    screen.app.push_screen(ConfirmDialog(
        f"The editor exited with status {result.status} after saving. Discard what it saved?",
        "Some editors exit this way on a warning. Keep it unless the edit went wrong.",
        yes="Discard", no="Keep it"), take)

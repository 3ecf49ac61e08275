"""Answers to questions no longer in any pack: view each one, keep it as your own question, or delete it.

Opened from the Prepare screen with `o`; the screen tells the user on opening
a company that has such answers. The dialog (tui/dialogs/orphan_answers.py) is
imported when `o` opens it: opening a company pays only for the count.
"""

from __future__ import annotations

from tui.core.orphans import TITLE, orphan_answers


def notify_orphans(screen) -> None:
    """Say on opening a company that it has answers nothing else shows."""
    count = len(orphan_answers(screen.app.catalog, screen.session.company))
    if count:
        screen.notify(f"{count} answer{'s' if count != 1 else ''} to questions no longer in any pack. "
                      "Press o to view, keep or delete them.", title=TITLE, timeout=10)


def open_orphans(screen) -> None:
    """Show the dialog from the Prepare screen and apply what the user decided."""
    orphans = orphan_answers(screen.app.catalog, screen.session.company)
    if not orphans:
        screen.notify("Every answer belongs to a question in a pack or one of yours.", timeout=4)
        return

    def apply(decisions: dict | None) -> None:
        if not decisions:
            return
        screen.session.settle_orphans(decisions)
        screen.refresh_questions()
        screen.edited()

    from tui.dialogs.orphan_answers import OrphanAnswersDialog

    screen.app.push_screen(OrphanAnswersDialog(orphans), apply)

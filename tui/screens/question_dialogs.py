"""The Prepare screen's dialogs that change the notes: a question of your own, deleting it, the details.

Each asks in a modal, then changes the notes through the session (which counts
the edit and has it saved) and tells the screen what to show again. The dialogs are
imported when a key opens one: opening a company does not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.screens.prepare import PrepareScreen


def ask_new_question(screen: PrepareScreen) -> None:
    from tui.dialogs.basic import TextDialog

    def add(prompt: str | None) -> None:
        qid = screen.session.add_custom_question(prompt or "", {q.id for q in screen.questions})
        if qid is None:
            return
        screen.edited()
        screen.refresh_questions(keep=qid)
        screen.question_id = qid

    screen.app.push_screen(TextDialog("Add a question for this company",
                                      placeholder="Why did you leave your last role?"), add)


def confirm_delete_question(screen: PrepareScreen) -> None:
    from tui.dialogs.basic import ConfirmDialog

    question = screen.question
    if question is None or not question.custom:
        screen.notify("This question comes with the pack: only questions you added (a) can be deleted.",
                      severity="warning")
        return
    rehearsed = sum(r.question == question.id for r in screen.session.company.rehearsals)

    def delete(drop_rehearsals: bool) -> None:
        screen.leave_question()
        screen.session.remove_custom_question(question.id, drop_rehearsals)
        screen.refresh_questions()
        screen.edited()

    def confirmed(yes: bool | None) -> None:
        if not yes:
            return
        if not rehearsed:
            delete(False)
            return
        # Asked, not decided for them: the rows are the question's history if it comes back.
        times = "once" if rehearsed == 1 else f"{rehearsed} times"
        screen.app.push_screen(ConfirmDialog(f"Also delete its rehearsal history (rehearsed {times})?",
                                             "Kept, it returns if you add the same question again.",
                                             yes="Delete history", no="Keep history"),
                               lambda drop: delete(bool(drop)))

    screen.app.push_screen(ConfirmDialog("Delete this question and its answer?", question.prompt, yes="Delete"), confirmed)


def edit_details(screen: PrepareScreen) -> None:
    from tui.dialogs.company_form import CompanyForm, CompanyFormDialog

    company = screen.session.company
    form = CompanyForm(company.name, company.role, company.interview_at, list(company.interviewers), list(company.links))

    def save(result: CompanyForm | None) -> None:
        if result is None:
            return
        screen.session.edit_details(result.role, result.interview_at, result.interviewers, result.links)
        screen.refresh_header()
        # The prompts speak the role: a new role rewrites them.
        screen.refresh_questions()
        screen.watch_question_id(screen.question_id)
        screen.edited()

    screen.app.push_screen(CompanyFormDialog(form, new=False, now=screen.app.clock()), save)


def edit_research_note(screen: PrepareScreen, item_id: str) -> None:
    """A research item's note, multi-line, with the offer to tick the item once it has one."""
    from tui.dialogs.note_dialog import NoteDialog, NoteResult

    item = next(i for i in screen.app.catalog.checklist if i.id == item_id)

    def save(result: NoteResult | None) -> None:
        if result is not None and screen.session.annotate_research(item.id, result.note, result.done):
            screen.refresh_checklist()
            screen.edited()

    entry = screen.session.company.entry(item.id)
    screen.app.push_screen(NoteDialog(f"Research: {item.label}", entry.note, entry.done, hint=item.hint), save)

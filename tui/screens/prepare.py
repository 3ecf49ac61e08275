"""The Prepare screen: questions, the answer editor, tips, and the research checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, OptionList, TextArea

from tui.core.orphans import TITLE, orphan_answers
from tui.core.place import Place
from tui.core.progress import unique_question_ids
from tui.core.rounds import focus_round
from tui.core.save_status import SaveState, SaveStatus
from tui.core.session import Change, CompanySession, Part
from tui.saving import Conflict, DiskChanged, SaveMessage, Saver
from tui.screens.conflict_resolution import CONFLICT_BINDINGS, ConflictResolver
from tui.screens.prepare_launch import edit_in_editor, rehearse_due, start_mock, start_rehearsal
from tui.screens.prepare_panes import PaneScreen
from tui.screens.rounds_actions import choose_ask_for, offer_debrief, open_debrief, open_rounds
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.answer_pane import AnswerPane
from tui.widgets.asks_editor import AsksEditor
from tui.widgets.checklist_pane import ChecklistList, ChecklistPane
from tui.widgets.conflict_bar import ConflictBar
from tui.widgets.fit_footer import FitFooter
from tui.widgets.question_list import QuestionList
from tui.widgets.tips_pane import TipsPane

if TYPE_CHECKING:
    from tui.app import FinaleApp


OPENS_A_SCREEN = frozenset({"details", "add_question", "delete_question", "rehearse", "rehearse_due",
                            "mock", "review", "companies", "rounds", "debrief"})
"""Actions whose keys are priority bindings: handled as each key is read, so the words typed
straight after (one SSH packet) wait for the screen they open (tui/typeahead.py)."""


class PrepareScreen(PaneScreen):
    """One company, open for writing. Every change is saved a second after typing stops."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    CSS_PATH = "prepare.tcss"
    BINDINGS = [
        *CONFLICT_BINDINGS,  # first in help while a conflict waits; hidden otherwise
        Binding("escape", "pane('questions')", "Questions"),
        Binding("1", "pane('questions', True)", "Questions pane", show=False, priority=True),
        Binding("2", "pane('answer', True)", "Answer pane", show=False, priority=True),
        Binding("3", "pane('tips', True)", "Tips pane", show=False, priority=True),
        Binding("4", "pane('checklist', True)", "Research pane", show=False, priority=True),
        Binding("t", "toggle_tips", "Tips"),
        Binding("i", "details", "Details", show=False, priority=True),
        Binding("a", "add_question", "Add question", show=False, priority=True),
        Binding("d", "delete_question", "Delete question", show=False, priority=True),
        # Not priority: in the asks pane `o` is the topic of the highlighted question.
        Binding("o", "orphans", "Answers to removed questions", show=False),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+e", "external_editor", "Edit in $EDITOR", show=False, priority=True),
        Binding("r", "rehearse", "Rehearse", priority=True),
        Binding("R", "rehearse_due", "Rehearse due", show=False, priority=True),
        Binding("m", "mock", "Mock close", show=False, priority=True),
        Binding("M", "mark_mock", "Mark for the mock", show=False),
        Binding("v", "review", "Review", priority=True),
        Binding("w", "rounds", "Rounds", show=False, priority=True),
        Binding("D", "debrief", "Debrief a round", show=False, priority=True),
        Binding("c", "companies", "Companies", priority=True),
        Binding("question_mark", "app.help", "Help"),
    ]


    def __init__(self, session: CompanySession) -> None:
        # The starting classes are given here, not toggled in on_mount: each class
        # change on the screen restyles every widget under it before the first frame.
        # The width class too: Textual adds it on the first resize, and until then every pane
        # is laid out (the editor wrapped at a third of its width), so the first frame was
        # drawn, then re-wrapped and drawn again.
        super().__init__(classes=" ".join(["-side-answer", *self._width_class()]))
        self.session = session
        # Both hear every change to the notes: the saver times a save, the screen redraws.
        self.saver = Saver(self, session)
        self._unsubscribe = session.subscribe(self._session_changed)
        self._from_editor = False  # the change being announced came from the editor: it shows it already
        self._rows_stale = False  # rehearsals were rated on a screen above: the rows wait for its return
        self.conflicts = ConflictResolver(self)
        # Now, before anything lists the questions (the footer asking which keys apply does):
        # listing them renames a repeated id silently, and the user must be told.
        self._renamed = unique_question_ids(self.app.catalog, session.company)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        yield ConflictBar(id="conflict-bar")
        with Horizontal(id="body"):
            yield QuestionList(id="questions")
            yield AnswerPane(self.app.settings.cursor_blink, id="answer-pane")
            yield TipsPane(id="tips")
            yield ChecklistPane(id="checklist")
        yield FitFooter()

    def on_mount(self) -> None:
        for message in self._renamed:
            self.notify(message, title="Repeated question id", severity="warning", timeout=20, markup=False)
        self.query_one("#questions", QuestionList).border_title = "Questions"
        self.query_one("#tips", TipsPane).border_title = "Tips"
        self.query_one("#checklist", ChecklistPane).border_title = "Research"
        self.refresh_header()
        place = self.app.places.get(self.session.slug)
        if place is not None:  # back to this company in the same session: where the user was
            self.answer_pane.cursors = dict(place.cursors)
            self.side = place.side
        self.refresh_questions(keep=place.question_id if place else None)
        self.refresh_checklist()
        self.app.last_company = self.session.slug
        self.set_interval(60, self.refresh_header)
        self.saver.start()
        self.conflicts.opened()  # copies and recovery files left by an earlier session
        self.query_one("#questions", QuestionList).focus()
        self._notify_orphans()
        offer_debrief(self)

    def _notify_orphans(self) -> None:
        """Say on opening a company that it has answers nothing else shows (o views them)."""
        if count := len(orphan_answers(self.app.catalog, self.session.company)):
            self.notify(f"{count} answer{'s' if count != 1 else ''} to questions no longer in any pack. "
                        "Press o to view, keep or delete them.", title=TITLE, timeout=10, markup=False)

    def action_rounds(self) -> None:
        open_rounds(self)

    def action_debrief(self) -> None:
        open_debrief(self)

    @on(AsksEditor.ChooseFor)
    def _ask_for(self, event: AsksEditor.ChooseFor) -> None:
        choose_ask_for(self, event.index)

    # -- the selected question -------------------------------------------

    @on(OptionList.OptionHighlighted, "#questions")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id and event.option_id != self.question_id:
            self.hand_over_text()
            self.saver.save_soon(0)
            self.question_id = event.option_id

    @on(OptionList.OptionSelected, "#questions")
    def _question_chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pane("answer")

    # -- editing ---------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _answer_changed(self) -> None:
        self.hand_over_text()

    def hand_over_text(self) -> None:
        """Move the editor's text into the notes (it is the one copy that is newer).

        Called on every change in the editor, and before anything saves or reloads
        (``save_now``, a question left, ``DiskChanged``, quitting): the editor's last
        keys may still wait in its ``Changed`` message, and the session never asks for them.
        """
        if not self.question_id or self.asks_open or not self.is_mounted or self.answer_pane.editor.read_only:
            return  # a huge answer shows a read-only preview: the notes keep the whole text
        text = self.answer_pane.answer_text()
        self._from_editor = True
        try:
            self.session.set_answer(self.question_id, text, self.app.clock())
        finally:  # even if a listener raised: a later change from elsewhere must be drawn
            self._from_editor = False

    @on(AsksEditor.Changed)
    def _asks_changed(self, event: AsksEditor.Changed) -> None:
        self.session.set_asks(event.asks)

    @on(ChecklistList.Toggle)
    def _toggle_item(self, event: ChecklistList.Toggle) -> None:
        self.session.toggle_research(event.item_id)

    @on(ChecklistList.EditNote)
    def _edit_note(self, event: ChecklistList.EditNote) -> None:
        """A research item's note, multi-line, with the offer to tick the item once it has one."""
        from tui.dialogs.note_dialog import NoteDialog, NoteResult

        item = next(i for i in self.app.catalog.checklist if i.id == event.item_id)

        def save(result: NoteResult | None) -> None:
            if result is not None:
                self.session.annotate_research(item.id, result.note, result.done)

        entry = self.session.company.entry(item.id)
        self.app.push_screen(NoteDialog(f"Research: {item.label}", entry.note, entry.done, hint=item.hint), save)

    def _session_changed(self, change: Change) -> None:
        """The one place that decides what to draw again after the notes changed, whoever changed them."""
        part = change.part
        if part is not Part.ANSWER:
            self._checked = None  # the coach reads the details, the asks, the other answers too
        if part in (Part.REPLACED, Part.CONFLICT):  # at once: a key already on its way must meet the new text
            self._show_all()
            editor = self.focused
            if part is Part.CONFLICT and isinstance(editor, TextArea):
                editor.move_cursor(editor.document.end)  # keys in flight land after the file's text, not in a word
            return
        if part is Part.REHEARSALS:
            self._rows_stale = True  # rated on the screen above: the rows follow when it closes
            return
        if part is Part.DETAILS:
            self.refresh_header()
            self.refresh_questions()  # the prompts speak the role: a new role rewrites them
            self.watch_question_id(self.question_id)
        elif part is Part.QUESTIONS:
            self.refresh_questions(keep=change.question_id or None)
            if change.question_id and change.question_id != self.question_id:
                self.question_id = change.question_id
        elif part is Part.RESEARCH:
            self.refresh_checklist()
        elif part is Part.ASKS and (question := self.question):
            self.query_one("#questions", QuestionList).update_row(self._row(question))
        elif part is Part.ANSWER and not self._from_editor and change.question_id == self.question_id:
            self.watch_question_id(self.question_id)  # from elsewhere ($EDITOR): the editor shows it
        self._check_soon()
        self._refresh_status()

    # -- saving: the session decides, the saver times it, these show it ------

    @on(DiskChanged)
    def _disk_changed(self) -> None:
        self.hand_over_text()  # first: the reload sets aside whatever the notes hold now
        self.saver.reload()

    def save_now(self) -> SaveStatus:
        """Save at once (ctrl+s, before another screen or program takes over): the editor's text first."""
        self.hand_over_text()
        return self.saver.save_now()

    @on(SaveMessage)
    def _save_news(self, event: SaveMessage) -> None:
        if (notice := event.notice) is not None:
            self.app.notify(notice.message, title=notice.title, severity=notice.severity, timeout=notice.timeout,
                            markup=False, shorter=notice.shorter, topic=notice.topic)
        if isinstance(event, Conflict):
            self.conflicts.arrived()
        self._refresh_status()  # also after a reload: one that saved what was typed meanwhile changes nothing else
        if event.reloaded:
            return  # _session_changed showed the new notes at once; again here would drop a key typed since
        if question := self.question:
            self.query_one("#questions", QuestionList).update_row(self._row(question))

    def action_conflict(self, choice: str) -> None:
        self.conflicts.act(choice)

    def action_save(self) -> None:
        if self.save_now().state is SaveState.SAVED:
            self.app.notify("Saved.", timeout=2, topic="saving")

    # -- questions you add, details: each asks in a dialog, then edits through the session ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "pane":
            # Priority bindings (handled as the key arrives, so `2` `4` in one burst reaches the
            # research), except where the digit is text: an answer being typed, any text field.
            if isinstance(focused, AnswerEditor):
                return focused.navigating
            return not isinstance(focused, (Input, TextArea))
        if action in OPENS_A_SCREEN and isinstance(focused, (Input, TextArea)):
            return False  # a letter typed in an answer is text; elsewhere it opens its screen at once
        if action == "conflict":
            return self.conflicts.pending
        return True

    # -- dialogs: each hands its answer to one session method, which announces the change (the
    # saver saves it, _session_changed draws it); each is imported when its key opens it.

    def action_add_question(self) -> None:
        from tui.dialogs.basic import TextDialog

        def add(prompt: str | None) -> None:
            # A new question is there to be answered: its editor takes the keys that follow, which
            # on the list would be commands (the `r` of "our" started a rehearsal of an empty answer).
            if self.session.add_custom_question(prompt or "", {q.id for q in self.questions}):
                self.action_pane("answer")

        self.app.push_screen(TextDialog("Add a question for this company",
                                        placeholder="Why did you leave your last role?"), add)

    def action_delete_question(self) -> None:
        from tui.dialogs.basic import ConfirmDialog

        question = self.question
        if question is None or not question.custom:
            self.notify("This question comes with the pack: only questions you added (a) can be deleted.",
                        severity="warning")
            return
        rehearsed = sum(r.question == question.id for r in self.session.company.rehearsals)

        def delete(drop_rehearsals: bool) -> None:
            self.leave_question()
            self.session.remove_custom_question(question.id, drop_rehearsals)

        def confirmed(yes: bool | None) -> None:
            if yes and not rehearsed:
                delete(False)
            elif yes:  # asked, not decided for them: the rows are its history if it comes back
                times = "once" if rehearsed == 1 else f"{rehearsed} times"
                self.app.push_screen(ConfirmDialog(f"Also delete its rehearsal history (rehearsed {times})?",
                                                   "Kept, it returns if you add the same question again.",
                                                   yes="Delete history", no="Keep history"),
                                     lambda drop: delete(bool(drop)))

        self.app.push_screen(ConfirmDialog("Delete this question and its answer?", question.prompt, yes="Delete"),
                             confirmed)

    def action_details(self) -> None:
        from tui.dialogs.company_form import CompanyForm, CompanyFormDialog

        company = self.session.company
        # With rounds, the date and the interviewers here are the next round's.
        focus = focus_round(company, self.app.clock()) if company.rounds else None
        at, people = (focus.at, focus.interviewers) if focus else (company.interview_at, company.interviewers)
        form = CompanyForm(company.name, company.role, at, list(people), list(company.links))

        def save(result: CompanyForm | None) -> None:
            if result is None:
                return
            if focus is not None:
                focus.at, focus.interviewers = result.interview_at, list(result.interviewers)
                self.session.edit_details(result.role, company.interview_at, company.interviewers, result.links)
            else:
                self.session.edit_details(result.role, result.interview_at, result.interviewers, result.links)

        self.app.push_screen(CompanyFormDialog(form, new=False, now=self.app.clock()), save)

    def action_orphans(self) -> None:
        """Answers to questions no pack has any more: keep each as a question of yours, or delete it."""
        from tui.dialogs.orphan_answers import OrphanAnswersDialog

        orphans = orphan_answers(self.app.catalog, self.session.company)
        if not orphans:
            self.notify("Every answer belongs to a question in a pack or one of yours.", timeout=4)
            return

        def settle(decisions: dict[str, str] | None) -> None:
            if decisions:
                self.session.settle_orphans(decisions)

        self.app.push_screen(OrphanAnswersDialog(orphans), settle)

    def leave_question(self) -> None:
        """Before a question goes: the editor still holds its answer, so leave it first."""
        self.hand_over_text()
        self.question_id = ""

    def action_external_editor(self) -> None:
        edit_in_editor(self)

    def action_rehearse(self) -> None:
        if (question := self.question) is not None:
            start_rehearsal(self, [question.id])

    def action_rehearse_due(self) -> None:
        rehearse_due(self)

    def action_mock(self) -> None:
        start_mock(self)

    def action_mark_mock(self) -> None:
        if self.question is not None:
            self.notify(self.session.toggle_mock_mark(self.question.id), timeout=5, markup=False)

    def action_review(self) -> None:
        self.hand_over_text()
        self.saver.save_soon(0)
        self.app.show_review(self.session.company)

    def action_companies(self) -> None:
        status = self.save_now()
        if self.session.dirty:
            self.notify(f"Staying here: {status.text}", severity="error", markup=False)
            return
        self.remember_place()
        self.app.show_picker()

    def remember_place(self) -> None:
        self.app.places[self.session.slug] = Place(self.question_id, self.side, self.answer_pane.remember_cursor())

    def on_unmount(self) -> None:
        self.saver.stop()
        self._unsubscribe()
        self.app.close_session(self.session)

    def on_screen_resume(self) -> None:
        if self._rows_stale:
            self._rows_stale = False
            self.refresh_questions()
        if self.question_id:
            self._refresh_status()

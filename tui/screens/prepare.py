"""The Prepare screen: questions, the answer editor, tips, and the research checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, OptionList, TextArea

from tui.core.checks import CheckContext, CheckResult, run_checks
from tui.core.packs import Question
from tui.core.progress import questions_for, starters_in_role, unique_question_ids
from tui.core.rows import QuestionRow, answer_line, question_row
from tui.core.sanitize import for_terminal
from tui.core.save_status import SaveState
from tui.core.session import CompanySession
from tui.core.timefmt import countdown
from tui.saving import Conflict, SaveMessage, Saver, Stoppable
from tui.screens.conflict_resolution import CONFLICT_BINDINGS, ConflictResolver
from tui.screens.orphans import notify_orphans, open_orphans
from tui.screens.prepare_launch import edit_in_editor, rehearse_due, start_mock, start_rehearsal
from tui.screens.prepare_panes import PaneScreen
from tui.screens.question_dialogs import ask_new_question, confirm_delete_question, edit_details, edit_research_note
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.answer_pane import AnswerPane
from tui.widgets.asks_editor import AsksEditor
from tui.widgets.check_list import CheckList
from tui.widgets.checklist_pane import ChecklistList, ChecklistPane
from tui.widgets.conflict_bar import ConflictBar
from tui.widgets.fit_footer import FitFooter
from tui.widgets.question_list import QuestionList
from tui.widgets.tips_pane import TipsPane

if TYPE_CHECKING:
    from tui.app import FinaleApp

CHECK_SECONDS = 0.4


OPENS_A_SCREEN = frozenset({"details", "add_question", "delete_question", "rehearse", "rehearse_due",
                            "mock", "review", "companies"})
"""Actions whose keys are priority bindings: handled as each key is read, so the words typed
straight after (one SSH packet) wait for the screen they open (tui/typeahead.py)."""


class PrepareScreen(PaneScreen):
    """One company, open for writing. Every change is saved a second after typing stops."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    CSS_PATH = "prepare.tcss"
    # From 100 columns the tips fit beside the answer; from 140 the research joins them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
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
        self.saver = Saver(self, session, schedule=self._after)
        session.collect = self._take_editor_text
        self._check_timer: Stoppable | None = None
        self._tip_highlight = self._coach_said = ""
        self.conflicts = ConflictResolver(self)
        # Now, before anything lists the questions (the footer asking which keys apply does):
        # listing them renames a repeated id silently, and the user must be told.
        self._renamed = unique_question_ids(self.app.catalog, session.company)

    # -- layout ----------------------------------------------------------

    def _width_class(self) -> set[str]:
        from textual._context import active_app

        try:
            width = active_app.get().size.width
        except LookupError:  # built outside a running app
            return set()
        return self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS)

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
            self.notify(message, title="Repeated question id", severity="warning", timeout=20)
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
        self.conflicts.scan()  # copies left by an earlier session
        self.query_one("#questions", QuestionList).focus()
        notify_orphans(self)

    def action_orphans(self) -> None:
        open_orphans(self)

    @property
    def questions(self) -> list[Question]:
        return questions_for(self.app.catalog, self.session.company)

    @property
    def question(self) -> Question | None:
        return next((q for q in self.questions if q.id == self.question_id), None)

    @property
    def answer_pane(self) -> AnswerPane:
        return self.query_one("#answer-pane", AnswerPane)

    @property
    def asks_open(self) -> bool:
        """Whether the selected question is the list of questions to ask (an AsksEditor, not a TextArea)."""
        question = self.question
        return question is not None and question.asks

    def _results(self, question: Question) -> list[CheckResult]:
        company = self.session.company
        ctx = CheckContext.of(self.app.catalog, company, self.app.settings.words_per_minute)
        return run_checks(question, company.answer_text(question.id), ctx)

    def _row(self, question: Question, results: list[CheckResult] | None = None) -> QuestionRow:
        if results is None:
            results = self._results(question)
        return question_row(question, self.session.company, results, self.app.clock(), self.app.settings.quiet)

    def refresh_questions(self, keep: str | None = None) -> None:
        listing = self.query_one("#questions", QuestionList)
        listing.show_rows([self._row(q) for q in self.questions], keep or self.question_id or None)
        if listing.highlighted_id and listing.highlighted_id != self.question_id:
            self.question_id = listing.highlighted_id

    def refresh_checklist(self) -> None:
        self.query_one("#checklist", ChecklistPane).show(self.app.catalog.checklist, self.session.company.checklist)

    def refresh_header(self) -> None:
        company = self.session.company
        self.title = for_terminal(company.name, one_line=True)
        parts = [company.role, countdown(company.interview_at, self.app.clock())]
        self.sub_title = for_terminal(" · ".join(p for p in parts if p), one_line=True)

    # -- panes -----------------------------------------------------------

    @on(AnswerEditor.PaneKey)
    def _editor_pane_key(self, event: AnswerEditor.PaneKey) -> None:
        self.action_pane(event.pane, by_key=True)  # type: ignore[arg-type]

    @on(AnswerEditor.Leave)
    def _leave_editor(self) -> None:
        self.action_pane("questions")

    # -- the selected question -------------------------------------------

    @on(OptionList.OptionHighlighted, "#questions")
    def _question_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id and event.option_id != self.question_id:
            self.saver.save_soon(0)
            self.question_id = event.option_id

    @on(OptionList.OptionSelected, "#questions")
    def _question_chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pane("answer")

    def watch_question_id(self, question_id: str) -> None:
        question = self.question
        if question is None:
            return
        company = self.session.company
        editor_focused = self.focused is self.answer_pane.editor
        self.answer_pane.show_question(question, company.answer_text(question_id), company.asks,
                                       starters_in_role(self.app.catalog, company.role))
        if editor_focused and question.asks:  # never leave focus (and typing) in an editor that is hidden
            self.set_focus(self.query_one("#asks-list"))
        self._tip_highlight = self._coach_said = ""
        self._refresh_tips()
        self._refresh_checks()
        self._refresh_status()

    def _refresh_checks(self) -> None:
        """Run the coach on the current answer; the list and the question's row follow."""
        question = self.question
        if question is None:
            return
        results = self._results(question)  # once: the coach is the dearest part of a row
        self.answer_pane.show_checks(results)
        self.query_one("#questions", QuestionList).update_row(self._row(question, results))

    def _check_soon(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self._after(CHECK_SECONDS, self._refresh_checks)

    def _after(self, delay: float, callback: Callable[[], object]) -> Stoppable:
        """A one-shot timer; through the app's ``schedule`` when a test gives it a fake clock."""
        return (self.app.schedule or self.set_timer)(delay, callback)

    @on(CheckList.ShowTip)
    def _show_tip(self, event: CheckList.ShowTip) -> None:
        self._tip_highlight, self._coach_said = event.tip, event.message
        self._refresh_tips()
        if event.reveal:
            if self.tips_beside:
                self.tips_open = True
            else:
                self.side = "tips"

    def _refresh_status(self) -> None:
        if (question := self.question) is not None:
            text, over = answer_line(question, self.session.company, self.app.settings.words_per_minute)
            self.answer_pane.show_status(text, over, self.session.status)
        notices = self.session.store.notices
        while notices:
            self.notify(notices.pop(0), severity="warning", timeout=20)  # a file kept aside, a folder made again

    # -- editing ---------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _answer_changed(self) -> None:
        self._take_editor_text()

    def _take_editor_text(self) -> None:
        """Move the editor's text into the notes (it is the one copy that is newer)."""
        if not self.question_id or self.asks_open or not self.is_mounted or self.answer_pane.editor.read_only:
            return  # a huge answer shows a read-only preview: the notes keep the whole text
        text = self.answer_pane.answer_text()
        if self.session.set_answer(self.question_id, text, self.app.clock()):
            self.edited()

    @on(AsksEditor.Changed)
    def _asks_changed(self, event: AsksEditor.Changed) -> None:
        self.session.set_asks(event.asks)
        self.edited()
        if question := self.question:
            self.query_one("#questions", QuestionList).update_row(self._row(question))

    @on(ChecklistList.Toggle)
    def _toggle_item(self, event: ChecklistList.Toggle) -> None:
        self.session.toggle_research(event.item_id)
        self.refresh_checklist()
        self.edited()

    @on(ChecklistList.EditNote)
    def _edit_note(self, event: ChecklistList.EditNote) -> None:
        edit_research_note(self, event.item_id)

    def edited(self) -> None:
        """After an edit: the session has counted it and the saver timed it; the screen shows it."""
        self._check_soon()
        self._refresh_status()

    # -- saving: the session decides, the saver times it, these show it ------

    @on(SaveMessage)
    def _save_news(self, event: SaveMessage) -> None:
        if (notice := event.notice) is not None:
            self.notify(notice.message, title=notice.title, severity=notice.severity, timeout=notice.timeout)
        if isinstance(event, Conflict):
            self.conflicts.arrived()
        if event.reloaded:
            return  # the saver's on_replaced showed the new notes at once; again here would drop a key typed since
        self._refresh_status()
        if question := self.question:
            self.query_one("#questions", QuestionList).update_row(self._row(question))

    def action_conflict(self, choice: str) -> None:
        self.conflicts.act(choice)

    def _show_disk_version(self) -> None:
        self.refresh_header()
        self.refresh_questions()
        self.refresh_checklist()
        self.watch_question_id(self.question_id)

    def action_save(self) -> None:
        if self.saver.save_now().state is SaveState.SAVED:
            self.notify("Saved.", timeout=2)

    # -- questions you add, details: each asks in a dialog, then edits through the session ---

    def action_add_question(self) -> None:
        ask_new_question(self)

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
        if action == "delete_question":
            question = self.question
            return bool(question and question.custom)
        return True

    def action_delete_question(self) -> None:
        confirm_delete_question(self)

    def action_details(self) -> None:
        edit_details(self)

    def leave_question(self) -> None:
        """Before a question goes: the editor still holds its answer, so leave it first."""
        self._take_editor_text()
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
            self.notify(self.session.toggle_mock_mark(self.question.id), timeout=5)

    def action_review(self) -> None:
        self.saver.save_soon(0)
        self.app.show_review(self.session.company)

    def action_companies(self) -> None:
        status = self.saver.save_now()
        if self.session.dirty:
            self.notify(f"Staying here: {status.text}", severity="error")
            return
        self.remember_place()
        self.app.show_picker()

    def remember_place(self) -> None:
        from tui.core.place import Place

        self.app.places[self.session.slug] = Place(self.question_id, self.side, self.answer_pane.remember_cursor())

    def on_unmount(self) -> None:
        self.app.close_session(self.session)

    def on_screen_resume(self) -> None:
        if self.question_id:
            self._refresh_status()

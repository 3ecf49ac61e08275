"""The Prepare screen: questions, the answer editor, tips, and the research checklist."""

from __future__ import annotations

import os
import subprocess

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header, OptionList, Static, TextArea

from tui.core.checks import CheckContext, CheckResult, run_checks
from tui.core.external_edit import edit_externally
from tui.core.packs import Question
from tui.core.progress import questions_for, unique_question_ids
from tui.core.sanitize import for_terminal
from tui.core.schedule import due_text, sparkline, status
from tui.core.save_status import SaveState
from tui.core.session import CompanySession
from tui.core.speech import band, speaking_seconds, target_text, word_count
from tui.core.timefmt import countdown, mmss
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.asks_editor import AsksEditor
from tui.widgets.check_list import CheckList
from tui.widgets.checklist_pane import ChecklistList, ChecklistPane
from tui.widgets.question_list import QuestionList, QuestionRow
from tui.saving import Conflict, Reloaded, Saved, SaveFailed, Saver
from tui.widgets.tips_pane import TipsPane
from tui.widgets.fit_footer import FitFooter
from tui.screens.conflict_resolution import CONFLICT_BINDINGS, ConflictResolver
from tui.widgets.conflict_bar import ConflictBar

ASKS_QUESTION = "questions-for-us"
CHECK_SECONDS = 0.4


class PrepareScreen(Screen):
    """One company, open for writing. Every change is saved a second after typing stops."""

    CSS_PATH = "prepare.tcss"
    # From 100 columns the tips fit beside the answer; from 140 the research joins them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    BINDINGS = [
        *CONFLICT_BINDINGS,  # first in help while a conflict waits; hidden otherwise
        Binding("escape", "pane('questions')", "Questions"),
        Binding("1", "pane('questions', True)", "Questions pane", show=False),
        Binding("2", "pane('answer', True)", "Answer pane", show=False),
        Binding("3", "pane('tips', True)", "Tips pane", show=False),
        Binding("4", "pane('checklist', True)", "Research pane", show=False),
        Binding("t", "toggle_tips", "Tips"),
        Binding("i", "details", "Details", show=False),
        Binding("a", "add_question", "Add question", show=False),
        Binding("d", "delete_question", "Delete question", show=False),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+e", "external_editor", "Edit in $EDITOR", show=False, priority=True),
        Binding("r", "rehearse", "Rehearse"),
        Binding("R", "rehearse_due", "Rehearse due", show=False),
        Binding("m", "mock", "Mock close", show=False),
        Binding("M", "mark_mock", "Mark for the mock", show=False),
        Binding("v", "review", "Review"),
        Binding("c", "companies", "Companies"),
        Binding("question_mark", "app.help", "Help"),
    ]

    # var, not reactive: a reactive on a Screen repaints the whole screen when it
    # changes (8 KB a second over SSH while the timer ran); watchers update the widgets.
    side: var[str] = var("answer", init=False)
    """In a narrow terminal, the pane shown beside the question list: answer, tips or checklist."""
    tips_open: var[bool] = var(True, init=False)
    """In a wide terminal, whether the tips column is shown."""
    question_id: var[str] = var("", init=False)
    """The question whose answer is in the editor."""

    def __init__(self, session: CompanySession) -> None:
        # The starting classes are given here, not toggled in on_mount: each class
        # change on the screen restyles every widget under it before the first frame.
        super().__init__(classes="-side-answer")
        self.session = session
        self.saver = Saver(self, session)
        session.collect = self._take_editor_text
        self._check_timer: Timer | None = None
        self._tip_highlight = ""
        self._tips_shown: tuple[str, str] | None = None
        self._status_line = ""
        self._editor_holds = ""  # the question whose text is in the editor
        self.cursors: dict[str, tuple[int, int]] = {}
        """Where the cursor was in each answer, for this session."""
        self.conflicts = ConflictResolver(self)

    # -- layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        yield ConflictBar(id="conflict-bar")
        with Horizontal(id="body"):
            yield QuestionList(id="questions")
            with Vertical(id="answer-pane"):
                yield Static("", id="prompt")
                with ContentSwitcher(id="editors", initial="answer"):
                    yield AnswerEditor(id="answer", soft_wrap=True, show_line_numbers=False,
                                       tab_behavior="focus", compact=True)
                    yield AsksEditor(id="asks")
                yield CheckList(id="checks")
                yield Static("", id="answer-status")
            yield TipsPane(id="tips")
            yield ChecklistPane(id="checklist")
        yield FitFooter()

    def on_mount(self) -> None:
        for message in unique_question_ids(self.app.catalog, self.session.company):
            self.notify(message, title="Repeated question id", severity="warning", timeout=20)
        editor = self.query_one("#answer", TextArea)
        # Set before the editor ever has focus: a blink that starts is hard to stop
        # cleanly, and every blink is bytes on an SSH link.
        editor.cursor_blink = self.app.settings.cursor_blink
        self.query_one("#questions", QuestionList).border_title = "Questions"
        self.query_one("#tips", TipsPane).border_title = "Tips"
        self.query_one("#checklist", ChecklistPane).border_title = "Research"
        self._refresh_header()
        place = self.app.places.get(self.session.slug)
        if place is not None:  # back to this company in the same session: where the user was
            self.cursors = dict(place.cursors)
            self.side = place.side
        self._refresh_questions(keep=place.question_id if place else None)
        self._refresh_checklist()
        self.app.last_company = self.session.slug
        self.set_interval(60, self._refresh_header)
        self.saver.start()
        self.conflicts.scan()  # copies left by an earlier session
        self.query_one("#questions", QuestionList).focus()

    @property
    def questions(self) -> list[Question]:
        return questions_for(self.app.catalog, self.session.company)

    @property
    def question(self) -> Question | None:
        return next((q for q in self.questions if q.id == self.question_id), None)

    def _results(self, question: Question) -> list[CheckResult]:
        company = self.session.company
        ctx = CheckContext.of(self.app.catalog, company, self.app.settings.words_per_minute)
        return run_checks(question, company.answer_text(question.id), ctx)

    def _row(self, question: Question) -> QuestionRow:
        company = self.session.company
        results = self._results(question)
        ready = f"✓{sum(r.passed for r in results)}/{len(results)}" if results else ""
        if question.id == ASKS_QUESTION:
            chosen = sum(a.chosen for a in company.asks)
            state = "empty" if not chosen else "drafted"
            done = status(company, question.id, self.app.clock(), self.app.settings.quiet)
            return QuestionRow(question.id, question.prompt, state, chosen, ready, question.custom, unit="chosen",
                               history=self._history(done))
        text = company.answer_text(question.id)
        words = word_count(text)
        done = status(company, question.id, self.app.clock(), self.app.settings.quiet)
        state = "empty" if not text.strip() else ("rehearsed" if done.count else "drafted")
        return QuestionRow(question.id, question.prompt, state, words, ready, question.custom,
                           history=self._history(done))

    def _history(self, done) -> str:
        if not done.count:
            return ""
        return f"{due_text(done.due, self.app.clock())} · {done.count}× · {done.last_label} {sparkline(done.times)}"

    def _refresh_questions(self, keep: str | None = None) -> None:
        listing = self.query_one("#questions", QuestionList)
        listing.show_rows([self._row(q) for q in self.questions], keep or self.question_id or None)
        if listing.highlighted_id and listing.highlighted_id != self.question_id:
            self.question_id = listing.highlighted_id

    def _refresh_checklist(self) -> None:
        self.query_one("#checklist", ChecklistPane).show(self.app.catalog.checklist, self.session.company.checklist)

    def _refresh_header(self) -> None:
        company = self.session.company
        self.title = for_terminal(company.name, one_line=True)
        parts = [company.role, countdown(company.interview_at, self.app.clock())]
        self.sub_title = for_terminal(" · ".join(p for p in parts if p), one_line=True)

    # -- panes -----------------------------------------------------------

    def watch_side(self, side: str) -> None:
        for name in ("answer", "tips", "checklist"):
            self.set_class(side == name, f"-side-{name}")
        self._refresh_tips()

    def watch_tips_open(self, open_: bool) -> None:
        self.set_class(not open_, "-tips-hidden")
        self._refresh_tips()

    @property
    def tips_beside(self) -> bool:
        """True when the tips sit beside the answer (100 columns and up), shown or hidden with t."""
        return self.has_class("-wide") or self.has_class("-medium")

    @property
    def tips_visible(self) -> bool:
        if self.has_class("-wide"):
            return self.tips_open
        if self.has_class("-medium"):
            return self.tips_open and self.side != "checklist"
        return self.side == "tips"

    def _refresh_tips(self) -> None:
        """Render the tips only when they can be seen.

        Markdown becomes a widget per block; building them for a hidden pane
        cost a third of the first frame at 80x24.
        """
        if not self.is_mounted or not self.tips_visible:
            return
        shown = (self.question_id, self._tip_highlight)
        if shown != self._tips_shown:
            self._tips_shown = shown
            self.query_one("#tips", TipsPane).show(self.question, highlight=self._tip_highlight)

    def on_resize(self) -> None:
        # Crossing the wide breakpoint can reveal the tips column.
        self.call_after_refresh(self._refresh_tips)

    def action_pane(self, name: str, by_key: bool = False) -> None:
        # A pane key leaves the editor ready for another pane key; enter on a question does not.
        self.query_one("#answer", AnswerEditor).navigating = by_key and name == "answer"
        if name == "questions":
            self.query_one("#questions").focus()
            return
        self.side = name
        if name == "tips":
            self.tips_open = True
        target = {
            "answer": "#asks-list" if self.question_id == ASKS_QUESTION else "#answer",
            "tips": "#tips",
            "checklist": "#checklist-list",
        }[name]
        widget = self.query_one(target)
        # Focus synchronously when the pane is already visible: keys typed straight
        # after enter must land in the editor, not race a queued focus change. A pane
        # that was hidden until now needs a refresh before it can take focus.
        if widget.display and widget.parent is not None and widget.parent.display:
            self.set_focus(widget)
        self.call_after_refresh(widget.focus)

    @on(AnswerEditor.PaneKey)
    def _editor_pane_key(self, event: AnswerEditor.PaneKey) -> None:
        self.action_pane(event.pane, by_key=True)

    @on(AnswerEditor.Leave)
    def _leave_editor(self) -> None:
        self.action_pane("questions")

    def action_toggle_tips(self) -> None:
        if self.tips_beside:
            self.tips_open = not self.tips_open
        else:
            self.side = "answer" if self.side == "tips" else "tips"

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
        self.query_one("#prompt", Static).update(for_terminal(question.prompt))
        switcher = self.query_one("#editors", ContentSwitcher)
        if question_id == ASKS_QUESTION:
            switcher.current = "asks"
            self.query_one("#asks", AsksEditor).show(self.session.company.asks, self.app.catalog.asks)
        else:
            switcher.current = "answer"
            editor = self.query_one("#answer", AnswerEditor)
            self._remember_cursor()
            editor.placeholder = (f"Empty. What they are testing: {question.why_they_ask}\n"
                                  "Lines starting with - become your talking points.")
            editor.load_text(self.session.company.answer_text(question_id))
            # Back where the user left this answer; the end on a first visit, to add to it.
            editor.move_cursor(self.cursors.get(question_id, editor.document.end))
            self._editor_holds = question_id
        self._tip_highlight = ""
        self._refresh_tips()
        self._refresh_checks()
        self._refresh_status()

    def _remember_cursor(self) -> None:
        if self._editor_holds:
            self.cursors[self._editor_holds] = self.query_one("#answer", AnswerEditor).cursor_location

    def _refresh_checks(self) -> None:
        """Run the coach on the current answer; the list and the question's row follow."""
        question = self.question
        if question is None:
            return
        self.query_one("#checks", CheckList).show(self._results(question))
        self.query_one("#questions", QuestionList).update_row(self._row(question))

    def _check_soon(self) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_SECONDS, self._refresh_checks)

    @on(CheckList.ShowTip)
    def _show_tip(self, event: CheckList.ShowTip) -> None:
        self._tip_highlight = event.tip
        self._refresh_tips()
        if event.reveal:
            if self.tips_beside:
                self.tips_open = True
            else:
                self.side = "tips"

    def _refresh_status(self) -> None:
        question = self.question
        status = self.query_one("#answer-status", Static)
        if question is None:
            return
        if question.id == ASKS_QUESTION:
            chosen = sum(a.chosen for a in self.session.company.asks)
            text = f"{chosen} chosen to ask"
            over = False
        else:
            words = word_count(self.session.company.answer_text(question.id))
            seconds = speaking_seconds(words, self.app.settings.words_per_minute)
            over = words > 0 and band(seconds, question.target_seconds) == "over"
            unit = "word" if words == 1 else "words"
            text = f"{words} {unit} · ~{mmss(seconds)} ({target_text(question.target_seconds)})"
        saving = self.session.status
        line = f"{text} · {saving.text}"
        if line != self._status_line:
            # One line of fixed height: no relayout, so a keystroke repaints only what changed.
            self._status_line = line
            status.update(line, layout=False)
        status.set_class(over, "-over")
        status.set_class(saving.problem, "-failed")

    # -- editing ---------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        if self.question_id and self.question_id != ASKS_QUESTION:
            self._take_editor_text()

    def _take_editor_text(self) -> None:
        """Move the editor's text into the notes (it is the one copy that is newer)."""
        if not self.question_id or self.question_id == ASKS_QUESTION or not self.is_mounted:
            return
        text = self.query_one("#answer", TextArea).text
        if self.session.set_answer(self.question_id, text, self.app.clock()):
            self._edited()

    @on(AsksEditor.Changed)
    def _asks_changed(self, event: AsksEditor.Changed) -> None:
        self.session.set_asks(event.asks)
        self._edited()
        self.query_one("#questions", QuestionList).update_row(self._row(self.question))

    @on(ChecklistList.Toggle)
    def _toggle_item(self, event: ChecklistList.Toggle) -> None:
        self.session.toggle_research(event.item_id)
        self._refresh_checklist()
        self._edited()

    @on(ChecklistList.EditNote)
    def _edit_note(self, event: ChecklistList.EditNote) -> None:
        from tui.screens.note_dialog import NoteDialog, NoteResult

        item = next(i for i in self.app.catalog.checklist if i.id == event.item_id)

        def save(result: NoteResult | None) -> None:
            if result is not None and self.session.annotate_research(item.id, result.note, result.done):
                self._refresh_checklist()
                self._edited()

        entry = self.session.company.entry(item.id)
        self.app.push_screen(NoteDialog(f"Research: {item.label}", entry.note, entry.done, hint=item.hint), save)

    def _edited(self) -> None:
        """After an edit: the session has counted it and the saver timed it; the screen shows it."""
        self._check_soon()
        self._refresh_status()

    # -- saving: the session decides, the saver times it, these show it ------

    @on(Saved)
    def _saved(self) -> None:
        self._refresh_status()
        if question := self.question:
            self.query_one("#questions", QuestionList).update_row(self._row(question))

    @on(SaveFailed)
    def _save_failed(self, event: SaveFailed) -> None:
        self._refresh_status()
        if event.status.state is SaveState.BLOCKED:
            self.notify(f"{event.status.reason} Saving is paused until the file parses again.",
                        title=f"{self.session.path.name} is broken", severity="error", timeout=30)
        else:
            self.notify(f"Could not save: {event.status.reason}. Your text is still here; fix the problem and "
                        "press ctrl+s.", severity="error", timeout=20)

    # Conflict and Reloaded: the saver's on_replaced hook already showed the new notes, at once,
    # before any queued key (refreshing again here would drop a key typed in between).
    @on(Conflict)
    def _conflict(self, event: Conflict) -> None:
        self.conflicts.arrived()

    def action_conflict(self, choice: str) -> None:
        self.conflicts.act(choice)

    @on(Reloaded)
    def _reloaded(self, event: Reloaded) -> None:
        if event.status.problem:
            self._refresh_status()
            return
        if event.was_blocked:
            self.notify("The notes file parses again; saving is back on.", timeout=5)
        else:
            self.notify("The notes file changed on disk; loaded the new version.", timeout=5)

    def _show_disk_version(self) -> None:
        self._refresh_header()
        self._refresh_questions()
        self._refresh_checklist()
        self.watch_question_id(self.question_id)

    def action_save(self) -> None:
        if self.saver.save_now().state is SaveState.SAVED:
            self.notify("Saved.", timeout=2)

    # -- questions you add ------------------------------------------------

    def action_add_question(self) -> None:
        from tui.screens.dialogs import TextDialog

        def add(prompt: str | None) -> None:
            qid = self.session.add_custom_question(prompt or "", {q.id for q in self.questions})
            if qid is None:
                return
            self._edited()
            self._refresh_questions(keep=qid)
            self.question_id = qid

        self.app.push_screen(TextDialog("Add a question for this company",
                                        placeholder="Why did you leave your last role?"), add)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "conflict":
            return self.conflicts.pending
        if action == "delete_question":
            question = self.question
            return bool(question and question.custom)
        return True

    def action_delete_question(self) -> None:
        from tui.screens.dialogs import ConfirmDialog

        question = self.question
        if question is None or not question.custom:
            self.notify("Only questions you added can be deleted.", severity="warning")
            return

        def delete(yes: bool | None) -> None:
            if not yes:
                return
            # The editor still holds the deleted answer: leave the question first so
            # the save cannot take that text back into the notes.
            self._take_editor_text()
            self.question_id = ""
            self.session.remove_custom_question(question.id)
            self._refresh_questions()
            self._edited()

        self.app.push_screen(ConfirmDialog("Delete this question and its answer?", question.prompt, yes="Delete"), delete)

    # -- details, editor, leaving -------------------------------------------

    def action_details(self) -> None:
        from tui.screens.company_form import CompanyForm, CompanyFormDialog

        company = self.session.company
        form = CompanyForm(company.name, company.role, company.interview_at, list(company.interviewers), list(company.links))

        def save(result: "CompanyForm | None") -> None:
            if result is None:
                return
            self.session.edit_details(result.role, result.interview_at, result.interviewers, result.links)
            self._refresh_header()
            # The prompts speak the role: a new role rewrites them.
            self._refresh_questions()
            self.watch_question_id(self.question_id)
            self._edited()

        self.app.push_screen(CompanyFormDialog(form, new=False, now=self.app.clock()), save)

    def action_external_editor(self) -> None:
        question = self.question
        if question is None or question.id == ASKS_QUESTION:
            self.notify("Pick a written answer first.", severity="warning")
            return
        self.saver.save_now()
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"

        def run(argv: list[str]) -> int:
            with self.app.suspend():
                return subprocess.run(argv).returncode

        text = self.session.company.answer_text(question.id)
        result = edit_externally(editor, self.session.store.root / "tmp", f"{self.session.slug}-{question.id}-",
                                 text, run)
        if result.notice:
            self.notify(result.notice, severity=result.severity, timeout=15)
        if result.text is not None:
            self.query_one("#answer", TextArea).load_text(result.text)
            self._take_editor_text()
            self.saver.save_now()

    def action_rehearse(self) -> None:
        question = self.question
        if question is not None:
            self._start_rehearsal([question.id])

    def action_rehearse_due(self) -> None:
        from tui.screens.rehearse import plan

        box = plan(self.session, self.app, self.app.clock())
        if not box.queue:
            self.notify("Nothing due fits the time left. r rehearses the selected question anyway."
                        if box.left_out else "Nothing is due. r rehearses the selected question anyway.", timeout=6)
            return
        self._start_rehearsal(box.queue, box)

    def _start_rehearsal(self, queue: list[str], box=None) -> None:
        from tui.screens.rehearse import RehearseScreen

        self.saver.save_now()
        self.app.push_screen(RehearseScreen(self.session, queue, box), lambda _: self._refresh_questions())

    def action_mock(self) -> None:
        from tui.screens.mock import MockScreen

        self.saver.save_now()
        self.app.push_screen(MockScreen(self.session), lambda _: self._refresh_questions())

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

    def on_unmount(self) -> None:
        self.app.close_session(self.session)

    def remember_place(self) -> None:
        from tui.core.place import Place

        self._remember_cursor()
        self.app.places[self.session.slug] = Place(self.question_id, self.side, dict(self.cursors))

    def on_screen_resume(self) -> None:
        if self.question_id:
            self._refresh_status()

"""The Prepare screen: questions, the answer editor, tips, and the research checklist."""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Header, OptionList, Static, TextArea

from tui.core.checks import CheckContext, CheckResult, run_checks
from tui.core.notes import ChecklistEntry, CustomQuestion
from tui.core.packs import Question
from tui.core.progress import ASKS_QUESTION, asks_wanted, chosen_asks, is_answered, is_asks, questions_for
from tui.core.schedule import due_text, sparkline, status
from tui.core.session import CompanySession, SaveOutcome
from tui.core.slug import slugify
from tui.core.speech import band, speaking_seconds, target_text, word_count
from tui.core.store import NotesError
from tui.core.timefmt import countdown, mmss
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.asks_editor import AsksEditor
from tui.widgets.check_list import CheckList
from tui.widgets.checklist_pane import ChecklistList, ChecklistPane
from tui.widgets.question_list import QuestionList, QuestionRow
from tui.widgets.tips_pane import TipsPane
from tui.widgets.fit_footer import FitFooter

AUTOSAVE_SECONDS = 1.0
CHECK_SECONDS = 0.4
DISK_POLL_SECONDS = 2.0


class PrepareScreen(Screen):
    """One company, open for writing. Every change is saved a second after typing stops."""

    CSS_PATH = "prepare.tcss"
    # From 100 columns the tips fit beside the answer; from 140 the research joins them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    BINDINGS = [
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
    save_state: var[str] = var("saved")
    """What the status line says about saving: saved HH:MM, unsaved, or why a save failed."""

    def __init__(self, session: CompanySession) -> None:
        # The starting classes are given here, not toggled in on_mount: each class
        # change on the screen restyles every widget under it before the first frame.
        super().__init__(classes="-side-answer")
        self.session = session
        self._save_timer: Timer | None = None
        self._check_timer: Timer | None = None
        self._blocked = ""  # set when the file on disk cannot be read: saves stop until it can
        self._tip_highlight = ""
        self._tips_shown: tuple[str, str] | None = None
        self._status_line = ""
        self._polling = False
        self._editor_holds = ""  # the question whose text is in the editor
        self.cursors: dict[str, tuple[int, int]] = {}
        """Where the cursor was in each answer, for this session."""

    # -- layout ----------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
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
        self.set_interval(DISK_POLL_SECONDS, self._poll_disk)
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
        if is_asks(question):
            # Answered (core/progress) once enough are chosen; fewer is a start, not an answer.
            chosen, wanted = chosen_asks(company), asks_wanted(question)
            done = status(company, question.id, self.app.clock())
            state = "drafted" if is_answered(question, company) else ("started" if chosen else "empty")
            return QuestionRow(question.id, question.prompt, state, chosen, ready, question.custom,
                               unit=f"of {wanted} chosen", history=self._history(done))
        text = company.answer_text(question.id)
        words = word_count(text)
        done = status(company, question.id, self.app.clock())
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
        self.title = company.name
        parts = [company.role, countdown(company.interview_at, self.app.clock())]
        self.sub_title = " · ".join(p for p in parts if p)

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
            # At once, not with focus() (which waits a turn): an arrow typed straight after
            # `1` or escape must move the question list, not the pane being left.
            self.set_focus(self.query_one("#questions"))
            return
        # Keys typed fast (or arriving in one burst over SSH) can run this before the list's
        # highlight message reached the screen: take the highlight now, so the pane shown and
        # the widget focused belong to the same question.
        highlighted = self.query_one("#questions", QuestionList).highlighted_id
        if highlighted and highlighted != self.question_id:
            self._save_soon(0)
            self.question_id = highlighted
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
            self._save_soon(0)
            self.question_id = event.option_id

    @on(OptionList.OptionSelected, "#questions")
    def _question_chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pane("answer")

    def watch_question_id(self, question_id: str) -> None:
        question = self.question
        if question is None:
            return
        self.query_one("#prompt", Static).update(question.prompt)
        switcher = self.query_one("#editors", ContentSwitcher)
        editor_focused = self.focused is self.query_one("#answer")
        if question_id == ASKS_QUESTION:
            switcher.current = "asks"
            if editor_focused:  # never leave focus (and typing) in an editor that is hidden
                self.set_focus(self.query_one("#asks-list"))
            self.query_one("#asks", AsksEditor).show(self.session.company.asks, self.app.catalog.asks)
        else:
            switcher.current = "answer"
            editor = self.query_one("#answer", AnswerEditor)
            self._remember_cursor()
            editor.placeholder = f"Empty. What they are testing: {question.why_they_ask}"
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
        line = f"{text} · {self.save_state}"
        if line != self._status_line:
            # One line of fixed height: no relayout, so a keystroke repaints only what changed.
            self._status_line = line
            status.update(line, layout=False)
        status.set_class(over, "-over")
        status.set_class(self.save_state.startswith("not saved"), "-failed")

    def watch_save_state(self) -> None:
        if self.is_mounted:
            self._refresh_status()

    # -- editing ---------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def _answer_changed(self, event: TextArea.Changed) -> None:
        if self.question_id and self.question_id != ASKS_QUESTION:
            self._take_editor_text()

    def _take_editor_text(self) -> None:
        """Move the editor's text into the notes (it is the one copy that is newer)."""
        if not self.question_id or self.question_id == ASKS_QUESTION:
            return
        text = self.query_one("#answer", TextArea).text
        if self.session.company.set_answer(self.question_id, text, self.app.clock()):
            self._changed()

    @on(AsksEditor.Changed)
    def _asks_changed(self, event: AsksEditor.Changed) -> None:
        self.session.company.asks = event.asks
        self._changed(AUTOSAVE_SECONDS / 4)
        self.query_one("#questions", QuestionList).update_row(self._row(self.question))

    @on(ChecklistList.Toggle)
    def _toggle_item(self, event: ChecklistList.Toggle) -> None:
        entry = self.session.company.checklist.setdefault(event.item_id, ChecklistEntry())
        entry.done = not entry.done
        self._refresh_checklist()
        self._changed(AUTOSAVE_SECONDS / 4)

    @on(ChecklistList.EditNote)
    def _edit_note(self, event: ChecklistList.EditNote) -> None:
        from tui.screens.note_dialog import NoteDialog, NoteResult

        item = next(i for i in self.app.catalog.checklist if i.id == event.item_id)
        entry = self.session.company.entry(item.id)

        def save(result: NoteResult | None) -> None:
            if result is None:
                return
            current = self.session.company.checklist.setdefault(item.id, ChecklistEntry())
            if (current.note, current.done) != (result.note, result.done):
                current.note, current.done = result.note, result.done
                self._refresh_checklist()
                self._changed(AUTOSAVE_SECONDS / 4)

        self.app.push_screen(NoteDialog(f"Research: {item.label}", entry.note, entry.done, hint=item.hint), save)

    def _changed(self, delay: float = AUTOSAVE_SECONDS) -> None:
        self.session.touch()
        self._check_soon()
        if self.save_state != "unsaved" and not self._blocked:
            self.save_state = "unsaved"
        self._refresh_status()
        self._save_soon(delay)

    # -- saving ----------------------------------------------------------

    def _save_soon(self, delay: float = AUTOSAVE_SECONDS) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(delay, self._save_in_background) if delay else None
        if not delay:
            self._save_in_background()

    def _save_in_background(self) -> None:
        self._take_editor_text()
        if not self.session.dirty or self._blocked:
            return
        edits, company = self.session.snapshot()
        self._save_worker(edits, company)

    @work(thread=True, group="save", exit_on_error=False)
    def _save_worker(self, edits: int, company) -> None:
        try:
            outcome = self.session.save(edits, company)
        except Exception as error:  # disk full, read-only, unsavable text: say so, keep the text
            self.app.call_from_thread(self._save_failed, error)
            return
        self.app.call_from_thread(self._save_finished, outcome)

    def _save_finished(self, outcome: SaveOutcome) -> None:
        if outcome.conflict:
            self._handle_conflict(outcome)
            return
        if not self.session.dirty:
            self.save_state = f"saved {self.app.clock():%H:%M}"
        if question := self.question:
            self.query_one("#questions", QuestionList).update_row(self._row(question))

    def _save_failed(self, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self.save_state = f"not saved: {reason}"
        self.notify(f"Could not save: {reason}. Your text is still here; fix the problem and press ctrl+s.",
                    severity="error", timeout=20)

    def _handle_conflict(self, outcome: SaveOutcome) -> None:
        self.notify(str(outcome.conflict), title="Changed on disk", severity="error", timeout=30)
        self._reload_from_disk(announce=False)

    def flush(self) -> str:
        """Save now on this thread; return why it failed, or "" when all is on disk."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._take_editor_text()
        if not self.session.dirty:
            return ""
        if self._blocked:
            return self._blocked
        try:
            outcome = self.session.save_now()
        except Exception as error:
            self._save_failed(error)
            return self.save_state
        if outcome.conflict:
            self._handle_conflict(outcome)
            return ""
        self.save_state = f"saved {self.app.clock():%H:%M}"
        return ""

    def action_save(self) -> None:
        problem = self.flush()
        if not problem and not self._blocked:
            self.notify("Saved.", timeout=2)

    # -- the file on disk --------------------------------------------------

    async def _poll_disk(self) -> None:
        # asyncio.to_thread, not a Textual worker: each worker state change refreshes the
        # footer's bindings, and that relayout, every two seconds, sent bytes while idle.
        if self._polling:
            return
        self._polling = True
        try:
            changed = await asyncio.to_thread(self.session.changed_on_disk)
        except OSError:
            return
        finally:
            self._polling = False
        if changed and not self.session.dirty:
            self._reload_from_disk()

    def _reload_from_disk(self, announce: bool = True) -> None:
        try:
            self.session.reload()
        except NotesError as error:
            if self._blocked != str(error):
                self._blocked = str(error)
                self.save_state = "not saved: the file on disk cannot be read"
                self.notify(f"{error.reason}. {error.fix} Saving is paused until the file parses again.",
                            title=f"{error.path.name} is broken", severity="error", timeout=30)
            return
        if self._blocked:
            self._blocked = ""
            self.notify("The notes file parses again; saving is back on.", timeout=5)
        self.save_state = "saved"
        if announce:
            self.notify("The notes file changed on disk; loaded the new version.", timeout=5)
        self._refresh_header()
        self._refresh_questions()
        self._refresh_checklist()
        self.watch_question_id(self.question_id)

    # -- questions you add ------------------------------------------------

    def action_add_question(self) -> None:
        from tui.screens.dialogs import TextDialog

        def add(prompt: str | None) -> None:
            if not prompt or not prompt.strip():
                return
            taken = {q.id for q in self.questions}
            base = "my-" + slugify(prompt)[:40].strip("-")
            qid, n = base, 2
            while qid in taken:
                qid, n = f"{base}-{n}", n + 1
            self.session.company.custom_questions.append(CustomQuestion(qid, prompt.strip()))
            self._changed(0)
            self._refresh_questions(keep=qid)
            self.question_id = qid

        self.app.push_screen(TextDialog("Add a question for this company",
                                        placeholder="Why did you leave your last role?"), add)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
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
            company = self.session.company
            company.custom_questions = [c for c in company.custom_questions if c.id != question.id]
            company.answers.pop(question.id, None)
            # The editor still holds the deleted answer: leave the question first so
            # the save below cannot take that text back into the notes.
            self.question_id = ""
            self._refresh_questions()
            self._changed(0)

        self.app.push_screen(ConfirmDialog("Delete this question and its answer?", question.prompt, yes="Delete"), delete)

    # -- details, editor, leaving -------------------------------------------

    def action_details(self) -> None:
        from tui.screens.company_form import CompanyForm, CompanyFormDialog

        company = self.session.company
        form = CompanyForm(company.name, company.role, company.interview_at, list(company.interviewers), list(company.links))

        def save(result: "CompanyForm | None") -> None:
            if result is None:
                return
            company.role = result.role
            company.interview_at = result.interview_at
            company.interviewers = result.interviewers
            company.links = result.links
            self._refresh_header()
            # The prompts speak the role: a new role rewrites them.
            self._refresh_questions()
            self.watch_question_id(self.question_id)
            self._changed(0)

        self.app.push_screen(CompanyFormDialog(form, new=False, now=self.app.clock()), save)

    def action_external_editor(self) -> None:
        question = self.question
        if question is None or question.id == ASKS_QUESTION:
            self.notify("Pick a written answer first.", severity="warning")
            return
        self.flush()
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        folder = self.session.store.root / "tmp"
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f"{self.session.slug}-{question.id}-", suffix=".md")
        path = Path(name)
        text = self.session.company.answer_text(question.id)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            with self.app.suspend():
                result = subprocess.run([*shlex.split(editor), str(path)])
        except Exception as error:  # no terminal to hand over (tests, textual-serve) or no such editor
            self.notify(f"Could not open {editor}: {error}", severity="error")
            path.unlink(missing_ok=True)
            return
        new_text = path.read_text(encoding="utf-8")
        path.unlink(missing_ok=True)
        if result.returncode != 0:
            self.notify(f"{editor} exited with status {result.returncode}; the answer was not changed.", severity="warning")
            return
        if new_text != text:
            self.query_one("#answer", TextArea).load_text(new_text)
            self._take_editor_text()
            self.flush()

    def action_rehearse(self) -> None:
        question = self.question
        if question is not None:
            self._start_rehearsal([question.id])

    def action_rehearse_due(self) -> None:
        from tui.screens.rehearse import plan

        queue = plan(self.session, self.app.catalog, self.app.clock())
        if not queue:
            self.notify("Nothing is due. r rehearses the selected question anyway.", timeout=6)
            return
        self._start_rehearsal(queue)

    def _start_rehearsal(self, queue: list[str]) -> None:
        from tui.screens.rehearse import RehearseScreen

        self._take_editor_text()
        self.flush()
        self.app.push_screen(RehearseScreen(self.session, queue), lambda _: self._refresh_questions())

    def action_review(self) -> None:
        self._take_editor_text()
        self._save_soon(0)
        self.app.show_review(self.session.company)

    def action_companies(self) -> None:
        problem = self.flush()
        if problem:
            self.notify(f"Staying here: {problem}", severity="error")
            return
        self.remember_place()
        self.app.show_picker()

    def remember_place(self) -> None:
        from tui.core.place import Place

        self._remember_cursor()
        self.app.places[self.session.slug] = Place(self.question_id, self.side, dict(self.cursors))

    def on_screen_resume(self) -> None:
        if self.question_id:
            self._refresh_status()

"""The Prepare screen's panes: what each shows, which one sits beside the question list, where focus goes.

PrepareScreen's base class, split by what it holds: this draws the notes (the
rows and the coach's verdicts, the answer, tips, research, header) and moves
between panes; PrepareScreen changes the notes and saves them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from textual import events, on
from textual.reactive import var
from textual.screen import Screen
from textual.types import NoActiveAppError

from tui.core.checks import CheckContext, CheckResult, run_checks
from tui.core.fields import header_subtitle
from tui.core.packs import Question
from tui.core.progress import questions_for, starters_in_role
from tui.core.rounds import focus_round
from tui.core.rows import QuestionRow, answer_line, question_row
from tui.core.sanitize import for_terminal
from tui.core.timefmt import countdown
from tui.saving import Stoppable
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.answer_pane import AnswerPane
from tui.widgets.check_list import CheckList
from tui.widgets.checklist_pane import ChecklistPane
from tui.widgets.question_list import QuestionList
from tui.widgets.tips_pane import TipsPane

if TYPE_CHECKING:
    from tui.app import FinaleApp
    from tui.core.session import CompanySession
    from tui.saving import Saver

CHECK_SECONDS = 0.4

Pane = Literal["answer", "tips", "checklist"]


class PaneScreen(Screen):
    """A question list with the panes beside it; PrepareScreen fills in the rest."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    # From 100 columns the tips fit beside the answer; from 140 the research joins them. Under 60
    # (a phone in a browser tab, about 45 columns) one pane at a time has the whole width.
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (60, "-narrow"), (100, "-medium"), (140, "-wide")]
    # var, not reactive: a reactive on a Screen repaints the whole screen when it
    # changes (8 KB a second over SSH while the timer ran); watchers update the widgets.
    side: var[Pane] = var("answer", init=False)
    """In a narrow terminal, the pane shown beside the question list: answer, tips or checklist."""
    tips_open: var[bool] = var(True, init=False)
    """In a wide terminal, whether the tips column is shown."""
    question_id: var[str] = var("", init=False)
    """The question whose answer is in the editor."""

    if TYPE_CHECKING:  # what PrepareScreen provides
        session: CompanySession
        saver: Saver

        def hand_over_text(self) -> None: ...

    _tip_highlight = _coach_said = ""
    _check_timer: Stoppable | None = None
    _checked: tuple[str, str, list[CheckResult]] | None = None
    """The coach's last verdict: question id, the text it read, the results."""

    # -- layout ----------------------------------------------------------

    def _width_class(self) -> set[str]:
        try:
            width = self.app.size.width
        except NoActiveAppError:  # built outside a running app
            return set()
        # As Textual picks one (its own method is private): the widest breakpoint that fits.
        return next(({name} for at, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True) if width >= at), set())

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
        """The coach on one answer, once per text: a save's redraw reuses what the edit's check found."""
        company = self.session.company
        text = company.answer_text(question.id)
        if self._checked is not None and self._checked[:2] == (question.id, text):
            return self._checked[2]
        ctx = CheckContext.of(self.app.catalog, company, self.app.settings.words_per_minute)
        results = run_checks(question, text, ctx)
        self._checked = (question.id, text, results)
        return results

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
        now = self.app.clock()
        one = focus_round(company, now)
        when = countdown(one.at if one else None, now)
        if one is not None and company.rounds and when:  # with rounds, which one the countdown is to
            when = f"{one.title} {when}"
        # The role gives way first, at a word; the company and the countdown always stay.
        self.sub_title = for_terminal(header_subtitle(self.title, company.role, when, self.app.size.width), one_line=True)

    @on(AnswerEditor.PaneKey)
    def _editor_pane_key(self, event: AnswerEditor.PaneKey) -> None:
        self.action_pane(event.pane, by_key=True)  # type: ignore[arg-type]

    @on(AnswerEditor.Leave)
    def _leave_editor(self) -> None:
        self.action_pane("questions")

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
            self.notify(notices.pop(0), severity="warning", timeout=20, markup=False)  # a file kept aside, a folder made again

    def _show_all(self) -> None:
        self.refresh_header()
        self.refresh_questions()
        self.refresh_checklist()
        self.watch_question_id(self.question_id)


    def watch_side(self, side: Pane) -> None:
        for name in ("answer", "tips", "checklist"):
            self.set_class(side == name, f"-side-{name}")
        self._refresh_tips()
        self._reveal_checklist()

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
        self.query_one("#tips", TipsPane).show(self.question, highlight=self._tip_highlight, coach=self._coach_said)

    def _reveal_checklist(self) -> None:
        if self.is_mounted:
            self.query_one("#checklist", ChecklistPane).reveal()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # On a phone the list and the pane take turns: the one holding focus is the one shown.
        self._turn_to(self.query_one("#questions") in (event.widget, *event.widget.ancestors))

    def _turn_to(self, on_list: bool) -> None:
        self.set_class(on_list, "-on-list")
        self.set_class(not on_list, "-on-pane")

    def on_resize(self) -> None:
        self.refresh_header()  # the role is shortened for the new width
        # Crossing the wide breakpoint can reveal the tips column and the research.
        self.call_after_refresh(self._refresh_tips)
        self.call_after_refresh(self._reveal_checklist)

    def action_pane(self, name: Literal["questions"] | Pane, by_key: bool = False) -> None:
        # A pane key leaves the editor ready for another pane key; enter on a question does not.
        self.answer_pane.editor.navigating = by_key and name == "answer"
        if name == "questions":
            # At once, not with focus() (which waits a turn): an arrow typed straight after
            # `1` or escape must move the question list, not the pane being left.
            self._turn_to(on_list=True)
            self.set_focus(self.query_one("#questions"))
            return
        self._turn_to(on_list=False)  # before the pane is built or focused: on a phone it must be shown first
        # Keys typed fast (or arriving in one burst over SSH) can run this before the list's
        # highlight message reached the screen: take the highlight now, so the pane shown and
        # the widget focused belong to the same question.
        highlighted = self.query_one("#questions", QuestionList).highlighted_id
        if highlighted and highlighted != self.question_id:
            self.hand_over_text()  # the editor still holds the answer being left
            self.saver.save_soon(0)
            self.question_id = highlighted
        self.side = name
        if name == "tips":
            self.tips_open = True
        target = {
            "answer": "#asks-list" if self.asks_open else "#answer",
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

    def action_toggle_tips(self) -> None:
        if self.tips_beside:
            self.tips_open = not self.tips_open
        else:
            self.side = "answer" if self.side == "tips" else "tips"

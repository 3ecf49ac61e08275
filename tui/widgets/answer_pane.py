"""The answer pane: the question, its editor (a TextArea, or the AsksEditor), the coach's checks, a status line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static

from tui.core.checks import CheckResult
from tui.core.notes import Ask
from tui.core.packs import Question, StarterAsk
from tui.core.save_status import SaveStatus
from tui.core.speech import POINTS_RULE, is_huge, preview
from tui.plain import plain
from tui.widgets.answer_editor import AnswerEditor
from tui.widgets.asks_editor import AsksEditor
from tui.widgets.check_list import CheckList


class AnswerPane(Vertical):
    """Shows what the screen hands it; edits leave as TextArea.Changed and AsksEditor.Changed."""

    def __init__(self, cursor_blink: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self._cursor_blink = cursor_blink
        self._status_line = ""
        self._holds = ""  # the question whose text is in the editor
        self.cursors: dict[str, tuple[int, int]] = {}
        """Where the cursor was in each answer, for this session."""
        self._loaded = ("", "")  # the answer as stored, and as the editor holds it

    def compose(self) -> ComposeResult:
        yield Static("", id="prompt")
        with ContentSwitcher(id="editors", initial="answer"):
            editor = AnswerEditor(id="answer", soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                                  compact=True)
            # Set before the editor ever has focus: a blink that starts is hard to stop
            # cleanly, and every blink is bytes on an SSH link.
            editor.cursor_blink = self._cursor_blink
            yield editor
            # The AsksEditor joins on the first question to ask: see show_question.
        yield CheckList(id="checks")
        yield Static("", id="answer-status")

    @property
    def editor(self) -> AnswerEditor:
        return self.query_one("#answer", AnswerEditor)

    def show_question(self, question: Question, answer: str, asks: list[Ask], starters: list[StarterAsk]) -> None:
        self.query_one("#prompt", Static).update(plain(question.prompt))
        switcher = self.query_one("#editors", ContentSwitcher)
        if question.asks:
            # Built when first needed: most openings never show it, and its option list
            # cost the first frame more than a tenth of what Textual itself spends.
            found = switcher.query_children("#asks")
            asks_editor = found.first(AsksEditor) if found else AsksEditor(id="asks")
            if not found:
                asks_editor.display = False
                switcher.mount(asks_editor)
            switcher.current = "asks"
            asks_editor.show(asks, starters)
        else:
            switcher.current = "answer"
            self.remember_cursor()
            # A TextArea reads a str placeholder as markup: the pack's words go in as plain text.
            self.editor.placeholder = Content.assemble("Empty. What they are testing: ", plain(question.why_they_ask),
                                                       "\n" + POINTS_RULE)
            self.editor.read_only = is_huge(answer)  # the screen then leaves the notes' text alone
            self.editor.load_text(preview(answer) if self.editor.read_only else answer)
            self._loaded = (answer, self.editor.text)
            # Back where the user left this answer; the end on a first visit, to add to it.
            self.editor.move_cursor(self.cursors.get(question.id, self.editor.document.end))
            self._holds = question.id

    def answer_text(self) -> str:
        """The editor's text as it should be stored: the stored text itself while it reads the same.

        The editor splits lines wherever ``str.splitlines`` does (U+2028, a form feed, a lone
        ``\\r``) and joins them with one newline style, so an answer holding those reads back
        different though nobody typed: looking at an answer must never rewrite it.
        """
        text = self.editor.text
        stored, shown = self._loaded
        return stored if text == shown else text

    def remember_cursor(self) -> dict[str, tuple[int, int]]:
        """Note where the cursor is in the answer on screen; every answer's place so far."""
        if self._holds:
            self.cursors[self._holds] = self.editor.cursor_location
        return dict(self.cursors)

    def on_resize(self) -> None:
        # The coach's room is a share of this pane: a taller window shows more verdicts whole.
        self.call_after_refresh(self.query_one("#checks", CheckList).fit)

    def show_checks(self, results: list[CheckResult]) -> None:
        self.query_one("#checks", CheckList).show(results)

    def show_status(self, text: str, over: bool, saving: SaveStatus) -> None:
        status = self.query_one("#answer-status", Static)
        line = f"{text} · {saving.text}"
        if line != self._status_line:
            # One line of fixed height: no relayout, so a keystroke repaints only what changed.
            self._status_line = line
            status.update(plain(line, one_line=True), layout=False)
        status.set_class(over, "-over")
        status.set_class(saving.problem, "-failed")

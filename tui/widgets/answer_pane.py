"""The answer pane: the question, its editor (a TextArea, or the AsksEditor), the coach's checks, a status line."""

from __future__ import annotations

import re

from rich.cells import cell_len
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

EDITOR_ROWS = 3
"""Rows the answer editor keeps however long the question heading above it."""


class AnswerPane(Vertical):
    """Shows what the screen hands it; edits leave as TextArea.Changed and AsksEditor.Changed."""

    def __init__(self, cursor_blink: bool, **kwargs) -> None:
        super().__init__(**kwargs)
        self._cursor_blink = cursor_blink
        self._status_line = ""
        self._status_parts: tuple[str, bool, SaveStatus] | None = None
        self._holds = ""  # the question whose text is in the editor
        self.cursors: dict[str, tuple[int, int]] = {}
        """Where the cursor was in each answer, for this session."""
        self._loaded = ("", "")  # the answer as stored, and as the editor holds it
        self._prompt = Content("")
        self._heading_shown: str | None = None

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
        self._prompt = plain(question.prompt)
        self.fit_prompt()
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
        self.call_after_refresh(self.fit_prompt)
        self.call_after_refresh(self._refit_status)

    def _refit_status(self) -> None:
        if self._status_parts is not None:
            self.show_status(*self._status_parts)

    def on_check_list_resized(self) -> None:
        self.call_after_refresh(self.fit_prompt)

    def fit_prompt(self) -> None:
        """The question whole above the answer: with the list hidden it is the only full copy.

        It takes the rows it needs while the editor keeps EDITOR_ROWS; only where the pane is
        too short for that does it end in "…", never silently mid-question.
        """
        heading, checks = self.query_one("#prompt", Static), self.query_one(CheckList)
        width = heading.content_region.width or max(0, self.content_region.width - heading.styles.gutter.width)
        shown = [self._prompt]  # whole, wrapped by Textual: the same Content as laid out, so no second frame
        if width and self.content_region.height:
            lines = self._prompt.wrap(width)
            # The coach may grow for its first verdict whole into what the whole question leaves.
            left = self.content_region.height - self.query_one("#answer-status").outer_size.height - EDITOR_ROWS
            limit = left - len(lines) - heading.styles.gutter.height
            if limit != checks.limit:
                checks.limit = limit
                checks.fit()
            room = max(1, left - checks.rows_wanted - heading.styles.gutter.height)
            if len(lines) > room:
                shown = [*lines[:room - 1], lines[room - 1].rstrip().truncate(width - 1).append("…")]
        if _rows(shown).plain != self._heading_shown:
            self._heading_shown = _rows(shown).plain
            heading.update(_rows(shown))

    def show_checks(self, results: list[CheckResult]) -> None:
        self.query_one("#checks", CheckList).show(results)
        self.call_after_refresh(self.fit_prompt)  # the coach's rows are the heading's to share

    def show_status(self, text: str, over: bool, saving: SaveStatus) -> None:
        status = self.query_one("#answer-status", Static)
        self._status_parts = (text, over, saving)
        line = status_line(text, saving, status.content_region.width)
        if line != self._status_line:
            # One line of fixed height: no relayout, so a keystroke repaints only what changed.
            self._status_line = line
            status.update(plain(line, one_line=True), layout=False)
        status.set_class(over, "-over")
        status.set_class(saving.problem, "-failed")


def _rows(lines: list[Content]) -> Content:
    return Content("\n").join(lines)


def status_line(text: str, saving: SaveStatus, width: int) -> str:
    """The line under the editor, fitted to ``width`` cells: the save state stays whole and last
    ("not saved: the" read as a sentence cut off), the word count's details give way first."""
    if width <= 0:
        return f"{text} · {saving.text}"
    # "80 words · ~0:34 (1:00–2:00)": the bracketed range goes first, then the last parts.
    bare = re.sub(r" \([^)]*\)", "", text)
    parts = bare.split(" · ")
    counts = [text, bare, *(" · ".join(parts[:n]) for n in range(len(parts) - 1, 0, -1))]
    for state in (saving.text, saving.short):
        for count in counts:
            if cell_len(line := f"{count} · {state}") <= width:
                return line
    return saving.short

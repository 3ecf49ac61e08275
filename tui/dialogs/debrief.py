"""The debrief after a round: what they asked, how each closing answer went, which of your
questions they answered, what to follow up, and free notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from tui.core.rounds import Debrief, Round
from tui.core.sanitize import for_terminal
from tui.dialogs.form_dialog import FormDialog
from tui.plain import plain

RATING_HINT = "1 again · 2 hard · 3 good · 4 easy"


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class DebriefDialog(FormDialog["Debrief | None"]):
    CSS_PATH = "rounds.tcss"
    BINDINGS = [Binding("ctrl+t", "draft", "Thank-you draft", priority=True)]
    KEYS_HINT = "ctrl+s saves · ctrl+t thank-you draft · escape cancels"

    def __init__(self, one: Round, heading: str, questions: list[tuple[str, str]], asks: list[str],
                 write_draft: Callable[[Debrief], Path] | None = None) -> None:
        """``questions``: (id, short prompt) of the closing answers; ``asks``: the chosen questions to ask."""
        super().__init__()
        self.round = one
        self.heading = heading
        self.questions = questions
        self.asks = asks
        self.write_draft = write_draft
        self.start = one.debrief or Debrief()

    def compose(self) -> ComposeResult:
        start = self.start
        with Vertical(id="debrief"):
            yield Static(plain(self.heading, one_line=True), classes="title")
            with self.scrolling_fields():
                yield Label("What they asked, one a line")
                yield self._area("\n".join(start.asked), "asked", "Why now?")
                yield Label(f"How each closing answer went: {RATING_HINT}")
                for qid, prompt in self.questions:
                    with Horizontal(classes="rating"):
                        yield Input(str(start.ratings.get(qid, "")), restrict="[1-4]?", max_length=1,
                                    id=f"rate-{qid}", compact=True, classes="rate")
                        yield Label(plain(prompt, one_line=True))
                if self.asks:
                    yield Label("Your questions they answered (space ticks)")
                    answered = set(start.answered_asks)
                    yield SelectionList[int](*[(plain(ask, one_line=True), i, ask in answered)
                                               for i, ask in enumerate(self.asks)], id="answered", compact=True)
                yield Label("Follow-ups, one a line")
                yield self._area("\n".join(start.follow_up), "follow_up", "Send the case study")
                yield Label("Notes")
                yield self._area(start.notes, "notes", "How it went, what surprised you")
            yield from self.actions()

    @staticmethod
    def _area(text: str, id: str, placeholder: str) -> TextArea:
        area = TextArea(text, id=id, compact=True, soft_wrap=True, show_line_numbers=False)
        area.cursor_blink = False  # set before focus: a blinking cursor repaints (and flakes snapshots)
        area.placeholder = plain(placeholder)
        return area

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#asked", TextArea).focus()
        # The focused area scrolls its cursor into view, which hid the first label: bring it back.
        self.call_after_refresh(self.query_one(".fields").scroll_home, animate=False)

    def current(self) -> Debrief:
        return self.collect()

    def collect(self) -> Debrief:
        ratings = {}
        for qid, _ in self.questions:
            value = self.query_one(f"#rate-{qid}", Input).value
            if value:
                ratings[qid] = int(value)
        # A rating for a question no longer in the packs is kept, not dropped.
        ratings = {**{k: v for k, v in self.start.ratings.items() if k not in dict(self.questions)}, **ratings}
        answered: list[str] = []
        if self.asks:
            picked = set(self.query_one("#answered", SelectionList).selected)
            answered = [ask for i, ask in enumerate(self.asks) if i in picked]
            answered += [a for a in self.start.answered_asks if a not in self.asks]
        return Debrief(_lines(self.query_one("#asked", TextArea).text), ratings, answered,
                       _lines(self.query_one("#follow_up", TextArea).text),
                       self.query_one("#notes", TextArea).text, dict(self.start.extra))

    def action_submit(self) -> None:
        self.dismiss(self.collect())

    def action_draft(self) -> None:
        if self.write_draft is None:
            return
        try:
            path = self.write_draft(self.collect())
        except OSError as error:
            self.show_error(f"Could not write the draft: {error.strerror or error}")
            return
        self.app.notify(for_terminal(str(path), True), title="Thank-you draft written: edit it, then send it", markup=False)

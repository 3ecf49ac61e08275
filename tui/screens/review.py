"""The read-only cheat sheet for the last minutes before the call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from tui.core.notes import Company
from tui.core.review import build_review, render_markdown

if TYPE_CHECKING:
    from tui.app import FinaleApp


class ReviewScroll(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


class ReviewScreen(Screen):
    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session
    DEFAULT_CSS = """
    ReviewScreen ReviewScroll { padding: 0 2; scrollbar-size-vertical: 1; }
    ReviewScreen Markdown { margin: 0; padding: 0; }
    """
    BINDINGS = [
        Binding("escape,v", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, company: Company) -> None:
        super().__init__()
        self.company = company

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        with ReviewScroll(id="review"):
            yield Markdown(self.markdown(), id="review-text")
        yield Footer(compact=True, show_command_palette=False)

    def markdown(self) -> str:
        app = self.app
        review = build_review(app.catalog, self.company, app.clock(), app.settings.words_per_minute,
                              readiness=app.readiness_text(self.company))
        # The title is in the header already; the sheet starts with the details.
        text = render_markdown(review, full_answers=False)
        return text.split("\n", 2)[2] if text.startswith("# ") else text

    def on_mount(self) -> None:
        self.title = f"Review · {self.company.name}"
        self.sub_title = self.company.role
        self.query_one(ReviewScroll).focus()

    def action_back(self) -> None:
        self.dismiss()

"""The read-only cheat sheet for the last minutes before the call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown, Static

from tui.core.brief import render_brief
from tui.core.fields import HEADER_CHROME, header_subtitle
from tui.core.notes import Company
from tui.core.review import Review, render_markdown, review_for
from tui.core.sanitize import cells, for_terminal
from tui.widgets.fit_footer import FitFooter

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
    ReviewScreen #review-brief { height: auto; }
    ReviewScreen #review-full-title { text-style: bold; color: $accent; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape,v", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, company: Company) -> None:
        super().__init__()
        self.company = company
        self.shown: Review | None = None
        """The review the page was drawn from: the header's countdown is the brief's."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        review = self.shown = self.review()
        width, height = self.app.size
        with ReviewScroll(id="review"):
            # The first page is the brief, cut to the screen: everything on one page, then the rest.
            # The company and its role are in the header above: the page's rows go to the cues.
            brief = render_brief(review, width - 5, height - 2, titled=False)
            yield Static(for_terminal(brief.rstrip("\n")), id="review-brief", markup=False)
            yield Static("The full review (space pages down)", id="review-full-title")
            yield Markdown(self.markdown(review), id="review-text", open_links=False)  # a URL in notes opens nothing
        yield FitFooter()

    def review(self) -> Review:
        app = self.app
        return review_for(app.catalog, self.company, app.clock(), app.settings.words_per_minute)

    def markdown(self, review: Review | None = None) -> str:
        review = review or self.review()
        # The title is in the header already; the sheet starts with the details.
        text = render_markdown(review, full_answers=False)
        return for_terminal(text.split("\n", 2)[2] if text.startswith("# ") else text)

    def on_mount(self) -> None:
        self.show_header(self.shown or self.review())
        self.query_one(ReviewScroll).focus()

    def show_header(self, review: Review) -> None:
        """The company and the countdown stay, as in Prepare's header: the role gives way first, then "Review · "."""
        name = for_terminal(self.company.name, one_line=True)
        when = review.countdown
        if review.round_name and when:  # with rounds, which one the countdown is to
            when = f"{review.round_name} {when}"
        width = self.app.size.width
        for title in (f"Review · {name}", name):
            sub = for_terminal(header_subtitle(title, self.company.role, when, width), one_line=True)
            if cells(f"{title} — {sub}") <= width - HEADER_CHROME:
                break
        self.title, self.sub_title = title, sub

    def action_back(self) -> None:
        self.dismiss()

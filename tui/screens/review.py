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
from tui.plain import plain
from tui.widgets.fit_footer import FitFooter

if TYPE_CHECKING:
    from textual.content import Content

    from tui.app import FinaleApp

ICON = 8
"""Columns of the header's icon: the review's header has no clock space."""


class ReviewScroll(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


class ReviewScreen(Screen):
    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session
    DEFAULT_CSS = """
    ReviewScreen ReviewScroll { padding: 0 1; scrollbar-size-vertical: 1; }
    ReviewScreen Markdown { margin: 0; padding: 0; }
    ReviewScreen #review-brief { height: auto; }
    ReviewScreen #review-full-title { text-style: bold; color: $accent; margin-top: 1; }
    /* No clock here: its empty space cut "Manager" off a role that fits the row. */
    ReviewScreen HeaderClockSpace { display: none; }
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
        with ReviewScroll(id="review"):
            yield Static(self.brief(review), id="review-brief")
            yield Static("The full review (space pages down)", id="review-full-title")
            yield Markdown(self.markdown(review), id="review-text", open_links=False)  # a URL in notes opens nothing
        yield FitFooter()

    def brief(self, review: Review) -> Content:
        """The first page: the brief, cut to the screen, then the full review below it.

        The company and its role are in the header above: the page's rows go to the cues. The
        width is the scroll's inside (padding 1 + 1, scrollbar 1): wider, the Static re-wrapped
        the brief's lines itself, cutting words and losing the hanging indents. A narrow gutter:
        each column less than the terminal's is a line more here than `--brief` prints.
        """
        width, height = self.app.size
        # No more than `finale review --brief` prints in this terminal (a row for the prompt): the same when it fits.
        return plain(render_brief(review, width - 3, height - 2, titled=False, same_as=(width, height - 1)).rstrip("\n"))

    def on_resize(self) -> None:
        # Laid out for one size, the brief and the header stayed so after the window grew (walk 14).
        review = self.shown or self.review()
        self.query_one("#review-brief", Static).update(self.brief(review))
        self.show_header(review)

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
        """The company and the countdown stay, as in Prepare's header: the role gives way first, then "Review · ".

        The role is whole when it fits: there is no clock, so only the icon is chrome.
        """
        name = for_terminal(self.company.name, one_line=True)
        when = review.countdown
        if review.round_name and when:  # with rounds, which one the countdown is to
            when = f"{review.round_name} {when}"
        width = self.app.size.width
        for title in (f"Review · {name}", name):
            sub = for_terminal(header_subtitle(title, self.company.role, when, width - ICON + HEADER_CHROME),
                               one_line=True)
            if cells(f"{title} — {sub}") <= width - ICON:
                break
        self.title, self.sub_title = title, sub

    def action_back(self) -> None:
        self.dismiss()

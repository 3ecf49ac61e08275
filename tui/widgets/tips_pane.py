"""The tips sidebar: the selected question's advice and example phrasings, as Markdown."""

from __future__ import annotations

from textual.containers import VerticalScroll

from tui.core.packs import Question
from tui.core.sanitize import for_terminal


def tips_markdown(question: Question | None, highlight: str = "") -> str:
    if question is None:
        return ""
    # Bold lines, not headings: Textual's Markdown headings do not wrap in a narrow pane.
    parts = [f"*What they test:* {question.why_they_ask}" if question.why_they_ask else ""]
    for tip in question.tips:
        marker = "▶ " if tip.title == highlight else ""
        parts.append(f"**{marker}{tip.title}**\n\n{tip.body.strip()}")
    if question.examples:
        parts.append("**Example phrasings**\n\n" + "\n\n".join(f"> {e}" for e in question.examples))
    if not question.asks:
        parts.append("*Talking points:* start a line with `- `, `• ` or `1. ` and it becomes a talking point in "
                      "rehearsal and on the review, and so do your first sentence and every sentence with a figure "
                      "or a name; without a list, the first sentence of each paragraph is one too. The editor shows "
                      "the rest dim: the reveal and the brief leave it out.")
    if question.custom and not question.tips:
        parts.append("Your own question: no tips from a pack. Write the answer you want to give.")
    return "\n\n".join(p for p in parts if p)


class TipsPane(VerticalScroll, can_focus=True):
    """Scrolls with the arrow keys when focused."""

    _shown: tuple[str, str, str] | None = None

    def show(self, question: Question | None, highlight: str = "", coach: str = "") -> None:
        """Show a question's tips; the same question and highlight again is a no-op (Markdown is slow).

        ``coach`` is the whole verdict of the check the user is on, shown first: under the
        answer at 80x24 it is cut to one line.
        """
        # Textual's Markdown (with markdown-it and Pygments) is imported and mounted on the
        # first show: at 80x24 the tips are hidden, and importing it cost a fifth of the first frame.
        from textual.widgets import Markdown

        shown = (question.id if question else "", highlight, coach)
        if shown == self._shown:
            return
        self._shown = shown
        said = f"> **The coach:** {coach}\n\n" if coach else ""
        text = for_terminal(said + tips_markdown(question, highlight))
        found = self.query("#tips-text")
        if found:
            found.first(Markdown).update(text)
        else:
            # A URL in a pack is shown, never opened by a click: a shared pack plants no links.
            self.mount(Markdown(text, id="tips-text", open_links=False))
        self.scroll_home(animate=False)

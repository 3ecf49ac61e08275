"""The yardstick: the widgets finale's Prepare screen uses (header, list, text area, Markdown,
footer) and nothing else, at Textual's defaults. Benchmarks run it beside finale in one run.

Usage: python reference_app.py [--big] [--no-blink]
  --big       load a 5,000-word answer into the text area
  --no-blink  turn the cursor blink off (to compare bytes per keystroke without blink noise)
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, ListItem, ListView, Markdown, Static, TextArea

PROMPTS = [
    "Why do you want to work here as a Senior Product Manager?",
    "What makes you the right fit for this role?",
    "What are your biggest strengths and weaknesses?",
    "Do you have any questions for us?",
]
TIPS = "**Do your research**\n\nLearn the company before the call: its products and services."


class Reference(App):
    CSS = """
    ListView { width: 30; }
    TextArea { width: 1fr; }
    Markdown { width: 30; }
    """

    def __init__(self, text: str, blink: bool) -> None:
        super().__init__()
        self.text = text
        self.blink = blink

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield ListView(*[ListItem(Static(p)) for p in PROMPTS])
            area = TextArea(self.text, soft_wrap=True)
            area.cursor_blink = self.blink
            yield area
            yield Markdown(TIPS)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    big = "--big" in sys.argv
    text = " ".join(["word"] * 5000) if big else "- Your robot arm leads the market\n- I scaled a similar line"
    Reference(text, blink="--no-blink" not in sys.argv).run()

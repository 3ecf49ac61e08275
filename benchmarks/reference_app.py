"""The yardstick: the widgets finale's Prepare screen uses (header, list, text area, Markdown,
footer) and nothing else, at Textual's defaults. Benchmarks run it beside finale in one run.

Usage: python reference_app.py [--big] [--no-blink] [--width N] [--cursor start|end]
  --big         load the keystroke benchmark's answer (a bullet line, then one 5,000-word line)
  --no-blink    turn the cursor blink off (to compare bytes per keystroke without blink noise)
  --width N     give the text area exactly N columns of text, as finale's editor has
  --cursor END  put the cursor at the start of the text or at the end of its long line
"""

from __future__ import annotations

import argparse

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

    def __init__(self, text: str, blink: bool, width: int | None = None, cursor: str = "start") -> None:
        super().__init__()
        self.text = text
        self.blink = blink
        self.width = width
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield ListView(*[ListItem(Static(p)) for p in PROMPTS])
            area = TextArea(self.text, soft_wrap=True)
            area.cursor_blink = self.blink
            yield area
            if not self.width:  # the keystroke comparison is a bare TextArea beside the list
                yield Markdown(TIPS)
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        if self.cursor == "end":
            last = area.document.line_count - 1
            area.move_cursor((last, len(area.document.get_line(last))))
        area.focus()
        if self.width:
            self.call_after_refresh(self._fit_width)

    def _fit_width(self, tries: int = 4) -> None:
        # Wrap at exactly the width finale's editor wraps at. A scrollbar appears once the text
        # is laid out, so adjust until the wrap width holds still.
        area = self.query_one(TextArea)
        delta = self.width - area.wrap_width
        if delta and tries:
            area.styles.width = area.outer_size.width + delta
            self.call_after_refresh(self._fit_width, tries - 1)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", action="store_true")
    parser.add_argument("--no-blink", action="store_true")
    parser.add_argument("--width", type=int)
    parser.add_argument("--cursor", choices=["start", "end"], default="start")
    args = parser.parse_args()
    from keystrokes import ANSWER  # the same text finale holds in the keystroke benchmark

    text = ANSWER if args.big or args.width else "- Your robot arm leads the market\n- I scaled a similar line"
    Reference(text, blink=not args.no_blink, width=args.width, cursor=args.cursor).run()

"""Shown instead of a squashed screen when the terminal is below the smallest usable size."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: auto; height: auto; text-align: center; color: $warning; }
    """
    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit", priority=True)]

    def __init__(self, need: tuple[int, int]):
        super().__init__()
        self.need = need
        self.kept: list[events.Key | events.Paste] = []
        """Keys that reached this screen: typed while it showed, or just before it, still waiting their turn."""

    def on_key(self, event: events.Key) -> None:
        # Nothing here reads keys: they belong to the screen underneath, which gets them back,
        # in order, when there is room again (see FinaleApp._check_size). "Nothing is lost."
        event.stop()
        event.prevent_default()
        self.kept.append(events.Key(event.key, event.character))

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.kept.append(events.Paste(event.text))

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def show_size(self, width: int, height: int) -> None:
        need_w, need_h = self.need
        self.query_one("#too-small", Static).update(Content(
            f"Terminal too small: {width}x{height}.\nNeed {need_w}x{need_h}.\n"
            "Make the window bigger; nothing is lost."
        ))

    def on_mount(self) -> None:
        self.show_size(*self.app.size)

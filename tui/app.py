"""The Textual application: wires the core to the screens."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class FinaleApp(App):
    TITLE = "finale"

    def compose(self) -> ComposeResult:
        yield Static("finale: the Prepare screen arrives with the next change.")
        yield Footer()

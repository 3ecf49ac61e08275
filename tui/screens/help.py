"""Help built from the live bindings of the screen below, so it never drifts from the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.dialogs.basic import Dialog


def _ours(node: object, key: str) -> bool:
    """True when the binding for ``key`` was declared by one of finale's own classes."""
    for cls in type(node).__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            keys = binding.key.split(",") if isinstance(binding, Binding) else str(binding[0]).split(",")
            if key in (k.strip() for k in keys):
                return cls.__module__.startswith("tui.")
    return False


def binding_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) for every active binding: finale's own first, then Textual's basics."""
    ours: list[tuple[str, str]] = []
    basics: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        row = (screen.app.get_key_display(binding), binding.description)
        if not binding.description or row in seen:
            continue
        seen.add(row)
        (ours if _ours(active.node, key) else basics).append(row)
    return ours + basics


class HelpScreen(Dialog[None]):
    DEFAULT_CSS = """
    HelpScreen > Vertical { width: 64; }
    HelpScreen VerticalScroll { height: auto; max-height: 18; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]], where: str):
        super().__init__()
        self.rows = rows
        self.where = where

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        lines = "\n".join(f"{k:<{width}}{d}" for k, d in self.rows)
        with Vertical():
            yield Static(f"Keys · {self.where}", classes="title")
            with VerticalScroll(can_focus=False):
                yield Static(lines or "No keys here.")
            yield Static("ctrl+p opens the command palette · escape closes", classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)

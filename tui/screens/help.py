"""Help built from the live bindings of the screen below, so it never drifts from the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from tui.dialogs.basic import Dialog
from tui.plain import plain


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
    HelpScreen > Vertical { width: 64; height: auto; max-height: 100%; }
    HelpScreen VerticalScroll { height: auto; }
    HelpScreen .keys { color: $text-muted; height: 1; }
    """
    CHROME_ROWS = 7  # border, title and its margin, the keys line, the screen's margin
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]], where: str):
        super().__init__()
        self.rows = rows
        self.where = where

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows), default=4) + 2
        lines = "\n".join(f"{k:<{width}}{d}" for k, d in self.rows)
        with Vertical():
            # `where` is the screen's title: a company name, which may hold brackets.
            yield Static(Content.assemble("Keys · ", plain(self.where, one_line=True)), classes="title")
            # Focusable, so up/down/page keys scroll it: at 80x24 the last keys are below the fold.
            with VerticalScroll(id="help-keys"):
                yield Static(plain(lines) if lines else "No keys here.")
            yield Static("↑↓ pgup pgdn scroll · ctrl+p palette · escape closes", classes="keys")

    def on_mount(self) -> None:
        super().on_mount()
        self._fit()
        self.query_one("#help-keys").focus()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.query_one("#help-keys").styles.max_height = max(3, self.app.size.height - self.CHROME_ROWS)

    def action_close(self) -> None:
        self.dismiss(None)

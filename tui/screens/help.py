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


def is_ours(node: object, key: str) -> bool:
    """True when the binding for ``key`` was declared by one of finale's own classes."""
    for cls in type(node).__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            keys = binding.key.split(",") if isinstance(binding, Binding) else str(binding[0]).split(",")
            if key in (k.strip() for k in keys):
                return cls.__module__.startswith("tui.")
    return False


# Where a group of keys works, by the class that declares them; anything else is named by its class.
PLACES = {
    "QuestionList": "In the question list",
    "AnswerEditor": "In the answer",
    "AsksEditor": "In the questions to ask",
    "CheckList": "In the coach",
    "ChecklistPane": "In the research",
    "OptionList": "In the list",
}


def _place(node: object, screen: Screen) -> str:
    if node is screen:
        return "On this screen"
    if node is screen.app:
        return "Everywhere"
    name = type(node).__name__
    return PLACES.get(name, f"In {name}")


def binding_groups(screen: Screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """finale's own active bindings, grouped by where they work: the focused widget first, the app last.

    Textual's generic keys (focus next, copy selected text, scroll left) are left out: they work
    as in any Textual app and, listed among ours, hid the ones a user came to find.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        row = (screen.app.get_key_display(binding), binding.description)
        if not binding.description or row in seen or not is_ours(active.node, key):
            continue
        seen.add(row)
        groups.setdefault(_place(active.node, screen), []).append(row)
    return list(groups.items())


def binding_rows(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) for every one of finale's active bindings, in the order help lists them."""
    return [row for _, rows in binding_groups(screen) for row in rows]


class HelpScreen(Dialog[None]):
    DEFAULT_CSS = """
    HelpScreen > Vertical { width: 64; height: auto; max-height: 100%; }
    HelpScreen VerticalScroll { height: auto; }
    HelpScreen .keys { color: $text-muted; height: 1; }
    """
    CHROME_ROWS = 7  # border, title and its margin, the keys line, the screen's margin
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]], where: str):
        super().__init__()
        self.groups = groups
        self.where = where

    def compose(self) -> ComposeResult:
        width = max((len(k) for _, rows in self.groups for k, _ in rows), default=4) + 2
        lines = "\n\n".join(place + "\n" + "\n".join(f"  {k:<{width}}{d}" for k, d in rows)
                            for place, rows in self.groups)
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

"""A footer that shows whole keys, in the order the bindings give them, and drops what does not fit.

Textual's Footer lets the last keys run off the edge ("c Comp", "x R"): a cut key is worse
than a missing one, which help (`?`) still lists.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def key_width(key: FooterKey) -> int:
    """Cells a compact key takes: the key, a space, the description, a margin."""
    return cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0) + 1


class FitFooter(Footer):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("show_command_palette", False)
        super().__init__(**kwargs)
        self._fitted_width = 0

    def compose(self) -> ComposeResult:
        room = self.size.width or self.app.size.width
        self._fitted_width = room
        used = 0
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                used += key_width(widget)
                if used > room:
                    break  # the rest have lower priority: help lists them all
            yield widget

    def on_resize(self) -> None:
        if self.size.width != self._fitted_width and self._bindings_ready:
            self.call_after_refresh(self.recompose)

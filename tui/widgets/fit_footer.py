"""A footer that shows whole keys, in the order the bindings give them, and drops what does not fit.

Textual's Footer lets the last keys run off the edge ("c Comp", "x R"): a cut key is worse
than a missing one, which help (`?`) still lists. It is also rebuilt only when what it shows
changes: Textual's rebuilds it on every focus change, four times before the first frame.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer

from tui.textual_private import FooterKey, footer_ready, mark_footer_ready


def key_width(key: FooterKey) -> int:
    """Cells a compact key takes: the key, a space, the description, a margin."""
    return cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0) + 1


class FitFooter(Footer):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("show_command_palette", False)
        super().__init__(**kwargs)
        self._fitted_width = 0
        self._shown: tuple | None = None
        self._rebuild_queued = False

    def _keys(self) -> tuple:
        """What compose would show: the screen's shown bindings and the width they fit in."""
        keys = tuple((binding.key, binding.description, binding.action, enabled, tooltip, binding.group)
                     for _, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)
        return self.size.width or self.app.size.width, keys

    def compose(self) -> ComposeResult:
        room = self.size.width or self.app.size.width
        self._fitted_width = room
        self._shown = self._keys() if footer_ready(self) else None
        used = 0
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                used += key_width(widget)
                if used > room:
                    break  # the rest have lower priority: help lists them all
                # Born with the class its compact binding would add: adding it after restyles each key.
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen) -> None:
        # Textual's Footer queues a rebuild for every change of focus (three before the first
        # frame, each restyling every key): one is queued at a time, and none when the keys
        # shown would be the same.
        mark_footer_ready(self)
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_queued and self._keys() != self._shown:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        # A screen closed before the refresh (`r` `y` escape in one burst) takes its footer with it.
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def on_resize(self) -> None:
        if self.size.width != self._fitted_width and footer_ready(self):
            self.call_after_refresh(self.recompose)

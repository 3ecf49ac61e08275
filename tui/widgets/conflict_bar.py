"""The "changed elsewhere" bar: says a version of the notes is set aside, and which keys resolve it.

It stays until the conflict is resolved (a toast goes away; this must not). The
keys themselves are the screen's bindings; the bar only names them, and while
the answer editor has focus it says to leave the editor first, since there
the letters are text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static, TextArea

KEYS = (("C", "compare"), ("Y", "keep yours"), ("T", "keep theirs"), ("B", "keep both"))


class ConflictBar(Static):
    DEFAULT_CSS = """
    ConflictBar {
        display: none; height: auto; padding: 0 1;
        background: $warning-muted; color: $text; border-left: thick $warning;
    }
    ConflictBar.-shown { display: block; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self._message = ""
        self._count = 0

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._render_bar, init=False)

    def show(self, when: str, count: int) -> None:
        """Show the newest copy (typed at ``when``) and how many there are; ``count`` 0 hides the bar."""
        if not count:
            self._message = ""
            self.remove_class("-shown")
            return
        # Two lines at 80 columns: what happened, then the keys (and how many copies wait).
        self._message = f"Changed elsewhere: theirs (on disk) is shown, yours ({when}) set aside"
        self._count = count
        self.add_class("-shown")
        self._render_bar()

    def _render_bar(self, *_: object) -> None:
        if not self._message:
            return
        line = Text(self._message + "\n")
        if isinstance(self.screen.focused, TextArea):
            line.append("esc, then ", style="italic")
        for n, (key, what) in enumerate(KEYS):
            line.append("  " if n else "")
            line.append(key, style="bold reverse")
            line.append(f" {what}")
        if self._count > 1:
            line.append(f"  · 1 of {self._count}")
        self.update(line)

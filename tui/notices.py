"""Notices on the footer row, one at a time: they never cover a line the user is reading."""

from __future__ import annotations

from textual.app import App
from textual.markup import escape
from textual.notifications import SeverityLevel

# A notice ends, then the one it covered shows again: allow for the toast being removed.
_AFTER_END = 0.25


class OneNoticeApp(App):
    """app.tcss shows only the newest toast (``ToastHolder:last-of-type``); the older ones keep
    running underneath, and one still running shows again when the newer one ends."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        # The title leads the line instead of taking a row of its own: a one-line notice then
        # covers only the footer's keys, not the line the user is reading above them.
        if title:
            message = f"{escape(title) if markup else title}: {message}"
        super().notify(message, severity=severity, timeout=timeout, markup=markup)
        seconds = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        # notify is thread-safe (the paste guard calls it from the input thread): set_timer is not.
        self.call_later(self.set_timer, seconds + _AFTER_END, self._newest_notice_shows)

    def _newest_notice_shows(self) -> None:
        # Textual restyles ``:last-of-type`` when a toast is added, not when one is removed:
        # without this the notice underneath would stay hidden until the next one came.
        def restyle() -> None:
            for holder in self.screen.query("ToastHolder"):
                holder.update_node_styles()

        self.call_after_refresh(restyle)

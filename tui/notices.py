"""Notices on the footer row, one at a time and briefly: they never cover a line the user is
reading, and the footer's keys are back within seconds."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.app import App
from textual.markup import escape
from textual.notifications import Notification, Notify, SeverityLevel

from tui.textual_private import withdraw_notice

# A notice ends, then the one it covered shows again: allow for the toast being removed.
_AFTER_END = 0.25
LONGEST_NOTICE_SECONDS = 8.0
"""No notice hides the footer's keys longer than this: the demo's start notice hid how to quit and
save for 17 s, a broken file's for 30 s. What must stay known stays where it belongs (the answer's
status row says "not saved: file broken, line 25"), and ctrl+s says why again."""


MOST_ROWS = 3
_FRAME = 3  # the coloured left edge and a cell of padding each side


def rows(message: str, width: int) -> int | None:
    """How many rows ``message`` takes wrapped at ``width`` cells, or None if a word is wider than a row."""
    count, used = 0, width
    for word in message.split():
        size = cell_len(word)
        if size > width:
            return None
        if used + 1 + size > width:
            count, used = count + 1, size
        else:
            used += 1 + size
    return count


def fitting(candidates: Sequence[str], width: int) -> str:
    """The first message that fits in MOST_ROWS rows without splitting a word; else the last one."""
    for message in candidates:
        needed = rows(message, width)
        if needed is not None and needed <= MOST_ROWS:
            return message
    return candidates[-1]


class OneNoticeApp(App):
    """Only the newest toast shows (the others' holders are ``-covered``); the older ones keep
    running underneath, and one still running shows again when the newer one ends, unless the
    newer one is about the same thing (its ``topic``): then it replaces it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._topics: dict[str, Notification] = {}

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True, topic: str = "",
               shorter: Sequence[str] = ()) -> None:
        """Textual's notify, plus: ``topic`` (a newer notice on it replaces this one) and ``shorter``
        (whole messages, shortest last, used when ``message`` would take more than MOST_ROWS rows or
        split a word, such as a long file name, at this width)."""
        # The title leads the line instead of taking a row of its own: a one-line notice then
        # covers only the footer's keys, not the line the user is reading above them.
        if title:
            message = f"{escape(title) if markup else title}: {message}"
        message = fitting([message, *shorter], self.size.width - _FRAME)
        seconds = min(self.NOTIFICATION_TIMEOUT if timeout is None else timeout, LONGEST_NOTICE_SECONDS)
        notification = Notification(message, "", severity, seconds, markup=markup)
        # notify is thread-safe (the paste guard calls it from the input thread): what follows runs
        # on the app's thread, in order.
        self.call_later(self._replace, topic, notification)
        self.post_message(Notify(notification))
        self.call_later(self.set_timer, seconds + _AFTER_END, self._newest_notice_shows)

    def _replace(self, topic: str, notification: Notification) -> None:
        # "Saving is back on" must not end before the "broken, saving paused" it answers: the last
        # thing read would be false.
        if not topic:
            return
        older = self._topics.get(topic)
        self._topics[topic] = notification
        if older is not None:
            withdraw_notice(self, older)

    def _refresh_notifications(self) -> None:
        super()._refresh_notifications()
        # The rack mounts a new toast later (call_later): cover the older ones once it is there,
        # or two show at once.
        self.call_later(self._newest_notice_shows)

    def _newest_notice_shows(self) -> None:
        # Also after a notice ends (its timer, set in notify): the one it covered shows again.
        def restyle() -> None:
            holders = list(self.screen.query("ToastHolder"))
            for holder in holders:
                # Hidden, not only given no height: a toast overflows a holder of height 0, and an
                # older notice of two rows showed its first row above the newer one's.
                holder.set_class(holder is not holders[-1], "-covered")

        self.call_after_refresh(restyle)

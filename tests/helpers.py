"""Shared builders for app tests: a store in tmp_path, one fake clock, the default packs."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from textual.message import Message
from textual.notifications import Notification, Notify

from tui.app import FinaleApp
from tui.core.notes import Ask, ChecklistEntry, Company
from tui.core.packs import load_catalog
from tui.core.settings import Settings
from tui.core.store import NotesStore

NOW = datetime(2026, 11, 26, 10, 0, 0)


def clock() -> datetime:
    return NOW


@dataclass
class _Scheduled:
    due: float
    callback: Callable[[], object]
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True


@dataclass
class FakeClock:
    """The one clock of a test: wall time, the monotonic stopwatch and the debounce timers move together.

    Nothing moves until ``advance``: a timer fires when the clock passes its
    time, not when the machine gets round to it, so no test sleeps out a timer.
    """

    start: datetime = NOW
    seconds: float = 0.0
    timers: list[_Scheduled] = field(default_factory=list)

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)

    def monotonic(self) -> float:
        return self.seconds

    def schedule(self, delay: float, callback: Callable[[], object]) -> _Scheduled:
        timer = _Scheduled(self.seconds + delay, callback)
        self.timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        """Move time on, firing (in order) every timer that falls due on the way."""
        end = self.seconds + seconds
        while due := sorted((t for t in self.timers if not t.stopped and t.due <= end), key=lambda t: t.due):
            timer = due[0]
            self.timers.remove(timer)
            self.seconds = max(self.seconds, timer.due)
            timer.callback()
        self.seconds = end


class Seen:
    """Every notification the app shows, through run_test's public ``message_hook``."""

    def __init__(self) -> None:
        self.notifications: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notifications.append(message.notification)

    def __contains__(self, text: str) -> bool:
        return any(text in f"{n.title} {n.message}" for n in self.notifications)


def make_store(root: Path) -> NotesStore:
    return NotesStore(root, clock=clock)


def make_app(root: Path, fake: FakeClock | None = None, **kwargs) -> FinaleApp:
    """The app on a store in ``root``; with ``fake``, every clock and debounce timer is that FakeClock."""
    catalog = kwargs.pop("catalog", None) or load_catalog(None)
    now = fake.now if fake else clock
    app = FinaleApp(NotesStore(root, clock=now), catalog, kwargs.pop("settings", Settings()), clock=now, **kwargs)
    if fake is not None:
        app.monotonic = fake.monotonic
        app.schedule = fake.schedule
    return app


def acme(name: str = "Acme Robotics") -> Company:
    company = Company(name=name, role="Senior Product Manager", interview_at=datetime(2026, 11, 28, 15, 0))
    company.set_answer("why-here", "- Your robot arm leads the market\n- I scaled a similar line", NOW)
    company.checklist["products"] = ChecklistEntry(True, "Robot arm, vision kit")
    company.asks.append(Ask("What are the key initiatives?", "strategy", True))
    return company


def saved(store: NotesStore, slug: str) -> dict:
    return tomllib.loads(store.path_for(slug).read_text(encoding="utf-8"))


async def open_company(pilot):
    """From the picker, wait for the list, open the highlighted company, wait for its screen."""
    app = pilot.app
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


def plant(root: Path, company: Company, slug: str) -> Path:
    """Write a notes file as a hand edit or a sync would: any name, no checks on the way in."""
    from tui.core.store import serialize

    folder = root / "companies"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.toml"
    path.write_bytes(serialize(company))
    return path

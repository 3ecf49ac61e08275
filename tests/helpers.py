"""Shared builders for app tests: a store in tmp_path, a frozen clock, the default packs."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from tui.app import FinaleApp
from tui.core.notes import Ask, ChecklistEntry, Company
from tui.core.packs import load_catalog
from tui.core.settings import Settings
from tui.core.store import NotesStore

NOW = datetime(2026, 11, 26, 10, 0, 0)


def clock() -> datetime:
    return NOW


def make_store(root: Path) -> NotesStore:
    return NotesStore(root, clock=clock)


def make_app(root: Path, **kwargs) -> FinaleApp:
    catalog = kwargs.pop("catalog", None) or load_catalog(None)
    return FinaleApp(make_store(root), catalog, kwargs.pop("settings", Settings()), clock=clock, **kwargs)


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

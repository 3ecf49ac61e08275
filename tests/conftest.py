from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every property test draws the same examples on every run: a red `make test` is a bug to fix, not
# a draw to retry (a random draw once failed CI on a case no one had changed). Each test keeps its
# own fixed budget. `FINALE_HYPOTHESIS=explore make test` draws new examples, to look for more.
settings.register_profile("finale", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("FINALE_HYPOTHESIS", "finale"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data, config and packs folders: nothing touches the real ones."""
    monkeypatch.setenv("FINALE_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("FINALE_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("FINALE_PACKS", str(tmp_path / "packs"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(os.environ["FINALE_HOME"])


@dataclass
class Opened:
    """Acme Robotics open on the Prepare screen at 80x24, on a fake clock, notifications recorded."""

    app: Any
    pilot: Any
    screen: Any
    fake: Any
    seen: Any

    @property
    def store(self):
        return self.app.store


@pytest_asyncio.fixture
async def opened(tmp_path) -> AsyncIterator[Opened]:
    from tests.helpers import FakeClock, Seen, acme, make_app, make_store, open_company

    make_store(tmp_path).create(acme())
    fake, seen = FakeClock(), Seen()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_company(pilot)
        yield Opened(app, pilot, screen, fake, seen)


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Under `make mutation`, run a mutant's tests fastest first.

    mutmut hands each mutant the tests that reach its function in no set order and stops at the
    first failure; a store mutant is reached by every app test (1-2 s each), so a mutant a unit
    test kills in milliseconds could wait behind them. The durations are mutmut's own, from its
    first pass over the tests.
    """
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    stats = REPO / "mutmut-stats.json"
    if not stats.exists():
        return
    import json

    duration = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    items.sort(key=lambda item: duration.get(item.nodeid, 0.0))

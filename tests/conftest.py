from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Every test gets its own data, config and packs folders: nothing touches the real ones."""
    monkeypatch.setenv("FINALE_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("FINALE_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("FINALE_PACKS", str(tmp_path / "packs"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(os.environ["FINALE_HOME"])

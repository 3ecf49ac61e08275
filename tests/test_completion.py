"""Shell completion: scripts for bash, zsh and fish, and company names from the data folder on a tab."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import acme, make_store
from tests.serving import FINALE


def complete(line: str, data: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "completions"
    env = {**os.environ, "FINALE_HOME": str(data), "_ARGCOMPLETE": "1", "_ARGCOMPLETE_IFS": "\n",
           "COMP_LINE": line, "COMP_POINT": str(len(line)), "_ARGCOMPLETE_STDOUT_FILENAME": str(out)}
    subprocess.run([FINALE], env=env, check=True, timeout=30)
    return [word.strip() for word in out.read_text(encoding="utf-8").split("\n") if word.strip()]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(shell: str) -> None:
    result = subprocess.run([FINALE, "completion", shell], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    assert "_ARGCOMPLETE" in result.stdout and "finale" in result.stdout


@pytest.mark.parametrize("command", ["open", "review", "check", "rehearse", "export"])
def test_company_names_complete_for_every_command_that_takes_one(command: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = make_store(data)
    store.create(acme())
    store.create(acme("Zürich Ünicorn AG"))
    found = complete(f"finale {command} ac", data, tmp_path)
    assert found == ["acme-robotics"]
    found = complete(f"finale {command} z", data, tmp_path)
    assert found == ["zurich-unicorn-ag"]


def test_display_names_complete_once_the_index_knows_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    subprocess.run([FINALE, "--data-dir", str(data), "list"], capture_output=True, check=True, timeout=30)
    found = complete("finale review A", data, tmp_path)
    assert any(word.replace("\\ ", " ") == "Acme Robotics" for word in found), found


def test_the_data_dir_on_the_line_is_the_one_completed(tmp_path: Path) -> None:
    other = tmp_path / "other"
    make_store(other).create(acme("Globex"))
    assert complete(f"finale --data-dir {other} open g", tmp_path / "empty", tmp_path) == ["globex"]


def test_no_data_folder_completes_nothing_quietly(tmp_path: Path) -> None:
    assert complete("finale review a", tmp_path / "missing", tmp_path) == []

"""Issue 28.2-3: the data folder removed, moved, full or read-only while a company is open.

Each fault meets each way of leaving or saving (ctrl+s, ctrl+q, SIGTERM, SIGHUP). Afterwards
every typed word is in exactly one file, that file is one of the documented places (the notes
file, a recovery copy beside it, finale's state folder, a private temp folder), and what the user
is told (on screen for ctrl+s, on the terminal at exit) names it. When nothing at all can be
written, the text itself is on stderr.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
from pathlib import Path

import pytest

import tui.leaving
import tui.saving
from tests.helpers import acme, make_app, make_store
from tests.test_prepare import open_acme, type_text
from tui.core import atomic

SLUG = "acme-robotics"
WORDS = "zebra quokka marmot"


@pytest.fixture(autouse=True)
def _places(tmp_path, monkeypatch):
    """The state and temp folders of this test alone, and only the keys save."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    monkeypatch.setattr(tui.saving, "DISK_POLL_SECONDS", 3600)
    monkeypatch.setitem(tui.saving.DELAYS, tui.saving.Edit.TYPING, 3600)
    monkeypatch.setattr(tui.saving, "LONGEST_WAIT_SECONDS", 3600)  # slow typing on a loaded machine


def _refuse(monkeypatch, code: int, under: Path | None) -> None:
    """Every write under ``under`` (everywhere, for None) fails as a full or read-only disk does."""
    real = atomic._write_temp

    def failing(folder, name, data, mode):
        if under is None or Path(folder).resolve().is_relative_to(under.resolve()):
            raise OSError(code, os.strerror(code), str(folder))
        return real(folder, name, data, mode)

    monkeypatch.setattr(atomic, "_write_temp", failing)


def _fault(kind: str, data: Path, monkeypatch) -> None:
    if kind == "removed":
        shutil.rmtree(data)
    elif kind == "moved":
        os.rename(data, data.with_name("moved-away"))
    elif kind == "full":
        _refuse(monkeypatch, errno.ENOSPC, data)
    elif kind == "read-only":  # tests may run as root, which chmod does not stop
        _refuse(monkeypatch, errno.EROFS, data)


def holding(root: Path, words: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and words in p.read_text("utf-8", "replace")]


async def _run(tmp_path, monkeypatch, fault: str, action: str):
    """Type, break the disk, act; return (app, what the user was told, where the words are)."""
    data = tmp_path / "data"
    make_store(data).create(acme())
    app = make_app(data)
    left: list = []
    monkeypatch.setattr(tui.leaving, "leave_now", lambda driver, code, restore, lines: left.append(list(lines)))
    told = ""
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, f" {WORDS}")
        _fault(fault, data, monkeypatch)
        if action == "ctrl+s":
            await pilot.press("ctrl+s")
            await pilot.pause()
            told = " ".join(str(n.message) for n in app._notifications)
            assert screen.session.company.answer_text("why-here").endswith(WORDS)  # still on screen
        elif action == "ctrl+q":
            await pilot.press("ctrl+q")
            await pilot.pause()
        else:
            app._terminal_gone(128 + getattr(signal, action))
            told = "\n".join(left[0])
        if action == "ctrl+q":
            told = "\n".join(app.farewell)
    return app, told, holding(tmp_path, WORDS)


FAULTS = ["removed", "moved", "full", "read-only"]
ACTIONS = ["ctrl+s", "ctrl+q", "SIGTERM", "SIGHUP"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("fault", FAULTS)
async def test_every_word_is_in_one_documented_place_and_the_user_is_told_which(tmp_path, monkeypatch, fault, action):
    app, told, places = await _run(tmp_path, monkeypatch, fault, action)
    notes_file = tmp_path / "data" / "companies" / f"{SLUG}.toml"
    if fault in ("removed", "moved"):
        # The folder is made again where it was (0700), and the notes file holds everything.
        assert places == [notes_file]
        assert (os.stat(tmp_path / "data").st_mode & 0o777) == 0o700
        assert "was gone" in told and str(notes_file.parent) in told
        return
    if action == "ctrl+s":
        assert places == []  # nothing reached a disk that refuses: the words are on screen
        assert "Could not save" in told and "still here" in told
        return
    assert len(places) == 1
    rescued = places[0]
    assert rescued.is_relative_to(tmp_path / "state" / "finale" / "rescued")
    assert f"{SLUG}.toml.recovery-" in rescued.name and (rescued.stat().st_mode & 0o777) == 0o600
    assert str(rescued) in told


async def test_the_temp_folder_takes_the_words_when_the_state_folder_cannot(tmp_path, monkeypatch):
    state = tmp_path / "state"
    state.mkdir()
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    data = tmp_path / "data"
    make_store(data).create(acme())
    app = make_app(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, f" {WORDS}")
        _refuse(monkeypatch, errno.ENOSPC, tmp_path / "data")
        real = atomic._write_temp

        def no_state(folder, name, data, mode):
            if Path(folder).is_relative_to(state):
                raise OSError(errno.EROFS, "Read-only file system", str(folder))
            return real(folder, name, data, mode)

        monkeypatch.setattr(atomic, "_write_temp", no_state)
        await pilot.press("ctrl+q")
    [place] = holding(tmp_path, WORDS)
    assert place.parent.parent == tmp_path / "tmp" and place.parent.name.startswith("finale-rescue-")
    assert (place.parent.stat().st_mode & 0o777) == 0o700
    assert any(str(place) in line for line in app.farewell)


@pytest.mark.parametrize("action", ["ctrl+q", "SIGTERM"])
async def test_when_nothing_can_be_written_the_text_goes_to_stderr(tmp_path, monkeypatch, action):
    data = tmp_path / "data"
    make_store(data).create(acme())
    app = make_app(data)
    left: list = []
    monkeypatch.setattr(tui.leaving, "leave_now", lambda driver, code, restore, lines: left.append(list(lines)))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, f" {WORDS}")
        _refuse(monkeypatch, errno.ENOSPC, None)
        if action == "ctrl+q":
            await pilot.press("ctrl+q")
            await pilot.pause()
            from tui.dialogs.basic import ConfirmDialog

            assert isinstance(app.screen, ConfirmDialog) and "prints them on the terminal" in app.screen.detail
            await pilot.press("y")
            lines = app.farewell
        else:
            app._terminal_gone(128 + signal.SIGTERM)
            lines = left[0]
    assert holding(tmp_path, WORDS) == []
    printed = "\n".join(lines)
    assert "nothing could be written" in printed and WORDS in printed


async def test_a_removed_data_folder_whose_parent_is_gone_too_is_not_made_again(tmp_path, monkeypatch):
    data = tmp_path / "outer" / "data"
    make_store(data).create(acme())
    app = make_app(data)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_acme(pilot, app)
        await pilot.press("enter", "ctrl+end")
        await type_text(pilot, f" {WORDS}")
        shutil.rmtree(tmp_path / "outer")  # an unmounted drive looks like this
        await pilot.press("ctrl+q")
    assert not (tmp_path / "outer").exists()
    [place] = holding(tmp_path, WORDS)
    assert place.is_relative_to(tmp_path / "state") and any(str(place) in line for line in app.farewell)

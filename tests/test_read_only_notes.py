"""A notes file the user made read-only is never saved over, and its mode is kept (walk #10)."""

from __future__ import annotations

import os
import stat

import pytest

from tests.helpers import Seen, acme, make_app, make_store, open_company
from tui.core.atomic import ReadOnlyFile, atomic_write
from tui.core.save_status import SaveState


def _read_only(path) -> tuple[bytes, int]:
    path.chmod(0o444)
    return path.read_bytes(), stat.S_IMODE(path.stat().st_mode)


def test_atomic_write_refuses_a_read_only_file_and_leaves_it_as_it_was(tmp_path):
    path = tmp_path / "notes.toml"
    path.write_bytes(b"mine")
    before = _read_only(path)
    with pytest.raises(ReadOnlyFile, match="read-only"):
        atomic_write(path, b"theirs")
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before
    assert os.listdir(tmp_path) == ["notes.toml"]  # no temp file left behind


def test_the_store_does_not_save_over_it_and_the_session_says_why(tmp_path):
    from tui.core.session import CompanySession

    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    before = _read_only(path)
    session = CompanySession(store, loaded)
    session.company.set_answer("why-here", "Edited while read-only.", session.store.clock())
    session.edits += 1
    status = session.save(session.snapshot())
    assert status.state is SaveState.FAILED and status.reason == "the file is read-only"
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before
    path.chmod(0o600)  # the user allows it again: the next save writes
    assert session.save(session.snapshot()).state is SaveState.SAVED
    assert "Edited while read-only." in path.read_text()


async def test_prepare_says_so_once_keeps_the_text_and_saves_once_allowed(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    app, seen = make_app(tmp_path), Seen()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=seen) as pilot:
        await open_company(pilot)
        before = _read_only(path)
        await pilot.press("enter", "end", "X", "ctrl+s")
        await pilot.pause()
        await pilot.press("Y", "ctrl+s")
        await pilot.pause()
        told = [n for n in seen.notifications if "read-only" in n.message]
        assert len(told) == 1, [n.message for n in seen.notifications]
        assert "not saved" in str(app.screen.query_one("#answer-status").render())
        assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == before
        path.chmod(0o600)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved." in seen
    assert "XY" in path.read_text()

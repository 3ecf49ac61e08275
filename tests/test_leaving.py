"""Leaving the app any way at all (quit, a crash, a broken file) keeps every word typed."""

from __future__ import annotations

import pytest
from textual.worker import WorkerFailed

from tests.helpers import acme, make_app, make_store, open_company, saved

BROKEN = b'format = 1\n[company\nname = "X"\n'


async def type_into_right_fit(pilot, text: str) -> None:
    await pilot.press("down", "enter", *["space" if c == " " else c for c in text])


def boom() -> None:
    raise RuntimeError("a bug somewhere")


@pytest.mark.parametrize("where", ["handler", "worker"])
async def test_a_crash_saves_every_open_company_first(tmp_path, where):
    """Issue 12.1, second half: an unhandled exception in the app or a worker saves before the app ends."""
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    with pytest.raises((RuntimeError, WorkerFailed), match="a bug somewhere"):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_company(pilot)
            await type_into_right_fit(pilot, "typed before the crash")
            if where == "worker":
                app.run_worker(boom, thread=True)
            else:
                app.call_later(boom)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert app.return_code == 1 and app.crash == "RuntimeError: a bug somewhere"
    log = app.crash_log
    assert log is not None and log.parent == tmp_path / "xdg-state" / "finale"
    assert log.stat().st_mode & 0o777 == 0o600 and log.parent.stat().st_mode & 0o777 == 0o700
    text = log.read_text(encoding="utf-8")
    assert text.startswith("Traceback") and "RuntimeError: a bug somewhere" in text and "boom" in text
    assert saved(app.store, "acme-robotics")["answers"]["right-fit"]["text"] == "typed before the crash"


async def test_quitting_while_the_file_is_broken_writes_a_recovery_copy(tmp_path):
    """Issue 12.4: quit while blocked: the text goes beside the broken file, which stays untouched."""
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        store.path_for("acme-robotics").write_bytes(BROKEN)
        await screen.saver.poll_disk()
        await type_into_right_fit(pilot, "kept anyway")
        await pilot.press("ctrl+q")
    assert store.path_for("acme-robotics").read_bytes() == BROKEN
    copies = list(store.companies.glob("acme-robotics.toml.recovery-*"))
    assert len(copies) == 1 and "kept anyway" in copies[0].read_text(encoding="utf-8")
    assert app.farewell == [f"finale: acme-robotics: your latest words are in {copies[0]}"]


def test_crash_logs_never_overwrite_each_other_and_the_line_stays_one_line(tmp_path):
    from datetime import datetime

    from tui.core.crashlog import MAX_LINE, crash_line, write_crash_log

    now = datetime(2026, 11, 26, 10, 0)
    first, second = (write_crash_log(tmp_path / "state", text, now) for text in ("one", "two"))
    assert first != second and (first.read_text(), second.read_text()) == ("one", "two")
    line = crash_line(ValueError("a\nmessage   spread\tover lines " + "x" * 500))
    assert "\n" not in line and line.startswith("ValueError: a message spread over lines") and len(line) == MAX_LINE
    assert crash_line(KeyError()) == "KeyError"

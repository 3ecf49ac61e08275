"""What the screens look like, at 80x24 and 140x40. Frozen clock, no blink, fixed data."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.helpers import acme, make_app, make_store
from tui.core.notes import Company, Rehearsal

SIZES = [(80, 24), (140, 40)]
SSH_SIZES = [(80, 24), (100, 30)]  # what an SSH user has, and where the tips join the answer


def with_companies(tmp_path):
    store = make_store(tmp_path)
    store.create(acme())
    store.create(Company(name="Globex", role="Group PM"))
    store.companies.joinpath("broken.toml").write_text('format = 1\n[company\n', encoding="utf-8")
    return make_app(tmp_path)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_first(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_picker(snap_compare, tmp_path, size):
    assert snap_compare(with_companies(tmp_path), terminal_size=size, run_before=settle)


def test_picker_empty(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_prepare(snap_compare, tmp_path, size):
    assert snap_compare(with_companies(tmp_path), terminal_size=size, run_before=open_first)


@pytest.mark.parametrize("key", ["3", "4"], ids=["tips", "research"])
def test_prepare_side_pane_at_80(snap_compare, tmp_path, key):
    async def side(pilot):
        await open_first(pilot)
        await pilot.press(key)
        await settle(pilot)

    assert snap_compare(with_companies(tmp_path), terminal_size=(80, 24), run_before=side)


def open_then(*keys: str):
    """A run_before that opens the first company, presses ``keys`` and lets the screen settle."""

    async def run(pilot):
        await open_first(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SSH_SIZES)
def test_help(snap_compare, tmp_path, size):
    assert snap_compare(with_companies(tmp_path), terminal_size=size, run_before=open_then("question_mark"))


def rehearsed_app(tmp_path):
    company = acme()
    company.rehearsals.append(Rehearsal("why-here", datetime(2026, 11, 26, 9, 0), 95, 2))
    store = make_store(tmp_path)
    store.create(company)
    store.create(Company(name="Globex", role="Group PM"))
    return make_app(tmp_path)


@pytest.mark.parametrize("size", SSH_SIZES)
def test_prepare_with_a_rehearsed_question(snap_compare, tmp_path, size):
    assert snap_compare(rehearsed_app(tmp_path), terminal_size=size, run_before=open_first)


@pytest.mark.parametrize("size", SSH_SIZES)
def test_details_form(snap_compare, tmp_path, size):
    assert snap_compare(rehearsed_app(tmp_path), terminal_size=size, run_before=open_then("i"))


@pytest.mark.parametrize("size", SSH_SIZES)
def test_starter_picker(snap_compare, tmp_path, size):
    async def starters(pilot):
        await open_first(pilot)
        await pilot.press("end", "2", "s")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot)

    assert snap_compare(rehearsed_app(tmp_path), terminal_size=size, run_before=starters)


@pytest.mark.parametrize("size", [(50, 15), (79, 12)])
def test_too_small(snap_compare, tmp_path, size):
    assert snap_compare(with_companies(tmp_path), terminal_size=size, run_before=settle)


def test_review_screen(snap_compare, tmp_path):
    async def review(pilot):
        await open_first(pilot)
        await pilot.press("v")
        await settle(pilot)

    assert snap_compare(with_companies(tmp_path), terminal_size=(80, 24), run_before=review)


class _FakeMonotonic:
    def __init__(self) -> None:
        self.t = 500.0

    def __call__(self) -> float:
        return self.t


def rehearsal_app(tmp_path):
    app = with_companies(tmp_path)
    app.monotonic = _FakeMonotonic()
    return app


async def _say_75_seconds(pilot) -> None:
    await open_first(pilot)
    await pilot.press("r", "space")
    pilot.app.monotonic.t += 75
    pilot.app.screen._tick()
    await settle(pilot)


@pytest.mark.parametrize("after", ["say", "reveal", "summary"])
def test_rehearse(snap_compare, tmp_path, after):
    async def run(pilot):
        await _say_75_seconds(pilot)
        if after in ("reveal", "summary"):
            await pilot.press("space")
            await settle(pilot)
        if after == "summary":
            await pilot.press("3")
            await settle(pilot)

    assert snap_compare(rehearsal_app(tmp_path), terminal_size=(80, 24), run_before=run)

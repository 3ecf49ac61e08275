"""The mock close at 80x24 (an interviewer line, the asks step, the review), and the brief review."""

from __future__ import annotations

import os

import pytest

from tests.conftest import FIXTURES
from tests.helpers import NOW, make_app, make_store
from tests.test_brief import DEMO
from tests.test_snapshots import _FakeMonotonic, open_first, settle
from tui.core.brief import render_brief
from tui.core.packs import load_catalog
from tui.core.review import build_review
from tui.core.store import company_from


def demo_app(tmp_path):
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    app.monotonic = _FakeMonotonic()
    return app


@pytest.mark.parametrize("step", ["line", "asks", "review"])
def test_mock_close(snap_compare, tmp_path, step):
    async def run(pilot):
        await open_first(pilot)
        await pilot.press("m", "space")
        clock = pilot.app.monotonic
        clock.t += 80
        await pilot.press("space")                  # the second interviewer line
        if step in ("asks", "review"):
            for seconds in (75, 100, 10):
                clock.t += seconds
                await pilot.press("space")          # ... to the first of your questions
        if step == "review":
            for seconds in (30, 35, 25):  # one space per chosen question in the demo (three)
                clock.t += seconds
                await pilot.press("space")
            await pilot.press("3")
        clock.t += 7
        pilot.app.screen._tick()
        await settle(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=(80, 24), run_before=run)


def test_brief_golden():
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    text = render_brief(build_review(load_catalog(None), company, NOW, readiness="10/27 (37%)"), 80, 24)
    path = FIXTURES / "review" / "brief-demo.txt"
    if os.environ.get("FINALE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 24

"""The "changed elsewhere" bar and the side-by-side view, at 80x24, from a copy an earlier session left."""

from __future__ import annotations

import copy

import pytest

from tests.helpers import NOW, acme, make_app, make_store
from tests.test_snapshots import open_first, settle
from tui.core.notes import ChecklistEntry
from tui.core.store import serialize


def with_two_copies(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    mine = copy.deepcopy(loaded.company)
    mine.set_answer("why-here", "- Your robot arm leads the market\n- I scaled a similar line to 40 sites", NOW)
    mine.set_answer("right-fit", "I have shipped two robots from prototype to fleet.", NOW)
    mine.checklist["products"] = ChecklistEntry(True, "Robot arm, vision kit, and a new cobot")
    path = store.path_for(loaded.slug)
    path.with_name(f"{path.name}.conflict-20261126-093000").write_bytes(serialize(mine))
    path.with_name(f"{path.name}.conflict-20261125-180000").write_bytes(serialize(loaded.company))
    return make_app(tmp_path)


@pytest.mark.parametrize("view", ["bar", "compare"])
def test_conflict_at_80(snap_compare, tmp_path, view):
    async def run(pilot):
        await open_first(pilot)
        if view == "compare":
            await pilot.press("C")
            await settle(pilot)

    assert snap_compare(with_two_copies(tmp_path), terminal_size=(80, 24), run_before=run)

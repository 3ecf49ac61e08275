"""The picker's index cache: reused when nothing changed, never trusted over the files."""

from __future__ import annotations

import json
import stat

from tests.helpers import NOW, acme, make_store
from tui.core import index
from tui.core.packs import load_catalog


def test_summaries_match_the_files_and_are_cached(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    store.create(acme())
    store.companies.joinpath("broken.toml").write_text("format = 1\n[company\n", encoding="utf-8")
    catalog = load_catalog(None)
    first = index.summaries(store, catalog, NOW)
    assert [s.slug for s in first] == ["acme-robotics", "broken"]
    acme_row = first[0]
    assert (acme_row.name, acme_row.answered, acme_row.questions, acme_row.researched) == ("Acme Robotics", 1, 4, 1)
    assert acme_row.ready == "3/27 (11%)"
    assert first[1].error_line == 2 and "TOML syntax error" in first[1].error
    cache = tmp_path / "cache" / "index.json"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600

    calls = []
    real = index._summarize
    monkeypatch.setattr(index, "_summarize", lambda *a: calls.append(a[2]) or real(*a))
    assert index.summaries(store, catalog, NOW) == first
    assert calls == []  # nothing changed: nothing read

    loaded = store.load("acme-robotics")
    loaded.company.set_answer("right-fit", "I led.", NOW)
    store.save("acme-robotics", loaded.company, loaded.digest)
    again = index.summaries(store, catalog, NOW)
    assert calls == ["acme-robotics"] and again[0].answered == 2


def test_a_corrupt_cache_is_rebuilt(tmp_path):
    store = make_store(tmp_path)
    store.create(acme())
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "index.json").write_text("{not json", encoding="utf-8")
    rows = index.summaries(store, load_catalog(None), NOW)
    assert rows[0].name == "Acme Robotics"
    assert json.loads((tmp_path / "cache" / "index.json").read_text())["files"]["acme-robotics"]


def test_a_changed_pack_invalidates_the_cache(tmp_path):
    store = make_store(tmp_path)
    store.create(acme())
    packs = tmp_path / "packs"
    packs.mkdir()
    index.summaries(store, load_catalog(packs), NOW)
    (packs / "more.toml").write_text(
        '[pack]\nid = "more"\ntitle = "M"\ndescription = "d"\nversion = "1"\n'
        '[[questions]]\nid = "extra"\nprompt = "Extra?"\nwhy_they_ask = "x"\ntarget_seconds = [1, 2]\n',
        encoding="utf-8")
    assert index.summaries(store, load_catalog(packs), NOW)[0].questions == 5


async def test_the_picker_shows_hundreds_of_companies(tmp_path):
    from textual.widgets import OptionList

    from tests.helpers import make_app
    from tui.core.notes import Company

    store = make_store(tmp_path)
    for i in range(120):
        store.create(Company(name=f"Company {i:03d}"))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        listing = app.screen.query_one("#companies", OptionList)
        assert listing.option_count == 120
        assert [listing.get_option_at_index(i).id for i in (0, 119)] == ["company-000", "company-119"]

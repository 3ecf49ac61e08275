"""Every writer: the new bytes are fsynced before they get the file's name, and the folder after.

Asserted on the recorded OS calls (tests/crashsim.py), not assumed from reading atomic.py: a
writer that stops fsyncing, or renames first, fails here by name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.crashsim import assert_durable_write, record
from tests.helpers import NOW, acme, make_store
from tui.core.store import ConflictError, serialize


def _notes_save(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    loaded.company.set_answer("why-here", "Saved again", NOW)
    with record(tmp_path, monkeypatch) as recording:
        store.save(loaded.slug, loaded.company, loaded.digest)
    return recording, store.path_for(loaded.slug), serialize(loaded.company)


def _notes_create(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    store.create(acme())
    with record(tmp_path, monkeypatch) as recording:
        loaded = store.create(acme())
    return recording, store.path_for(loaded.slug), serialize(loaded.company)


def _conflict_sibling(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    store.path_for(loaded.slug).write_bytes(serialize(acme("Edited elsewhere")))
    loaded.company.set_answer("why-here", "Mine", NOW)
    with record(tmp_path, monkeypatch) as recording, pytest.raises(ConflictError) as raised:
        store.save(loaded.slug, loaded.company, loaded.digest)
    return recording, raised.value.sibling, serialize(loaded.company)


def _rename(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    with record(tmp_path, monkeypatch) as recording:
        renamed = store.rename(loaded.slug, "Acme Industries")
    return recording, store.path_for(renamed.slug), serialize(renamed.company)


def _recovery_copy(tmp_path, monkeypatch):
    from tui.core.recovery import write_beside

    store = make_store(tmp_path)
    loaded = store.create(acme())
    with record(tmp_path, monkeypatch) as recording:
        copy = write_beside(store.path_for(loaded.slug), "recovery", "20261126-100000", b"kept")
    return recording, copy, b"kept"


def _set_aside(tmp_path, monkeypatch):
    from datetime import datetime

    from tui.core.conflicts import set_aside

    store = make_store(tmp_path)
    loaded = store.create(acme())
    with record(tmp_path, monkeypatch) as recording:
        kept = set_aside(store, loaded.slug, datetime(2026, 11, 26, 10, 0))
    assert kept is not None
    return recording, kept, store.path_for(loaded.slug).read_bytes()


def _commented_file_kept(tmp_path, monkeypatch):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    commented = b"# my own comment\n" + path.read_bytes()
    path.write_bytes(commented)
    loaded = store.load(loaded.slug)
    loaded.company.set_answer("why-here", "Saved over a commented file", NOW)
    with record(tmp_path, monkeypatch) as recording:
        store.save(loaded.slug, loaded.company, loaded.digest)
    kept = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".") and not p.name.endswith(".tmp")]
    assert len(kept) == 1, kept
    return recording, kept[0], commented


def _config(tmp_path, monkeypatch):
    from tui.core.config_edit import write_setting

    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "textual-dark"\n', encoding="utf-8")
    with record(tmp_path, monkeypatch) as recording:
        write_setting(path, "theme", "nord")
    return recording, path, b'# mine\ntheme = "nord"\n'


def _export(tmp_path, monkeypatch):
    from tui.cli import main

    make_store(tmp_path / "data").create(acme())
    target = tmp_path / "out" / "acme.md"
    target.parent.mkdir()
    with record(tmp_path, monkeypatch) as recording:
        assert main(["export", "acme", "-o", str(target)]) == 0
    return recording, target, target.read_bytes()


def _index_cache(tmp_path, monkeypatch):
    from tui.core.index import summaries
    from tui.core.packs import load_catalog

    store = make_store(tmp_path)
    store.create(acme())
    catalog = load_catalog(None)
    with record(tmp_path, monkeypatch) as recording:
        summaries(store, catalog, NOW)
    cache = tmp_path / "cache" / "index.json"
    assert json.loads(cache.read_bytes())["files"]
    return recording, cache, cache.read_bytes()


def _pack_cache(tmp_path, monkeypatch):
    from tui.core.pack_cache import PackCache

    (tmp_path / "data").mkdir()
    cache = PackCache(tmp_path / "data" / "cache")
    cache.put(tmp_path / "pack.toml", [1, 2, 3, 4, 5], {"name": "mine"})
    with record(tmp_path, monkeypatch) as recording:
        cache.save()
    assert cache.path is not None
    return recording, cache.path, cache.path.read_bytes()


WRITERS = {
    "notes save": _notes_save,
    "new company": _notes_create,
    "conflict sibling": _conflict_sibling,
    "rename": _rename,
    "recovery copy": _recovery_copy,
    "copy set aside before keep-mine": _set_aside,
    "commented file kept": _commented_file_kept,
    "config setting": _config,
    "export to a file": _export,
    "index cache": _index_cache,
    "pack cache": _pack_cache,
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=WRITERS.keys())
def test_bytes_fsynced_before_the_name_and_the_folder_fsynced_after(writer, tmp_path, monkeypatch):
    recording, path, content = writer(tmp_path, monkeypatch)
    assert_durable_write(recording, Path(path), content)


def test_the_check_fails_a_write_that_skips_the_fsyncs(tmp_path, monkeypatch):
    """The ordering check itself can fail: a plain write_bytes is neither fsynced nor followed by a folder fsync."""
    import os

    target = tmp_path / "plain.txt"
    with record(tmp_path, monkeypatch) as recording:
        target.write_bytes(b"unsafe")
        os.close(os.open(tmp_path, os.O_RDONLY))
    with pytest.raises(AssertionError, match="before its bytes were fsynced"):
        assert_durable_write(recording, target, b"unsafe")

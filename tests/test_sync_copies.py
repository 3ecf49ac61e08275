"""Issue 28.6: sync tools' conflict copies are copies of their company, never companies of their own."""

from __future__ import annotations

import copy
import json
import os
import shutil

import pytest

import tui.saving
from tests.helpers import NOW, acme, make_app, make_store
from tests.test_conflict_resolution import SLUG, bar_text
from tests.test_prepare import open_acme
from tui.cli import main
from tui.core.conflicts import conflict_copies, moved_aside
from tui.core.save_status import SaveState
from tui.core.session import CompanySession
from tui.core.store import serialize
from tui.core.sync_copies import split_copies, sync_copy_of

# (name without .toml, tool, the company it copies): each tool's own way of naming a conflict.
NAMES = [
    ("acme.sync-conflict-20261126-140312-ABCDEF7", "Syncthing", "acme"),
    ("acme.sync-conflict-20261126-140312-7QXZ2MB", "Syncthing", "acme"),
    ("acme (conflicted copy 2026-11-26)", "Dropbox", "acme"),
    ("acme (Jane's conflicted copy 2026-11-26)", "Dropbox", "acme"),
    ("acme (Jane Doe's MacBook Pro's conflicted copy 2026-11-26)", "Dropbox", "acme"),
    ("acme (conflicted copy 2026-11-26 140312)", "Nextcloud", "acme"),
    ("acme (1)", "Google Drive", "acme"),
    ("acme (12)", "Google Drive", "acme"),
    ("acme-DESKTOP-4F2K9", "OneDrive", "acme"),
    ("acme-LAPTOP", "OneDrive", "acme"),
    ("northwind-robotics-WORKPC1", "OneDrive", "northwind-robotics"),
]

ACME = [stem for stem, _, base in NAMES if base == "acme"]

# Names finale itself writes (lower-case slugs, -2 for a second company of the same name) are no copies.
ORDINARY = ["acme", "acme-2", "northwind-robotics", "acme-robotics-10", "acme-desktop", "a-b-c", "acme (draft)"]


@pytest.mark.parametrize(("stem", "tool", "base"), NAMES)
def test_each_sync_tools_conflict_name_is_a_copy_of_its_company(stem, tool, base):
    found = sync_copy_of(stem)
    assert found is not None and (found.tool, found.base) == (tool, base)
    companies, copies = split_copies([base, stem])
    assert companies == [base] and [c.stem for c in copies[base]] == [stem]


@pytest.mark.parametrize("stem", ORDINARY)
def test_finales_own_names_are_not_copies(stem):
    found = sync_copy_of(stem)
    companies, _ = split_copies(["acme", "northwind-robotics", stem])
    assert found is None or stem in companies
    assert stem in companies


def test_a_copy_without_its_company_is_listed_as_a_company_not_hidden():
    assert split_copies(["acme (1)"]) == (["acme (1)"], {})


def test_a_copy_of_a_copy_belongs_to_the_company():
    companies, copies = split_copies(["acme", "acme (1)", "acme (1).sync-conflict-20261126-140312-ABCDEF7"])
    assert companies == ["acme"] and len(copies["acme"]) == 2


def _with_copies(root):
    store = make_store(root)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    for stem in ACME:
        shutil.copy(path, path.with_name(stem.replace("acme", loaded.slug, 1) + ".toml"))
    return store, loaded


def test_finale_list_shows_one_company_with_a_conflict_mark(tmp_path, capsys):
    store, _ = _with_copies(tmp_path)
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.count("Acme Robotics") == 1
    assert f"CONFLICT ({len(ACME)} other versions" in out
    assert "Syncthing conflict copy" in err and "Dropbox conflict copy" in err
    main(["--data-dir", str(tmp_path), "list", "--json"])
    rows = [r for r in json.loads(capsys.readouterr().out) if r["slug"]]
    assert [(r["slug"], r["conflict_copies"]) for r in rows] == [(SLUG, len(ACME))]


def test_review_names_one_company_not_a_row_of_duplicates(tmp_path, capsys):
    _with_copies(tmp_path)
    assert main(["--data-dir", str(tmp_path), "review", "Acme"]) == 0
    assert "more than one" not in capsys.readouterr().err


def test_the_conflict_bar_lists_sync_copies_with_the_tools_name(tmp_path):
    store, loaded = _with_copies(tmp_path)
    found = conflict_copies(store, loaded.slug)
    assert {c.tool for c in found} >= {"Syncthing", "Dropbox", "Nextcloud", "Google Drive", "OneDrive"}
    syncthing = next(c for c in found if c.tool == "Syncthing")
    assert syncthing.label(NOW) == "14:03, Syncthing's copy"  # today, by the name's stamp


def test_a_file_syncthing_moved_aside_is_a_conflict_not_a_silent_reload(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    session = CompanySession(store, store.load(loaded.slug))
    session.set_answer("why-here", "My words from this machine", NOW)
    assert session.save_now().state is SaveState.SAVED
    path = store.path_for(loaded.slug)
    aside = path.with_name(f"{loaded.slug}.sync-conflict-20261126-140312-ABCDEF7.toml")
    remote = copy.deepcopy(loaded.company)
    remote.set_answer("why-here", "The other machine's words", NOW)
    os.rename(path, aside)  # what Syncthing does: ours aside, theirs in place
    path.write_bytes(serialize(remote))
    assert moved_aside(store, loaded.slug, session.digest) == aside
    assert session.disk_changed()
    status = session.reload()
    assert status.state is SaveState.CONFLICT and status.copy == aside
    assert session.company.answer_text("why-here") == "The other machine's words"


async def test_the_bar_shows_when_syncthing_moves_the_open_file_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(tui.saving, "DISK_POLL_SECONDS", 3600)
    store = make_store(tmp_path)
    loaded = store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        assert bar_text(screen) == ""
        path = store.path_for(loaded.slug)
        os.rename(path, path.with_name(f"{loaded.slug}.sync-conflict-20261126-140312-ABCDEF7.toml"))
        remote = copy.deepcopy(loaded.company)
        remote.set_answer("why-here", "The other machine's words", NOW)
        path.write_bytes(serialize(remote))
        await screen.saver.poll_disk()
        await pilot.pause()
        assert "Syncthing's copy" in bar_text(screen)

"""A power cut at any point of a save leaves the old notes or the new ones, and every other company's as it was.

Each test runs one store operation under tests/crashsim.py's recorder, then checks every disk
state a power cut after any of its OS calls could leave (what a cut drops is in crashsim's
docstring and the README's promises section). The last cut, after the operation returned,
must hold the new state: "saved" means on the disk.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crashsim import check_every_crash, record
from tests.helpers import NOW, acme, make_store
from tui.core.notes import Company
from tui.core.recovery import write_beside
from tui.core.store import ConflictError, company_from, serialize

ACME = "companies/acme-robotics.toml"
GLOBEX = "companies/globex.toml"


def edited(company: Company, text: str) -> Company:
    company.set_answer("why-here", text, NOW)
    return company


@pytest.fixture
def two_companies(tmp_path):
    """Acme (the one saved) and Globex (a bystander), both on disk before the cut."""
    store = make_store(tmp_path)
    loaded = store.create(acme())
    store.create(acme("Globex"))
    return store, loaded


def files_on_disk(root: Path) -> dict[str, bytes]:
    return {os.path.relpath(p, root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def name_of(data: bytes) -> str:
    return company_from(data, Path("x.toml"))[0].name


def test_a_plain_save_leaves_the_old_notes_or_the_new_ones(tmp_path, monkeypatch, two_companies):
    store, loaded = two_companies
    before = files_on_disk(tmp_path)
    company = edited(loaded.company, "A much longer answer " * 40)
    new = serialize(company)
    with record(tmp_path, monkeypatch) as recording:
        store.save(loaded.slug, company, loaded.digest)

    def check(files: dict[str, bytes], finished: bool) -> str | None:
        if files.get(GLOBEX) != before[GLOBEX]:
            return "Globex's notes changed"
        if finished and files.get(ACME) != new:
            return "the new notes are not on the disk after save returned"
        if files.get(ACME) not in (before[ACME], new):
            return f"Acme's notes are {files.get(ACME, b'gone')[:40]!r}, neither the old nor the new"
        return None

    assert check_every_crash(recording, check) > len(recording.steps)


def test_creating_a_company_leaves_it_whole_or_absent(tmp_path, monkeypatch, two_companies):
    store, _ = two_companies
    before = files_on_disk(tmp_path)
    with record(tmp_path, monkeypatch) as recording:
        loaded = store.create(acme("Initech"))
    new = serialize(loaded.company)
    path = f"companies/{loaded.slug}.toml"

    def check(files, finished):
        if any(files.get(p) != before[p] for p in (ACME, GLOBEX)):
            return "another company's notes changed"
        if files.get(path) not in ((new,) if finished else (None, new)):
            return f"{path} is torn: {files.get(path, b'')[:40]!r}"
        return None

    check_every_crash(recording, check)


def test_a_conflict_sibling_appears_whole_or_not_at_all_and_the_file_is_untouched(tmp_path, monkeypatch,
                                                                                 two_companies):
    store, loaded = two_companies
    elsewhere = edited(acme(), "Edited in another editor")
    (tmp_path / ACME).write_bytes(serialize(elsewhere))
    before = files_on_disk(tmp_path)
    mine = serialize(edited(loaded.company, "Typed in finale"))
    with record(tmp_path, monkeypatch) as recording, pytest.raises(ConflictError) as raised:
        store.save(loaded.slug, edited(loaded.company, "Typed in finale"), loaded.digest)
    sibling = os.path.relpath(raised.value.sibling, tmp_path)

    def check(files, finished):
        if files.get(ACME) != before[ACME] or files.get(GLOBEX) != before[GLOBEX]:
            return "a file on disk was overwritten"
        if files.get(sibling) not in ((mine,) if finished else (None, mine)):
            return f"the sibling {sibling} is torn or lost: {files.get(sibling, b'')[:40]!r}"
        return None

    check_every_crash(recording, check)


def test_a_recovery_copy_appears_whole_or_not_at_all(tmp_path, monkeypatch, two_companies):
    store, loaded = two_companies
    before = files_on_disk(tmp_path)
    data = serialize(edited(loaded.company, "What could not go into the file"))
    with record(tmp_path, monkeypatch) as recording:
        copy = write_beside(store.path_for(loaded.slug), "recovery", "20261126-100000", data)
    copy_name = os.path.relpath(copy, tmp_path)

    def check(files, finished):
        if any(files.get(p) != before[p] for p in before):
            return "a file that was there changed"
        if files.get(copy_name) not in ((data,) if finished else (None, data)):
            return f"the recovery copy is torn or lost: {files.get(copy_name, b'')[:40]!r}"
        return None

    check_every_crash(recording, check)


def test_a_rename_keeps_the_notes_under_one_name_or_both_never_none(tmp_path, monkeypatch, two_companies):
    store, loaded = two_companies
    before = files_on_disk(tmp_path)
    with record(tmp_path, monkeypatch) as recording:
        renamed = store.rename(loaded.slug, "Acme Industries")
    new_path = f"companies/{renamed.slug}.toml"
    new = serialize(renamed.company)

    def check(files, finished):
        if files.get(GLOBEX) != before[GLOBEX]:
            return "Globex's notes changed"
        old_copy, new_copy = files.get(ACME), files.get(new_path)
        if old_copy is None and new_copy is None:
            return "the notes are under neither name"
        if old_copy not in (None, before[ACME]) or new_copy not in (None, new):
            return "a copy is torn"
        if finished and (new_copy != new or old_copy is not None):
            return "the rename is not durable once rename returned: the old name can come back after a power cut"
        return None

    check_every_crash(recording, check)


def test_a_delete_moves_the_notes_to_the_trash_never_loses_them(tmp_path, monkeypatch, two_companies):
    store, loaded = two_companies
    before = files_on_disk(tmp_path)
    with record(tmp_path, monkeypatch) as recording:
        store.delete(loaded.slug)

    def check(files, finished):
        if files.get(GLOBEX) != before[GLOBEX]:
            return "Globex's notes changed"
        copies = [data for path, data in files.items() if path == ACME or path.startswith("trash/")]
        if not copies:
            return "the notes are neither in the companies folder nor in the trash"
        if any(data != before[ACME] for data in copies):
            return "a copy of the notes is torn"
        if finished and ACME in files:
            return "the delete is not durable once delete returned: the company comes back after a power cut"
        return None

    check_every_crash(recording, check)
    assert name_of(before[ACME]) == "Acme Robotics"

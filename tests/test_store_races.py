"""The store under races: conflicts in the same second, hand edits mid-save, many writers at once."""

from __future__ import annotations

import copy
import stat
import threading

import pytest

from tests.helpers import NOW, acme, make_store
from tui.core.atomic import write_new
from tui.core.store import ConflictError


def _hand_edit(path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def test_two_conflicts_in_the_same_second_get_two_files(tmp_path):
    store = make_store(tmp_path)  # its clock is frozen: every conflict has the same stamp
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    window_a, window_b = copy.deepcopy(loaded.company), copy.deepcopy(loaded.company)
    window_a.set_answer("right-fit", "Words from window A.", NOW)
    window_b.set_answer("right-fit", "Words from window B.", NOW)
    _hand_edit(path, "Your robot arm", "Edited by hand: your robot arm")
    siblings = []
    for company in (window_a, window_b):
        with pytest.raises(ConflictError) as caught:
            store.save(loaded.slug, company, loaded.digest)
        siblings.append(caught.value.sibling)
    assert siblings[0] != siblings[1]
    assert siblings[1].name == siblings[0].name + "-2"
    assert "Words from window A." in siblings[0].read_text(encoding="utf-8")
    assert "Words from window B." in siblings[1].read_text(encoding="utf-8")
    assert "Edited by hand" in path.read_text(encoding="utf-8")


def test_write_new_never_replaces_and_racing_writers_all_keep_their_file(tmp_path):
    target = tmp_path / "notes.toml.conflict-20261126-100000"
    barrier = threading.Barrier(8)
    written: list = []

    def writer(n: int) -> None:
        barrier.wait()
        written.append(write_new(target, f"writer {n}".encode()))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(written)) == 8
    assert sorted(p.read_text() for p in written) == sorted(f"writer {n}" for n in range(8))
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_hand_edit_while_the_temp_file_is_written_is_not_replaced(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    edited: list[str] = []

    def hand_edit_in_the_gap(target) -> None:
        # The moment after our temp file is fsynced: an editor saves its version now.
        edited.append(_hand_edit(target, "Your robot arm", "Saved from vim mid-save: your robot arm"))

    store.on_temp_written = hand_edit_in_the_gap
    loaded.company.set_answer("right-fit", "Typed in finale.", NOW)
    with pytest.raises(ConflictError) as caught:
        store.save(loaded.slug, loaded.company, loaded.digest)
    assert edited, "the hook between writing the temp file and the rename never ran"
    assert path.read_text(encoding="utf-8") == edited[0]
    assert "Typed in finale." in caught.value.sibling.read_text(encoding="utf-8")
    assert not list(store.companies.glob(".*.tmp"))


def test_a_save_without_interference_still_replaces_the_file(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(acme())
    calls: list = []
    store.on_temp_written = calls.append
    loaded.company.set_answer("right-fit", "Typed in finale.", NOW)
    digest = store.save(loaded.slug, loaded.company, loaded.digest)
    assert calls == [store.path_for(loaded.slug)]
    assert store.load(loaded.slug).digest == digest
    assert "Typed in finale." in store.path_for(loaded.slug).read_text(encoding="utf-8")

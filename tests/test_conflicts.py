"""Conflict copies in the core: finding them, comparing them, keeping both, and the trash."""

from __future__ import annotations

import copy
import os
import stat
from datetime import datetime

import pytest

from tests.helpers import NOW, acme, make_store
from tui.core.conflicts import (
    conflict_copies,
    differences,
    keep_both,
    load_copy,
    move_to_trash,
    separator,
    set_aside,
)
from tui.core.notes import Ask, ChecklistEntry, CustomQuestion, Rehearsal
from tui.core.store import ConflictError, NotesError, serialize

AT = datetime(2026, 11, 26, 9, 30)


def conflicted(store, times=(NOW,)):
    """A company whose file changed on disk, with one conflict copy of "mine" per time in ``times``."""
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    path.write_text(path.read_text().replace("Your robot arm", "Theirs"), encoding="utf-8")
    mine = copy.deepcopy(loaded.company)
    mine.set_answer("why-here", "Mine, typed here", NOW)
    for when in times:
        store.clock = lambda when=when: when
        with pytest.raises(ConflictError):
            store.save(loaded.slug, mine, loaded.digest)
    return loaded.slug, mine


def test_copies_are_found_newest_first_and_only_for_this_company(tmp_path):
    store = make_store(tmp_path)
    slug, _ = conflicted(store, times=(AT, NOW, NOW))
    other = store.create(acme("Acme Robot"))  # a slug that starts like ours
    store.path_for(other.slug).with_name(f"{other.slug}.toml.conflict-20261127-000000").write_text("x")
    store.path_for(slug).with_name(f"{slug}.toml.recovery-20261127-000000").write_text("x")
    found = conflict_copies(store, slug)
    assert [c.path.name for c in found] == [
        f"{slug}.toml.conflict-20261126-100000-2",
        f"{slug}.toml.conflict-20261126-100000",
        f"{slug}.toml.conflict-20261126-093000",
    ]
    assert found[0].label(NOW) == "10:00" and found[2].label(datetime(2026, 11, 27)) == "26 Nov 09:30"
    assert load_copy(found[0]).answer_text("why-here") == "Mine, typed here"


def test_no_folder_no_copies(tmp_path):
    assert conflict_copies(make_store(tmp_path), "nobody") == []


def test_an_unreadable_copy_raises_and_stays(tmp_path):
    store = make_store(tmp_path)
    slug, _ = conflicted(store)
    found = conflict_copies(store, slug)[0]
    found.path.write_bytes(b"format = 1\n[company\n")
    with pytest.raises(NotesError):
        load_copy(found)
    assert found.path.exists()


def test_differences_by_question_then_the_rest():
    theirs, mine = acme(), acme()
    theirs.set_answer("right-fit", "Theirs fit", NOW)
    mine.set_answer("right-fit", "Mine fit", NOW)
    mine.set_answer("why-here", "Mine why", NOW)
    mine.checklist["products"] = ChecklistEntry(False, "Another note")
    mine.asks.append(Ask("How do you measure success?", "collaboration", True))
    mine.role = "Director of Product"
    mine.custom_questions.append(CustomQuestion("my-why", "Why now?"))
    mine.rehearsals.append(Rehearsal("why-here", NOW, 90, 3))
    found = differences(theirs, mine, order=["why-here", "right-fit"])
    assert [(d.kind, d.key) for d in found] == [
        ("answer", "why-here"), ("answer", "right-fit"), ("note", "products"), ("asks", ""),
        ("details", "role"), ("questions", ""), ("rehearsals", ""),
    ]
    assert found[1].theirs == "Theirs fit" and found[1].mine == "Mine fit"
    assert found[2].theirs == "✓ Robot arm, vision kit" and found[2].mine == "· Another note"
    assert found[-1].theirs == "0 rehearsals" and found[-1].mine == "1 rehearsals"


def test_same_notes_have_no_differences():
    assert differences(acme(), acme()) == []


def test_keep_both_puts_the_disk_text_then_a_separator_then_mine():
    theirs, mine = acme(), acme()
    theirs.set_answer("why-here", "Theirs\n", NOW)
    mine.set_answer("why-here", "Mine", NOW)
    mine.set_answer("right-fit", "Only mine", NOW)
    theirs.set_answer("strengths", "Only theirs", NOW)
    theirs.checklist["products"] = ChecklistEntry(False, "Their note")
    mine.checklist["products"] = ChecklistEntry(True, "My note")
    mine.asks.append(Ask("New ask", "", True))
    mine.custom_questions.append(CustomQuestion("my-q", "Mine?"))
    mine.rehearsals.append(Rehearsal("why-here", NOW, 90, 3))
    mine.interviewers = ["Ada"]
    merged = keep_both(theirs, mine, AT)
    assert merged.answer_text("why-here") == f"Theirs\n{separator(AT)}\nMine"
    assert separator(AT) == "--- my version (from 2026-11-26 09:30) ---"
    assert merged.answer_text("right-fit") == "Only mine"
    assert merged.answer_text("strengths") == "Only theirs"
    assert merged.checklist["products"].note == f"Their note\n{separator(AT)}\nMy note"
    assert merged.checklist["products"].done
    assert [a.text for a in merged.asks] == ["What are the key initiatives?", "New ask"]
    assert [c.id for c in merged.custom_questions] == ["my-q"]
    assert len(merged.rehearsals) == 1 and merged.interviewers == ["Ada"]
    assert theirs.answer_text("why-here") == "Theirs\n"  # the inputs are not changed
    # Text survives a save exactly, whatever it holds.
    assert serialize(merged)


def test_keep_both_without_a_newline_adds_one():
    theirs, mine = acme(), acme()
    theirs.set_answer("why-here", "a\r\nb", NOW)
    mine.set_answer("why-here", "c", NOW)
    assert keep_both(theirs, mine, AT).answer_text("why-here") == f"a\r\nb\n{separator(AT)}\nc"


def test_move_to_trash_never_replaces_and_keeps_the_bytes(tmp_path):
    store = make_store(tmp_path)
    slug, _ = conflicted(store, times=(NOW,))
    first = conflict_copies(store, slug)[0].path
    data = first.read_bytes()
    moved = move_to_trash(store, first)
    assert moved == store.trash / first.name and moved.read_bytes() == data and not first.exists()
    assert stat.S_IMODE(os.stat(store.trash).st_mode) == 0o700
    first.write_bytes(b"again")
    second = move_to_trash(store, first)
    assert second.name == f"{first.name}-2" and moved.read_bytes() == data and second.read_bytes() == b"again"


def test_set_aside_copies_the_disk_file_into_the_trash(tmp_path):
    store = make_store(tmp_path)
    slug, _ = conflicted(store)
    before = store.path_for(slug).read_bytes()
    aside = set_aside(store, slug, NOW)
    assert aside.parent == store.trash and aside.read_bytes() == before
    assert store.path_for(slug).read_bytes() == before
    assert set_aside(store, "nobody", NOW) is None

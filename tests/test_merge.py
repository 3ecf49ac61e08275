"""Issue 28.5: three-way merge by field; only the same field changed on both sides is a clash."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from tests.helpers import NOW, acme
from tui.core.merge import Clash, changed_fields, merge, merge_documents, take_fields
from tui.core.notes import Rehearsal


def three():
    base = acme()
    return base, copy.deepcopy(base), copy.deepcopy(base)


def test_different_answers_on_each_side_both_survive():
    base, mine, theirs = three()
    mine.set_answer("why-here", "Mine, typed steadily", NOW)
    theirs.set_answer("right-fit", "Theirs, saved from the other window", NOW)
    merged = merge(base, mine, theirs)
    assert merged.answer_text("why-here") == "Mine, typed steadily"
    assert merged.answer_text("right-fit") == "Theirs, saved from the other window"


def test_the_same_answer_changed_on_both_sides_clashes_unless_identical():
    base, mine, theirs = three()
    mine.set_answer("why-here", "A", NOW)
    theirs.set_answer("why-here", "B", NOW)
    with pytest.raises(Clash) as clash:
        merge(base, mine, theirs)
    assert clash.value.path == ("answers", "why-here")
    theirs.set_answer("why-here", "A", NOW)
    assert merge(base, mine, theirs).answer_text("why-here") == "A"


def test_notes_details_and_appended_rehearsals_merge_by_field():
    base, mine, theirs = three()
    mine.checklist.setdefault("product", type(next(iter(base.checklist.values())))()).note = "mine"
    theirs.role = "Principal PM"
    theirs.interviewers = ["Dana"]
    mine.rehearsals.append(Rehearsal("why-here", NOW, 60, 3, "recall"))
    theirs.rehearsals.append(Rehearsal("right-fit", NOW + timedelta(minutes=1), 50, 2, "recall"))
    merged = merge(base, mine, theirs)
    assert merged.checklist["product"].note == "mine"
    assert (merged.role, merged.interviewers) == ("Principal PM", ["Dana"])
    assert [r.question for r in merged.rehearsals][-2:] == ["right-fit", "why-here"]


def test_a_field_deleted_on_one_side_and_untouched_on_the_other_is_deleted():
    base, mine, theirs = three()
    base.set_answer("right-fit", "old", NOW)
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    del theirs.answers["right-fit"]
    mine.set_answer("why-here", "new", NOW)
    merged = merge(base, mine, theirs)
    assert "right-fit" not in merged.answers and merged.answer_text("why-here") == "new"
    mine.set_answer("right-fit", "edited", NOW)
    with pytest.raises(Clash):
        merge(base, mine, theirs)


def test_unknown_keys_merge_like_any_other():
    assert merge_documents({"x": 1, "y": 1}, {"x": 2, "y": 1}, {"x": 1, "y": 3}) == {"x": 2, "y": 3}


def test_take_fields_brings_only_their_changes_into_the_live_notes():
    base, mine, theirs = three()
    theirs.set_answer("right-fit", "theirs", NOW)
    live = copy.deepcopy(mine)
    live.set_answer("why-here", "typed after the snapshot", NOW)
    merged = merge(base, mine, theirs)
    fields = changed_fields(mine, merged)
    assert fields == [("answers", "right-fit")]
    result = take_fields(live, merged, fields)
    assert result.answer_text("why-here") == "typed after the snapshot"
    assert result.answer_text("right-fit") == "theirs"


def test_two_windows_one_typing_steadily_for_20_seconds_keep_both_answers_and_make_no_copy(tmp_path):
    """Issue 28.5: window A types a word every 0.25 s into one answer, saving each second and polling the
    disk every 2 s as the app does; window B adds a word to another answer and saves every 2 s."""
    from tests.helpers import make_store
    from tui.core.save_status import SaveState
    from tui.core.session import CompanySession

    store = make_store(tmp_path)
    store.create(acme())
    a = CompanySession(store, store.load("acme-robotics"))
    b = CompanySession(store, store.load("acme-robotics"))
    typed_a, typed_b = [], []
    for tick in range(1, 81):  # 80 quarter-seconds: 20 s
        typed_a.append(f"a{tick}")
        a.set_answer("why-here", " ".join(typed_a), NOW)
        if tick % 4 == 0:
            assert a.save(a.snapshot()).state is SaveState.SAVED
            a.take_merges()
        if tick % 8 == 2:
            typed_b.append(f"b{tick}")
            b.set_answer("right-fit", " ".join(typed_b), NOW)
            assert b.save_now().state is SaveState.SAVED
        if tick % 8 == 5 and a.disk_changed():  # A's poll, with unsaved words
            assert a.reload().state is SaveState.SAVED
        if tick % 8 == 7 and b.disk_changed():
            assert b.reload().state is SaveState.SAVED
    a.save_now()
    b.save_now()
    on_disk = store.load("acme-robotics").company
    assert on_disk.answer_text("why-here") == " ".join(typed_a)
    assert on_disk.answer_text("right-fit") == " ".join(typed_b)
    assert list(store.companies.glob("*.conflict-*")) == []
    assert a.company.answer_text("right-fit") == " ".join(typed_b)  # A shows B's words too


async def test_in_the_app_another_windows_save_of_another_answer_is_merged_not_set_aside(opened):
    """The typing window's autosave and disk poll meet window B's saves: both answers whole, no copy."""
    from tests.helpers import saved
    from tests.test_prepare import type_text
    from tui.core.session import CompanySession

    app, pilot, store = opened.app, opened.pilot, opened.app.store
    other = CompanySession(store, store.load("acme-robotics"))
    await pilot.press("enter")
    typed_b = []
    for second in range(20):
        await type_text(pilot, "ab ")
        if second % 2 == 0:
            typed_b.append(f"b{second}")
            other.set_answer("right-fit", " ".join(typed_b), NOW)
            other.save_now()
        opened.fake.advance(1.0)
        await app.workers.wait_for_complete()
        await pilot.pause()
    opened.fake.advance(3.0)
    await app.workers.wait_for_complete()
    await pilot.pause()
    on_disk = saved(store, "acme-robotics")["answers"]
    assert on_disk["why-here"]["text"].endswith("ab " * 20)
    assert on_disk["right-fit"]["text"] == " ".join(typed_b)
    assert list(store.companies.glob("*.conflict-*")) == []
    assert opened.screen.session.company.answer_text("right-fit") == " ".join(typed_b)

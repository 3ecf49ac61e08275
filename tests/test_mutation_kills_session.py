"""CompanySession behaviour that `make mutation` showed no test pinned down."""

from __future__ import annotations

import pytest

from tests.helpers import NOW, acme, make_store
from tui.core.notes import Ask, Rehearsal
from tui.core.save_status import SaveState, SaveStatus
from tui.core.session import Change, CompanySession, Edit, Part, _reason, custom_question_id


@pytest.fixture
def session(tmp_path) -> CompanySession:
    store = make_store(tmp_path)
    return CompanySession(store, store.create(acme()))


def test_a_reason_is_the_os_message_else_the_error_text():
    assert _reason(OSError(28, "No space left on device")) == "No space left on device"
    assert _reason(ValueError("cannot be saved as UTF-8")) == "cannot be saved as UTF-8"


def test_a_note_without_done_keeps_the_tick_and_one_with_it_sets_it(session):
    session.toggle_research("products")
    session.toggle_research("people")
    assert session.annotate_research("people", "Ana leads design")
    assert session.company.checklist["people"].done is True
    assert session.annotate_research("people", "Ana leads design", done=False)
    assert session.company.checklist["people"].done is False


def test_edits_change_exactly_what_they_name_and_announce_it(session):
    heard: list[Change] = []
    session.subscribe(heard.append)
    asks = (Ask("Who decides?", chosen=True),)
    session.set_asks(asks)
    assert session.company.asks == [Ask("Who decides?", chosen=True)]
    qid = session.add_custom_question(" Why robots? ", taken=())
    assert [(c.id, c.prompt) for c in session.company.custom_questions] == [(qid, "Why robots?")]
    session.set_answer(qid, "Because.", NOW)
    session.set_answer("why-here", "Kept.", NOW)
    assert session.remove_custom_question(qid)
    assert qid not in session.company.answers and session.company.answers["why-here"].text == "Kept."
    session.replace_notes(acme())
    assert session.edits == 6
    assert heard == [Change(Part.ASKS, Edit.CHOICE), Change(Part.QUESTIONS, Edit.STRUCTURE, qid),
                     Change(Part.ANSWER, Edit.TYPING, qid), Change(Part.ANSWER, Edit.TYPING, "why-here"),
                     Change(Part.QUESTIONS, Edit.STRUCTURE), Change(Part.REPLACED)]


def test_a_rehearsal_keeps_the_words_rehearsed(session):
    from tui.core.schedule import REHEARSED_TEXT

    session.set_answer("right-fit", "I led twelve people.", NOW)
    session.record_rehearsal(Rehearsal("right-fit", NOW, 90, 3))
    assert session.company.answers["right-fit"].extra[REHEARSED_TEXT] == "I led twelve people."


def test_orphans_are_kept_as_questions_of_yours_or_deleted(session):
    kinds: list[Edit] = []
    session.subscribe(lambda change: kinds.append(change.edit))
    session.set_answer("gone-one", "Keep me", NOW)
    session.set_answer("gone-two", "Drop me", NOW)
    session.settle_orphans({"gone-one": "keep", "gone-two": "delete"})
    assert [c.id for c in session.company.custom_questions] == ["gone-one"]
    assert session.company.answers["gone-one"].text == "Keep me" and "gone-two" not in session.company.answers
    assert kinds[-1] is Edit.STRUCTURE and session.edits == 3


def test_marking_your_own_question_for_the_mock_is_an_edit_a_pack_question_is_not(session):
    kinds: list[Edit] = []
    qid = session.add_custom_question("Why robots?", taken=())
    session.subscribe(lambda change: kinds.append(change.edit))
    assert "joins the mock close" in session.toggle_mock_mark(qid)
    assert kinds == [Edit.CHOICE] and session.edits == 2
    assert "Only questions you added" in session.toggle_mock_mark("why-here")
    assert kinds == [Edit.CHOICE] and session.edits == 2


def test_custom_ids_cut_the_slug_at_forty_without_a_trailing_dash_and_count_from_two():
    prompt = "a" * 39 + " b" + " c" * 30
    assert custom_question_id(prompt, set()) == "my-" + "a" * 39
    assert custom_question_id("Why?", {"my-why"}) == "my-why-2"
    assert custom_question_id("Why?", {"my-why", "my-why-2"}) == "my-why-3"


def test_an_exception_while_quitting_still_writes_a_recovery_copy(session, monkeypatch):
    session.set_answer("why-here", "Typed before the crash", NOW)

    def crash():
        raise RuntimeError("boom")

    monkeypatch.setattr(session, "save_now", crash)
    status = session.save_for_exit()
    assert (status.state, status.reason) == (SaveState.CONFLICT, "saved beside the notes file")
    assert status.copy is not None and b"Typed before the crash" in status.copy.read_bytes()
    assert not session.dirty


def test_when_the_recovery_copy_fails_too_quitting_says_why(session, monkeypatch):
    import tui.core.recovery as recovery_module

    session.set_answer("why-here", "Typed", NOW)

    def crash():
        raise RuntimeError("boom")

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session, "save_now", crash)
    # Every rescue place full (beside the file, the state folder, a temp folder: write_rescue tries each).
    monkeypatch.setattr(recovery_module, "write_rescue", no_room)
    status = session.save_for_exit()
    assert (status.state, status.reason) == (SaveState.FAILED, "No space left on device")


def test_a_blocked_file_keeps_its_reason_when_quitting_writes_the_copy(session):
    session.path.write_text("format = [", encoding="utf-8")
    session.set_answer("why-here", "Typed while the file was broken", NOW)
    assert session.save_now().state is SaveState.BLOCKED
    reason = session.status.reason
    session.set_answer("why-here", "More typed", NOW)
    status = session.save_for_exit()
    assert status.state is SaveState.BLOCKED and status.reason == reason and "TOML" in reason
    assert status.copy is not None and b"More typed" in status.copy.read_bytes()


def test_orphans_and_mock_marks_announce_the_questions_part(session):
    heard: list[Change] = []
    qid = session.add_custom_question("Why robots?", taken=())
    session.set_answer("gone", "Old answer", NOW)
    session.subscribe(heard.append)
    session.settle_orphans({"gone": "delete"})
    session.toggle_mock_mark(qid)
    assert heard == [Change(Part.QUESTIONS, Edit.STRUCTURE), Change(Part.QUESTIONS, Edit.CHOICE, qid)]


def test_an_exception_while_quitting_with_nothing_unsaved_is_a_failure_with_its_reason(session, monkeypatch):
    def crash():
        raise RuntimeError("boom")

    monkeypatch.setattr(session, "save_now", crash)
    status = session.save_for_exit()
    assert (status.state, status.reason) == (SaveState.FAILED, "boom")


def test_quitting_while_still_blocked_and_unsaved_keeps_the_blocked_state(session, monkeypatch):
    from tui.core.save_status import SaveStatus

    session.set_answer("why-here", "Typed", NOW)
    monkeypatch.setattr(session, "save_now", lambda: SaveStatus(SaveState.BLOCKED, "still broken"))
    assert session.save_for_exit().state is SaveState.BLOCKED


def test_a_file_still_broken_on_reload_keeps_pointing_at_the_recovery_copy(session):
    session.path.write_text("format = [", encoding="utf-8")
    assert session.reload().state is SaveState.BLOCKED
    session.set_answer("why-here", "Typed while broken", NOW)
    status = session.save_now()
    assert status.state is SaveState.BLOCKED and status.copy is not None
    assert session.reload().copy == status.copy


def test_a_file_that_breaks_after_a_conflict_does_not_claim_the_conflict_copy(session):
    text = session.path.read_text(encoding="utf-8")
    session.path.write_text(text.replace("leads the market", "edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "Mine", NOW)
    conflict = session.save(session.snapshot())
    assert conflict.state is SaveState.CONFLICT and conflict.copy is not None
    session.path.write_text("format = [", encoding="utf-8")
    blocked = session.reload()
    assert blocked.state is SaveState.BLOCKED and blocked.copy is None


def test_a_reload_that_cannot_save_the_unsaved_edits_fails_with_the_reason(session, monkeypatch):
    session.set_answer("why-here", "Unsaved", NOW)

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session.store, "save", no_room)
    status = session.reload()
    assert (status.state, status.reason) == (SaveState.FAILED, "No space left on device")
    assert session.status is status


def test_a_conflict_error_names_the_file_and_the_copy(tmp_path):
    from tui.core.store import ConflictError

    error = ConflictError(tmp_path / "acme.toml", tmp_path / "acme.toml.conflict-1")
    assert (error.path, error.sibling) == (tmp_path / "acme.toml", tmp_path / "acme.toml.conflict-1")
    assert str(error) == ("acme.toml changed on disk while you were editing. Nothing was overwritten: "
                          "your version is saved as acme.toml.conflict-1 beside it.")


def test_each_reload_outcome_says_when_or_where(session):
    # Unsaved edits and a file back to what was last saved: ours is written, and saved now.
    session.set_answer("why-here", "Newer", NOW)
    status = session.reload()
    assert (status.state, status.at) == (SaveState.SAVED, NOW)
    # Nothing unsaved and a file changed elsewhere: taken as it is, saved as of now.
    text = session.path.read_text(encoding="utf-8")
    session.path.write_text(text.replace("Newer", "Edited elsewhere"), encoding="utf-8")
    status = session.reload()
    assert (status.state, status.at) == (SaveState.SAVED, NOW)
    # Unsaved edits and a file changed elsewhere: ours goes to a copy the status names.
    session.path.write_text(text.replace("Newer", "Edited again"), encoding="utf-8")
    session.set_answer("why-here", "Mine", NOW)
    status = session.reload()
    assert status.state is SaveState.CONFLICT and status.copy is not None
    assert status.reason == f"changed on disk; yours is in {status.copy.name}"


def test_removing_your_question_keeps_its_rehearsals_unless_asked_and_then_only_its_own(session):
    qid = session.add_custom_question("Why robots?", taken=())
    session.record_rehearsal(Rehearsal(qid, NOW, 60, 3), Rehearsal("why-here", NOW, 60, 2))
    assert session.remove_custom_question(qid)
    assert [r.question for r in session.company.rehearsals] == [qid, "why-here"]
    qid = session.add_custom_question("Why robots?", taken=())
    assert session.remove_custom_question(qid, drop_rehearsals=True)
    assert [r.question for r in session.company.rehearsals] == ["why-here"]


def test_a_rounds_edit_is_a_details_change_saved_at_once(session):
    heard: list[Change] = []
    session.subscribe(heard.append)
    session.rounds_edited()
    assert heard == [Change(Part.DETAILS, Edit.STRUCTURE)] and session.edits == 1


def test_words_typed_while_a_conflict_waits_for_reload_join_the_copy_not_the_file(session):
    text = session.path.read_text(encoding="utf-8")
    session.path.write_text(text.replace("leads the market", "edited elsewhere"), encoding="utf-8")
    theirs = session.path.read_bytes()
    session.set_answer("why-here", "Mine", NOW)
    conflict = session.save(session.snapshot())
    assert conflict.state is SaveState.CONFLICT and conflict.copy is not None
    session.set_answer("why-here", "Mine, and more", NOW)
    assert session.save(session.snapshot()).copy == conflict.copy
    assert b"Mine, and more" in conflict.copy.read_bytes() and session.path.read_bytes() == theirs
    assert [p.name for p in session.path.parent.iterdir() if ".conflict-" in p.name] == [conflict.copy.name]


# -- holding: a conflict waits for the user (Y, T or B) -------------------------


def _conflicted(session) -> bytes:
    """A hand edit lands, ours conflicts: the session holds, and the file keeps the hand edit."""
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "mine before", NOW)
    assert session.save_now().state is SaveState.CONFLICT and session.holding
    return path.read_bytes()


def _recoveries(session) -> list[str]:
    return sorted(p.name for p in session.path.parent.iterdir() if ".recovery-" in p.name)


def test_while_holding_typing_goes_to_one_recovery_file_and_the_notes_file_waits(session):
    theirs = _conflicted(session)
    assert session.save(session.snapshot()).state is SaveState.CONFLICT and _recoveries(session) == []
    session.set_answer("why-here", "typed after", NOW)
    held = session.save_now()
    assert (held.state, held.reason) == (SaveState.HELD, "a conflict waits for Y, T or B")
    assert held.copy is not None and held.copy.name == f"{session.path.name}.recovery-20261126-100000"
    assert not session.dirty and session.status is held
    session.set_answer("why-here", "typed after, and more", NOW)
    again = session.save_now()
    assert again.copy == held.copy and b"and more" in held.copy.read_bytes()
    assert _recoveries(session) == [held.copy.name] and session.path.read_bytes() == theirs


def test_a_held_save_that_cannot_write_fails_with_the_reason(session, monkeypatch):
    import tui.core.session as session_module

    _conflicted(session)
    session.set_answer("why-here", "typed after", NOW)

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module, "write_beside", no_room)
    status = session.save_now()
    assert (status.state, status.reason) == (SaveState.FAILED, "No space left on device") and session.dirty


def test_release_hands_back_the_recovery_file_and_hold_resumes_into_it(session):
    theirs = _conflicted(session)
    session.set_answer("why-here", "typed after", NOW)
    held = session.save_now().copy
    assert session.release() == held and not session.holding
    assert session.release() is None
    session.hold(held)
    assert session.holding
    session.set_answer("why-here", "typed after the hold", NOW)
    assert session.save_now().copy == held and b"after the hold" in held.read_bytes()
    assert session.path.read_bytes() == theirs


def test_a_second_conflict_while_holding_replaces_the_held_file_with_the_new_copy(session):
    _conflicted(session)
    session.set_answer("why-here", "typed after", NOW)
    held = session.save_now().copy
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Edited elsewhere", "Edited twice"), encoding="utf-8")
    session.set_answer("why-here", "typed after, then more", NOW)
    status = session.reload()
    assert status.state is SaveState.CONFLICT and session.holding
    assert not held.exists() and status.copy is not None and b"then more" in status.copy.read_bytes()


def test_a_snapshot_is_the_notes_as_they_were_not_as_they_become(session):
    from tests.helpers import saved

    session.set_answer("why-here", "At snapshot time", NOW)
    snapshot = session.snapshot()
    session.set_answer("why-here", "Typed while the save ran", NOW)
    session.save(snapshot)
    assert saved(session.store, session.slug)["answers"]["why-here"]["text"] == "At snapshot time"
    assert session.dirty


def test_a_conflicting_save_says_where_ours_went(session):
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "Mine", NOW)
    status = session.save(session.snapshot())
    assert status.state is SaveState.CONFLICT and status.copy is not None
    assert status.reason == (f"{path.name} changed on disk while you were editing. Nothing was overwritten: "
                             f"your version is saved as {status.copy.name} beside it.")


def test_when_the_waiting_conflict_copy_cannot_be_written_the_save_fails_with_the_reason(session, monkeypatch):
    import tui.core.session as session_module

    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    session.set_answer("why-here", "Mine", NOW)
    assert session.save(session.snapshot()).state is SaveState.CONFLICT

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(session_module, "atomic_write", no_room)
    session.set_answer("why-here", "Mine, and more", NOW)
    status = session.save(session.snapshot())
    assert (status.state, status.reason) == (SaveState.FAILED, "No space left on device")


def test_a_held_file_deleted_by_hand_does_not_stop_the_next_conflict_or_hold(session):
    _conflicted(session)
    session.set_answer("why-here", "typed after", NOW)
    held = session.save_now().copy
    held.unlink()
    path = session.path
    path.write_text(path.read_text(encoding="utf-8").replace("Edited elsewhere", "Edited twice"), encoding="utf-8")
    session.set_answer("why-here", "typed after, then more", NOW)
    assert session.reload().state is SaveState.CONFLICT and session.holding
    session.set_answer("why-here", "and still more", NOW)
    status = session.save_now()
    assert status.state is SaveState.HELD and status.copy is not None and b"still more" in status.copy.read_bytes()


# -- a reload meets another window's merged save -------------------------------------------


def _two_windows(session) -> CompanySession:
    return CompanySession(session.store, session.store.load(session.slug))


def _on_disk(session) -> tuple[str, str]:
    company = session.store.load(session.slug).company
    return company.answer_text("why-here"), company.answer_text("right-fit")


def test_a_reload_takes_a_merge_still_pending_before_it_saves_and_says_the_notes_were_replaced(session):
    other = _two_windows(session)
    other.set_answer("right-fit", "B's words", NOW)
    other.save_now()
    session.set_answer("why-here", "A one", NOW)
    assert session.save(session.snapshot()).state is SaveState.SAVED  # merged B's words in, on disk only
    assert session.merges_pending
    session.set_answer("why-here", "A two", NOW)
    heard: list[Change] = []
    session.subscribe(heard.append)
    assert session.reload().state is SaveState.SAVED
    assert _on_disk(session) == ("A two", "B's words")  # saving without B's words would have lost them
    assert session.company.answer_text("right-fit") == "B's words"
    assert heard == [Change(Part.REPLACED)]


def test_a_reload_that_merges_another_windows_save_shows_their_words_and_says_so(session):
    other = _two_windows(session)
    other.set_answer("right-fit", "B's words", NOW)
    other.save_now()
    session.set_answer("why-here", "A's words", NOW)
    heard: list[Change] = []
    session.subscribe(heard.append)
    assert session.reload().state is SaveState.SAVED
    assert _on_disk(session) == ("A's words", "B's words")
    assert session.company.answer_text("right-fit") == "B's words"
    assert not session.merges_pending
    assert heard == [Change(Part.REPLACED)]


def test_a_reload_that_saves_with_nothing_new_from_elsewhere_announces_nothing(session):
    session.set_answer("why-here", "A's words", NOW)
    heard: list[Change] = []
    session.subscribe(heard.append)
    assert session.reload().state is SaveState.SAVED
    assert heard == []
    other = _two_windows(session)
    other.set_answer("why-here", "the same words", NOW)
    other.save_now()
    session.set_answer("why-here", "the same words", NOW)  # both windows typed the same: a merge that brings nothing
    assert session.reload().state is SaveState.SAVED
    assert heard == [Change(Part.ANSWER, Edit.TYPING, "why-here")]
    assert list(session.store.companies.glob("*.conflict-*")) == []


def test_after_a_reload_saved_ours_the_next_merge_starts_from_what_was_saved(session):
    session.set_answer("why-here", "A one", NOW)
    assert session.reload().state is SaveState.SAVED  # saved ours: the merge base is now "A one"
    other = _two_windows(session)
    other.set_answer("right-fit", "B's words", NOW)
    other.save_now()
    session.set_answer("why-here", "A two", NOW)  # in place: a base sharing the answer would change too
    assert session.save_now().state is SaveState.SAVED
    assert _on_disk(session) == ("A two", "B's words")


def test_a_save_brings_merges_made_after_its_snapshot_and_only_those(session):
    other = _two_windows(session)
    other.set_answer("right-fit", "B's words", NOW)
    other.save_now()
    session.set_answer("why-here", "A one", NOW)
    assert session.save(session.snapshot()).state is SaveState.SAVED  # merged B's words in, on disk only
    session.set_answer("why-here", "A two", NOW)
    assert session.save(session.snapshot()).state is SaveState.SAVED  # a snapshot without B's words
    assert _on_disk(session) == ("A two", "B's words")
    assert session.take_merges()
    session.set_answer("right-fit", "A's own words", NOW)
    assert session.save(session.snapshot()).state is SaveState.SAVED  # an old merge must not come back
    assert _on_disk(session) == ("A two", "A's own words")


# -- a conflict copy an earlier session left ---------------------------------------------------


def test_a_company_opened_beside_conflict_copies_holds_and_names_the_newest(session):
    path = session.path
    older = path.with_name(f"{path.name}.conflict-20261120-080000")
    newer = path.with_name(f"{path.name}.conflict-20261125-080000")
    for copy_ in (older, newer):
        copy_.write_bytes(path.read_bytes())
    opened = CompanySession(session.store, session.store.load(session.slug))
    assert opened.holding
    assert opened.status.state is SaveState.HELD
    assert opened.status.reason == f"an earlier version of yours waits in {newer.name}"
    before = path.read_bytes()
    opened.set_answer("why-here", "typed while the copy waits", NOW)
    assert opened.save_now().state is SaveState.HELD and path.read_bytes() == before


def test_holding_for_a_copy_keeps_a_hold_or_a_failure_already_there(session):
    copy_ = session.path.with_name(f"{session.path.name}.conflict-20261120-080000")
    session.hold_for_copy(copy_)
    first = session.status
    session.hold_for_copy(copy_.with_name("other"))  # already holding: nothing changes
    assert session.status is first and session.holding
    fresh = _two_windows(session)
    fresh._status = SaveStatus(SaveState.FAILED, "disk full")
    fresh.hold_for_copy(copy_)
    assert fresh.holding and fresh.status.state is SaveState.FAILED and fresh.status.reason == "disk full"

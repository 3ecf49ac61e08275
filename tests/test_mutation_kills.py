"""Tests written to kill mutants `make mutation` found alive in the promise-keeping modules.

Each pins one behaviour a small change to the code would break unnoticed: the exact escape a
control character gets, which characters count as wide, what a stream passes through.
"""

from __future__ import annotations

import io
import json

from tui.core.sanitize import SafeStream, cells, for_terminal, has_control, json_for_terminal


def test_each_c0_control_shows_as_its_caret_letter_and_space_is_not_a_control():
    assert for_terminal("\x00\x01\x1b\x1f") == "^@^A^[^_"
    assert for_terminal("\x7f") == "^?"
    assert for_terminal(" a b ") == " a b "
    assert for_terminal("\x80\x9f\u2028\u2029") == "\ufffd" * 4


def test_one_line_text_shows_tab_newline_and_carriage_return():
    assert for_terminal("a\tb\nc\rd", one_line=True) == "a^Ib^Jc^Md"
    assert for_terminal("a\r\nb") == "a\nb"
    assert for_terminal("a\rb") == "a^Mb"
    assert for_terminal(42) == "42"


def test_has_control_sees_controls_bidi_and_surrogates_but_not_tab_or_newline():
    assert not has_control("plain\ttext\nZürich 東京")
    assert all(has_control(t) for t in ("\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\u2066", "\ud800"))


def test_json_escapes_c1_separators_and_bidi_and_still_decodes_the_same():
    text = "a\x85b\u2028c\u202ed\u2069e"
    dumped = json.dumps(text, ensure_ascii=False)
    shown = json_for_terminal(dumped)
    assert shown == '"a\\u0085b\\u2028c\\u202ed\\u2069e"'
    assert json.loads(shown) == text
    assert json_for_terminal('"Zürich 東京"') == '"Zürich 東京"'


def test_a_safe_stream_shows_controls_returns_the_length_and_passes_the_rest_through():
    raw = io.StringIO()
    stream = SafeStream(raw)
    assert stream.write("a\x1bb") == 3
    stream.writelines(["c\x07", "d\n"])
    assert raw.getvalue() == "a^[bc^Gd\n"
    assert stream.getvalue() == raw.getvalue()  # anything else is the raw stream's


def test_cells_counts_wide_characters_two_and_combining_marks_none():
    assert cells("abc") == 3
    assert cells("東京") == 4
    assert cells("ｆｕｌｌ") == 8  # full-width letters
    assert cells("e\u0301") == 1  # e + combining acute
    assert cells("") == 0


# -- the store ---------------------------------------------------------------


def test_a_rename_refuses_a_file_changed_since_it_was_read_and_says_so_exactly(tmp_path, monkeypatch):
    from contextlib import contextmanager

    import pytest

    from tests.helpers import acme, make_store
    from tui.core.store import NotesError

    store = make_store(tmp_path)
    loaded = store.create(acme())
    path = store.path_for(loaded.slug)
    real_locked = store._locked

    @contextmanager
    def edited_meanwhile():
        path.write_bytes(path.read_bytes() + b"\n# edited while the rename waited\n")
        with real_locked():
            yield

    monkeypatch.setattr(store, "_locked", edited_meanwhile)
    with pytest.raises(NotesError) as raised:
        store.rename(loaded.slug, "Acme Industries")
    assert str(raised.value) == f"{path}: changed on disk during the rename. Try again."
    assert store.slugs() == [loaded.slug]


def test_a_rename_returns_the_digest_of_what_it_wrote(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    renamed = store.rename(store.create(acme()).slug, "Acme Industries")
    assert renamed.digest == store.disk_digest(renamed.slug) and renamed.slug == "acme-industries"


def test_deletes_in_the_same_second_get_numbered_trash_names(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    names = []
    for _ in range(3):
        names.append(store.delete(store.create(acme()).slug).name)
    stamp = store._stamp()
    assert names == [f"acme-robotics-{stamp}.toml", f"acme-robotics-{stamp}-2.toml", f"acme-robotics-{stamp}-3.toml"]


def test_a_notes_error_reads_path_line_reason_then_fix():
    from pathlib import Path

    from tui.core.store import NotesError

    path = Path("/d/acme.toml")
    assert str(NotesError(path, "bad", 3, fix="Fix it.")) == "/d/acme.toml:3: bad. Fix it."
    assert str(NotesError(path, "bad")) == "/d/acme.toml: bad"
    error = NotesError(path, "bad", fix="Fix it.")
    assert error.args == ("/d/acme.toml: bad. Fix it.",)
    assert (error.path, error.reason, error.line, error.fix) == (path, "bad", None, "Fix it.")


def test_the_list_is_upcoming_soonest_then_undated_then_past_then_broken_without_hashing(tmp_path):
    from datetime import datetime

    from tests.helpers import make_store
    from tui.core.notes import Company

    store = make_store(tmp_path)  # its clock is 2026-11-26 10:00
    for name, when in [("Past", datetime(2026, 11, 1)), ("Later", datetime(2026, 12, 9)), ("beta", None),
                       ("Soon", datetime(2026, 11, 27)), ("Alpha", None)]:
        store.create(Company(name=name, interview_at=when))
    (store.companies / "zz-broken.toml").write_text("format = [", encoding="utf-8")
    (store.companies / "aa-broken.toml").write_text("not toml", encoding="utf-8")
    entries = store.list()
    assert [e.company.name if e.company else e.slug for e in entries] == [
        "Soon", "Later", "Alpha", "beta", "Past", "aa-broken", "zz-broken"]
    assert all(e.digest == "" for e in entries)

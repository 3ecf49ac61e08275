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


# -- atomic writes -------------------------------------------------------------


def _open_fds() -> int:
    import os

    return len(os.listdir("/proc/self/fd"))


def test_atomic_write_replaces_with_the_mode_asked_leaves_no_temp_and_no_open_file(tmp_path):
    from tui.core.atomic import atomic_write
    from tui.core.fsguard import is_our_temp

    path = tmp_path / "notes.toml"
    path.write_bytes(b"old")
    before = _open_fds()
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o600
    atomic_write(path, b"newer", mode=0o640)
    assert path.read_bytes() == b"newer" and path.stat().st_mode & 0o777 == 0o640
    assert _open_fds() == before
    assert [p.name for p in tmp_path.iterdir()] == ["notes.toml"]
    assert not any(is_our_temp(p.name) for p in tmp_path.iterdir())


def test_before_replace_sees_the_whole_temp_file_and_can_stop_the_rename(tmp_path):
    import pytest

    from tui.core.atomic import atomic_write

    path = tmp_path / "notes.toml"
    path.write_bytes(b"theirs")
    seen = []

    def check() -> None:
        temps = [p for p in tmp_path.iterdir() if p.name != "notes.toml"]
        seen.append([p.read_bytes() for p in temps])
        assert all(p.name.startswith(".notes.toml.") for p in temps)  # named after its file, for clean-up
        raise RuntimeError("changed meanwhile")

    with pytest.raises(RuntimeError, match="changed meanwhile"):
        atomic_write(path, b"mine", before_replace=check)
    assert seen == [[b"mine"]]
    assert path.read_bytes() == b"theirs" and [p.name for p in tmp_path.iterdir()] == ["notes.toml"]


def test_a_failed_write_removes_its_temp_file_and_raises(tmp_path, monkeypatch):
    import os

    import pytest

    from tui.core import atomic

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic.atomic_write(tmp_path / "a.toml", b"data")
    with pytest.raises(OSError, match="No space"):
        atomic.write_new(tmp_path / "b.toml", b"data")
    assert list(tmp_path.iterdir()) == []


def test_write_new_takes_the_first_free_name_and_never_replaces(tmp_path):
    from tui.core.atomic import write_new

    base = tmp_path / "acme.toml.conflict-1"
    written = [write_new(base, f"v{i}".encode(), mode=0o640) for i in range(3)]
    assert [p.name for p in written] == ["acme.toml.conflict-1", "acme.toml.conflict-1-2", "acme.toml.conflict-1-3"]
    assert [p.read_bytes() for p in written] == [b"v0", b"v1", b"v2"]
    assert all(p.stat().st_mode & 0o777 == 0o640 for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


def test_without_hard_links_write_new_reserves_the_name_then_renames_into_it(tmp_path, monkeypatch):
    import errno
    import os

    import pytest

    from tui.core import atomic

    for code in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
        def no_links(src, dst, code=code):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(os, "link", no_links)
        folder = tmp_path / str(code)
        folder.mkdir()
        (folder / "c").write_bytes(b"taken")
        assert atomic.write_new(folder / "c", b"one").name == "c-2"
        assert atomic.write_new(folder / "c", b"two").name == "c-3"
        assert [(folder / n).read_bytes() for n in ("c", "c-2", "c-3")] == [b"taken", b"one", b"two"]
        assert sorted(p.name for p in folder.iterdir()) == ["c", "c-2", "c-3"]

    def broken(src, dst):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "link", broken)
    with pytest.raises(OSError, match="I/O error"):
        atomic.write_new(tmp_path / "d", b"x")
    assert not (tmp_path / "d").exists()


def test_fsync_dir_closes_what_it_opens(tmp_path):
    from tui.core.atomic import fsync_dir

    before = _open_fds()
    for _ in range(20):
        fsync_dir(tmp_path)
    assert _open_fds() == before


def test_private_dir_makes_missing_folders_0700(tmp_path):
    from tui.core.atomic import private_dir

    made = private_dir(tmp_path / "a" / "b")
    assert made == tmp_path / "a" / "b"
    assert all((tmp_path / p).stat().st_mode & 0o777 == 0o700 for p in ("a", "a/b"))


def test_write_new_names_its_temp_file_after_the_target_and_reserves_names_privately(tmp_path, monkeypatch):
    import errno
    import os

    from tui.core import atomic

    linked, reserved_modes = [], []
    real_link, real_replace = os.link, os.replace

    def link(src, dst):
        linked.append(os.path.basename(src))
        return real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    atomic.write_new(tmp_path / "acme.toml.conflict-1", b"x")
    assert linked and linked[0].startswith(".acme.toml.conflict-1.")

    def no_links(src, dst):
        raise OSError(errno.EPERM, "no hard links")

    def replace(src, dst):
        reserved_modes.append(os.stat(dst).st_mode & 0o777)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", replace)
    atomic.write_new(tmp_path / "other", b"y")
    assert reserved_modes == [0o600]  # the empty placeholder a crash could leave is private too


def test_flat_asks_are_blocks_and_asks_with_nested_keys_still_round_trip(tmp_path):
    from tests.helpers import acme
    from tui.core.notes import Ask
    from tui.core.store import company_from, serialize

    company = acme()
    company.asks = [Ask("Plain?", "strategy", True)]
    assert "[[asks]]" in serialize(company).decode()
    company.asks = [Ask("Tagged?", extra={"tags": ["a", "b"]}), Ask("Nested?", extra={"meta": {"x": 1}}),
                    Ask("Rows?", extra={"rows": [{"y": 2}]})]
    back, _ = company_from(serialize(company), tmp_path / "x.toml")
    assert [(a.text, a.extra) for a in back.asks] == [
        ("Tagged?", {"tags": ["a", "b"]}), ("Nested?", {"meta": {"x": 1}}), ("Rows?", {"rows": [{"y": 2}]})]


def test_a_hidden_toml_file_is_not_a_company(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    store.create(acme())
    (store.companies / ".acme-robotics.toml.finale-x.tmp").write_text("format = 1", encoding="utf-8")
    (store.companies / ".hidden.toml").write_text("format = 1", encoding="utf-8")
    assert store.slugs() == ["acme-robotics"]


def test_reading_a_company_that_is_not_there_names_it(tmp_path):
    from tests.helpers import make_store

    store = make_store(tmp_path)
    entry = store.read("nope")
    assert (entry.slug, entry.path, entry.company) == ("nope", store.path_for("nope"), None)
    assert str(entry.error) == f"{store.path_for('nope')}: no such company file"


def test_saving_notes_that_did_not_change_leaves_the_file_untouched(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    loaded = store.create(acme())
    before = store.path_for(loaded.slug).stat()
    digest = store.save(loaded.slug, loaded.company, loaded.digest)
    after = store.path_for(loaded.slug).stat()
    assert digest == loaded.digest
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_folder_named_like_a_notes_file_is_reported_with_what_to_do(tmp_path):
    from tests.helpers import make_store

    store = make_store(tmp_path)
    (store.companies / "odd.toml").mkdir(parents=True)
    error = store.read("odd").error
    assert error is not None and error.fix == "Move it out of the companies folder: finale reads only regular files."

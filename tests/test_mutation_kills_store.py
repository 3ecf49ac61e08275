"""Fast unit tests for the store's reading and writing, written to kill `make mutation`'s mutants.

Every app test reaches `parse`, `read`, `serialize` and `new_slug`, so a mutant there that only an
app test noticed cost seconds to kill; these notice it in milliseconds, and pin the exact words a
broken file is reported with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import notes
from tui.core.store import NotesError, parse

P = Path("acme.toml")


def _error(data: bytes) -> NotesError:
    with pytest.raises(NotesError) as caught:
        parse(data, P)
    return caught.value


def test_a_file_that_is_not_utf8_names_the_offset_of_the_bad_byte():
    error = _error(b'format = 1\nname = "Caf\xe9"\n')
    assert error.reason == "not UTF-8 text (bad byte at offset 22)"
    assert error.fix == "Save the file as UTF-8."
    assert error.line is None


def test_a_syntax_error_names_line_column_and_says_finale_will_not_write():
    error = _error(b"format = 1\nname = \n")
    assert error.line == 2
    assert error.reason.startswith("TOML syntax error column ")
    assert error.fix == "Fix that line in a text editor; finale will not write to this file until it parses."


def test_the_format_key_must_be_there_and_a_whole_number_from_one_up():
    assert _error(b'name = "Acme"\n').reason == 'no "format" key'
    assert _error(b'name = "Acme"\n').fix == "Add the line format = 1 at the top of the file."
    assert _error(b"format = true\n").reason == '"format" must be a whole number, got true or false'
    assert _error(b'format = "1"\n').reason == '"format" must be a whole number, got a string'
    assert _error(b"format = 0\n").reason == '"format" must be a whole number, got 0'
    assert _error(b"format = -3\n").fix == "Set format = 1."
    newer = _error(f"format = {notes.FORMAT + 1}\n".encode())
    assert newer.reason == (f"written by a newer finale (format {notes.FORMAT + 1}); "
                            f"this finale reads format {notes.FORMAT}")
    assert newer.fix == "Upgrade finale to open it."


def test_a_file_of_this_format_parses_to_its_document_and_format():
    assert parse(f'format = {notes.FORMAT}\nname = "Acme"\n'.encode(), P) == (
        {"format": notes.FORMAT, "name": "Acme"}, notes.FORMAT)
    assert parse(b"format = 1\n", P)[1] == 1


def test_a_save_into_a_vanished_notes_folder_makes_it_again_and_says_so_once(tmp_path):
    import shutil

    from tests.helpers import acme, make_store

    store = make_store(tmp_path / "data")
    loaded = store.create(acme())
    shutil.rmtree(store.companies)
    store.save(loaded.slug, loaded.company, loaded.digest)
    assert store.notices == [
        f"The notes folder {store.companies} was gone (removed or moved): finale made it again and saved "
        f"{loaded.slug}.toml there with everything you typed."]
    assert store.load(loaded.slug).company == loaded.company


def test_a_file_that_cannot_be_read_names_the_os_reason_and_says_to_check_permissions(tmp_path, monkeypatch):
    from tests.helpers import acme, make_store
    from tui.core import store as store_module

    store = make_store(tmp_path)
    slug = store.create(acme()).slug

    def refused(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store_module, "read_regular", refused)
    entry = store.read(slug)
    assert entry.company is None and entry.error is not None
    assert entry.error.reason == "cannot read: Permission denied"
    assert entry.error.fix == "Check the file's permissions."

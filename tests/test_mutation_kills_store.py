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
    assert caught.value.path == P
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


def test_a_syntax_error_at_the_end_of_the_file_names_no_column():
    error = _error(b"format = [\n")
    assert error.line is None
    assert error.reason.startswith("TOML syntax error: ")


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
    assert (entry.slug, entry.path, entry.error.path) == (slug, store.path_for(slug), store.path_for(slug))
    assert entry.error.reason == "cannot read: Permission denied"
    assert entry.error.fix == "Check the file's permissions."


def test_a_broken_file_is_read_as_its_slug_path_error_and_digest(tmp_path):
    from tests.helpers import make_store
    from tui.core.store import digest_of

    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    path = store.path_for("broken")
    path.write_bytes(b"format = 1\nname = \n")
    entry = store.read("broken")
    assert (entry.slug, entry.path, entry.company) == ("broken", path, None)
    assert entry.error is not None and entry.error.path == path and entry.error.line == 2
    assert entry.digest == digest_of(b"format = 1\nname = \n")  # what a session waits to see change
    assert store.read("broken", with_digest=False).digest == ""


def test_a_file_in_an_older_format_is_migrated_and_read_as_the_new_file(tmp_path, monkeypatch):
    from tests.helpers import make_store
    from tui.core import store as store_module
    from tui.core.store import digest_of

    def one_to_two(doc):
        return dict(doc, format=2, company=dict(doc["company"], role="from 1"))

    def two_to_three(doc):
        return dict(doc, format=3, company=dict(doc["company"], role=doc["company"]["role"] + ", then 2"))

    monkeypatch.setattr(notes, "FORMAT", 3)
    monkeypatch.setitem(store_module.MIGRATIONS, 1, one_to_two)
    monkeypatch.setitem(store_module.MIGRATIONS, 2, two_to_three)
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    path = store.path_for("old")
    path.write_bytes(b'format = 1\n[company]\nname = "Old Co"\n')
    entry = store.read("old")
    assert (entry.slug, entry.path, entry.error) == ("old", path, None)
    assert entry.company is not None and entry.company.name == "Old Co"
    assert entry.company.role == "from 1, then 2"  # every step, in order
    assert entry.digest == digest_of(path.read_bytes())
    assert path.with_name("old.toml.bak-v1").read_bytes() == b'format = 1\n[company]\nname = "Old Co"\n'


def test_a_file_with_wrong_values_names_the_first_and_counts_the_rest():
    from tui.core.store import company_from

    def reason(data: bytes) -> str:
        with pytest.raises(NotesError) as caught:
            company_from(data, P)
        assert caught.value.path == P
        assert caught.value.fix == "Fix it in a text editor; finale leaves the file untouched."
        return caught.value.reason

    one = b"format = 1\n[company]\nname = 5\n"
    assert reason(one) == "company.name: expected a string, got an integer"
    assert reason(one + b"role = 3\n") == "company.name: expected a string, got an integer (and 1 more)"
    assert reason(one + b"role = 3\ninterviewers = 4\n").endswith(" (and 2 more)")
    with pytest.raises(NotesError) as caught:
        company_from(b"format = [\n", P)
    assert caught.value.path == P


def _company_with(**answers: str):
    from tests.helpers import NOW, acme

    company = acme()
    for qid, text in answers.items():
        company.set_answer(qid, text, NOW)
    return company


def test_a_long_answer_is_written_as_one_literal_string_and_reads_back_exactly():
    import tomllib

    from tui.core.notes import Ask
    from tui.core.store import serialize
    from tui.core.toml_literals import LITERAL_FROM

    long = "a pasted log line\n" * (LITERAL_FROM // 18 + 1)
    company = _company_with(**{"why-here": long})
    company.role = "None-0"  # what a placeholder made without its random tag would be called
    company.asks.append(Ask("Who decides?\nAnd when?", "process", True))
    data = serialize(company)
    text = data.decode("utf-8")
    assert text.count("'''\n" + long + "'''") == 1
    assert "finale-literal" not in text
    assert '"""\nWho decides?\nAnd when?"""' in text  # a question to ask: a block, multi-line too
    assert tomllib.loads(text)["answers"]["why-here"]["text"] == long
    assert tomllib.loads(text)["company"]["role"] == "None-0"


def test_notes_that_cannot_be_saved_say_why():
    from tui.core.store import SerializeError, serialize

    with pytest.raises(SerializeError) as caught:
        serialize(_company_with(**{"why-here": "half a pair \ud800"}))
    assert str(caught.value) == "the text holds a character that cannot be saved as UTF-8 (surrogates not allowed)"
    company = _company_with()
    company.company_extra["ratio"] = float("nan")  # a key finale does not know, whose value never equals itself
    with pytest.raises(SerializeError) as caught:
        serialize(company)
    assert str(caught.value) == "the notes do not survive a TOML round trip"


def test_a_deleted_company_goes_to_the_trash_folder_of_the_data_folder(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    target = store.delete(store.create(acme()).slug)
    assert target.parent == tmp_path / "trash" and target.exists()


def test_the_same_name_again_and_again_numbers_the_slugs_from_two(tmp_path):
    from tests.helpers import acme, make_store

    store = make_store(tmp_path)
    assert [store.create(acme()).slug for _ in range(4)] == [
        "acme-robotics", "acme-robotics-2", "acme-robotics-3", "acme-robotics-4"]


def test_a_save_over_a_file_deleted_meanwhile_sets_ours_aside_and_makes_no_file(tmp_path):
    from tests.helpers import acme, make_store
    from tui.core.store import ConflictError

    store = make_store(tmp_path)
    loaded = store.create(acme())
    store.path_for(loaded.slug).unlink()  # the folder stays: only the file went
    with pytest.raises(ConflictError) as caught:
        store.save(loaded.slug, loaded.company, loaded.digest)
    assert not store.path_for(loaded.slug).exists() and caught.value.sibling.exists()

"""The notes store: exact round trips, atomic private saves, and never clobbering a file."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import tomllib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.core import notes
from tui.core import store as store_module
from tui.core.notes import Ask, ChecklistEntry, Company, CustomQuestion, Rehearsal
from tui.core.sanitize import has_control
from tui.core.store import ConflictError, NotesError, NotesStore, serialize

NOW = datetime(2026, 11, 26, 10, 0, 0)


def make_store(root: Path) -> NotesStore:
    return NotesStore(root, clock=lambda: NOW)


def sample(name: str = "Acme Robotics") -> Company:
    company = Company(name=name, role="Senior Product Manager", interview_at=datetime(2026, 12, 1, 15))
    company.set_answer("why-here", "I love robots.\n\n- Arms\n- Vision", NOW)
    company.checklist["products"] = ChecklistEntry(True, "Three product lines")
    company.asks.append(Ask("What are the key initiatives?", "strategy", True))
    company.rehearsals.append(Rehearsal("why-here", NOW, 95, 3))
    return company


# Any text a person can type: every code point but lone surrogates, which no
# terminal can deliver and UTF-8 cannot store.
typed = st.text(st.characters(blacklist_categories=("Cs",)))
tricky = st.sampled_from(['"""', "\r\n", "\r", "\n", "\t", "trailing  ", "\\", "'''", "\x1b[31m", "\u2028", "\ufeff", "🙂", "\x00", "\x7f"])
answer_text = st.lists(st.one_of(typed, tricky), max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=typed.filter(lambda s: s.strip() and any(c.isprintable() and not c.isspace() for c in s)
                        and not has_control(s) and "\n" not in s and "\t" not in s),  # names are one clean line
       answer=answer_text, note=answer_text, ask=answer_text, prompt=answer_text)
def test_any_typed_text_round_trips_exactly(tmp_path, name, answer, note, ask, prompt):
    store = make_store(tmp_path / str(time.monotonic_ns()))
    company = Company(name=name.strip())
    company.set_answer("why-here", answer, NOW)
    company.checklist["products"] = ChecklistEntry(False, note)
    company.asks.append(Ask(ask, "strategy"))
    company.custom_questions.append(CustomQuestion("mine", prompt))
    company.set_answer("mine", answer + note, NOW)
    loaded = store.create(company)
    again = store.load(loaded.slug)
    assert again.company == company
    assert again.company.answer_text("why-here") == answer


def test_answers_are_multiline_strings_and_crlf_stays_exact(tmp_path):
    store = make_store(tmp_path)
    company = sample()
    loaded = store.create(company)
    text = store.path_for(loaded.slug).read_text(encoding="utf-8")
    assert 'text = """\nI love robots.\n\n- Arms\n- Vision"""' in text
    company.set_answer("right-fit", "one\r\ntwo\r\n", NOW)
    store.save(loaded.slug, company, loaded.digest)
    assert store.load(loaded.slug).company.answer_text("right-fit") == "one\r\ntwo\r\n"


def test_saving_twice_writes_identical_bytes_and_known_keys_in_order(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(sample())
    first = store.path_for(loaded.slug).read_bytes()
    again = store.load(loaded.slug)
    store.save(again.slug, again.company, again.digest)
    assert store.path_for(loaded.slug).read_bytes() == first
    keys = list(tomllib.loads(first.decode()).keys())
    assert keys == ["format", "company", "answers", "checklist", "asks", "rehearsals"]


HAND_WRITTEN = """\
format = 1
mood = "hopeful"

[company]
name = "Zed & Co"
role = "Senior PM"
interview_at = 2026-12-03T09:30:00
referral = "Sam"

[answers.why-here]
text = "Because."
updated_at = 2026-11-20T10:00:00
confidence = 0.8

[answers.not-in-any-pack]
text = "kept"

[checklist.products]
done = true
note = "Widgets"
source = "website"

[checklist.news]
done = true
note = ""

[checklist.culture-values]
done = false
note = "todo"

[[asks]]
text = "Why now?"
category = "strategy"
chosen = false
priority = 2

[[rehearsals]]
question = "why-here"
at = 2026-11-21T10:00:00
seconds = 80
rating = 4
device = "laptop"

[future_section]
anything = [1, 2, 3]
"""


def test_unknown_keys_survive_a_round_trip(tmp_path):
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    store.path_for("zed").write_text(HAND_WRITTEN, encoding="utf-8")
    loaded = store.load("zed")
    loaded.company.set_answer("why-here", "Because I care.", NOW)
    store.save("zed", loaded.company, loaded.digest)
    doc = tomllib.loads(store.path_for("zed").read_text(encoding="utf-8"))
    assert doc["mood"] == "hopeful" and doc["future_section"] == {"anything": [1, 2, 3]}
    assert doc["company"]["referral"] == "Sam"
    assert doc["answers"]["why-here"]["confidence"] == 0.8
    assert doc["answers"]["why-here"]["text"] == "Because I care."
    assert doc["answers"]["not-in-any-pack"]["text"] == "kept"
    assert doc["checklist"]["products"]["source"] == "website"
    assert doc["asks"][0]["priority"] == 2
    assert doc["rehearsals"][0]["device"] == "laptop"


def test_hand_written_file_shows_in_list_with_counts(tmp_path, capsys):
    data = tmp_path / "d"
    (data / "companies").mkdir(parents=True)
    (data / "companies" / "zed.toml").write_text(HAND_WRITTEN, encoding="utf-8")
    assert main(["--data-dir", str(data), "list"]) == 0
    out = capsys.readouterr().out
    assert "Zed & Co" in out and "answers 1/4" in out and "research 2/8" in out
    assert main(["--data-dir", str(data), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["answered"] == 1 and rows[0]["researched"] == 2 and rows[0]["checklist"] == 8


def test_files_are_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        store = make_store(tmp_path / "open")
        loaded = store.create(sample())
        store.save(loaded.slug, loaded.company, loaded.digest)
        store.delete(loaded.slug)
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.companies.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.trash.stat().st_mode) == 0o700
    for path in store.trash.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    store2 = make_store(tmp_path / "again")
    os.umask(0)
    try:
        made = store2.create(sample())
    finally:
        os.umask(old)
    assert stat.S_IMODE(store2.path_for(made.slug).stat().st_mode) == 0o600


def test_an_unparseable_file_is_reported_and_never_overwritten(tmp_path, capsys):
    store = make_store(tmp_path)
    good = store.create(sample("Good Co"))
    broken = store.path_for("broken")
    original = b'format = 1\n[company]\nname = "Broken\nrole = "x"\n'
    broken.write_bytes(original)
    entries = store.list()
    bad = next(e for e in entries if e.slug == "broken")
    assert bad.company is None and bad.error.line == 3 and "TOML syntax error" in bad.error.reason
    assert any(e.slug == good.slug and e.company for e in entries)
    with pytest.raises(NotesError):
        store.load("broken")
    # A save aimed at that path (say, from a session that loaded it before it broke) goes aside.
    with pytest.raises(ConflictError) as caught:
        store.save("broken", sample("Broken"), good.digest)
    assert broken.read_bytes() == original
    assert caught.value.sibling.exists()
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    out = capsys.readouterr().out
    assert "BROKEN" in out and "broken.toml:3" in out and "Good Co" in out


@pytest.mark.parametrize(
    "content, expected",
    [
        ('[company]\nname = "A"\n', 'no "format" key'),
        ('format = 9\n[company]\nname = "A"\n', "newer finale (format 9)"),
        ('format = "one"\n[company]\nname = "A"\n', 'must be a whole number'),
        ("format = 1\n", "missing the [company] table"),
        ('format = 1\n[company]\nname = "A"\ninterview_at = "soon"\n', "company.interview_at: expected a date-time"),
        ('format = 1\n[company]\nname = "A"\n[answers]\nwhy-here = "x"\n', "answers.why-here: expected a table"),
        (b'format = 1\n[company]\nname = "\xff"\n', "not UTF-8"),
    ],
)
def test_unusable_files_get_a_clear_message_and_stay_untouched(tmp_path, content, expected):
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    raw = content if isinstance(content, bytes) else content.encode()
    store.path_for("odd").write_bytes(raw)
    entry = store.read("odd")
    assert entry.company is None and expected in str(entry.error)
    assert entry.error.fix
    assert store.path_for("odd").read_bytes() == raw


def test_older_format_is_migrated_and_the_original_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(notes, "FORMAT", 2)

    def one_to_two(doc):
        doc = dict(doc)
        doc["company"] = dict(doc["company"], name=doc["company"]["title"])
        del doc["company"]["title"]
        doc["format"] = 2
        return doc

    monkeypatch.setitem(store_module.MIGRATIONS, 1, one_to_two)
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    old = b'format = 1\n[company]\ntitle = "Old Co"\n'
    store.path_for("old").write_bytes(old)
    loaded = store.load("old")
    assert loaded.company.name == "Old Co"
    assert store.path_for("old").with_name("old.toml.bak-v1").read_bytes() == old
    assert tomllib.loads(store.path_for("old").read_text())["format"] == 2


def test_a_change_on_disk_is_not_clobbered(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(sample())
    path = store.path_for(loaded.slug)
    theirs = path.read_text(encoding="utf-8").replace("I love robots.", "Edited in vim.")
    path.write_text(theirs, encoding="utf-8")
    loaded.company.set_answer("why-here", "Mine, typed in finale.", NOW)
    with pytest.raises(ConflictError) as caught:
        store.save(loaded.slug, loaded.company, loaded.digest)
    assert path.read_text(encoding="utf-8") == theirs
    sibling = caught.value.sibling
    assert sibling.name.startswith(f"{loaded.slug}.toml.conflict-")
    assert "Mine, typed in finale." in sibling.read_text(encoding="utf-8")
    assert stat.S_IMODE(sibling.stat().st_mode) == 0o600
    assert "changed on disk" in str(caught.value) and sibling.name in str(caught.value)
    assert [e.slug for e in store.list()] == [loaded.slug]  # the sibling is not a company


@pytest.mark.parametrize("name", ["../../etc/passwd", "Acme / Sons", "CON", "nul", ".hidden", "..", "a" * 300,
                                  "東京 Robotics", "Café Ñandú", "C:\\Windows"])  # control characters: test_hostile_names
def test_hostile_names_stay_inside_the_companies_folder(tmp_path, name):
    store = make_store(tmp_path)
    loaded = store.create(Company(name=name))
    path = store.path_for(loaded.slug).resolve()
    assert path.parent == store.companies.resolve()
    assert path.exists() and not loaded.slug.startswith(".")
    assert loaded.slug.lower() not in {"con", "nul"}
    assert store.load(loaded.slug).company.name == name.strip()


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "\u200b"])
def test_empty_names_are_rejected(tmp_path, name):
    with pytest.raises(ValueError, match="needs a name"):
        make_store(tmp_path).create(Company(name=name))


def test_names_that_slug_alike_never_collide(tmp_path):
    store = make_store(tmp_path)
    first = store.create(Company(name="Acme Inc"))
    second = store.create(Company(name="ACME, inc."))
    assert first.slug == "acme-inc" and second.slug == "acme-inc-2"
    assert store.load(first.slug).company.name == "Acme Inc"
    assert store.load(second.slug).company.name == "ACME, inc."


def test_rename_changes_name_and_slug(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(sample("Acme"))
    renamed = store.rename(loaded.slug, "Globex Corp")
    assert renamed.slug == "globex-corp" and not store.path_for("acme").exists()
    assert store.load("globex-corp").company.name == "Globex Corp"
    assert store.rename("globex-corp", "GLOBEX corp").slug == "globex-corp"


def test_delete_moves_to_trash_with_a_time_stamp(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(sample())
    before = store.path_for(loaded.slug).read_bytes()
    target = store.delete(loaded.slug)
    assert target == store.trash / f"{loaded.slug}-20261126-100000.toml"
    assert target.read_bytes() == before and not store.path_for(loaded.slug).exists()
    again = store.create(sample())
    assert store.delete(again.slug) != target


def test_list_orders_soonest_interview_first(tmp_path):
    store = make_store(tmp_path)
    for name, when in [("Later", datetime(2026, 12, 9)), ("None", None), ("Soon", datetime(2026, 11, 27)),
                       ("Past", datetime(2026, 11, 1))]:
        store.create(Company(name=name, interview_at=when))
    assert [e.company.name for e in store.list()] == ["Soon", "Later", "None", "Past"]


def test_unsavable_text_is_an_error_not_a_torn_file(tmp_path):
    store = make_store(tmp_path)
    loaded = store.create(sample())
    before = store.path_for(loaded.slug).read_bytes()
    loaded.company.set_answer("why-here", "lone \ud800 surrogate", NOW)
    with pytest.raises(store_module.SerializeError):
        store.save(loaded.slug, loaded.company, loaded.digest)
    assert store.path_for(loaded.slug).read_bytes() == before


WRITER = """
import sys
from datetime import datetime
from pathlib import Path
from tui.core.notes import Company
from tui.core.store import NotesStore
store = NotesStore(Path(sys.argv[1]))
loaded = store.load("acme")
digest = loaded.digest
i = 0
print("ready", flush=True)
while True:
    i += 1
    loaded.company.set_answer("why-here", f"version {i} " + "word " * 20000, datetime(2026, 1, 1, 0, 0, i % 60))
    digest = store.save("acme", loaded.company, digest)
"""


def test_a_process_killed_mid_save_leaves_a_whole_file(tmp_path):
    store = make_store(tmp_path)
    store.create(Company(name="Acme"))
    for attempt in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.05 + 0.013 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        company = store.load("acme").company
        text = company.answer_text("why-here")
        assert text == "" or (text.startswith("version ") and text.count("word ") == 20000)
    leftovers = [p.name for p in store.companies.iterdir() if p.name.endswith(".tmp")]
    # A killed writer may leave its temp file; it is hidden and never listed as a company.
    assert all(name.startswith(".") for name in leftovers)
    assert [e.slug for e in store.list()] == ["acme"]


def test_serialize_checks_its_own_output():
    company = sample()
    assert tomllib.loads(serialize(company).decode()) == notes.to_document(company)

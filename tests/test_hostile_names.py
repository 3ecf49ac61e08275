"""Issue 13.5-13.10: names, configuration, what is listed, the cache and clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import acme, make_store
from tests.test_packs import MINIMAL
from tui.cli import main
from tui.core.index import leftovers, summaries
from tui.core.notes import Company
from tui.core.packs import load_catalog


@pytest.mark.parametrize("name", ["line\nbreak", "tab\there", "Evil\x1b]2;x\x07", "\u202eevil", "a\x9bb", "a\x00b"])
def test_names_with_control_characters_are_refused(tmp_path, name):
    with pytest.raises(ValueError, match="control characters"):
        make_store(tmp_path).create(Company(name=name))
    assert not list((tmp_path / "companies").glob("*.toml")) if (tmp_path / "companies").exists() else True


def test_sixty_letters_outside_the_bmp_make_a_short_unique_slug(tmp_path):
    store = make_store(tmp_path)
    name = "𝔄" * 30 + "𝒜" * 30
    first, second = store.create(Company(name=name)), store.create(Company(name=name))
    assert first.slug != second.slug
    for loaded in (first, second):
        assert len(f"{loaded.slug}.toml.conflict-20261126-100000".encode()) < 255
        assert store.load(loaded.slug).company.name == name


def test_cli_reads_packs_dir_from_config(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("FINALE_PACKS")
    mine = tmp_path / "my-packs"
    mine.mkdir()
    (mine / "mine.toml").write_text(MINE_PACK, encoding="utf-8")
    (tmp_path / "config.toml").write_text(f'packs_dir = "{mine}"\n', encoding="utf-8")
    assert main(["packs"]) == 0
    assert "my-own" in capsys.readouterr().out


MINE_PACK = MINIMAL.replace('id = "mini"', 'id = "my-own"')


def test_dangling_link_is_listed(data_dir, capsys):
    store = make_store(data_dir)
    store.create(acme())
    os.symlink(data_dir / "gone.toml", store.companies / "ghost.toml")
    listed = summaries(store, load_catalog(None), store.clock())
    ghost = [s for s in listed if s.slug == "ghost"]
    assert ghost and "does not exist" in ghost[0].error
    assert main(["list"]) == 0
    assert "ghost" in capsys.readouterr().out


def test_packs_check_reports_clashes_with_installed_packs(tmp_path, capsys):
    clash = tmp_path / "clash.toml"
    clash.write_text(MINE_PACK.replace('id = "q-one"', 'id = "why-here"'), encoding="utf-8")
    assert main(["packs", "check", str(clash)]) == 1
    assert "why-here" in capsys.readouterr().err


def test_conflict_copies_are_listed_until_deleted(data_dir, capsys):
    store = make_store(data_dir)
    loaded = store.create(acme())
    sibling = store.path_for(loaded.slug).with_name(f"{loaded.slug}.toml.conflict-20261126-100000")
    sibling.write_text("x", encoding="utf-8")
    assert [x.kind for x in leftovers(store)] == ["conflict copy"]
    main(["list"])
    assert str(sibling) in capsys.readouterr().err
    sibling.unlink()
    assert leftovers(store) == []


def test_stale_temp_files_are_cleaned_at_start(data_dir):
    store = make_store(data_dir)
    store.create(acme())
    stale = store.companies / ".acme-robotics.toml.finale-x1y2z3w4.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (1, 1))
    summaries(store, load_catalog(None), store.clock())
    assert not stale.exists()


@pytest.mark.parametrize("cache", [
    {"files": {"acme-robotics": {"stamp": "STAMP", "summary": {"slug": 5}}}},
    {"files": {"acme-robotics": {"stamp": "STAMP", "summary": "SUMMARY_NAME_INT"}}},
    {"files": []},
    [],
])
def test_a_cache_of_the_wrong_shape_is_rebuilt(data_dir, capsys, cache):
    store = make_store(data_dir)
    store.create(acme())
    catalog = load_catalog(None)
    good = summaries(store, catalog, store.clock())
    path = data_dir / "cache" / "index.json"
    real = json.loads(path.read_text())
    if isinstance(cache, dict):
        cache["fingerprint"] = real["fingerprint"]
        row = cache["files"].get("acme-robotics") if isinstance(cache["files"], dict) else None
        if row:
            row["stamp"] = real["files"]["acme-robotics"]["stamp"]
            if row["summary"] == "SUMMARY_NAME_INT":
                row["summary"] = {**real["files"]["acme-robotics"]["summary"], "name": 42}
    path.write_text(json.dumps(cache))
    assert main(["list"]) == 0
    assert "Acme Robotics" in capsys.readouterr().out
    assert summaries(store, catalog, store.clock()) == good


def test_an_edit_with_its_mtime_restored_is_seen(data_dir):
    store = make_store(data_dir)
    loaded = store.create(acme("Acme Robotics"))
    catalog = load_catalog(None)
    summaries(store, catalog, store.clock())
    path = store.path_for(loaded.slug)
    before = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"Acme Robotics", b"Acme Robotixx"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [s.name for s in summaries(store, catalog, store.clock())] == ["Acme Robotixx"]


def _finale(*args, **kw):
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, **kw)


def _one_clean_line(done, code=1):
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_stdout_on_dev_full_is_one_line(data_dir):
    make_store(data_dir).create(acme())
    with open("/dev/full", "w") as full:
        for argv in (["list"], ["review", "acme"], ["export", "acme"]):
            done = subprocess.run([sys.executable, "-m", "tui", *argv], stdout=full, stderr=subprocess.PIPE, text=True)
            _one_clean_line(done)
            assert "cannot write the output" in done.stderr


def test_over_long_data_dir_file_data_dir_and_bad_format_are_one_line(tmp_path, data_dir):
    _one_clean_line(_finale("--data-dir", "/tmp/" + "x" * 5000, "list"))
    afile = tmp_path / "afile"
    afile.write_text("x")
    done = _finale("--data-dir", str(afile), "list")
    _one_clean_line(done)
    assert "is a file, not a folder" in done.stderr
    (data_dir / "companies").mkdir(parents=True)
    (data_dir / "companies" / "b.toml").write_text("format = true\n", encoding="utf-8")
    done = _finale("list")
    assert "got true or false" in done.stdout and "True" not in done.stdout

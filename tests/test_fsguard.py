"""Issue 13.2-13.4: folders finale makes are private, special files and outside links are never replaced."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest

from tests.helpers import acme, make_store
from tui.cli import main
from tui.core.fsguard import UnsafePathError, clean_stale_temps, make_dirs


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_nested_data_dirs_are_0700_under_umask_000(tmp_path, capsys):
    old = os.umask(0)
    try:
        make_store(tmp_path / "x" / "a" / "b").create(acme())
        store = make_store(tmp_path / "y" / "c")
        store.delete(store.create(acme()).slug)
    finally:
        os.umask(old)
    for folder in ("x", "x/a", "x/a/b", "x/a/b/companies", "y", "y/c", "y/c/trash"):
        assert mode(tmp_path / folder) == 0o700, folder


def test_data_dir_is_0700_under_a_normal_umask(tmp_path):
    old = os.umask(0o022)
    try:
        make_store(tmp_path / "fresh").create(acme())
    finally:
        os.umask(old)
    assert mode(tmp_path / "fresh") == 0o700


def test_owner_chmod_500_is_kept(tmp_path):
    store = make_store(tmp_path / "data")
    loaded = store.create(acme())
    os.chmod(store.companies, 0o500)
    os.chmod(store.root, 0o500)
    try:
        store.save(loaded.slug, loaded.company, loaded.digest)  # root may still write; the mode must stay
        from tui.core.index import summaries
        from tui.core.packs import load_catalog

        summaries(store, load_catalog(None), store.clock())
        assert mode(store.companies) == 0o500
        assert mode(store.root) == 0o500
    finally:
        os.chmod(store.root, 0o700)
        os.chmod(store.companies, 0o700)


def test_existing_parent_folders_are_left_alone(tmp_path):
    os.chmod(tmp_path, 0o755)
    make_dirs(tmp_path / "new" / "deeper")
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "new") == 0o700


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_export_refuses_device_fifo_and_folder_even_with_force(tmp_path, data_dir, capsys):
    make_store(data_dir).create(acme())
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    device = tmp_path / "null"
    os.symlink("/dev/null", device)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (fifo, device, folder):
        assert main(["export", "acme", "-o", str(target), "--force"]) == 1
        err = capsys.readouterr().err
        assert str(target) in err and "Traceback" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.path.islink(device) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert folder.is_dir()


def test_symlinked_notes_inside_the_data_dir_are_written_through(tmp_path):
    store = make_store(tmp_path / "data")
    loaded = store.create(acme())
    real = store.root / "elsewhere.toml"
    shutil.move(store.path_for(loaded.slug), real)
    os.symlink(real, store.path_for(loaded.slug))
    loaded = store.load(loaded.slug)
    loaded.company.role = "CPO"
    store.save(loaded.slug, loaded.company, loaded.digest)
    assert os.path.islink(store.path_for(loaded.slug))
    assert 'role = "CPO"' in real.read_text(encoding="utf-8")


def test_symlinked_notes_outside_the_data_dir_are_refused(tmp_path):
    store = make_store(tmp_path / "data")
    loaded = store.create(acme())
    outside = tmp_path / "outside.toml"
    shutil.move(store.path_for(loaded.slug), outside)
    os.symlink(outside, store.path_for(loaded.slug))
    before = outside.read_bytes()
    loaded = store.load(loaded.slug)
    loaded.company.role = "CPO"
    with pytest.raises(UnsafePathError) as refused:
        store.save(loaded.slug, loaded.company, loaded.digest)
    assert "outside the data folder" in str(refused.value)
    assert os.path.islink(store.path_for(loaded.slug)) and outside.read_bytes() == before


def test_stale_temp_files_are_cleaned_young_ones_kept(tmp_path):
    old, young = tmp_path / ".acme.toml.finale-abc_1234.tmp", tmp_path / ".acme.toml.finale-def56789.tmp"
    old.write_text("x")
    young.write_text("y")
    os.utime(old, (1000, 1000))
    removed = clean_stale_temps(tmp_path, now=1000 + 7200)
    assert removed == [old] and young.exists()


@pytest.mark.parametrize("name", [
    ".syncthing.acme.toml.tmp",  # Syncthing's partial download
    ".acme.toml.abcd1234.tmp",  # mkstemp's shape, but not our mark
    ".~lock.acme.toml#.tmp",
    ".acme.toml.finale-abc.tmp",  # our mark, but not mkstemp's eight characters
    "acme.toml.finale-abcd1234.tmp",  # not hidden
    ".whatever.tmp",
])
def test_only_finales_own_temp_files_are_ever_removed(tmp_path, name):
    other = tmp_path / name
    other.write_text("someone else's")
    os.utime(other, (1000, 1000))
    assert clean_stale_temps(tmp_path, now=1000 + 7200) == []
    assert other.read_text() == "someone else's"


def test_a_temp_file_finale_writes_is_one_cleanup_recognises(tmp_path, monkeypatch):
    from tui.core import atomic
    from tui.core.fsguard import is_our_temp

    seen = []
    real = atomic.os.replace
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: (seen.append(os.path.basename(a)), real(a, b)))
    atomic.atomic_write(tmp_path / "acme.toml", b"x")
    assert seen and all(is_our_temp(name) for name in seen)


def test_finale_list_leaves_a_sync_tools_partial_download_alone(tmp_path, capsys):
    store = make_store(tmp_path)
    store.create(acme())
    partial = store.companies / ".syncthing.acme-robotics.toml.tmp"
    partial.write_text("half a download")
    os.utime(partial, (1, 1))
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    assert partial.read_text() == "half a download"


def _nobody():
    try:
        import pwd

        return pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return None


@pytest.mark.skipif(os.geteuid() != 0 or _nobody() is None,
                    reason="needs root to switch to the unprivileged user nobody (not available here)")
def test_as_an_unprivileged_user():
    """Run as nobody: nested folders 0700, a read-only data folder reported in one line, exit 1."""
    import tempfile
    from pathlib import Path

    user = _nobody()
    tmp_path = Path(tempfile.mkdtemp(prefix="i13-nobody-", dir="/tmp"))  # pytest's tmp is root-only
    os.chmod(tmp_path, 0o777)
    try:
        _run_as_nobody(user, tmp_path)
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)


def _run_as_nobody(user, tmp_path):
    script = f"""
import os, sys, json, tempfile, hashlib, tomllib, tomli_w, platformdirs, errno, stat, locale, argparse, difflib, re, fcntl, threading, unicodedata, datetime
import tui.cli, tui.core.index, tui.core.packs, tui.core.timefmt, tui.core.settings, tui.core.paths
import tui.core.checks, tui.core.progress, tui.core.sanitize, tui.core.fsguard, tui.core.store
# Imported above: the Python install may sit where nobody cannot read it.
os.setgid({user.pw_gid}); os.setuid({user.pw_uid})
os.umask(0)
from tui.cli import main
from pathlib import Path
from tui.core.notes import Company
from tui.core.store import NotesStore
NotesStore(Path({str(tmp_path / 'u' / 'a')!r})).create(Company(name="Acme"))
os.mkdir({str(tmp_path / 'shut')!r}, 0o000)
sys.exit(main(["--data-dir", {str(tmp_path / 'shut' / 'sub')!r}, "list"]))
"""
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "FINALE_CONFIG": str(tmp_path / "config.toml"),
           "FINALE_PACKS": str(tmp_path / "packs")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=os.getcwd())
    if "ModuleNotFoundError" in done.stderr:
        pytest.skip(f"this Python install is not readable by the user nobody: {done.stderr.strip().splitlines()[-1]}")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert str(tmp_path / "shut") in done.stderr and "permission" in done.stderr.lower()
    assert len(done.stderr.strip().splitlines()) == 1
    assert mode(tmp_path / "u") == 0o700 and mode(tmp_path / "u" / "a") == 0o700
    assert os.stat(tmp_path / "u").st_uid == user.pw_uid

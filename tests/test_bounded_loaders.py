"""Issue 28.8: a deeply nested TOML file or a FIFO named like a finale file is shown as broken; the rest load."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import acme, make_store
from tui.cli import main
from tui.core.bounded import MAX_DEPTH, NotRegularFileError, TooDeepError, bracket_depth, loads, read_regular
from tui.core.packs import load_catalog
from tui.core.settings import SettingsError, load_settings

DEEP = "format = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n"
DOTTED = "format = 1\n" + ".".join(["a"] * 200) + " = 1\n"


@pytest.mark.parametrize(("text", "depth"), [
    ("a = 1", 0),
    ("a = [[1], [2]]", 2),
    ('a = "[[[[[["', 0),  # brackets in a string are text
    ("a = '[[[[['", 0),
    ('a = """\n[[[[\n"""', 0),
    ("a = '''[[[[[\n'''", 0),
    ("# [[[[[[\na = {b = [1]}", 2),
    ('a = "\\"[[["', 0),  # an escaped quote does not end the string
    ("[[asks]]\ntext = 'x'", 2),
])
def test_bracket_depth_counts_only_nesting(text, depth):
    assert bracket_depth(text) == depth


def test_deep_and_dotted_nesting_are_refused_before_recursing():
    with pytest.raises(TooDeepError):
        loads(DEEP)
    with pytest.raises(TooDeepError):
        loads(DOTTED)  # no brackets at all: caught on the parsed document
    assert loads("a = " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)["a"]


def test_read_regular_refuses_a_fifo_without_waiting(tmp_path):
    fifo = tmp_path / "acme.toml"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="FIFO"):
        read_regular(fifo)
    with pytest.raises(NotRegularFileError, match="folder"):
        read_regular(tmp_path)
    (tmp_path / "real").write_bytes(b"ok")
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert read_regular(tmp_path / "link") == b"ok"  # a link to a regular file is read


def test_a_deeply_nested_notes_file_is_broken_and_the_rest_list(tmp_path, capsys):
    store = make_store(tmp_path)
    store.create(acme())
    (store.companies / "deep.toml").write_text(DEEP)
    main(["--data-dir", str(tmp_path), "list", "--json"])
    rows = json.loads(capsys.readouterr().out)
    by_slug = {row["slug"]: row for row in rows if row.get("slug")}
    assert by_slug["acme-robotics"]["name"] == "Acme Robotics"
    assert "nested" in by_slug["deep"]["error"]


def _run_list(data_dir, env_extra=None):
    env = {**os.environ, "FINALE_CONFIG": str(data_dir / "no-config.toml"), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), "list"],
                          capture_output=True, text=True, timeout=20, env=env)


def test_a_fifo_named_like_a_notes_file_pack_or_config_never_hangs_finale_list(tmp_path):
    store = make_store(tmp_path / "data")
    store.create(acme())
    os.mkfifo(store.companies / "fifo.toml")
    packs = tmp_path / "packs"
    packs.mkdir()
    os.mkfifo(packs / "pack.toml")
    os.mkfifo(tmp_path / "config.toml")
    result = _run_list(tmp_path / "data", {"FINALE_PACKS": str(packs), "FINALE_CONFIG": str(tmp_path / "config.toml")})
    # The config FIFO is a usage problem of its own: finale says so and stops, it does not hang.
    assert "FIFO" in result.stderr
    result = _run_list(tmp_path / "data", {"FINALE_PACKS": str(packs)})
    assert "Acme Robotics" in result.stdout
    assert "FIFO" in result.stdout + result.stderr


def test_a_deep_or_fifo_pack_is_an_error_and_the_builtin_packs_load(tmp_path):
    (tmp_path / "deep.toml").write_text("[pack]\nid = " + "[" * 3000 + "]" * 3000)
    os.mkfifo(tmp_path / "fifo.toml")
    catalog = load_catalog(tmp_path)
    assert catalog.packs
    reasons = {error.source.name: str(error) for error in catalog.errors}
    assert "nested" in reasons["deep.toml"] and "FIFO" in reasons["fifo.toml"]


def test_a_deep_config_is_a_settings_error(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("theme = " + "[" * 3000 + "]" * 3000)
    with pytest.raises(SettingsError, match="nested"):
        load_settings(config)

"""The parsed-pack cache: reused while a pack is unchanged, never trusted beyond what a pack file is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_packs import MINIMAL
from tui.core import packs
from tui.core.packs import load_catalog

# The loader's minimal pack, its prompt made to say which version of the file was read.
MINI = MINIMAL.replace('prompt = "Why?"', 'prompt = "Why {word}?"')
assert MINI != MINIMAL


@pytest.fixture
def setup(tmp_path: Path):
    user = tmp_path / "packs"
    user.mkdir()
    (user / "mini.toml").write_text(MINI.replace("{word}", "here"), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    return user, data / "cache"


def parses(monkeypatch) -> list[Path]:
    """Record every pack that tomllib parses."""
    seen: list[Path] = []
    real = packs._toml

    def counting(text: str, source: Path):
        seen.append(source)
        return real(text, source)

    monkeypatch.setattr(packs, "_toml", counting)
    return seen


def prompts(catalog) -> list[str]:
    return [q.prompt for q in catalog.questions]


def test_a_second_load_parses_nothing_and_gives_the_same_catalog(setup, monkeypatch):
    user, cache = setup
    first = load_catalog(user, cache)
    assert (cache / "packs.json").exists()
    assert oct((cache / "packs.json").stat().st_mode & 0o777) == "0o600"
    seen = parses(monkeypatch)
    second = load_catalog(user, cache)
    assert seen == []
    assert second.packs == first.packs  # same questions, tips, checks, sources
    assert "Why here?" in prompts(second)


def test_an_edited_pack_is_parsed_again(setup, monkeypatch):
    user, cache = setup
    load_catalog(user, cache)
    path = user / "mini.toml"
    path.write_text(MINI.replace("{word}", "there"), encoding="utf-8")
    seen = parses(monkeypatch)
    assert "Why there?" in prompts(load_catalog(user, cache))
    assert seen == [path]


def test_a_cache_of_the_wrong_shape_or_garbage_is_ignored_and_rewritten(setup):
    user, cache = setup
    load_catalog(user, cache)
    for junk in (b"\xff\x00 not json", b"[1, 2]", b'{"version": 1, "packs": []}',
                 b'{"version": 99, "packs": {}}'):
        (cache / "packs.json").write_bytes(junk)
        assert "Why here?" in prompts(load_catalog(user, cache))
        assert json.loads((cache / "packs.json").read_bytes())["version"] == 1


def test_a_cached_document_is_validated_like_a_file(setup):
    """A hand-edited cache can say nothing a pack file could not: its document is checked again."""
    user, cache = setup
    load_catalog(user, cache)
    held = json.loads((cache / "packs.json").read_bytes())
    (row,) = [r for key, r in held["packs"].items() if key.endswith("mini.toml")]
    row["doc"]["questions"][0]["target_seconds"] = "soon"
    (cache / "packs.json").write_text(json.dumps(held), encoding="utf-8")
    catalog = load_catalog(user, cache)
    assert "Why here?" not in prompts(catalog)
    assert any("target_seconds" in str(error) for error in catalog.errors)


def test_a_pack_json_cannot_hold_exactly_is_not_cached(setup, monkeypatch):
    user, cache = setup
    path = user / "mini.toml"
    odd = user / "odd.toml"
    odd.write_text(MINI.replace("mini", "odd").replace("q-one", "q-odd").replace("{word}", "odd")
                   + "[[checklist]]\nid = 'd'\nlabel = 'Date'\nhint = 'x'\n", encoding="utf-8")
    # A date where text belongs: invalid, so reported; JSON cannot hold the date, so never cached.
    odd.write_text(odd.read_text(encoding="utf-8").replace('version = "1"', "version = 2026-11-27"), encoding="utf-8")
    load_catalog(user, cache)
    held = json.loads((cache / "packs.json").read_bytes())["packs"]
    assert str(odd) not in held and str(path) in held
    seen = parses(monkeypatch)
    assert any("version" in str(e) for e in load_catalog(user, cache).errors)
    assert seen == [odd]


def test_without_a_data_folder_nothing_is_created(tmp_path):
    cache = tmp_path / "no-data-yet" / "cache"
    assert load_catalog(None, cache).questions
    assert not (tmp_path / "no-data-yet").exists()


def test_a_cache_that_cannot_be_written_still_loads(setup, monkeypatch):
    from tui.core import atomic

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "atomic_write", refuse)
    user, cache = setup
    assert "Why here?" in prompts(load_catalog(user, cache))
    assert not (cache / "packs.json").exists()

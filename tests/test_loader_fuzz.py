"""Issue 13: every loader meets random bytes and random TOML shapes with a clean error or a valid load."""

from __future__ import annotations

import json

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_store
from tui.core.index import summaries
from tui.core.packs import PackError, load_catalog, load_pack_file
from tui.core.settings import SettingsError, load_settings
from tui.core.store import NotesError, company_from

scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.floats(allow_nan=False),
                    st.datetimes())
shapes = st.recursive(scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                      st.dictionaries(st.text(max_size=12), kids, max_size=5)),
                      max_leaves=20)
keys = st.sampled_from(["format", "company", "answers", "checklist", "asks", "custom_questions", "rehearsals",
                        "pack", "questions", "theme", "mouse", "packs_dir", "words_per_minute", "name", "id"])
documents = st.dictionaries(st.one_of(keys, st.text(max_size=8)), shapes, max_size=6)
blobs = st.one_of(st.binary(max_size=300), documents.map(lambda d: tomli_w.dumps(d).encode("utf-8")))
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=blobs)
def test_notes_loader(tmp_path, data):
    try:
        company_from(data, tmp_path / "x.toml")
    except NotesError:
        pass


@pytest.mark.parametrize("load, error", [(load_pack_file, PackError), (load_settings, SettingsError)])
@FUZZ
@given(data=blobs)
def test_pack_and_settings_loaders(tmp_path, load, error, data):
    path = tmp_path / "file.toml"
    path.write_bytes(data)
    try:
        load(path)
    except error:
        pass


CATALOG = load_catalog(None)


@FUZZ
@given(data=st.one_of(st.binary(max_size=200), shapes.map(lambda s: json.dumps({"files": s}, default=str).encode())))
def test_index_cache(tmp_path, data):
    store = make_store(tmp_path)
    (tmp_path / "cache").mkdir(exist_ok=True)
    (tmp_path / "cache" / "index.json").write_bytes(data)
    assert summaries(store, CATALOG, store.clock()) == []

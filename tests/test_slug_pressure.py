"""Many companies whose names give the same file name: none overwrites another, each opens as itself."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_store
from tui.core.matching import find_in_store
from tui.core.notes import Company
from tui.core.slug import MAX_LENGTH, clean_name

# Every one of these slugs to "acme", "acme-2" or "acme-3", or to one 60-letter stem.
COLLIDING = [
    "Acme", "acme", "ACME", "Acmé", "Ácme", "ACMÉ", "Acme!", "Acme.", " Acme ", "(Acme)", "Acme 2", "acme-2",
    "Acme--3", "Ａｃｍｅ", "a" * (MAX_LENGTH + 5), "A" * MAX_LENGTH + "-tail", "á" * (MAX_LENGTH + 1),
]


def create_all(store, names: list[str]) -> list[tuple[str, str, str]]:
    """Create each name in turn; (slug, name as stored, a role only this company has) for each."""
    made = []
    for i, name in enumerate(names):
        role = f"role of company {i}"
        loaded = store.create(Company(name=name, role=role))
        made.append((loaded.slug, clean_name(name), role))
    return made


def opens(made: list[tuple[str, str, str]], query: str) -> str | None:
    """The slug a query must open: the one company with that name, else the file with that slug; None: ambiguous."""
    wanted = query.strip().casefold()
    named = [slug for slug, name, _ in made if name.casefold() == wanted]
    if len(named) == 1:
        return named[0]
    return wanted if wanted in {slug for slug, _, _ in made} else None


def assert_each_kept_and_found(store, made: list[tuple[str, str, str]]) -> None:
    slugs = [slug for slug, _, _ in made]
    assert len(set(slugs)) == len(slugs), f"two companies were given one file: {slugs}"
    assert sorted(store.slugs()) == sorted(slugs), "a file was lost or is extra"
    roles = {slug: role for slug, _, role in made}
    for slug, name, _ in made:
        for query in (slug, name):
            found = find_in_store(store, query)
            want = opens(made, query)
            if want is None:  # a name several companies share, and no file is called that: they are offered
                assert found.ambiguous and slug in [e.slug for e in found.candidates], f"{query!r} hides {slug}"
                continue
            assert found.entry is not None and found.entry.company is not None, f"{query!r} does not open"
            assert (found.entry.slug, found.entry.company.role) == (want, roles[want]), \
                f"{query!r} opens {found.entry.slug}, not {want}"
        if sum(n.casefold() == name.casefold() for _, n, _ in made) == 1:
            assert find_in_store(store, name).entry.slug == slug, f"{name!r} does not open by its own name"


def test_acme_created_three_times_is_three_companies(tmp_path):
    store = make_store(tmp_path)
    made = create_all(store, ["Acme", "Acme", "Acme"])
    assert [slug for slug, _, _ in made] == ["acme", "acme-2", "acme-3"]
    assert_each_kept_and_found(store, made)


def test_a_name_that_looks_like_a_suffix_does_not_take_a_later_duplicates_file(tmp_path):
    store = make_store(tmp_path)
    made = create_all(store, ["Acme", "Acme 2", "Acme", "acme-3", "ACME"])
    assert_each_kept_and_found(store, made)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(st.sampled_from(COLLIDING) | st.text(alphabet="aAcCmMeEé -.!2", min_size=1, max_size=8)
                .filter(lambda s: s.strip(" -.!") != ""), min_size=2, max_size=10))
def test_colliding_names_never_lose_or_overwrite_a_file(names):
    with tempfile.TemporaryDirectory(prefix="finale-slugs-") as folder:
        store = make_store(Path(folder))
        assert_each_kept_and_found(store, create_all(store, names))


def test_a_company_named_like_another_companys_file_opens_by_its_name(tmp_path):
    store = make_store(tmp_path)
    made = create_all(store, ["Acme", "Acme", "acme-2"])
    assert [slug for slug, _, _ in made] == ["acme", "acme-2", "acme-2-2"]
    assert find_in_store(store, "acme-2").entry.slug == "acme-2-2"  # its name, not the second Acme's file
    assert find_in_store(store, "ACME-2 ").entry.slug == "acme-2-2"
    assert find_in_store(store, "acme-2-2").entry.slug == "acme-2-2"
    assert find_in_store(store, "Acme").entry.slug == "acme"  # a shared name: the file called that
    assert_each_kept_and_found(store, made)


def test_the_slug_shortcut_reads_one_file_from_a_warm_index_and_sees_hand_edited_names(tmp_path, monkeypatch):
    from datetime import datetime

    from tui.core.index import summaries
    from tui.core.packs import load_catalog

    store = make_store(tmp_path)
    made = create_all(store, ["Acme", "Acme", "Globex", "Initech"])
    summaries(store, load_catalog(None), datetime(2026, 12, 1))  # what `finale list` and the picker leave
    read = []
    real_read = type(store).read
    monkeypatch.setattr(type(store), "read", lambda self, slug, **kw: read.append(slug) or real_read(self, slug, **kw))
    assert find_in_store(store, "acme-2").entry.slug == "acme-2" and read == ["acme-2"]
    path = store.path_for("globex")  # renamed by hand inside the file: the index no longer vouches for it
    path.write_text(path.read_text(encoding="utf-8").replace('"Globex"', '"acme-2"'), encoding="utf-8")
    read.clear()
    assert find_in_store(store, "acme-2").entry.slug == "globex" and sorted(read) == ["acme-2", "globex"]
    assert made[2][0] == "globex"

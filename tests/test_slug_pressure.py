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


def assert_each_kept_and_found(store, made: list[tuple[str, str, str]]) -> None:
    slugs = [slug for slug, _, _ in made]
    assert len(set(slugs)) == len(slugs), f"two companies were given one file: {slugs}"
    assert sorted(store.slugs()) == sorted(slugs), "a file was lost or is extra"
    for slug, name, role in made:
        by_file = find_in_store(store, slug).entry
        assert by_file is not None and by_file.company is not None, f"{slug} does not open"
        assert (by_file.company.name, by_file.company.role) == (name, role), f"{slug} holds another company's notes"
        if name.strip().casefold() in set(slugs) - {slug}:
            continue  # a name that is another company's file name opens that file: find_in_store's shortcut
        by_name = find_in_store(store, name)
        offered = [by_name.entry] if by_name.entry is not None else by_name.candidates
        assert slug in [e.slug for e in offered], f"{name!r} does not lead to {slug}"
    for slug, name, _ in made:
        if sum(n.casefold() == name.casefold() for _, n, _ in made) == 1 and name.casefold() not in set(slugs) - {slug}:
            assert find_in_store(store, name).entry.slug == slug, f"{name!r} opens another company"


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

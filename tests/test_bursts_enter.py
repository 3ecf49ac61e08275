"""enter in a one-line field, and the keys behind it in the same burst: the field keeps exactly
what was typed before enter, and what follows goes where enter took the user.

An Input's enter is a binding whose action posts ``Submitted`` back to the field, and the dialog
reads the field when that message reaches it: the key line let the next key go once the binding
had run, so the first letter after enter landed in the field ("Why robots?I"), and the rest were
commands on the screen below (the `r` of "our" started a rehearsal). Every dialog that submits on
enter is driven here with generated text.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import acme, make_app, make_store, saved
from tests.test_bursts import burst

# Letters bound on the screens below (r rehearse, v review, a add, d delete, n new, e rename, q quit),
# figures (pane keys) and punctuation.
TEXT = st.from_regex(r"[A-Za-z][rvadneqRVA0-9 ,.?'%-]{0,14}[a-z]", fullmatch=True)
AFTER = ["backspace", "backspace"]  # in the field before enter, they would cut what it saves


async def add_question(root: Path, text: str, answer: str) -> dict:
    store = make_store(root)
    store.create(acme())
    app = make_app(root, open_loaded=store.load("acme-robotics"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "a", text, ["enter"], answer, ["ctrl+s"])
    return saved(store, "acme-robotics")


async def details_role(root: Path, text: str) -> dict:
    store = make_store(root)
    store.create(acme())
    app = make_app(root, open_loaded=store.load("acme-robotics"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "i", text, ["enter"], AFTER)
        await burst(pilot, ["ctrl+s"])
    return saved(store, "acme-robotics")


async def from_picker(root: Path, opener: str, text: str) -> list[str]:
    store = make_store(root)
    store.create(acme())
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await burst(pilot, opener, text, ["enter"], AFTER)
        await pilot.pause(0.2)
    return sorted(saved(store, path.stem)["company"]["name"] for path in store.path_for("x").parent.glob("*.toml"))


BUDGET = settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@BUDGET
@given(text=TEXT, answer=TEXT)
def test_a_question_added_with_enter_keeps_its_words_and_the_answer_typed_after_it(text, answer):
    with tempfile.TemporaryDirectory(prefix="lead-") as folder:
        doc = asyncio.run(add_question(Path(folder), text, answer))
    (custom,) = doc["custom_questions"]
    assert custom["prompt"] == text.strip()
    assert doc["answers"][custom["id"]]["text"] == answer
    assert "rehearsals" not in doc


@BUDGET
@given(text=TEXT)
def test_a_role_saved_with_enter_is_the_role_typed(text):
    with tempfile.TemporaryDirectory(prefix="lead-") as folder:
        doc = asyncio.run(details_role(Path(folder), text))
    assert doc["company"]["role"] == text.strip()


@BUDGET
@given(text=TEXT)
def test_a_company_named_with_enter_in_the_picker_is_the_name_typed(text):
    with tempfile.TemporaryDirectory(prefix="lead-") as folder:
        names = asyncio.run(from_picker(Path(folder), "n", text))
    assert text.strip() in names, names


@BUDGET
@given(text=TEXT)
def test_a_rename_with_enter_in_the_picker_is_the_name_typed(text):
    with tempfile.TemporaryDirectory(prefix="lead-") as folder:
        names = asyncio.run(from_picker(Path(folder), "e", text))
    assert names == [text.strip()]  # the old name is selected when the dialog opens: typing replaces it

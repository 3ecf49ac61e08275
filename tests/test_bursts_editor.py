"""Any answer typed in one burst straight after opening the editor is saved exactly as typed.

Digits among the words are text (a pane key moves only in the burst of the pane key
before it, before any text), and the escape that ends the burst leaves the editor
only after every key before it has reached the answer.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.helpers import acme, make_app, make_store, saved
from tests.test_bursts import burst

# Letters that are bindings elsewhere (r, v, c, i, a, m, y), the pane keys, figures and punctuation.
ALPHABET = list("rvciamyRT 1234567890%.,?-'") + ["\n"]


async def type_answer(root: Path, opener: str, text: str) -> str:
    store = make_store(root)
    store.create(acme())
    app = make_app(root, open_loaded=store.load("acme-robotics"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")  # right-fit: no answer yet
        await burst(pilot, [opener], ["enter" if ch == "\n" else ch for ch in text], ["escape"])
        await burst(pilot, ["ctrl+s"])
    return saved(store, "acme-robotics")["answers"]["right-fit"]["text"]


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=30), opener=st.sampled_from(["enter", "2"]))
def test_an_answer_typed_in_one_burst_is_saved_exactly(text, opener):
    assume(text.strip(" \n"))
    if opener == "2":
        assume(text[0] not in "1234")  # `2` `4` in one burst is the research pane, by design
    with tempfile.TemporaryDirectory(prefix="i21-") as folder:
        assert asyncio.run(type_answer(Path(folder), opener, text)) == text

"""Issue 28.9: control characters in a paste are left out with a message; the rest stays in order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.paste_guard import END, START, PasteGuard, describe

PASTE = f"{START}one\x1btwo\x00three\x1b[Afour{END}"


def run(chunks: list[str]) -> tuple[str, str]:
    removed: list[str] = []
    guard = PasteGuard(removed.append)
    return "".join(guard.feed(chunk) for chunk in chunks), "".join(removed)


def test_controls_in_a_paste_are_removed_in_place_and_reported():
    out, removed = run([PASTE])
    assert out == f"{START}onetwothree[Afour{END}"
    assert removed == "\x1b\x00\x1b"
    assert describe(removed).startswith("Left out 3 control characters (ESC, NUL)")


def test_tabs_and_line_ends_are_text():
    out, removed = run([f"{START}a\tb\r\nc\n{END}"])
    assert out == f"{START}a\tb\r\nc\n{END}" and removed == ""


def test_keys_outside_a_paste_are_untouched():
    keys = "\x1b\x1b[A\x00x\x1b[201~"  # escape, an arrow, ctrl+space: keys, not text
    assert run([keys]) == (keys, "")


@pytest.mark.parametrize("cut", range(1, len(PASTE)))
def test_a_paste_split_across_two_reads_gives_the_same_text(cut):
    assert run([PASTE[:cut], PASTE[cut:]]) == run([PASTE])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\t\x1b\x00\x07[~"), max_size=40), st.data())
def test_any_paste_in_any_reads_keeps_every_printable_in_order(body, data):
    whole = f"x{START}{body.replace(END, '')}{END}y"
    cuts = sorted(data.draw(st.lists(st.integers(0, len(whole)), max_size=4)))
    chunks = [whole[a:b] for a, b in zip([0, *cuts], [*cuts, len(whole)], strict=True)]
    out, removed = run(chunks)
    inner = out[len("x" + START): -len(END + "y")]
    assert out.startswith("x" + START) and out.endswith(END + "y")
    assert inner == "".join(c for c in body.replace(END, "") if c in "ab \n\t[~")

"""A mode started from the command line is the first screen drawn: the draft it hides never flashes.

`finale rehearse NAME --mock` showed the Prepare screen, draft and all, for a moment before
the mock close opened: the one mode whose point is "no draft". Every byte finale writes
is checked, not only the settled screen, so a frame overwritten a moment later still counts.
"""

from __future__ import annotations

import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import acme, make_store

pytestmark = pytest.mark.e2e

DRAFT = b"robot arm leads the market"  # acme's draft answer to the first question
PICKER = "Companies · enter to open".encode()  # the picker's list title


def started(home, args: list[str], marker: str) -> bytes:
    make_store(home / "data").create(acme())
    term = Terminal(args, base_env(home))
    term.wait_for(marker)
    term.pump(1.0)  # whatever start-up sends after the first screen
    raw = term.raw
    term.send("\x11")
    term.finish()
    return raw


@pytest.mark.parametrize("args, marker", [(["rehearse", "acme", "--mock"], "Mock close"),
                                          (["rehearse", "acme"], "Your draft is hidden")])
def test_a_rehearsal_mode_never_draws_the_draft_before_its_own_screen(tmp_path, args, marker):
    raw = started(tmp_path, args, marker)
    assert DRAFT not in raw
    assert PICKER not in raw


def test_finale_open_draws_the_company_first(tmp_path):
    raw = started(tmp_path, ["open", "acme"], "Why do you want to work")
    assert DRAFT in raw
    assert PICKER not in raw[: raw.index(DRAFT)]

"""Every key lands: the same keys typed one at a time or arriving in one read give the same notes.

Over SSH a burst of keys arrives in one read. Each journey below opens
something, types into it and ends with the key that reads or leaves what was
typed. It runs twice in a real pty, once a key at a time with pauses and once
as a single ``os.write``, against a frozen clock, and the two notes folders
must be byte-identical. A new binding that reads a field is one more row. The
runs go side by side: the table costs about the time of its slowest rows.

A lone escape is a key only when nothing follows it in the same read (anything
after it makes an escape sequence: that is the terminal's rule, not finale's),
so a journey's keys are written in one write per escape-ended piece.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import acme, make_store

pytestmark = pytest.mark.e2e

ESC = "\x1b"
CTRL_Q = "\x11"
CTRL_S = "\x13"
DOWN = "\x1b[B"
ENTER = "\r"

# finale with a stopped clock: wall time and the rehearsal stopwatch, so timestamps match.
FROZEN = """
import datetime as _d, sys
_NOW = _d.datetime(2026, 11, 26, 10, 0, 0)
class _Frozen(_d.datetime):
    @classmethod
    def now(cls, tz=None):
        return _NOW
_d.datetime = _Frozen
import tui.app
_init = tui.app.FinaleApp.__init__
def _frozen_init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.monotonic = lambda: 0.0
tui.app.FinaleApp.__init__ = _frozen_init
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""

# name: (opener, typed, closer). Keys are terminal bytes; the journey starts on acme's Prepare screen.
JOURNEYS = {
    "research note, ctrl+s": ("4" + DOWN + ENTER, "Locus leads; we are #2 in 3 markets", CTRL_S),
    "details form, ctrl+s": ("i", "Director of Product", CTRL_S),
    "new company, ctrl+s": ("c" + "n", "Initech", CTRL_S),
    "own question, enter": ("a", "Why robots, and why 2027?", ENTER),
    "answer, ctrl+s": (DOWN + ENTER, "I led 12 people and cut costs by 40%.", CTRL_S),
    "answer, escape": (DOWN + ENTER, "Three reasons: 1, 2 and 3.", ESC),
    "answer, escape then 2": (DOWN + ENTER, "First part. ", ESC + "2" + "Second part." + CTRL_S),
    "answer, escape then v": (DOWN + ENTER, "Before the review.", ESC + "v"),
    "typed recall, enter": ("ry", "I scaled a similar line", CTRL_S + "3" + ENTER),
    "asks editor, enter": (DOWN * 3 + "2" + "n", "What would make someone fail here?", ENTER),
}


def pieces(keys: str) -> list[str]:
    """The writes a burst takes: each piece ends at an escape that stands alone."""
    out, start = [], 0
    for i, ch in enumerate(keys):
        if ch == ESC and keys[i + 1:i + 2] != "[":
            out.append(keys[start:i + 1])
            start = i + 1
    if start < len(keys):
        out.append(keys[start:])
    return out


def keys_one_by_one(keys: str) -> list[str]:
    """Keys as a person types them: an arrow's escape sequence is one key."""
    out, i = [], 0
    while i < len(keys):
        step = 3 if keys.startswith("\x1b[", i) else 1
        out.append(keys[i:i + step])
        i += step
    return out


def run_journey(home: Path, keys: str, burst: bool) -> dict[str, bytes]:
    make_store(home / "data").create(acme())
    term = Terminal(["-c", FROZEN, "open", "acme"], base_env(home), program=sys.executable)
    term.wait_for("Why do you want to work")
    term.pump(0.3)
    if burst:
        for piece in pieces(keys):
            os.write(term.child.child_fd, piece.encode())
            term.pump(0.6 if piece.endswith(ESC) else 0.3)
    else:
        for key in keys_one_by_one(keys):
            term.send(key, settle=0.6 if key == ESC else 0.12)
    term.pump(1.0)
    term.send(CTRL_Q)
    assert term.finish() == 0, term.text
    folder = home / "data" / "companies"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.toml"))}


CONCURRENT = 6
"""Runs at a time: most of a run is waiting (the pauses, the one-second settles), not work."""


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[tuple[str, bool], dict[str, bytes] | BaseException]:
    """Every journey, paced and in one write, run side by side once for the whole table."""
    from concurrent.futures import ThreadPoolExecutor

    root = tmp_path_factory.mktemp("journeys")

    def run(job: tuple[str, bool]) -> dict[str, bytes] | BaseException:
        name, burst = job
        opener, typed, closer = JOURNEYS[name]
        home = root / f"{list(JOURNEYS).index(name)}-{'burst' if burst else 'paced'}"
        try:
            return run_journey(home, opener + typed + closer, burst)
        except (AssertionError, OSError, pexpect.ExceptionPexpect) as error:
            return error

    jobs = [(name, burst) for name in JOURNEYS for burst in (False, True)]
    with ThreadPoolExecutor(CONCURRENT) as pool:
        return dict(zip(jobs, pool.map(run, jobs), strict=True))


@pytest.mark.parametrize("name", list(JOURNEYS))
def test_one_write_and_one_key_at_a_time_save_the_same_notes(outcomes, name):
    paced, burst = outcomes[name, False], outcomes[name, True]
    for outcome in (paced, burst):
        if isinstance(outcome, BaseException):
            raise outcome
    assert isinstance(paced, dict) and isinstance(burst, dict)
    typed = JOURNEYS[name][1]
    assert any(typed.encode() in text for text in paced.values()) or name == "typed recall, enter", paced
    assert burst == paced

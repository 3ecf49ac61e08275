"""Issue 28.1: steady typing and kill -9 at random moments lose no word older than the longest wait + 1 s.

A key every 0.2-0.3 s (about 48 words a minute) never lets the one-second pause after the
last key come, so only the longest wait saves; ``kill -9`` gives finale no chance to save on
the way out. Two companies are typed into at once, in two terminals, to keep the run near a
minute; over 20 kills, every word typed more than LONGEST_WAIT_SECONDS + 1 s before its kill
must be in the notes file.
"""

from __future__ import annotations

import random
import signal
import threading
import time

import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.e2e.test_real_terminal import notes
from tests.helpers import acme, make_store
from tui.saving import LONGEST_WAIT_SECONDS

pytestmark = pytest.mark.e2e

KILLS_EACH = 10
CTRL_END = "\x1b[1;5F"


def _type_and_kill(home, seed: int, report: list) -> None:
    rng = random.Random(seed)
    n = 0
    for _ in range(KILLS_EACH):
        term = Terminal(["open", "acme"], base_env(home))
        term.wait_for("Why do you want to work", timeout=30)
        term.send("\r", settle=0.3)
        term.wait_for_editor()
        term.send(CTRL_END, settle=0.1)
        typed: list[tuple[str, float]] = []
        stop = time.monotonic() + rng.uniform(2.0, 4.5)
        while time.monotonic() < stop:
            word = f" w{seed}x{n}"
            n += 1
            for key in word:
                term.child.send(key)
                term.pump(rng.uniform(0.2, 0.3))
            typed.append((word.strip(), time.monotonic()))
        killed = time.monotonic()
        term.child.kill(signal.SIGKILL)
        term.finish()
        on_disk = set(notes(home)["answers"]["why-here"]["text"].split())
        for word, at in typed:
            age = killed - at
            report.append((word, age, word in on_disk))


def test_steady_typing_with_kill_9_loses_no_word_older_than_the_longest_wait(tmp_path):
    homes = [tmp_path / "one", tmp_path / "two"]
    for home in homes:
        make_store(home / "data").create(acme())
    reports: list[list] = [[], []]
    threads = [threading.Thread(target=_type_and_kill, args=(home, seed, reports[seed]))
               for seed, home in enumerate(homes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    words = reports[0] + reports[1]
    bound = LONGEST_WAIT_SECONDS + 1
    lost_old = [(word, round(age, 1)) for word, age, kept in words if not kept and age > bound]
    assert len(words) >= 20 and any(age > bound for _, age, _ in words)
    assert lost_old == [], f"words older than {bound} s lost at a kill -9: {lost_old}"

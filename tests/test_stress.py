"""Stress: two windows and a hand editor change one company file in seeded random interleavings.

Two saving parties (a CompanySession, as the Prepare screen uses, and a bare
NotesStore with its own copy, as a second finale window would hold) and a
hand-editing thread take turns in an order drawn from a seeded random
generator, and the hand editor also strikes in the gap between a save's temp
file and its rename. Every word any of them wrote must end up in the file or
in a conflict sibling. Deterministic (the threads run one at a time, handed
the turn through events), and a few seconds long.
"""

from __future__ import annotations

import random
import re
import threading
import tomllib

import pytest

from tests.helpers import NOW, acme, make_store
from tui.core.session import CompanySession
from tui.core.store import ConflictError

ROUNDS = 40


class HandEditor:
    """A thread that edits the file in place, as a text editor saves, whenever it is handed the turn."""

    def __init__(self, path):
        self.path = path
        self.words: list[str] = []
        self._go = threading.Event()
        self._done = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            self._go.wait()
            self._go.clear()
            if self._stop:
                return
            word = f"hand-{len(self.words)}"
            text = self.path.read_text(encoding="utf-8")
            doc = tomllib.loads(text)
            old = doc["answers"]["why-here"]["text"]
            # A person adds a word at the end of the answer's last line, the way an editor would.
            self.path.write_text(text.replace(old, old + " " + word, 1) if old in text else text, encoding="utf-8")
            if old in text:
                self.words.append(word)
            self._done.set()

    def edit(self) -> None:
        self._done.clear()
        self._go.set()
        assert self._done.wait(5), "the hand editor thread stalled"

    def stop(self) -> None:
        self._stop = True
        self._go.set()
        self._thread.join(5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_word_is_lost_in_random_interleavings(tmp_path, seed):
    rng = random.Random(seed)
    store = make_store(tmp_path)
    first = store.create(acme())
    path = store.path_for(first.slug)
    session = CompanySession(store, store.load(first.slug))
    window = store.load(first.slug)  # the second window: a company and the digest it loaded
    hand = HandEditor(path)
    strike_in_gap = {"armed": False}

    def gap(_path) -> None:
        if strike_in_gap["armed"]:
            strike_in_gap["armed"] = False
            hand.edit()

    store.on_temp_written = gap
    written: list[str] = []
    try:
        for round_ in range(ROUNDS):
            actor = rng.choice(["session", "window", "hand"])
            strike_in_gap["armed"] = rng.random() < 0.25
            if actor == "hand":
                strike_in_gap["armed"] = False
                hand.edit()
                continue
            word = f"{actor}-{round_}"
            if actor == "session":
                session.set_answer("right-fit", session.company.answer_text("right-fit") + " " + word, NOW)
                written.append(word)
                # On a conflict the session keeps ours beside the file and loads the disk version.
                session.save_now()
            else:
                company = window.company
                company.set_answer("strengths", company.answer_text("strengths") + " " + word, NOW)
                written.append(word)
                try:
                    window.digest = store.save(window.slug, company, window.digest)
                except ConflictError:
                    window = store.load(window.slug)
    finally:
        hand.stop()
    assert not hand._thread.is_alive()
    texts = [p.read_text(encoding="utf-8") for p in store.companies.glob(f"{first.slug}.toml*")]
    assert len(texts) > 1, "no conflict happened: the interleaving tested nothing"
    everything = "\n".join(texts)
    missing = [w for w in written + hand.words if not re.search(rf" {w}(?![\w-])", everything)]
    assert not missing, f"lost words: {missing}"
    for text in texts:
        tomllib.loads(text)  # every file and sibling is whole TOML
    assert not list(store.companies.glob(".*.tmp"))

"""What one autosave costs while someone types: the figure the longest wait is chosen by.

A save is what CompanySession.save does after a key: serialise the notes, compare with the disk,
write a temp file, fsync it, rename it, fsync the folder. Measured on a 50-answer notes file and on
one holding a 20,000-word answer, each key changing one answer, median and spread of ``--runs``.

    .venv/bin/python benchmarks/save_cost.py [--runs 40]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.notes import Company  # noqa: E402
from tui.core.session import CompanySession  # noqa: E402
from tui.core.store import NotesStore  # noqa: E402

NOW = datetime(2026, 11, 26, 10, 0)
WORDS = "we shipped the robot arm line to three plants and cut the defect rate by a third".split()


def text(words: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(words))


def company(answers: int, words: int, huge: int = 0) -> Company:
    notes = Company("Northwind Robotics", "Senior PM")
    for n in range(answers):
        notes.set_answer(f"question-{n}", "- " + text(words), NOW)
    if huge:
        notes.set_answer("huge", text(huge), NOW)
    return notes


def measure(notes: Company, runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="finale-bench-") as folder:
        store = NotesStore(Path(folder), clock=lambda: NOW)
        loaded = store.create(notes)
        session = CompanySession(store, store.load(loaded.slug))
        times = []
        for n in range(runs):
            session.set_answer("question-0", f"- typed {n} " + text(40), NOW)
            start = time.perf_counter()
            session.save(session.snapshot())
            times.append((time.perf_counter() - start) * 1000)
        return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    runs = parser.parse_args().runs
    for label, notes in (("50 answers of 150 words", company(50, 150)),
                         ("a 20,000-word answer (and 1 other)", company(1, 40, huge=20_000))):
        times = sorted(measure(notes, runs))
        print(f"{label}: median {statistics.median(times):.1f} ms, "
              f"p90 {times[int(len(times) * 0.9)]:.1f} ms, max {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()

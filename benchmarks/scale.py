"""How finale grows: 1, 10, 100 and 500 companies, a 300-question pack, a 20,000-word answer.

(The answer is 19,993 words: finale makes an answer over 20,000 words read-only.)

Every figure here is a ratio to the one-company, default-pack, 60-word case measured in the
same run, so the curve shows growth, not this machine's speed. run.py calls ``measure`` and
prints the rows; nothing here is part of the test suite.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

COMPANIES = (1, 10, 100, 500)
# Just under 20,000 words in all: from there finale shows an answer read-only (issue 12), and a
# key typed into it is never drawn, which would time the read-only guard, not the editor.
BIG_WORDS = 19_980


def company(name: str, words: int = 60):
    from tui.core.notes import ChecklistEntry, Company

    now = datetime.now().replace(microsecond=0)
    c = Company(name=name, role="Senior Product Manager", interview_at=now + timedelta(days=2))
    c.set_answer("why-here", "- Your robot arm leads the market\n- I scaled a similar line " + "word " * words, now)
    c.checklist["products"] = ChecklistEntry(True, "Robot arm, vision kit")
    return c


def stores(root: Path) -> dict[str, Path]:
    """Data folders: "n1".."n500" (Acme Robotics first, then fillers) and "big" (one 20,000-word answer)."""
    from tui.core.store import NotesStore

    out = {}
    for n in COMPANIES:
        folder = root / f"n{n}"
        store = NotesStore(folder)
        store.create(company("Acme Robotics"))
        for i in range(n - 1):
            store.create(company(f"Company {i:03d}"))
        out[f"n{n}"] = folder
    big = root / "big"
    NotesStore(big).create(company("Acme Robotics", words=BIG_WORDS))
    out["big"] = big
    return out


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def in_process(runs: int) -> dict[str, float]:
    """Save and coach times (ms) for a 60-word and a 20,000-word answer."""
    from tui.core.checks import CheckContext, run_checks
    from tui.core.packs import load_catalog
    from tui.core.store import NotesStore

    catalog = load_catalog(None)
    question = next(q for q in catalog.questions if q.id == "why-here")
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = NotesStore(Path(tmp))
        for label, words in (("60 words", 60), (f"{BIG_WORDS:,} words", BIG_WORDS)):
            c = company(f"Save {words}", words)
            loaded = store.create(c)
            digest = [loaded.digest]

            def save(c=c, slug=loaded.slug, digest=digest) -> None:
                c.set_answer("why-here", c.answer_text("why-here") + " x", datetime.now())
                digest[0] = store.save(slug, c, digest[0])

            out[f"save, {label}"] = _median_ms(save, runs * 3)
            text = c.answer_text("why-here")
            ctx = CheckContext.of(catalog, c)
            # A fresh text each time: the coach caches its analysis of a text it has seen.
            texts = iter([text + f" v{i}" for i in range(runs * 3)])
            out[f"coach, {label}"] = _median_ms(lambda t=texts, x=ctx: run_checks(question, next(t), x), runs * 3)
    return out


def measure(runs: int, root: Path, first_screen, wall, env_for, finale: str, open_argv: list[str],
            packs: Path, no_packs: Path, echo, spawn, size) -> dict[str, list[float]]:
    """Seconds (or ms for keys) per case, interleaved; keys are the row labels."""
    data = stores(root / "scale")
    cases: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        cases.setdefault(key, []).append(value)

    for _ in range(runs):
        for n in COMPANIES:
            env = env_for(root, data[f"n{n}"], no_packs)
            add(f"picker, {n} companies s", first_screen([finale], env, b"Acme Robotics")[0])
            add(f"finale list, {n} companies s", wall([finale, "list"], env))
        env_one = env_for(root, data["n1"], no_packs)
        add("open, default pack s", first_screen(open_argv, env_one)[0])
        add("open, +300-question pack s", first_screen(open_argv, env_for(root, data["n1"], packs))[0])
        add(f"open, {BIG_WORDS:,}-word answer s", first_screen(open_argv, env_for(root, data["big"], no_packs))[0])
    for _ in range(max(2, runs // 4)):
        for label, folder in (("60-word answer", "n1"), (f"{BIG_WORDS:,}-word answer", "big")):
            s = echo.Echo(spawn(open_argv, env_for(root, data[folder], no_packs)), size)
            s.wait_for("Why do you want")
            s.settle(0.5)
            s.session.send(b"\r")
            s.settle(0.5)
            s.session.send(echo.CTRL_END)
            s.settle(0.5)
            for ms in s.type_and_time(5):
                add(f"key-to-echo at the end, {label} ms", ms)
            s.session.stop()
    return cases


def ratios(medians: dict[str, float], in_proc: dict[str, float]) -> list[tuple[str, float]]:
    """(label, ratio to the one-company / default / 60-word case)."""
    out = []
    for n in COMPANIES[1:]:
        out.append((f"picker first screen, {n} companies / 1", medians[f"picker, {n} companies s"] / medians["picker, 1 companies s"]))
    for n in COMPANIES[1:]:
        out.append((f"finale list, {n} companies / 1", medians[f"finale list, {n} companies s"] / medians["finale list, 1 companies s"]))
    base = medians["open, default pack s"]
    out.append(("open, +300-question pack / default", medians["open, +300-question pack s"] / base))
    out.append((f"open, {BIG_WORDS:,}-word answer / 60 words", medians[f"open, {BIG_WORDS:,}-word answer s"] / base))
    out.append((f"key-to-echo, {BIG_WORDS:,}-word answer / 60 words",
                medians[f"key-to-echo at the end, {BIG_WORDS:,}-word answer ms"] / medians["key-to-echo at the end, 60-word answer ms"]))
    out.append((f"save, {BIG_WORDS:,} words / 60", in_proc[f"save, {BIG_WORDS:,} words"] / in_proc["save, 60 words"]))
    out.append((f"coach, {BIG_WORDS:,} words / 60", in_proc[f"coach, {BIG_WORDS:,} words"] / in_proc["coach, 60 words"]))
    return out

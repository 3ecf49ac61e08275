"""finale against a bare Textual app built from the same widgets, interleaved in one run.

    make bench                      # 20 runs of each (about 6 minutes on 2 cores)
    make bench BENCH_ARGS="--runs 5"
    make bench BENCH_ARGS="--record"   # also write the figures into benchmarks/README.md

Everything that draws runs in a pseudo-terminal at 80x24, as a user over SSH
would see it. Medians and spread (min-max) are printed, then the ratios with
their targets. Nothing here is part of the test suite's pass or fail.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import keystrokes as echo  # noqa: E402  (benchmarks/ is not a package)
import scale  # noqa: E402

PY = sys.executable
FINALE = str(Path(PY).with_name("finale"))
MARKER = b"Why do you want"
SIZE = (24, 80)


# -- a pty session --------------------------------------------------------------


@dataclass
class Session:
    pid: int
    fd: int
    started: float
    out: bytearray = field(default_factory=bytearray)

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.out += data
        return data

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> float:
        """Seconds from spawn until ``needle`` is in the output."""
        end = time.monotonic() + timeout
        while needle not in self.out:
            if time.monotonic() > end:
                raise TimeoutError(f"{needle!r} not seen; got {bytes(self.out[-300:])!r}")
            self.read(end - time.monotonic())
        return time.monotonic() - self.started

    def quiet(self, gap: float = 0.3, limit: float = 5.0) -> int:
        """Read until nothing comes for ``gap`` seconds; the bytes read."""
        total, end = 0, time.monotonic() + limit
        while time.monotonic() < end:
            data = self.read(gap)
            if not data:
                break
            total += len(data)
        return total

    def count(self, seconds: float) -> int:
        total, end = 0, time.monotonic() + seconds
        while time.monotonic() < end:
            total += len(self.read(end - time.monotonic()))
        return total

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def stop(self) -> int:
        """Quit, and return peak RSS in KiB."""
        try:
            os.write(self.fd, b"\x11")  # ctrl+q
        except OSError:
            pass
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return usage.ru_maxrss
            self.read(0.05)
        os.kill(self.pid, signal.SIGKILL)
        _, _, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss


def spawn(argv: list[str], env: dict[str, str]) -> Session:
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
    return Session(pid, fd, started)


# -- fixtures ------------------------------------------------------------------------


def make_fixtures(root: Path) -> dict[str, Path]:
    from tui.core.notes import ChecklistEntry, Company
    from tui.core.store import NotesStore

    now = datetime.now().replace(microsecond=0)

    def company(name: str, words: int = 60) -> Company:
        c = Company(name=name, role="Senior Product Manager", interview_at=now + timedelta(days=2))
        c.set_answer("why-here", "- Your robot arm leads the market\n- I scaled a similar line " + "word " * words, now)
        c.checklist["products"] = ChecklistEntry(True, "Robot arm, vision kit")
        return c

    one = root / "one"
    NotesStore(one).create(company("Acme Robotics"))
    packs = root / "packs"
    packs.mkdir()
    lines = ['[pack]\nid = "big"\ntitle = "Big"\ndescription = "300 questions"\nversion = "1"\n']
    for i in range(300):
        lines.append(f'[[questions]]\nid = "big-{i}"\nprompt = "Question number {i}?"\n'
                     f'why_they_ask = "To test."\ntarget_seconds = [30, 90]\n'
                     f'[[questions.tips]]\ntitle = "Tip"\nbody = "Say it well."\n'
                     f'[[questions.checks]]\nid = "len"\nkind = "length"\nmessage = "Keep to time."\n')
    (packs / "big.toml").write_text("\n".join(lines), encoding="utf-8")
    empty_packs = root / "no-packs"
    empty_packs.mkdir()
    return {"one": one, "packs": packs, "no-packs": empty_packs}


def env_for(root: Path, data: Path, packs: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", FINALE_HOME=str(data), FINALE_PACKS=str(packs),
               FINALE_CONFIG=str(root / "none.toml"), HOME=str(root))
    env.pop("NO_COLOR", None)
    return env


# -- measurements --------------------------------------------------------------------


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def first_screen(argv: list[str], env: dict[str, str], marker: bytes = MARKER) -> tuple[float, int, int, float]:
    """(seconds to the marker, start-up bytes, peak RSS KiB, idle bytes a second)."""
    s = spawn(argv, env)
    seconds = s.wait_for(marker)
    s.quiet(0.5)
    startup_bytes = len(s.out)
    idle = s.count(2.0) / 2.0
    rss = s.stop()
    return seconds, startup_bytes, rss, idle


def keystrokes(argv: list[str], env: dict[str, str], focus: bytes, keys: int = 15) -> tuple[float, list[float]]:
    """(bytes per keystroke, latencies in ms) typing into the answer editor."""
    s = spawn(argv, env)
    s.wait_for(MARKER)
    s.quiet(0.5)
    if focus:
        s.send(focus)
        s.quiet(0.5)
    total, latencies = 0, []
    for i in range(keys):
        t0 = time.monotonic()
        s.send(b"abcdefghijklmnopqrstuvwxyz"[i % 26:i % 26 + 1])
        first = s.read(2.0)
        latencies.append((time.monotonic() - t0) * 1000)
        total += len(first) + s.quiet(0.12)
    s.stop()
    return total / keys, latencies


def clock_bytes(argv: list[str], env: dict[str, str], marker: bytes, seconds: float = 5.0) -> float:
    """Bytes a second with the clock running, after the key that starts it has been drawn."""
    s = spawn(argv, env)
    s.wait_for(marker)
    s.quiet(0.5)
    s.send(b" ")
    s.quiet(0.3)
    rate = s.count(seconds) / seconds
    s.stop()
    return rate


def echo_latencies(argv: list[str], env: dict[str, str], focus: bytes, keys: int = 15) -> list[float]:
    """Key written to that key's character in the output (key-to-echo, the honest latency), in ms."""
    s = spawn(argv, env)
    s.wait_for(MARKER, timeout=120)
    s.quiet(0.5)
    s.send(focus)
    s.quiet(0.5)
    latencies = []
    for i in range(keys):
        key = b"qzx"[i % 3:i % 3 + 1]  # letters no status or check line on that screen contains
        t0 = time.monotonic()
        s.send(key)
        seen = b""
        while key not in seen and time.monotonic() - t0 < 5:
            seen += s.read(0.5)
        latencies.append((time.monotonic() - t0) * 1000)
        s.quiet(0.12)
    s.stop()
    return latencies


def huge_fixture(root: Path) -> Path:
    """A company with a 5 MB pasted log as its first answer (shown at open) and nothing in the second."""
    from tui.core.notes import Company
    from tui.core.store import NotesStore

    data = root / "huge"
    company = Company(name="Acme Robotics", role="Senior Product Manager")
    company.set_answer("why-here", "2026-11-26 10:00:00 INFO worker 12 finished the job ok\n" * 92_000, datetime.now())
    NotesStore(data).create(company)
    return data


def huge_answer(root: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    """Issue 12.10: open, a key in another question, and a save, with a 5 MB answer in the file."""
    from tui.core.store import NotesStore

    data = huge_fixture(root)
    env = env_for(root, data, root / "no-packs")
    argv = [FINALE, "open", "acme-robotics"]
    opened = [first_screen(argv, env)[0] for _ in range(runs)]
    keys: list[float] = []
    for _ in range(max(2, runs // 4)):
        keys += echo_latencies(argv, env, focus=b"\x1b[B\r")  # down, enter: the second question's editor
    store = NotesStore(data)
    loaded = store.load("acme-robotics")
    digest, saves = loaded.digest, []
    for i in range(max(3, runs // 2)):
        loaded.company.set_answer("right-fit", f"version {i}", datetime.now())
        t0 = time.perf_counter()
        digest = store.save(loaded.slug, loaded.company, digest)
        saves.append(time.perf_counter() - t0)
    return {"open, 5 MB answer s": stats(opened), "key-to-echo ms, 5 MB answer in another question": stats(keys),
            "save, 5 MB answer s": stats(saves)}


def wall(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.monotonic()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - t0


def save_times(runs: int) -> dict[str, float]:
    from tui.core.notes import Company
    from tui.core.store import NotesStore

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = NotesStore(Path(tmp))
        for label, words in (("typical", 250), ("5000 words", 5000)):
            company = Company(name=f"Save {label}")
            loaded = store.create(company)
            digest, times = loaded.digest, []
            for i in range(runs * 3):
                company.set_answer("why-here", f"v{i} " + "word " * words, datetime.now())
                t0 = time.perf_counter()
                digest = store.save(loaded.slug, company, digest)
                times.append(time.perf_counter() - t0)
            out[label] = statistics.median(times) * 1000
    return out


def check_times(runs: int = 15) -> dict[str, float]:
    """Median ms to check a 5,000-word answer that just changed, for each question.

    Each run checks a different text (one word edited), as typing does, so
    the per-text cache never answers, not even with another question's
    edits; the per-word and per-sentence caches are warm, as they are after
    the first check of a session.
    """
    from tui.core.checks import CheckContext, run_checks
    from tui.core.packs import load_catalog

    catalog = load_catalog(None)
    article = (REPO.parent / "shared" / "seed" / "closing-the-interview.txt")
    seed = article.read_text(encoding="utf-8") if article.exists() else (
        "I led a team of 12 at Acme and we doubled revenue, basically just by focusing. " * 20)
    words = seed.split()
    text = " ".join((words * (5000 // len(words) + 1))[:5000])
    ctx = CheckContext("Acme Robotics", role="Senior Product Manager",
                       notes={"products": "Robot arms (60% of revenue), FleetView software, CardioNet pilot in 2027",
                              "culture-values": "Craft, ownership, blameless post-mortems"})
    out = {}
    for question in catalog.questions:
        run_checks(question, f"{text} {question.id}-warm", ctx)
        times = []
        for i in range(runs):
            edited = f"{text} {question.id}-edit{i}"
            t0 = time.perf_counter()
            run_checks(question, edited, ctx)
            times.append(time.perf_counter() - t0)
        out[question.id] = statistics.median(times) * 1000
    return out


def coach_import_times(runs: int) -> dict[str, float]:
    """Median ms, each in a fresh interpreter, to load what the coach loads lazily."""
    probes = {  # label: (setup, timed)
        "import Stemmer (PyStemmer)": ("pass", "import Stemmer; Stemmer.Stemmer('english')"),
        "zxcvbn word lists": ("from tui.core import words", "words.is_common('the')"),
        "first check of an answer": (
            "from tui.core.checks import CheckContext, run_checks; from tui.core.packs import load_catalog; "
            "q = load_catalog(None).questions[0]",
            "run_checks(q, 'I led Acme.', CheckContext('Acme', notes={'products': 'Robot arm'}))"),
    }
    out = {}
    for label, (setup, code) in probes.items():
        probe = f"import time; {setup}; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
        times = [float(subprocess.run([PY, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True).stdout)
                 for _ in range(runs)]
        out[label] = statistics.median(times) * 1000
    return out


# -- the run ---------------------------------------------------------------------------


def command_walls(n: int, env: dict[str, str]) -> dict[str, list[float]]:
    """Wall seconds of the printing commands and the two yardsticks, interleaved.

    The order turns each round: a command run straight after `import textual.app` was some 15%
    slower than the same command run after another (the big process's exit and the caches it
    left), so a fixed order charged that to whichever command came next.
    """
    cmds = [
        ("python -c pass", [PY, "-c", "pass"]),
        ("import textual.app", [PY, "-c", "import textual.app"]),
        ("finale review", [FINALE, "review", "acme-robotics"]),
        ("finale list", [FINALE, "list"]),
        ("finale check", [FINALE, "check", "acme-robotics"]),
    ]
    walls: dict[str, list[float]] = {key: [] for key, _ in cmds}
    for i in range(n):
        turn = i % len(cmds)
        for key, argv in cmds[turn:] + cmds[:turn]:
            walls[key].append(wall(argv, env))
    return walls


def commands_only(n: int, env: dict[str, str]) -> int:
    """`--only commands`: the printing commands' rows and their ratios."""
    med = {key: statistics.median(values) for key, values in command_walls(n, env).items()}
    for key, value in med.items():
        print(f"| {key} ms | {value * 1000:.1f} |")
    for key in ("finale review", "finale list", "finale check"):
        print(f"{key}: {med[key] / med['import textual.app']:.2f} of import textual.app (target < 0.33), "
              f"{med[key] / med['python -c pass']:.2f}x python -c pass (target < 4)")
    return 0


def first_screens_only(n: int, root: Path, fx: dict[str, Path], env: dict[str, str], reference: list[str],
                       finale_open: list[str]) -> int:
    """`--only first-screen`: the three first screens, interleaved, and their ratios to the reference."""
    runs: dict[str, list[float]] = {"finale open": [], "picker": [], "reference": []}
    for _ in range(n):
        runs["finale open"].append(first_screen(finale_open, env)[0])
        runs["reference"].append(first_screen(reference, env)[0])
        runs["picker"].append(first_screen([FINALE], env, marker=b"Acme Robotics")[0])
    print("| first screen | median ms | min | max |\n| --- | ---: | ---: | ---: |")
    for key, values in runs.items():
        med, lo, hi = stats(values)
        print(f"| {key} | {med * 1000:.1f} | {lo * 1000:.1f} | {hi * 1000:.1f} |")
    ref = statistics.median(runs["reference"])
    for key in ("finale open", "picker"):
        print(f"{key} / reference: {statistics.median(runs[key]) / ref:.2f} (target <= 1.10)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--record", action="store_true", help="write the figures into benchmarks/README.md")
    parser.add_argument("--huge-only", action="store_true", help="only the 5 MB answer rows (issue 12.10)")
    parser.add_argument("--only", choices=["first-screen", "commands"],
                        help="only the first screens (finale open, the picker, the reference) or only the "
                             "printing commands, interleaved")
    args = parser.parse_args()
    n = args.runs
    # Measure what an installed user runs: compiled bytecode, not source compiled on every start.
    compileall.compile_dir(str(REPO / "tui"), quiet=1)

    root = Path(tempfile.mkdtemp(prefix="finale-bench-"))
    fx = make_fixtures(root)
    env_one = env_for(root, fx["one"], fx["no-packs"])
    env_keys = env_for(root, echo.write_answer_fixture(root), fx["no-packs"])
    reference = [PY, str(HERE / "reference_app.py")]
    finale_open = [FINALE, "open", "acme-robotics"]
    results: dict[str, tuple[float, float, float]] = {}

    def note(key: str, values: list[float]) -> tuple[float, float, float]:
        results[key] = stats(values)
        return results[key]

    print(f"finale benchmarks, {date.today()}, {n} runs each, interleaved, pty 80x24", flush=True)
    if args.huge_only:
        for key, (med, lo, hi) in huge_answer(root, n).items():
            scale_ = 1000 if key.endswith(" s") else 1
            print(f"| {key.removesuffix(' s')}{' ms' if key.endswith(' s') else ''} | {med * scale_:.1f} | "
                  f"{lo * scale_:.1f} | {hi * scale_:.1f} |")
        return 0

    if args.only == "first-screen":
        return first_screens_only(n, root, fx, env_one, reference, finale_open)
    if args.only == "commands":
        return commands_only(n, env_one)

    # 1. First screen, start-up bytes, memory, idle bytes.
    fin, ref = [], []
    for _ in range(n):
        fin.append(first_screen(finale_open, env_one))
        ref.append(first_screen(reference, env_one))
    for i, label in enumerate(["first screen s", "start-up bytes", "peak RSS KiB", "idle bytes/s"]):
        note(f"finale {label}", [r[i] for r in fin])
        note(f"reference {label}", [r[i] for r in ref])
    print("  first screen done", flush=True)

    # 2. Keystrokes: bytes each, and key-to-echo with the same 5,000-word line at the same width.
    kfin, kref = [], []
    for _ in range(max(3, n // 4)):
        b, _ = keystrokes(finale_open, env_one, focus=b"\r")
        kfin.append(b)
        b, _ = keystrokes(reference + ["--no-blink"], env_one, focus=b"")
        kref.append(b)
    note("finale bytes/keystroke", kfin)
    note("reference bytes/keystroke", kref)
    width = echo.finale_editor_width(env_keys, ["open", "acme-robotics"])
    echoes: dict[str, list[float]] = {}
    for _ in range(max(3, n // 4)):
        for key, values in echo.measure(spawn, root, finale_open, env_keys, reference + ["--no-blink"], width,
                                        keys=10, size=SIZE).items():
            echoes.setdefault(key, []).extend(values)
    for key, values in echoes.items():
        note(f"{key} key-to-echo ms", values)
    results["editor width (columns)"] = (width, width, width)
    print("  keystrokes done", flush=True)

    # 2b. A running clock: a mock close (one clock for the whole close) against one rehearsed question.
    rehearse, mock = [], []
    for _ in range(max(3, n // 4)):
        rehearse.append(clock_bytes([FINALE, "rehearse", "acme-robotics"], env_one, b"space starts"))
        mock.append(clock_bytes([FINALE, "rehearse", "acme-robotics", "--mock"], env_one, b"space starts"))
    note("rehearse bytes/s, clock running", rehearse)
    note("mock close bytes/s, clock running", mock)
    print("  clocks done", flush=True)

    # 3. Commands that print, against python -c pass and importing Textual.
    for key, values in command_walls(n, env_one).items():
        note(f"{key} s", values)
    print("  commands done", flush=True)

    # 4. Scale: 1 to 500 companies, a 300-question pack, a 20,000-word answer (benchmarks/scale.py).
    for key, values in scale.measure(n, root, first_screen, wall, env_for, FINALE, finale_open, fx["packs"],
                                     fx["no-packs"], echo, spawn, SIZE).items():
        note(key, values)
    print("  scale done", flush=True)

    results.update(huge_answer(root, n))
    print("  5 MB answer done", flush=True)
    saves = save_times(n)
    checks = check_times()
    in_proc = scale.in_process(n)
    imports = coach_import_times(n)

    def r(key: str) -> float:
        return results[key][0]

    def ratio(a: str, b: str) -> float:
        return r(a) / r(b) if r(b) else float("inf")

    table = [
        ("first screen, finale open (finale / reference)", ratio("finale first screen s", "reference first screen s"), "<= 1.10"),
        ("peak RSS (finale / reference)", ratio("finale peak RSS KiB", "reference peak RSS KiB"), "<= 1.15"),
        ("bytes per keystroke (finale / reference)", ratio("finale bytes/keystroke", "reference bytes/keystroke"), "<= 1.00"),
        ("key-to-echo at the start of the answer (finale / reference)",
         ratio("finale start key-to-echo ms", "reference start key-to-echo ms"), "<= 1.10"),
        ("key-to-echo at the end of the long line (finale / reference)",
         ratio("finale end key-to-echo ms", "reference end key-to-echo ms"), "<= 1.10"),
        ("idle bytes a second, finale", r("finale idle bytes/s"), "0"),
        ("bytes a second, mock close / one rehearsal", ratio("mock close bytes/s, clock running",
                                                              "rehearse bytes/s, clock running"), "<= 1.00"),
        ("finale review / import textual.app", ratio("finale review s", "import textual.app s"), "< 0.33"),
        ("finale list / import textual.app", ratio("finale list s", "import textual.app s"), ""),
        ("finale check / import textual.app", ratio("finale check s", "import textual.app s"), "< 0.33"),
        ("finale review / python -c pass", ratio("finale review s", "python -c pass s"), "< 4"),
        ("finale list / python -c pass", ratio("finale list s", "python -c pass s"), "< 4"),
        ("finale check / python -c pass", ratio("finale check s", "python -c pass s"), "< 4"),
        ("picker first screen (finale / reference)", ratio("picker, 1 companies s", "reference first screen s"), "<= 1.10"),
        ("start-up bytes (finale / reference)", ratio("finale start-up bytes", "reference start-up bytes"), "<= 1.00"),
        ("start-up bytes spread, finale (max - min)", results["finale start-up bytes"][2] - results["finale start-up bytes"][1], "0"),
    ]
    medians = {key: value[0] for key, value in results.items()}
    table += [(label, value, "<= 1.20" if label.startswith("picker first screen, 500") else "")
              for label, value in scale.ratios(medians, in_proc)]
    lines = ["| measure | median | min | max |", "| --- | ---: | ---: | ---: |"]
    for key, (med, lo, hi) in results.items():
        scale_ = 1000 if key.endswith(" s") else 1
        unit = " ms" if key.endswith(" s") else ""
        lines.append(f"| {key.removesuffix(' s')}{unit} | {med * scale_:.1f} | {lo * scale_:.1f} | {hi * scale_:.1f} |")
    for label, ms in saves.items():
        lines.append(f"| save, {label} (ms) | {ms:.1f} | | |")
    for qid, ms in checks.items():
        lines.append(f"| answer checks, 5,000 words, {qid} (ms, target < 20) | {ms:.1f} | | |")
    for label, ms in imports.items():
        lines.append(f"| coach, {label} (ms) | {ms:.1f} | | |")
    for label, ms in in_proc.items():
        lines.append(f"| {label} (ms) | {ms:.1f} | | |")
    ratios = ["| ratio | value | target |", "| --- | ---: | --- |"]
    for label, value, target in table:
        ratios.append(f"| {label} | {value:.2f} | {target} |")
    report = "\n".join(lines + [""] + ratios)
    print()
    print(report)
    if args.record:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        start = text.index("<!-- figures -->")
        end = text.index("<!-- /figures -->")
        stamp = f"Recorded {date.today()} with `make bench` ({n} runs each), Python {sys.version.split()[0]}.\n\n"
        readme.write_text(text[:start] + "<!-- figures -->\n" + stamp + report + "\n" + text[end:], encoding="utf-8")
        print(f"\nwrote {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up in user-space instructions: steady under load, unlike wall time (issue 17).

    make bench-instructions                              # 5 runs of each
    make bench-instructions BENCH_ARGS="--runs 9"

Counts `perf stat -e instructions:u` for each program on the fixtures benchmarks/run.py
makes, interleaved, and prints the median of N runs with the ratios that matter. The
"headless first frame" rows run the app with ``headless=True`` at 80x24 until its first
``pilot.pause()``, then exit: the same harness for the reference app and for finale, so
the ratio compares start-up, imports, compose, layout and the first render. On a shared
2-core machine these counts move by about 1%, where wall time moves by a third.
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (benchmarks/ is not a package; the same fixtures as make bench)

PERF = shutil.which("perf") or "/usr/bin/perf"

# Replaces App.run: the first frame, headless at 80x24, then out. launch() refuses a
# stdout that is not a terminal; here none is, and the headless driver needs none.
HEADLESS = """
import asyncio, sys
import textual.app
import tui.terminal

async def _first_frame(app):
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()

textual.app.App.run = lambda self, *a, **k: asyncio.run(_first_frame(self))
tui.terminal.terminal_problem = lambda env, stream: ""
if sys.argv[1] == "finale":
    from tui.cli import main
    raise SystemExit(main(sys.argv[2:]))
import os, runpy
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(sys.argv[0]))  # as `python script.py` does
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def count(argv: list[str], env: dict[str, str]) -> int:
    """User-space instructions of one run of ``argv`` (stdout a pipe, as in `finale list | cat`)."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".perf") as out:
        done = subprocess.run([PERF, "stat", "-e", "instructions:u", "-x,", "-o", out.name, "--", *argv],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            raise RuntimeError(f"{argv} failed ({done.returncode}): {done.stderr[-2000:]}")
        for line in out.read().splitlines():
            fields = line.split(",")
            if len(fields) > 2 and fields[2].startswith("instructions"):
                return int(fields[0])
    raise RuntimeError(f"perf gave no instruction count for {argv}")


def programs() -> dict[str, list[str]]:
    py, finale = bench.PY, bench.FINALE
    return {
        "python -c pass": [py, "-c", "pass"],
        "import textual.app": [py, "-c", "import textual.app"],
        "finale review NAME": [finale, "review", "acme-robotics"],
        "finale check NAME": [finale, "check", "acme-robotics"],
        "finale list (piped)": [finale, "list"],
        "reference, headless first frame": [py, "-c", HEADLESS, str(HERE / "reference_app.py")],
        "finale open NAME, headless first frame": [py, "-c", HEADLESS, "finale", "open", "acme-robotics"],
        "picker, headless first frame": [py, "-c", HEADLESS, "finale"],
    }


RATIOS = [
    ("finale open / reference (first frame)", "finale open NAME, headless first frame",
     "reference, headless first frame", "<= 1.05"),
    ("picker / reference (first frame)", "picker, headless first frame", "reference, headless first frame", "<= 1.05"),
    ("finale review / import textual.app", "finale review NAME", "import textual.app", "< 0.33"),
    ("finale check / import textual.app", "finale check NAME", "import textual.app", "< 0.33"),
    ("finale list / import textual.app", "finale list (piped)", "import textual.app", ""),
    ("finale review / python -c pass", "finale review NAME", "python -c pass", "< 4"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="only the programs whose name contains this (e.g. 'first frame')")
    args = parser.parse_args(argv)
    compileall.compile_dir(str(bench.REPO / "tui"), quiet=1)
    root = Path(tempfile.mkdtemp(prefix="finale-instructions-"))
    try:
        fx = bench.make_fixtures(root)
        env = bench.env_for(root, fx["one"], fx["no-packs"])
        chosen = {k: v for k, v in programs().items() if not args.only or args.only in k}
        for argv_ in chosen.values():  # warm: bytecode, the list's index cache, the page cache
            count(argv_, env)
        runs: dict[str, list[int]] = {k: [] for k in chosen}
        for _ in range(args.runs):
            for key, argv_ in chosen.items():
                runs[key].append(count(argv_, env))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"user-space instructions, median of {args.runs} runs (min-max), Python {sys.version.split()[0]}\n")
    print("| program | median | min | max |\n| --- | ---: | ---: | ---: |")
    medians = {}
    for key, values in runs.items():
        medians[key] = statistics.median(values)
        print(f"| {key} | {medians[key] / 1e6:,.0f} M | {min(values) / 1e6:,.0f} M | {max(values) / 1e6:,.0f} M |")
    print("\n| ratio | value | target |\n| --- | ---: | --- |")
    for label, a, b, target in RATIOS:
        if a in medians and b in medians:
            print(f"| {label} | {medians[a] / medians[b]:.2f} | {target} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

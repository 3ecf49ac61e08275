"""Key-to-echo: the honest keystroke latency, finale against a bare TextArea doing the same work.

Both programs hold the same answer (a short bullet line, then one 5,000-word line) in an editor of
the same width, found by asking finale's own layout at 80x24. A key is timed from the moment it is
written to the pty until a terminal emulator (pyte) shows the typed character on screen: not the
first byte back, which may be a status line or a cursor move.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyte

FIRST_LINE = "- Your robot arm leads the market"
LONG_LINE = " ".join(["word"] * 5000)
ANSWER = FIRST_LINE + "\n" + LONG_LINE
MARK = "Q"  # absent from both apps' chrome at rest is not required: we count the increase
CTRL_HOME = b"\x1b[1;5H"
CTRL_END = b"\x1b[1;5F"
LIMIT = 5.0  # seconds a typed key may take to show before it counts as never drawn

# Run inside a child process: the same code path as `finale open NAME`, drawn headless, so the
# width is what finale's layout gives its editor at this size, whatever the layout is today.
_WIDTH_PROBE = r"""
import sys, textual.app
from textual.widgets import TextArea
size = (int(sys.argv[1]), int(sys.argv[2]))
original = textual.app.App.run
def run(self, *args, **kwargs):
    async def probe(pilot):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        area = pilot.app.focused
        width = area.wrap_width if isinstance(area, TextArea) else -1
        print("WIDTH", width, flush=True)
        pilot.app.exit()
    kwargs.update(headless=True, size=size, auto_pilot=probe)
    return original(self, *args, **kwargs)
textual.app.App.run = run
import tui.terminal  # headless here on purpose: skip the "needs a terminal" guard
tui.terminal.terminal_problem = lambda *args, **kwargs: None
from tui.cli import main
main(sys.argv[3:])
"""


def finale_editor_width(env: dict[str, str], argv_tail: list[str], size: tuple[int, int] = (80, 24)) -> int:
    out = subprocess.run([sys.executable, "-c", _WIDTH_PROBE, str(size[0]), str(size[1]), *argv_tail],
                         env=env, capture_output=True, text=True, timeout=60)
    for line in out.stdout.splitlines():
        if line.startswith("WIDTH "):
            width = int(line.split()[1])
            if width > 0:
                return width
    raise RuntimeError(f"could not read finale's editor width: {out.stdout[-300:]} {out.stderr[-600:]}")


class Echo:
    """A pty session whose output is fed through pyte, so we see what a person sees."""

    def __init__(self, session, size: tuple[int, int]):
        rows, cols = size
        self.session = session
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0
        self.undrawn = 0

    def pump(self, timeout: float) -> bool:
        data = self.session.read(timeout)
        if data:
            self.stream.feed(data)
        return bool(data)

    def settle(self, gap: float = 0.3, limit: float = 5.0) -> None:
        end = time.monotonic() + limit
        while time.monotonic() < end and self.pump(gap):
            pass

    def marks(self) -> int:
        return sum(row.count(MARK) for row in self.screen.display)

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not any(text in row for row in self.screen.display):
            if time.monotonic() > end:
                raise TimeoutError(f"{text!r} never drawn:\n" + "\n".join(self.screen.display))
            self.pump(end - time.monotonic())

    def type_and_time(self, keys: int) -> list[float]:
        """Type MARK ``keys`` times; ms from each write until one more MARK is on screen."""
        latencies = []
        for _ in range(keys):
            expected = self.marks() + 1
            t0 = time.monotonic()
            self.session.send(MARK.encode())
            end = t0 + LIMIT
            while self.marks() < expected and time.monotonic() < end:
                self.pump(end - time.monotonic())
            if self.marks() < expected:
                # Counted as LIMIT, not dropped: a key the user never sees is the worst latency.
                self.undrawn += 1
                print("  a typed key was not drawn within 5 s; counted as 5,000 ms. Screen:\n"
                      + "\n".join(self.screen.display), file=sys.stderr)
            latencies.append((time.monotonic() - t0) * 1000)
            self.settle(0.12, 2.0)  # let the rest of the repaint arrive before the next key
        return latencies


def write_answer_fixture(root: Path) -> Path:
    """A data folder with one company whose why-here answer is ANSWER."""
    from datetime import datetime, timedelta

    from tui.core.notes import Company
    from tui.core.store import NotesStore

    now = datetime.now().replace(microsecond=0)
    data = root / "keystrokes"
    shutil.rmtree(data, ignore_errors=True)  # typed keys are autosaved: start every run from the same text
    company = Company(name="Acme Robotics", role="Senior Product Manager", interview_at=now + timedelta(days=2))
    company.set_answer("why-here", ANSWER, now)
    NotesStore(data).create(company)
    (root / "answer.json").write_text(json.dumps(ANSWER), encoding="utf-8")
    return data


def _finale_keys(spawn, fixture_root: Path, argv: list[str], env: dict[str, str], key: bytes, where: str,
                 keys: int, size: tuple[int, int]) -> list[float]:
    """Enter the editor, move to ``where`` (checked on screen for the start), and time ``keys`` keys."""
    write_answer_fixture(fixture_root)
    s = Echo(spawn(argv, env), size)
    try:
        s.wait_for("Why do you want")
        s.settle(0.5)
        s.session.send(b"\r")  # enter the answer editor
        s.settle(0.5)
        s.session.send(key)
        s.settle(0.5)
        if where == "start":
            s.wait_for(FIRST_LINE[2:16], timeout=5)
        return s.type_and_time(keys)
    finally:
        s.session.stop()


def measure(spawn, fixture_root: Path, finale_argv: list[str], finale_env: dict[str, str],
            reference_argv: list[str], width: int, keys: int, size: tuple[int, int]) -> dict[str, list[float]]:
    """Latencies (ms) for finale and the reference, at the start and at the end of the answer."""
    out: dict[str, list[float]] = {}
    for where, key in (("start", CTRL_HOME), ("end", CTRL_END)):
        out.setdefault(f"finale {where}", []).extend(_finale_keys(spawn, fixture_root, finale_argv, finale_env,
                                                                  key, where, keys, size))

        r = Echo(spawn(reference_argv + ["--width", str(width), "--cursor", where], finale_env), size)
        r.wait_for(FIRST_LINE[:12])
        r.settle(0.5)
        out.setdefault(f"reference {where}", []).extend(r.type_and_time(keys))
        r.session.stop()
    return out


if __name__ == "__main__":  # a quick look: python benchmarks/keystrokes.py DATA_DIR
    env = dict(os.environ, FINALE_HOME=sys.argv[1])
    print(finale_editor_width(env, ["open", "acme-robotics"]))

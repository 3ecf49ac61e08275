"""Drive the installed `finale` in a real pseudo-terminal and read the screen like a person would.

pexpect owns the pty; pyte plays the part of the terminal, turning the
escape codes finale writes into the grid of characters a user would see.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte

FINALE = str(Path(sys.executable).with_name("finale"))


def base_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "TEXTUAL"))}
    env.update({
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "FINALE_HOME": str(home / "data"),
        "FINALE_CONFIG": str(home / "config.toml"),
        "FINALE_PACKS": str(home / "packs"),
        "HOME": str(home),
        "COLUMNS": "", "LINES": "",
    })
    env.pop("NO_COLOR", None)
    env.update(extra)
    return {k: v for k, v in env.items() if v != "" or k in extra}


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (80, 24),
                 program: str = FINALE):
        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        self.child = pexpect.spawn(program, args, env=env, dimensions=(rows, cols))

    def pump(self, seconds: float = 0.1) -> None:
        end = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=max(0.01, end - time.monotonic()))
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            if data:
                self.raw += data
                self.stream.feed(data)
            if time.monotonic() >= end:
                return

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 15.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if needle in self.text:
                return self.text
            if not self.child.isalive():
                self.pump(0.2)
                if needle in self.text:
                    return self.text
                break
        raise AssertionError(f"{needle!r} never appeared. Screen:\n{self.text}\nRaw tail: {self.raw[-500:]!r}")

    def wait_until(self, predicate, what: str, timeout: float = 10.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            if predicate(self.text):
                return
        raise AssertionError(f"never saw {what}. Screen:\n{self.text}")

    def wait_for_editor(self) -> None:
        """The answer editor has focus: the footer drops the single-letter keys, as a user sees."""
        self.wait_until(lambda text: "Tips" not in text.splitlines()[-1], "the editor's footer")

    def send(self, keys: str, settle: float = 0.15) -> None:
        self.child.send(keys)
        self.pump(settle)

    def type(self, text: str) -> None:
        for ch in text:
            self.child.send(ch)
            self.pump(0.02)
        self.pump(0.2)

    def resize(self, cols: int, rows: int) -> None:
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)
        self.pump(0.5)

    def finish(self, timeout: float = 15.0) -> int:
        end = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < end:
            self.pump(0.1)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)


def missing_finale() -> str:
    """Why the pty tests cannot run here, or "" when this venv's own ``finale`` command is in place."""
    if os.access(FINALE, os.X_OK):
        return ""
    return (f"{FINALE} is missing: the pty tests drive the finale command installed in this venv "
            f"(never one found on PATH). Install it with `make .venv/.installed` or `pip install -e .`.")

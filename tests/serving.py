"""Run ``finale serve`` as a user does, in a subprocess, and look at what it serves and starts."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FINALE = str(Path(sys.executable).with_name("finale"))


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # the printed URL, token included

    @property
    def base(self) -> str:
        return self.url.split("/?", 1)[0]

    @property
    def token(self) -> str:
        return self.url.rsplit("token=", 1)[1]

    def descendants(self) -> list[int]:
        """Every process below the server (the app processes, and any shell textual-serve put between)."""
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        found, frontier = [], [self.process.pid]
        while frontier:
            pid = frontier.pop()
            kids = [child for child, parent in parents.items() if parent == pid]
            found += kids
            frontier += kids
        return found

    def stop(self, sig: int = signal.SIGINT, timeout: float = 20) -> str:
        """Stop the server as ctrl+c does; return what it printed after the URL."""
        self.process.send_signal(sig)
        out, _ = self.process.communicate(timeout=timeout)
        return out


@contextlib.contextmanager
def serving(data: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    environ = {**os.environ, "FINALE_HOME": str(data), **(env or {})}
    process = subprocess.Popen([FINALE, "--data-dir", str(data), "serve", *extra], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env=environ, start_new_session=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        deadline = time.monotonic() + 15
        while "http://" not in line and time.monotonic() < deadline and process.poll() is None:
            line = process.stdout.readline()
        assert "http://" in line, f"finale serve printed no URL: {line!r}"
        yield Served(process, line.split("open ", 1)[1].strip())
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

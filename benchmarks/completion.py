"""How long a tab takes: `finale` answering a completion request, against a bare `python -c pass`.

Usage: .venv/bin/python benchmarks/completion.py [runs]
A throwaway data folder with 30 companies; both programs are run interleaved and the
medians and their ratio printed. The target (issue 27) is under 150 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.core.notes import Company  # noqa: E402
from tui.core.store import NotesStore  # noqa: E402


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    finale = str(Path(sys.executable).with_name("finale"))
    with tempfile.TemporaryDirectory(prefix="finale-bench-") as folder:
        store = NotesStore(Path(folder))
        for i in range(30):
            store.create(Company(name=f"Company {i:02d} Robotics", role="Senior Product Manager"))
        subprocess.run([finale, "--data-dir", folder, "list"], capture_output=True, check=True)  # the index
        line = "finale review comp"
        env = {**os.environ, "FINALE_HOME": folder, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_IFS": "\n",
               "COMP_LINE": line, "COMP_POINT": str(len(line)),
               "_ARGCOMPLETE_STDOUT_FILENAME": str(Path(folder) / "out")}
        tab, bare = [], []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([finale], env=env, check=True)
            tab.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append((time.perf_counter() - start) * 1000)
        found = (Path(folder) / "out").read_text().count("\n") + 1
    print(f"completion of a company name ({found} candidates), {runs} runs interleaved:")
    print(f"  finale tab      median {statistics.median(tab):6.1f} ms  (min {min(tab):.1f}, max {max(tab):.1f})")
    print(f"  python -c pass  median {statistics.median(bare):6.1f} ms")
    print(f"  ratio {statistics.median(tab) / statistics.median(bare):.2f}x a bare Python start; target < 150 ms")


if __name__ == "__main__":
    main()

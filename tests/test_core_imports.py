"""The core and the printing commands never import Textual: they must start fast."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import tui.core.packs, tui.core.store, tui.core.notes, tui.core.progress, tui.core.matching
import tui.core.timefmt, tui.cli
from tui.cli import main
main(["list"]); main(["packs"])
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:", bad)
"""


def test_core_and_cli_do_not_import_textual():
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert "TEXTUAL: []" in done.stdout

"""The core and the printing commands never import Textual or Rich: they must start fast.

import-linter checks the import statements (`make test`); this checks what
actually gets loaded, for every module under tui.core, found by walking the
package rather than from a list someone has to keep up to date.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))


CODE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
import tui.cli
from tui.cli import main
main(["list"]); main(["packs"])
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print("LOADED:", bad)
"""


def test_the_walk_finds_the_core():
    modules = core_modules()
    assert {"tui.core.session", "tui.core.store", "tui.core.save_status", "tui.core.checks"} <= set(modules)


def test_core_and_cli_do_not_import_textual_or_rich():
    done = subprocess.run([sys.executable, "-c", CODE, *core_modules()], capture_output=True, text=True, check=True)
    assert "LOADED: []" in done.stdout

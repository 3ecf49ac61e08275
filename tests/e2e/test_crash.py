"""A crash leaves calmly: the terminal back, a few plain lines, the traceback in a private log."""

from __future__ import annotations

import sys

import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import acme, make_store

pytestmark = pytest.mark.e2e

# finale with a bug planted behind `v`: an unhandled error in a key's action.
PLANTED = """
import sys
import tui.screens.prepare
def _bug(self):
    raise RuntimeError("planted bug: \\x1b[31mred\\x1b[0m")
tui.screens.prepare.PrepareScreen.action_review = _bug
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def test_an_unhandled_error_prints_a_few_plain_lines_and_logs_the_traceback(tmp_path):
    make_store(tmp_path / "data").create(acme())
    term = Terminal(["-c", PLANTED, "open", "acme"], base_env(tmp_path, XDG_STATE_HOME=str(tmp_path / "state")),
                    program=sys.executable)
    term.wait_for("Why do you want to work")
    term.send("v")
    assert term.finish() == 1
    after = term.raw[term.raw.rindex(LEAVE_ALT_SCREEN) + len(LEAVE_ALT_SCREEN):]
    lines = [line for line in after.decode("utf-8", "replace").replace("\r", "").split("\n") if line.strip()]
    text = "\n".join(lines)
    assert 1 <= len(lines) <= 5, text
    assert "Traceback" not in text and "\x1b[31m" not in text
    assert "stopped by an error: RuntimeError: planted bug" in text
    assert "your notes are safe in" in text
    logs = list((tmp_path / "state" / "finale").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in text
    assert logs[0].stat().st_mode & 0o777 == 0o600
    assert "Traceback" in logs[0].read_text(encoding="utf-8")
    assert "in _bug" in logs[0].read_text(encoding="utf-8")  # the frame that raised

"""Issue 28.4 in a real terminal: an editor that cannot start gives a line, and finale stays usable."""

from __future__ import annotations

import pytest

from tests.e2e.test_real_terminal import CTRL_Q, ESC, notes, open_acme, with_acme

pytestmark = pytest.mark.e2e  # tests/e2e/conftest.py fails, never skips, without finale

CTRL_E = "\x05"


@pytest.mark.parametrize("editor", ["/no/such/editor", "'unbalanced"])
def test_an_editor_that_cannot_start_leaves_finale_usable(tmp_path, editor):
    term = open_acme(with_acme(tmp_path), VISUAL=editor)
    term.send(CTRL_E, settle=0.5)
    term.wait_for("Could not start")
    term.send("\r")
    term.wait_for_editor()
    term.type("still typing")  # keys reach the app: it took the terminal back
    term.send(ESC, settle=0.6)
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path)["answers"]["why-here"]["text"].endswith("still typing")

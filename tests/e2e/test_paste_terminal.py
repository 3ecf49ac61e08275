"""Issue 28.9 in a real terminal: a paste holding ESC and NUL keeps its text in order and says what it left out."""

from __future__ import annotations

import pytest

from tests.e2e.test_real_terminal import CTRL_Q, CTRL_S, notes, open_acme, with_acme

pytestmark = pytest.mark.e2e


def test_a_paste_with_control_bytes_is_kept_in_order_and_the_user_is_told(tmp_path):
    term = open_acme(with_acme(tmp_path))
    term.send("\r")
    term.wait_for_editor()
    term.send("\x1b[200~one\x1btwo\x00three\x1b[Dfour\x1b[201~", settle=0.5)
    term.wait_for("Left out 3 control characters")
    term.send(CTRL_S, settle=0.5)
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path)["answers"]["why-here"]["text"].endswith("onetwothree[Dfour")

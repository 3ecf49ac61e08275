"""A terminal that reports 0x0 (a pty nobody sized: `script`, some CI runners) is a terminal of unknown size."""

from __future__ import annotations

import os
import sys

from tests.helpers import acme, plant
from tui.cli import main


def test_check_and_review_at_a_zero_size_terminal_print_in_full(data_dir, capsys, monkeypatch):
    plant(data_dir, acme(), "acme")
    monkeypatch.setattr(os, "get_terminal_size", lambda *a: os.terminal_size((0, 0)))
    monkeypatch.setattr(sys.stdout, "fileno", lambda: 1, raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["check", "acme"]) == 0          # textwrap at width -1 raised ValueError
    assert "Why do you want to work here" in capsys.readouterr().out
    assert main(["review", "acme"]) == 0
    assert "Acme Robotics" in capsys.readouterr().out

"""Issue 13.1: text from notes files and packs never reaches the terminal as escape sequences."""

from __future__ import annotations

import json
import sys

import pytest

from tests.helpers import acme, plant
from tui.cli import main
from tui.core.notes import ChecklistEntry, CustomQuestion
from tui.core.sanitize import for_terminal

OSC2 = "\x1b]2;PWNED\x07"
OSC52 = "\x1b]52;c;UFdORUQ=\x07"
CSI = "\x1b[2J\x1b[31m"
C1_CSI = "\x9b31m"
HOSTILE = (OSC2, OSC52, CSI, C1_CSI)


def assert_clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", "\x9d"):
        assert bad not in text, f"{bad!r} reached the terminal in {text[:300]!r}"


def test_for_terminal_shows_controls_visibly():
    assert for_terminal(OSC2) == "^[]2;PWNED^G"
    assert for_terminal("a\tb\nc\r\nd") == "a\tb\nc\nd"
    assert for_terminal("a\tb\nc", one_line=True) == "a^Ib^Jc"
    assert for_terminal("x\x9by\x7f\u202ez\ud800") == "x\ufffdy^?\ufffdz\ufffd"
    assert for_terminal("Zürich 東京 ✓") == "Zürich 東京 ✓"


def hostile_pack(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil.toml").write_text(f'''
[pack]
id = "evil"
title = "Evil{json.dumps(OSC2)[1:-1]}"
description = "From a stranger"
version = "1{json.dumps(CSI)[1:-1]}"

[[questions]]
id = "evil-q"
prompt = "Evil question{json.dumps(OSC52)[1:-1]}?"
target_seconds = [30, 60]
[[questions.tips]]
title = "Tip{json.dumps(OSC2)[1:-1]}"
body = "Body{json.dumps(CSI + OSC52)[1:-1]}"
''', encoding="utf-8")


@pytest.fixture
def hostile_home(data_dir, tmp_path):
    company = acme("Evil" + OSC2 + " Co")
    company.role = "PM" + CSI
    company.set_answer("why-here", "answer " + OSC52 + " and " + CSI + C1_CSI, company.answers["why-here"].updated_at)
    company.set_answer("evil-q", "mine" + OSC2, company.answers["why-here"].updated_at)
    company.checklist["products"] = ChecklistEntry(True, "note" + OSC2 + CSI)
    company.custom_questions.append(CustomQuestion("mine", "Custom" + OSC52))
    plant(data_dir, company, "evil-co")
    hostile_pack(tmp_path / "packs")
    return data_dir


@pytest.mark.parametrize("argv", [
    ["list"], ["list", "--json"], ["review", "evil"], ["check", "evil"], ["check", "evil", "--json"],
    ["packs"], ["export", "evil"],
])
def test_printing_commands_emit_no_escapes(hostile_home, capsys, monkeypatch, argv):
    if argv[0] == "export":  # at a terminal; piped, the export is exact (below)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    main(argv)
    out, err = capsys.readouterr()
    assert_clean(out)
    assert_clean(err)


def test_rich_review_at_a_terminal_has_colour_but_no_injected_escapes(hostile_home, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main(["review", "evil", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "^[]2;PWNED^G" in out
    for bad in HOSTILE:
        assert bad not in out


def test_packs_check_shows_hostile_values_visibly(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nid = "x\\u001b]2;PWNED\\u0007"\ntitle = "t"\nversion = "1"\n', encoding="utf-8")
    hostile_pack(tmp_path / "more")
    main(["packs", "check", str(bad), str(tmp_path / "more" / "evil.toml")])
    out, err = capsys.readouterr()
    assert_clean(out)
    assert_clean(err)
    assert "PWNED" in err


def test_export_keeps_the_text_exact_when_piped(hostile_home, capsys, monkeypatch, tmp_path):
    target = tmp_path / "out.md"
    assert main(["export", "evil", "-o", str(target)]) == 0
    assert OSC52 in target.read_text(encoding="utf-8")
    assert main(["export", "evil", "--format", "toml", "-o", str(tmp_path / "out.toml")]) == 0
    assert "\\u001b]52;" in (tmp_path / "out.toml").read_text(encoding="utf-8")


def test_json_output_stays_exact_data(hostile_home, capsys):
    main(["list", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["name"] == "Evil" + OSC2 + " Co"


def test_open_names_ambiguous_hostile_companies_without_escapes(data_dir, capsys):
    plant(data_dir, acme("Evil" + OSC2 + " One"), "evil-one")
    plant(data_dir, acme("Evil" + OSC52 + " Two"), "evil-two")
    assert main(["open", "evil"]) == 1
    err = capsys.readouterr().err
    assert "PWNED" in err
    assert_clean(err)

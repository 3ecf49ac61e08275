"""Issue 13: escape sequences in notes files and packs never reach a real terminal."""

from __future__ import annotations

import json

import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import NOW, acme, plant
from tui.core.notes import ChecklistEntry

pytestmark = pytest.mark.e2e

OSC2 = "\x1b]2;PWNED\x07"
OSC52 = "\x1b]52;c;UFdORUQ=\x07"
CSI = "\x1b[2J\x1b[31m"
INJECTED = [b"\x1b]2;", b"\x1b]52;", b"\x1b[2J", b"\x1b[31m", b"PWNED\x07", b"\xc2\x9b"]


def hostile_home(home):
    company = acme("Evil" + OSC2 + " Co" + CSI)
    company.role = "PM" + OSC52
    company.set_answer("why-here", "answer " + OSC52 + " then " + CSI + "\x9b2J", NOW)
    company.checklist["products"] = ChecklistEntry(True, "research note " + OSC2 + CSI)
    plant(home / "data", company, "evil-co")
    packs = home / "packs"
    packs.mkdir()
    tip = json.dumps("Tip body " + OSC2 + OSC52 + CSI)
    (packs / "evil.toml").write_text(f'''[pack]
id = "evil"
title = "Evil pack"
description = "Shared by a stranger"
version = "1"

[[questions]]
id = "evil-q"
prompt = "An evil question {json.dumps(CSI)[1:-1]}?"
why_they_ask = {json.dumps(OSC2)}
target_seconds = [30, 60]

[[questions.tips]]
title = "Evil tip {json.dumps(OSC52)[1:-1]}"
body = {tip}
''', encoding="utf-8")
    return home


def assert_no_injection(raw: bytes, what: str) -> None:
    for bad in INJECTED:
        assert bad not in raw, f"{what} wrote {bad!r}: ...{raw[max(0, raw.find(bad) - 60):raw.find(bad) + 20]!r}"


def test_app_writes_no_injected_sequences(tmp_path):
    home = hostile_home(tmp_path)
    term = Terminal(["open", "evil"], base_env(home), size=(160, 40))
    term.wait_for("Why do you want")
    term.send("2", settle=0.5)          # the answer in the editor
    term.send("\x1b", settle=0.8)
    term.send("4", settle=0.5)          # research, with its note
    term.send("\x1b", settle=0.8)       # back to the question list (ESC waits 300 ms for more)
    term.wait_until(lambda text: "Done/undone" not in text.splitlines()[-1], "the question list's footer")
    for _ in range(10):                 # down to the pack's evil question, its tips beside it
        if "Evil tip" in term.text:
            break
        term.send("j", settle=0.4)
    term.wait_for("Evil tip")
    term.send("c", settle=0.5)          # the picker lists the company by name
    term.wait_for("Evil")
    term.send("\x11")
    assert term.finish() == 0
    assert b"Evil tip" in term.raw and b"research note" in term.raw
    assert_no_injection(term.raw, "the app")


@pytest.mark.parametrize("argv", [
    ["list"], ["list", "--json"], ["review", "evil"], ["check", "evil"], ["check", "evil", "--json"],
    ["packs"], ["export", "evil"], ["export", "evil", "--format", "toml"],
    ["packs", "check", "PACKS/evil.toml"],
])
def test_printing_commands_write_no_injected_sequences(tmp_path, argv):
    home = hostile_home(tmp_path)
    argv = [a.replace("PACKS", str(home / "packs")) for a in argv]
    term = Terminal(argv, base_env(home), size=(100, 40))
    term.pump(0.5)
    status = term.finish()
    assert status in (0, 1), term.raw[-400:]
    assert len(term.raw) > 20
    assert_no_injection(term.raw, " ".join(argv))

"""End-to-end: the installed finale in a pseudo-terminal, typed at like a person, files checked."""

from __future__ import annotations

import signal
import time
import tomllib

import pytest

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import acme, make_store

pytestmark = pytest.mark.e2e

ESC = "\x1b"
CTRL_Q = "\x11"
CTRL_S = "\x13"


def notes(home, slug="acme-robotics") -> dict:
    return tomllib.loads((home / "data" / "companies" / f"{slug}.toml").read_text(encoding="utf-8"))


def with_acme(home):
    make_store(home / "data").create(acme())
    return home


def open_acme(home, **env) -> Terminal:
    term = Terminal(["open", "acme"], base_env(home, **env))
    term.wait_for("Why do you want to work")
    return term


def test_create_write_tick_quit(tmp_path):
    term = Terminal([], base_env(tmp_path))
    term.wait_for("No companies yet")
    term.send("n")
    term.wait_for("New company")
    term.type("Initech")
    term.send("\t")
    term.type("Senior PM")
    term.send("\r")
    term.wait_for("Why do you want to work")
    term.send("\r")
    term.wait_for_editor()
    term.type("I love TPS reports.")
    term.send(ESC, settle=0.6)
    term.send("4")
    term.wait_for("researched")
    term.send(" ")
    term.wait_for("1/8 researched")
    term.send(CTRL_Q)
    assert term.finish() == 0
    saved = notes(tmp_path, "initech")
    assert saved["company"] == {"name": "Initech", "role": "Senior PM"}
    assert saved["answers"]["why-here"]["text"] == "I love TPS reports."
    assert saved["checklist"]["products"]["done"] is True


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT])
def test_a_dropped_link_or_a_stop_signal_saves_and_leaves_within_a_second(tmp_path, sig):
    term = open_acme(with_acme(tmp_path))
    term.send("\x1b[B", settle=0.1)  # down: the second question
    term.send("\r")
    term.wait_for_editor()
    term.type("typed just before the link dropped")
    # Well inside the one-second autosave: only the signal handler can save this.
    term.child.kill(sig)
    gone = time.monotonic()
    while term.child.isalive() and time.monotonic() - gone < 1.0:
        term.pump(0.05)
    assert not term.child.isalive(), f"still running a second after {sig.name}"
    assert term.finish() == 128 + sig
    assert notes(tmp_path)["answers"]["right-fit"]["text"] == "typed just before the link dropped"


@pytest.mark.parametrize("term_name", ["xterm-256color", "xterm", "screen", "tmux-256color", "linux"])
def test_terminal_types_that_work(tmp_path, term_name):
    term = Terminal([], base_env(with_acme(tmp_path), TERM=term_name))
    screen = term.wait_for("Acme Robotics")
    assert "Traceback" not in screen
    term.send(CTRL_Q)
    assert term.finish() == 0


@pytest.mark.parametrize("extra", [{"NO_COLOR": "1"}, {"LANG": "C", "LC_ALL": "C"}, {"LC_ALL": "C.UTF-8"}])
def test_no_color_and_plain_locales_work(tmp_path, extra):
    term = Terminal([], base_env(with_acme(tmp_path), **extra))
    assert "Traceback" not in term.wait_for("Acme Robotics")
    term.send(CTRL_Q)
    assert term.finish() == 0


@pytest.mark.parametrize("extra, says", [
    ({"TERM": "dumb"}, "TERM=dumb cannot draw"),
    ({"PYTHONIOENCODING": "latin-1"}, "Set a UTF-8 locale"),
    ({"LANG": "en_US.ISO-8859-1", "LC_ALL": "en_US.ISO-8859-1"}, "Set a UTF-8 locale"),
])
def test_terminals_that_cannot_work_say_what_to_set(tmp_path, extra, says):
    term = Terminal([], base_env(with_acme(tmp_path), **extra))
    term.pump(3)
    code = term.finish()
    output = term.raw.decode("utf-8", "replace")
    if says in output:
        assert code == 1 and "Traceback" not in output
    else:
        # The platform made this locale UTF-8 after all: then the app must simply work.
        assert "Acme Robotics" in term.text and "Traceback" not in output


def test_resize_while_editing_and_too_small_then_back(tmp_path):
    term = open_acme(with_acme(tmp_path))
    term.send("\r")
    term.wait_for_editor()
    term.type("abc ")
    term.resize(120, 30)
    term.type("def ")
    term.resize(50, 15)
    term.wait_for("Terminal too small")
    term.resize(80, 24)
    screen = term.wait_for("Why do you want to work")
    assert "Terminal too small" not in screen
    term.send("\x1b[A")  # focus went back to the editor? then this only moves the cursor
    term.send(CTRL_S, settle=0.5)
    term.send(CTRL_Q)
    term.finish()
    assert notes(tmp_path)["answers"]["why-here"]["text"].endswith("a similar lineabc def ")  # the cursor starts at the end


def test_an_arrow_key_split_across_reads_is_not_typed(tmp_path):
    term = open_acme(with_acme(tmp_path))
    term.send("\r")
    term.wait_for_editor()
    term.send("\x1b[F")  # end key: to the end of the line
    term.type("ab")
    term.child.send(ESC)
    time.sleep(0.2)  # a slow link: the rest of the left arrow comes 200 ms later
    term.child.send("[D")
    term.pump(0.6)
    term.type("X")
    term.send(CTRL_S, settle=0.5)
    term.send(CTRL_Q)
    term.finish()
    text = notes(tmp_path)["answers"]["why-here"]["text"]
    assert "[D" not in text
    assert text.startswith("aXb- Your robot arm") or "aXb" in text


@pytest.mark.parametrize("args, setting, tracking", [
    ([], "", True),
    (["--no-mouse"], "", False),
    ([], "mouse = false\n", False),
])
def test_mouse_tracking_can_be_turned_off(tmp_path, args, setting, tracking):
    home = with_acme(tmp_path)
    (home / "config.toml").write_text(setting, encoding="utf-8")
    term = Terminal(args, base_env(home))
    term.wait_for("Acme Robotics")
    term.send(CTRL_Q)
    term.finish()
    assert (b"\x1b[?1003h" in term.raw) is tracking


def test_idle_screen_sends_nothing(tmp_path):
    term = open_acme(with_acme(tmp_path))
    term.pump(1.5)  # let start-up settle
    before = len(term.raw)
    term.pump(3.0)
    assert len(term.raw) == before
    term.send(CTRL_Q)
    term.finish()


def test_bytes_that_are_not_utf8_are_typed_not_fatal(tmp_path):
    """A Latin-1 terminal's é (0xE9 0x20) and line noise (0xFF 0xFE) mid-answer: typing goes on."""
    term = open_acme(with_acme(tmp_path))
    term.send("\x1b[B", settle=0.1)
    term.send("\r")
    term.wait_for_editor()
    term.type("before ")
    term.child.send(b"caf\xe9\x20")
    term.type("middle ")
    term.child.send(b"\xff\xfe")
    term.type(" after")
    term.wait_for("after")
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path)["answers"]["right-fit"]["text"] == "before café middle ÿþ after"


def test_keys_typed_in_the_same_burst_as_ctrl_q_are_saved(tmp_path):
    """A fast typist or one SSH packet: text and ctrl+q arrive together; every key is in the notes."""
    term = open_acme(with_acme(tmp_path))
    term.send("\x1b[B", settle=0.1)
    term.send("\r")
    term.wait_for_editor()
    term.child.send("typed right before quitting" + CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path)["answers"]["right-fit"]["text"] == "typed right before quitting"


def test_keys_typed_in_the_same_burst_as_enter_land_in_the_editor(tmp_path):
    """Over a laggy SSH link enter and the first words arrive in one packet: none is dropped."""
    term = open_acme(with_acme(tmp_path))
    term.send("\x1b[B", settle=0.3)
    term.child.send("\rHello world fast")
    term.wait_for("Hello world fast")
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path)["answers"]["right-fit"]["text"] == "Hello world fast"


def test_keys_typed_in_the_same_burst_as_a_dialog_key_land_in_the_dialog(tmp_path):
    """`n` (new company) and the name typed straight after it, in one packet, as over SSH."""
    term = Terminal([], base_env(tmp_path))
    term.wait_for("No companies yet")
    term.pump(0.3)
    term.child.send("nInitech")
    term.wait_for("Initech")
    term.send("\r")
    term.wait_for("Why do you want to work")
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path, "initech")["company"]["name"] == "Initech"


def test_an_ask_and_a_research_note_typed_with_the_key_that_opens_them_are_kept(tmp_path):
    """`n` in the asks pane and enter on a research item, each with its text in the same packet."""
    term = open_acme(with_acme(tmp_path))
    term.send("4", settle=0.4)
    term.child.send("\rSeries D led by Tiger")
    term.wait_for("Series D led by Tiger")
    term.send("\x13", settle=0.4)  # ctrl+s saves the note
    term.send("1", settle=0.3)
    term.send("\x1b[F", settle=0.3)  # end: the asks question, last in the list
    term.send("\r", settle=0.4)
    term.child.send("nWhat would success look like?")
    term.wait_for("What would success look like?")
    term.send("\r", settle=0.4)
    term.send(CTRL_Q)
    assert term.finish() == 0
    saved = notes(tmp_path)
    assert "Series D led by Tiger" in str(saved["checklist"])
    assert any(a["text"] == "What would success look like?" for a in saved["asks"]), saved["asks"]


def test_a_form_filled_in_one_burst_puts_each_value_in_its_field(tmp_path):
    """Name, tab, role in one packet: tab moves focus before the next key is typed."""
    term = Terminal([], base_env(tmp_path))
    term.wait_for("No companies yet")
    term.send("n")
    term.wait_for("New company")
    term.pump(0.5)
    term.child.send("Initech\tSenior PM\r")  # the role field selects its default on focus: typing replaces it
    term.wait_for("Why do you want to work")
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert notes(tmp_path, "initech")["company"] == {"name": "Initech", "role": "Senior PM"}


def test_two_then_four_in_one_burst_reaches_the_research(tmp_path):
    """`2` `4` typed together (one SSH packet) opens the research pane; no "4" in the answer."""
    term = open_acme(with_acme(tmp_path))
    term.pump(0.3)
    term.child.send("24")
    term.wait_for("researched")
    term.send(CTRL_Q)
    assert term.finish() == 0
    assert "4" not in notes(tmp_path)["answers"]["why-here"]["text"]


def test_a_running_rehearsal_clock_repaints_only_the_clock(tmp_path):
    """Over SSH every repaint is bytes: a second of the clock is a few hundred bytes, not the screen."""
    with_acme(tmp_path)
    term = Terminal(["rehearse", "acme"], base_env(tmp_path))
    term.wait_for("space starts")
    term.pump(0.5)
    term.send(" ", settle=0.5)
    before = len(term.raw)
    term.pump(3.0)
    per_second = (len(term.raw) - before) / 3.0
    term.send(ESC, settle=0.3)
    term.send(CTRL_Q)
    term.finish()
    assert per_second < 1500, f"{per_second:.0f} bytes a second with the clock running"

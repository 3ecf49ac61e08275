"""Issue 22: hostile text in every field of a notes file and a pack, walked through every screen in a pty.

Each text field holds the same payloads, after a short tag naming the field
(``N1`` the name, ``P1`` the pack's prompt...): a closing tag, a bold tag, a
hyperlink whose URL carries an OSC 52 clipboard write, an action link,
OSC/CSI/C1/DCS sequences, bidi overrides, zero-width characters and a
300-character word. One finale session at 80x24 walks every screen and dialog;
then every printing command runs. The test asserts that nothing crashes, that
each field's tag and brackets show as typed (``N1[/][b]x``) where the screen
shows that field, and that the bytes finale writes hold no hyperlink, no OSC 52
or OSC 2, no DCS, no C1 control and no bidi override.

It prints the screens and fields it covered (run with ``-s`` to see the table).
"""

from __future__ import annotations

import re
import time

import pytest
import tomli_w

from tests.e2e.terminal import Terminal, base_env
from tests.helpers import NOW, plant
from tui.core.notes import Answer, Ask, ChecklistEntry, Company, CustomQuestion, Rehearsal

pytestmark = pytest.mark.e2e

LINK = '[link="https://e.example/\x1b]52;c;UFdORUQ=\x07"]x[/link]'
CLICK = "[@click=app.quit]q[/]"
ESCAPES = "\x1b]2;PWNED\x07\x1b[2J\x1b[31m\x9b31m\x9d2;T\x9c\x1bP1$qm\x1b\\"
BIDI = "\u202eevil\u202c\u2066x\u2069"
ZERO_WIDTH = "a\u200bb\u200dc\ufeffd"
LONG = "W" * 300


def payload(tag: str, long: bool = True) -> str:
    """The tag and its brackets first, so a cell that cuts the text still shows them."""
    return f"{tag}[/][b]x {LINK} {CLICK} {ESCAPES} {BIDI} {ZERO_WIDTH}" + (f" {LONG}" if long else "")


def marker(tag: str) -> str:
    return f"{tag}[/][b]x"


# Bytes finale never writes itself: a hyperlink, a clipboard write, a title, DCS, C1 controls
# (two bytes in UTF-8), bidi overrides and isolates.
FORBIDDEN = {
    "OSC 8 hyperlink": re.compile(rb"\x1b\]8;"),
    "OSC 52 clipboard": re.compile(rb"\x1b\]52;"),
    "OSC 2 title": re.compile(rb"\x1b\]2;"),
    "DCS from the data": re.compile(rb"\x1bP1\$q"),
    "C1 control": re.compile(rb"\xc2[\x80-\x9f]"),
    "bidi override": re.compile(rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"),
    "payload text": re.compile(rb"PWNED\x07"),
}

NOTES_FIELDS = {
    "N1": "name", "R1": "role", "I1": "interviewers", "L1": "links", "A1": "answer (why-here)",
    "A2": "answer (pack question)", "RN": "research note", "K1": "ask", "K2": "ask category",
    "C1": "custom question", "C2": "custom question (mock)", "RH": "rehearsal row (mode, extra)",
    "OA": "answer to a removed question (its id)", "O1": "answer to a removed question", "X1": "conflict copy's answer",
}
PACK_FIELDS = {
    "PT": "pack title", "PD": "pack description", "TK": "takeaway", "P1": "prompt", "W1": "why they ask",
    "E1": "example", "TT": "tip title", "TB": "tip body", "CM": "check message", "S1": "starter",
    "S2": "starter category", "CL": "checklist label", "CH": "checklist hint",
}


def hostile_company() -> Company:
    company = Company(name=payload("N1", long=False), role=payload("R1"), interview_at=NOW.replace(day=28))
    company.interviewers = [payload("I1")]
    company.links = [payload("L1")]
    company.answers["why-here"] = Answer(f"- {payload('A1')}\n- second point", NOW)
    company.answers["fuzz-q"] = Answer(f"- {payload('A2')}", NOW)
    company.checklist["fz-item"] = ChecklistEntry(False, payload("RN"))
    company.asks = [Ask(payload("K1"), payload("K2", long=False), True)]
    company.custom_questions = [CustomQuestion("mine-1", payload("C1")),
                                CustomQuestion("mine-2", payload("C2"), {"mock": True})]
    company.answers[payload("OA", long=False)] = Answer(payload("O1"), NOW)  # a question no pack has
    company.rehearsals = [Rehearsal("why-here", NOW, 65, 3, payload("RH", long=False), {"note": payload("RH")})]
    return company


def hostile_pack() -> dict:
    return {
        "pack": {"id": "fuzz", "title": payload("PT"), "description": payload("PD"), "version": "1",
                 "takeaways": [payload("TK")]},
        "questions": [{
            "id": "fuzz-q", "prompt": payload("P1"), "why_they_ask": payload("W1"), "target_seconds": [30, 60],
            "examples": [payload("E1")],
            "tips": [{"title": payload("TT", long=False), "body": payload("TB")}],
            "checks": [{"id": "fz-zebra", "kind": "includes_any", "message": payload("CM"),
                        "tip": payload("TT", long=False), "words": ["zebra"]}],
        }],
        "asks": [{"text": payload("S1"), "category": payload("S2", long=False)}],
        "checklist": [{"id": "fz-item", "label": payload("CL"), "hint": payload("CH")}],
    }


def conflict_copy() -> bytes:
    """The copy a sync tool set aside: its why-here answer differs from the file's."""
    from tui.core.store import serialize

    company = hostile_company()
    company.answers["why-here"] = Answer(f"- {payload('X1')}", NOW)
    return serialize(company)


def hostile_home(home):
    plant(home / "data", hostile_company(), "fuzz")
    (home / "packs").mkdir()
    (home / "packs" / "fuzz.toml").write_text(tomli_w.dumps(hostile_pack()), encoding="utf-8")
    return home


class Walk:
    """One finale session: each step waits for what it opens and records which tags it saw."""

    def __init__(self, term: Terminal):
        self.term = term
        self.covered: list[tuple[str, list[str]]] = []

    def flat(self) -> str:
        return self.term.text.replace("\n", "")

    def see(self, screen: str, tags: list[str], wait: float = 8.0) -> None:
        """Wait until ``screen`` shows every tag in ``tags`` with its brackets as typed."""
        wanted = [marker(t) if len(t) == 2 else t for t in tags]  # a tag, or literal text to find
        end = time.monotonic() + wait
        while time.monotonic() < end:
            self.term.pump(0.05)
            if all(w in self.term.text for w in wanted):
                break
        missing = [t for t, w in zip(tags, wanted, strict=True) if w not in self.term.text]
        assert not missing, f"{screen}: {missing} not shown as typed. Screen:\n{self.term.text}"
        assert self.term.child.isalive(), f"finale ended on {screen}"
        self.covered.append((screen, tags))

    def key(self, keys: str, settle: float = 0.1) -> None:
        self.term.send(keys, settle)

    def settle(self, quiet: float = 0.15, timeout: float = 1.5) -> None:
        """Pump until the screen has not changed for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        last, since = self.term.text, time.monotonic()
        while time.monotonic() < end and time.monotonic() - since < quiet:
            self.term.pump(0.03)
            if self.term.text != last:
                last, since = self.term.text, time.monotonic()

    def until_footer(self, ok, what: str, timeout: float = 4.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.term.pump(0.05)
            footer = self.term.text.splitlines()[-1]
            if ok(footer):
                return
            if any("▌" in line for line in self.term.text.splitlines()[-3:]):  # a notice sits on the footer row
                self.term.pump(1.0)                         # a notice over the footer: give the key time
                return
        raise AssertionError(f"never saw {what}:\n{self.term.text}")

    def next_frame(self, keys: str, timeout: float = 1.5, at_least: float = 0.02) -> None:
        """Send ``keys`` and wait until the screen changes (or ``timeout``: a key may change nothing)."""
        before = self.term.text
        self.term.send(keys, at_least)
        end = time.monotonic() + timeout
        while self.term.text == before and time.monotonic() < end:
            self.term.pump(0.03)
        self.term.pump(0.05)

    def escape(self, gone: str = "") -> None:
        """ESC alone (finale waits 300 ms for the rest of a sequence): each one here closes or leaves something.

        ``gone`` is text the ESC removes: waited for where a blinking cursor (the palette's) changes the
        screen anyway, so a change alone does not say the ESC was read.
        """
        self.next_frame("\x1b", timeout=2.0, at_least=0.35)
        if gone:
            self.term.wait_until(lambda text: gone not in text, f"{gone!r} closed", timeout=4)

    def select(self, tag: str) -> None:
        """Move down the question list until the answer pane (right of it) shows the question ``tag``."""
        needle = marker(tag) if len(tag) == 2 else tag
        # The answer pane beside the list: `2` shows and focuses it; escape, once it has focus, leaves it.
        # The footer says where the focus is, unless a notice (one line at the bottom) covers it.
        editing = ("esc Leave editor", "⏎ Edit")
        self.term.send("2", 0.05)
        self.until_footer(lambda footer: footer.startswith(editing), "the answer pane focused")
        self.escape()
        self.until_footer(lambda footer: not footer.startswith(editing), "the question list focused")
        self.key("\x1b[H", 0.1)                             # Home: the first question
        for key in "j" * 12 + "k" * 12:                     # down to it, or back up after an overshoot
            self.settle()                                   # the answer pane follows the highlight a moment later
            if needle in self.term.text.splitlines()[2][28:]:
                return
            self.next_frame(key)
        raise AssertionError(f"never reached question {tag}:\n{self.term.text}")

    def until(self, needle: str, keys: str = "j", tries: int = 12) -> None:
        for _ in range(tries):
            if needle in self.term.text:
                return
            self.key(keys, 0.2)
        self.term.wait_for(needle, timeout=2)


def test_hostile_text_in_every_field_is_shown_as_typed_on_every_screen(tmp_path):
    home = hostile_home(tmp_path)
    term = Terminal([], base_env(home), size=(80, 24))
    walk = Walk(term)
    esc = walk.escape
    walk.see("picker", ["N1", "R1"], wait=15)
    walk.key("d")
    walk.see("picker: delete confirmation", ["Delete N1"])
    esc("Delete N1")
    walk.key("e")
    walk.see("picker: rename dialog (the name's end, in its input)", ["Rename company", CLICK])
    esc("Rename company")
    walk.key("\r")
    # Prompts wrap at their words (issue 24), so the later questions are below the fold at 80x24:
    # select() finds P1 and C1 further down, and the mock close shows C2.
    walk.see("prepare: header and question list", ["Questions", "N1", "R1"])
    walk.see("prepare: orphaned answer notification", ["no longer in any pack"])
    walk.key("o")
    walk.see("orphaned answers dialog", ["O1", "OA"])
    esc("keep as my question")
    walk.select("C1")
    walk.key("d")
    walk.see("prepare: delete question confirmation", ["Delete this question", "C1"])
    esc("Delete this question")
    walk.key("2")
    walk.see("prepare: answer pane (custom prompt)", ["C1"])
    esc()
    walk.select("P1")
    walk.key("2")
    # The cursor waits at the end of the answer, and the coach's verdict, shown whole, leaves the
    # editor too few rows for all of this long one: its start, where the marker is, is one key away.
    walk.key("\x1b[1;5H")  # ctrl+home
    walk.see("prepare: answer pane (pack prompt, answer, coach)", ["P1", "A2", "CM"])
    esc()
    walk.key("3")
    walk.see("prepare: tips pane", ["W1", "TT"])
    tips = set()
    for _ in range(8):                                      # page down: the tip's body, the examples
        tips |= {t for t in ("TB", "E1") if marker(t) in term.text}
        if tips == {"TB", "E1"}:
            break
        walk.next_frame("\x1b[6~")
    walk.covered.append(("prepare: tips pane, paged through", sorted(tips)))
    esc()
    walk.key("4")
    walk.see("prepare: research pane", ["researched"])
    walk.key("\x1b[F")                                     # End: the pack's own item is the last
    walk.see("prepare: research pane (the pack's item)", ["CL", "RN"])
    walk.key("\r")
    walk.see("research note dialog", ["Research: CL", "CH"])
    esc("Research: CL")
    esc()
    walk.key("i")
    walk.see("details dialog", ["Interview details", "I1", "L1"])
    esc("Interview details")
    walk.key("a")
    walk.see("add question dialog", ["Add a question"])
    walk.key("Z9[/][b]x [link=https://e.example/]y[/link]", 0.2)   # one burst, as a paste
    walk.key("\r")
    walk.see("prepare: the question typed into the add dialog", ["Z9"])
    walk.select("Do you have any questions")
    walk.key("2")
    walk.see("prepare: asks editor", ["K1"])
    walk.key("s")
    walk.see("starter questions dialog", ["Add starter"])
    walk.key("\x1b[F")                                     # End: the pack's own starter is the last
    walk.see("starter questions dialog (the pack's starter)", ["S1", "S2"])
    esc("Add starter")
    esc()
    walk.key("\x10")
    walk.see("command palette", ["Search for commands"])
    esc("🔎")
    walk.key("?")
    walk.see("help", ["Keys · N1"])
    esc("Keys · N1")
    walk.key("v")
    walk.see("review", ["N1"])
    seen = set()
    for _ in range(12):
        walk.next_frame(" ")
        seen |= {t for t in ("A1", "K1", "RN", "I1", "L1", "C1") if marker(t) in term.text}
        if {"A1", "K1"} <= seen:
            break
    assert {"A1", "K1"} <= seen, f"the review showed only {seen}"
    walk.covered.append(("review, paged through", sorted(seen)))
    esc()
    walk.key("m")
    walk.see("mock close: ready", ["R1", "P1"])
    lines = set()
    for _ in range(12):
        walk.next_frame(" ")
        lines |= {t for t in ("C2", "K1") if marker(t) in term.text}
        if "Rate each answer" in term.text:
            break
    assert lines == {"C2", "K1"}, f"the mock close showed only {lines}"
    walk.covered.append(("mock close: each line, one at a time", ["C2", "K1"]))
    walk.see("mock close: review", ["Rate each answer", "R1"])
    walk.key("3333333")
    walk.key("\r")
    walk.select("C1")
    walk.key("r")
    walk.see("rehearse", ["C1"])
    walk.key("y")
    walk.see("rehearse: typed recall", ["typing"])
    walk.key("typed recall", 0.2)
    walk.key("\x13")
    walk.see("rehearse: typed recall reveal", ["Your draft"])
    for _ in range(3):                                      # leave the rehearsal (its summary, if shown)
        if "Questions" in term.text and "Your draft" not in term.text:
            break
        esc()
    walk.see("prepare: back from the rehearsal", ["Questions"])
    # A sync conflict arrives: the picker lists the copy, the bar comes back on opening, C compares.
    (home / "data" / "companies" / "fuzz.toml.conflict-20261126-100000").write_bytes(conflict_copy())
    walk.key("c")
    walk.see("picker: a conflict copy listed", ["conflict"])
    walk.key("\r")
    walk.see("prepare: conflict bar", ["Changed elsewhere"])
    walk.key("C")
    walk.see("compare versions", ["Theirs", "A1", "X1"])
    esc("Theirs")
    esc()
    assert term.child.isalive()
    term.send("\x11")
    assert term.finish() == 0
    assert_clean(term.raw, "the app")
    assert_covered(walk.covered)


PRINTING = {
    # argv: the tags whose text the command prints (shown with its brackets, escapes made visible)
    "list": ["N1", "R1"], "list --json": [], "review fuzz": ["N1", "A1"], "review fuzz --brief": ["N1"],
    "check fuzz": ["P1", "CM"], "packs": [], "export fuzz": [], "packs check PACKS/fuzz.toml": [],
}


@pytest.mark.parametrize("command", PRINTING)
def test_printing_commands_write_no_hostile_bytes(tmp_path, command):
    home = hostile_home(tmp_path)
    argv = command.replace("PACKS", str(home / "packs")).split()
    term = Terminal(argv, base_env(home), size=(80, 24))
    end = time.monotonic() + 15
    while term.child.isalive() and time.monotonic() < end:
        term.pump(0.1)
    for _ in range(5):                                      # what it wrote just before it ended
        term.pump(0.05)
    assert term.finish() == 0
    assert_clean(term.raw, f"finale {command}")
    shown = term.raw.decode("utf-8")
    for tag in PRINTING[command]:
        assert marker(tag) in shown, f"finale {command} does not show {tag} as typed:\n{shown[:600]}"


def assert_clean(raw: bytes, what: str) -> None:
    for name, pattern in FORBIDDEN.items():
        found = pattern.search(raw)
        assert not found, f"{what} wrote {name}: ...{raw[max(0, found.start() - 60):found.end() + 20]!r}"


# Every screen and dialog the walk must reach, with the fields it must show as typed there.
EXPECTED = {
    "picker": {"N1", "R1"}, "picker: delete confirmation": set(), "picker: rename dialog": set(),
    "prepare: header and question list": {"N1", "R1"}, "orphaned answers dialog": {"O1", "OA"},
    "prepare: delete question confirmation": {"C1"}, "prepare: answer pane (custom prompt)": {"C1"},
    "prepare: answer pane (pack prompt, answer, coach)": {"P1", "A2", "CM"}, "prepare: tips pane": {"W1", "TT"},
    "prepare: tips pane, paged through": {"TB", "E1"},
    "prepare: research pane (the pack's item)": {"CL", "RN"}, "research note dialog": {"CH"}, "details dialog": {"I1", "L1"},
    "add question dialog": set(), "prepare: asks editor": {"K1"}, "starter questions dialog": set(),
    "starter questions dialog (the pack's starter)": {"S1", "S2"}, "command palette": set(), "help": set(),
    "review": {"N1"}, "review, paged through": {"A1", "K1"}, "mock close: ready": {"R1", "P1"},
    "mock close: each line, one at a time": {"C2", "K1"}, "mock close: review": {"R1"}, "rehearse": {"C1"},
    "rehearse: typed recall": set(), "rehearse: typed recall reveal": set(),
    "picker: a conflict copy listed": set(), "prepare: conflict bar": set(), "compare versions": {"A1", "X1"},
}


def assert_covered(covered: list[tuple[str, list[str]]]) -> None:
    """The table of screens and the fields seen as typed on each: printed, and checked against EXPECTED."""
    report(covered)
    got = {screen.split(" (the name")[0]: {t for t in tags if len(t) == 2} for screen, tags in covered}
    for screen, fields in EXPECTED.items():
        assert screen in got, f"the walk never reached {screen}"
        assert fields <= got[screen], f"{screen}: {sorted(fields - got[screen])} not seen"


def report(covered: list[tuple[str, list[str]]]) -> None:
    fields = {**NOTES_FIELDS, **PACK_FIELDS}
    print("\nscreen".ljust(46), "fields seen as typed")
    for screen, tags in covered:
        print(screen.ljust(45), ", ".join(fields.get(t, t) for t in tags) or "(no crash, bytes clean)")
    seen = {t for _, tags in covered for t in tags}
    print("fields written but checked only for clean bytes:", ", ".join(fields[t] for t in fields if t not in seen))


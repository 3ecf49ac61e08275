"""What the printing commands' speed depends on (issue 17), checked without a clock.

`finale review`, `list` and `check` must cost a fraction of importing Textual:
piped output is plain text without Rich, the coach's language libraries load only
when a check reads words, and only the named subcommand's parser is built.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pytest

from tests.helpers import acme, make_store
from tui.cli import parse_args
from tui.cli_args import build_parser

LOADED = """
import os, sys
from tui.cli import main
status = main(sys.argv[1:])
watched = os.environ["WATCHED"].split()
print("LOADED:", sorted({m.split(".")[0] for m in sys.modules} & set(watched)), file=sys.stderr)
raise SystemExit(status)
"""
HEAVY = ("textual", "rich", "zxcvbn", "Stemmer")


def loaded(*argv: str, watched: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of ``watched`` a command imported (stdout is a pipe, as in `finale review NAME | cat`)."""
    env = {**os.environ, "WATCHED": " ".join(watched)}
    done = subprocess.run([sys.executable, "-c", LOADED, *argv], capture_output=True, text=True, check=True, env=env)
    line = next(x for x in done.stderr.splitlines() if x.startswith("LOADED:"))
    return eval(line.removeprefix("LOADED:"))  # a list literal we printed ourselves


@pytest.fixture
def data(tmp_path):
    make_store(tmp_path).create(acme())
    return tmp_path


def test_piped_review_and_check_load_neither_rich_nor_textual_nor_zxcvbn(data):
    # The checks read the answers, so the stemmer is needed; nothing else heavy is.
    assert loaded("--data-dir", str(data), "review", "acme") == ["Stemmer"]
    assert loaded("--data-dir", str(data), "check", "acme") == ["Stemmer"]
    assert loaded("--data-dir", str(data), "review", "acme", "--brief") == ["Stemmer"]


def test_list_from_a_warm_index_loads_no_language_library(data):
    loaded("--data-dir", str(data), "list")  # builds the index cache: the checks run once
    assert loaded("--data-dir", str(data), "list") == []


COSTLY = ("dataclasses", "inspect", "tomllib", "tomli_w", "shutil", "difflib")


def test_printing_commands_skip_the_costly_standard_library(data):
    """What made `finale list` 1.6x its cost now: dataclasses (with inspect, ~30 M instructions to
    import and 2-5 M per class), TOML it does not read, argparse asking the terminal its width."""
    loaded("--data-dir", str(data), "list")  # the index and the pack cache are warm from here on
    assert loaded("--data-dir", str(data), "list", watched=COSTLY) == []
    for command in ("review", "check"):  # these read the notes file: TOML, and nothing else costly
        assert loaded("--data-dir", str(data), command, "acme", watched=COSTLY) == ["tomllib"]


def test_packs_loads_nothing_heavy(data):
    assert loaded("--data-dir", str(data), "packs") == []


ARGVS = [
    [], ["list"], ["list", "--json"], ["list", "--bogus"], ["review"], ["review", "--help"], ["--help"],
    ["--version"], ["reviw", "x"], ["review", "acme", "--width", "x"], ["review", "acme", "--brief", "--width", "40"],
    ["--data", "D", "list"], ["--data-dir", "list", "review", "x"], ["--data-dir=D", "check", "x", "--json"],
    ["rehearse", "a", "--minutes", "0"], ["rehearse", "a", "--minutes", "5", "--mock"], ["open", "a", "b"],
    ["open", "acme"], ["packs"], ["packs", "check"], ["packs", "check", "a.toml"], ["export", "a", "--format", "pdf"],
    ["export", "a", "-o", "f", "--force"], ["-h", "list"], ["list", "-h"], ["--demo"], ["--no-mouse", "open", "x"],
    ["--config", "c.toml", "--packs-dir", "p", "check", "acme"], ["list", "--data-dir", "D"],
]


def outcome(parse, argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result = parse(argv)
        except SystemExit as done:
            result = ("exit", done.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_the_one_command_parser_agrees_with_the_whole_parser(argv):
    # Same namespace, or the same help / error text and exit status.
    assert outcome(parse_args, argv) == outcome(lambda a: build_parser().parse_args(a), argv)

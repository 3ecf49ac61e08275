"""The command line: exit codes, global options anywhere, packs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO
from tui import __version__
from tui.cli import main


def run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, **kw)


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"finale {__version__}"


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    for word in ("packs", "list", "open", "--data-dir"):
        assert word in out


def test_unknown_subcommand_and_bad_option_exit_2(capsys):
    for argv in (["frobnicate"], ["list", "--bogus"], ["--bogus"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        assert "usage: finale" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["--data-dir", ""], ["--data-dir=", "list"], ["list", "--data-dir", " "], ["--config", "", "list"], ["--packs-dir="],
])
def test_an_empty_path_option_is_a_usage_error_not_the_default_folder(capsys, argv):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    assert "an empty path" in capsys.readouterr().err


def test_packs_lists_the_default_pack(capsys):
    assert main(["packs"]) == 0
    out = capsys.readouterr().out
    assert "closing-senior-pm" in out and "4 questions" in out and "built-in" in out


def test_packs_check_exit_codes(tmp_path, capsys):
    assert main(["packs", "check", str(REPO / "content" / "closing-senior-pm.toml")]) == 0
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nid = "x"\n', encoding="utf-8")
    assert main(["packs", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert 'missing "title"' in err and str(bad) in err


def test_global_options_work_before_and_after_the_subcommand(tmp_path, capsys):
    data = tmp_path / "elsewhere"
    company = data / "companies"
    company.mkdir(parents=True)
    (company / "acme.toml").write_text('format = 1\n[company]\nname = "Acme"\n', encoding="utf-8")
    assert main(["--data-dir", str(data), "list"]) == 0
    before = capsys.readouterr().out
    assert main(["list", "--data-dir", str(data)]) == 0
    after = capsys.readouterr().out
    assert "Acme" in before and before == after


def test_python_dash_m_tui_runs():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"finale {__version__}"


def test_check_prints_the_prompts_in_the_companys_role(tmp_path, capsys):
    from tests.helpers import acme, make_store

    company = acme()
    company.role = "Director of Product"
    make_store(tmp_path / "data").create(company)
    assert main(["--data-dir", str(tmp_path / "data"), "check", "acme"]) in (0, 1)
    out = capsys.readouterr().out
    assert "as a Director of Product?" in out and "Senior Product Manager" not in out


def test_list_keeps_its_columns_straight_with_wide_names(tmp_path, capsys, monkeypatch):
    """Names with an emoji, CJK or a combining accent are padded by terminal columns, not characters."""
    from datetime import datetime, timedelta

    # Wide enough for one line a company: at 80 columns `finale list` wraps between fields (issue 24),
    # and whether it had to depended on the countdown's length at the moment the test ran.
    monkeypatch.setenv("COLUMNS", "200")

    from tests.helpers import make_store
    from tui.core.notes import Company
    from tui.core.sanitize import cells

    store = make_store(tmp_path / "data")
    soon = datetime.now().replace(microsecond=0) + timedelta(days=3)
    for name, role, when in (("Rocket 🚀 Labs", "Senior PM, Platform", soon), ("東京 Robotics", "", None),
                             ("Cafe\u0301 Co", "Senior Product Manager", None), ("Plain", "PM", soon)):
        store.create(Company(name=name, role=role, interview_at=when))
    assert main(["--data-dir", str(tmp_path / "data"), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4, lines
    roles = ("Senior PM, Platform", "Senior Product Manager", "PM")
    role_starts = {cells(line[: line.index(r)]) for line in lines for r in roles if f"  {r}  " in line}
    answer_starts = {cells(line[: line.index("answers")]) for line in lines}
    assert (len(role_starts), len(answer_starts)) == (1, 1), lines


def test_check_at_a_terminal_wraps_at_a_word_and_piped_keeps_one_line_a_check(tmp_path, capsys, monkeypatch):
    import os

    from tests.helpers import acme, make_store

    make_store(tmp_path / "data").create(acme())
    monkeypatch.delenv("COLUMNS", raising=False)  # it wins over the terminal's size (issue 24): not this test's
    argv = ["--data-dir", str(tmp_path / "data"), "check", "acme"]
    main(argv)
    piped = capsys.readouterr().out.splitlines()
    assert any(len(line) > 60 for line in piped)  # one line a check, for scripts
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "fileno", lambda: 1, raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=None: os.terminal_size((60, 24)))
    main(argv)
    shown = capsys.readouterr().out.splitlines()
    assert shown and all(len(line) < 60 for line in shown), [x for x in shown if len(x) >= 60]
    words = lambda lines: " ".join(" ".join(lines).split())  # noqa: E731
    assert words(shown) == words(piped)  # the same text, only wrapped


def test_the_brief_leaves_a_line_for_the_prompt(tmp_path, capsys, monkeypatch):
    from tests.helpers import acme, make_store

    make_store(tmp_path / "data").create(acme())
    monkeypatch.setenv("LINES", "24")
    assert main(["--data-dir", str(tmp_path / "data"), "review", "acme", "--brief", "--width", "80"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= 23 and lines[0].startswith("Acme Robotics")

"""The cheat sheet: golden files for plain text and Markdown, and the review/export commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime

import pytest

from tests.conftest import FIXTURES
from tests.helpers import acme, make_app, make_store
from tui.cli import main
from tui.core.notes import Ask, ChecklistEntry, Company
from tui.core.packs import load_catalog
from tui.core.review import build_review, render_markdown, render_plain
from tui.core.store import company_from

GOLDEN = FIXTURES / "review"
FIXTURE = GOLDEN / "zürich-ünicorn.toml"
NOW = datetime(2026, 11, 26, 10, 0)


def fixture_review():
    company, _ = company_from(FIXTURE.read_bytes(), FIXTURE)
    return build_review(load_catalog(None), company, NOW)


@pytest.mark.parametrize("name, render", [
    ("expected.txt", lambda r: render_plain(r, 72)),
    ("expected.md", render_markdown),
])
def test_golden(name, render):
    text = render(fixture_review())
    path = GOLDEN / name
    if os.environ.get("FINALE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_gaps_come_first_and_name_what_is_missing():
    review = fixture_review()
    assert review.countdown == "in 25 min"
    assert review.gaps[0].startswith("Coach on Why do you want to work here…: ")
    assert "No answer yet: What makes you the right fit for this role?" in review.gaps
    assert any(g.startswith("Far over time: Tell us about your biggest payments launch.") for g in review.gaps)
    assert any(g.startswith("Research not done: Services") for g in review.gaps)
    text = render_plain(review)
    headings = ["Gaps", "Your answers", "Your questions for them", "Research", "Remember"]
    positions = [text.index(f"\n{h}\n") for h in headings]
    assert positions == sorted(positions)


def test_no_gaps_is_said_plainly():
    catalog = load_catalog(None)
    company = Company(name="Done Co")
    for question in catalog.questions:
        company.set_answer(question.id, "I led it. " * 60, NOW)
    for item in catalog.checklist:
        company.checklist[item.id] = ChecklistEntry(True, "known")
    company.asks += [Ask(f"Why {n}?", "strategy", True) for n in range(3)]
    review = build_review(catalog, company, NOW)
    assert not any(g.startswith(("No answer", "Research", "No questions")) for g in review.gaps)
    review.gaps = []
    assert "None: every question answered" in render_plain(review)


def test_markdown_keeps_answer_text_literal():
    company = Company(name="Md")
    company.set_answer("why-here", "# not a heading\n- a point\n\nlast *line*", NOW)
    text = render_markdown(build_review(load_catalog(None), company, NOW))
    assert "> # not a heading\n> - a point\n>\n> last *line*" in text


@pytest.fixture
def data(tmp_path):
    store = make_store(tmp_path / "d")
    store.create(acme())
    store.create(acme("Acme Labs"))
    store.create(Company(name="Globex"))
    shutil.copy(FIXTURE, store.companies / "zurich-unicorn.toml")
    return store


def run_cli(store, *args):
    return main(["--data-dir", str(store.root), *args])


def test_review_prints_plain_text_when_piped(data, capsys):
    assert run_cli(data, "review", "glob", "--width", "60") == 0
    out = capsys.readouterr().out
    assert out.startswith("Globex\n") and "\x1b[" not in out
    assert max(len(line) for line in out.splitlines()) <= 60


def test_review_matches_case_insensitively_and_by_slug(data, capsys):
    assert run_cli(data, "review", "ZÜRICH") == 0
    assert "Zürich Ünicorn" in capsys.readouterr().out
    assert run_cli(data, "review", "acme-robotics") == 0
    assert capsys.readouterr().out.startswith("Acme Robotics")


def test_unknown_and_ambiguous_names_exit_1_with_the_closest(data, capsys):
    assert run_cli(data, "review", "acme") == 1
    err = capsys.readouterr().err
    assert "matches more than one company" in err and "Acme Robotics" in err and "Acme Labs" in err
    assert run_cli(data, "review", "globx") == 1
    assert "Closest: Globex" in capsys.readouterr().err


def test_export_markdown_and_toml(data, tmp_path, capsys):
    assert run_cli(data, "export", "zurich", "--format", "md") == 0
    assert capsys.readouterr().out.startswith("# Zürich Ünicorn 🦄 — Senior Product Manager, Payments")
    target = tmp_path / "out.md"
    assert run_cli(data, "export", "zurich", "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8").startswith("# Zürich")
    target.write_text("mine", encoding="utf-8")
    assert run_cli(data, "export", "zurich", "-o", str(target)) == 1
    assert "exists; add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
    assert run_cli(data, "export", "zurich", "-o", str(target), "--force") == 0
    raw = tmp_path / "raw.toml"
    assert run_cli(data, "export", "zurich", "--format", "toml", "-o", str(raw)) == 0
    assert raw.read_bytes() == FIXTURE.read_bytes()


def test_review_of_a_broken_file_says_why(data, capsys):
    (data.companies / "broken.toml").write_text("format = 1\n[company\n", encoding="utf-8")
    assert run_cli(data, "review", "broken") == 1
    assert "broken.toml:2" in capsys.readouterr().err


def test_review_uses_rich_on_a_terminal_and_plain_with_no_color(data):
    import pty

    for env_extra, expect_escapes in (({}, True), ({"NO_COLOR": "1"}, False)):
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update(env_extra)
            os.execv(sys.executable, [sys.executable, "-m", "tui", "--data-dir", str(data.root), "review", "globex"])
        chunks = b""
        while True:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks += chunk
        os.waitpid(pid, 0)
        assert b"Globex" in chunks
        assert (b"\x1b[" in chunks) is expect_escapes


def test_review_does_not_import_textual(data):
    code = ("import sys, io, contextlib\nfrom tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['--data-dir', {str(data.root)!r}, 'review', 'globex'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


async def test_v_opens_the_review_screen_from_prepare_and_picker(tmp_path):
    from tui.screens.prepare import PrepareScreen
    from tui.screens.review import ReviewScreen

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        await pilot.press("down", "enter")
        await pilot.press(*"Fresh")
        await pilot.press("v")  # typed in the editor: v is a letter there
        await pilot.press("escape", "v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Freshv" in app.screen.markdown()

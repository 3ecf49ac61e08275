"""Issue 24, "Nothing the user needs is hidden": small words, help, packs, at 80x24 or in printed text."""

from __future__ import annotations

import shutil

from tests.helpers import NOW, FakeClock, Seen, acme, make_app, make_store, open_company, saved
from tui.cli import main
from tui.core.checks import company_results
from tui.core.notes import CustomQuestion, Rehearsal
from tui.core.packs import default_pack_path, load_catalog
from tui.core.review import build_review, headline
from tui.core.rows import question_row
from tui.core.session import custom_question_id
from tui.screens.help import HelpScreen, binding_rows
from tui.screens.prepare import PrepareScreen
from tui.screens.rehearse import RehearseScreen


def test_review_gaps_name_checks_by_their_sentence_not_their_id():
    """Problem 10: "names-company" means nothing to the reader; the coach's sentence does."""
    catalog, company = load_catalog(None), acme()
    review = build_review(catalog, company, NOW)
    coach = [gap for gap in review.gaps if gap.startswith("Coach on ")]
    assert coach, review.gaps
    ids = {check.id for q in catalog.questions for check in q.checks}
    assert not any(check_id in gap for gap in review.gaps for check_id in ids)
    failing = [headline(r.message) for r in company_results(catalog, company)
               if not r.passed and r.question == "why-here"]
    assert failing and all(head.lower() in " ".join(coach).lower() for head in failing)


def test_one_symbol_one_meaning_on_a_question_row():
    """Problem 10: ✓ marks a rehearsed question; the coach's score says "coach", not a second ✓."""
    catalog, company = load_catalog(None), acme()
    company.rehearsals.append(Rehearsal("why-here", NOW, 70, 3, "spoken"))
    question = catalog.question("why-here")
    assert question is not None
    results = [r for r in company_results(catalog, company) if r.question == "why-here"]
    row = question_row(question, company, results, NOW)
    assert row.state == "rehearsed" and row.detail.startswith("coach ") and "✓" not in row.detail


def test_custom_ids_are_short_unique_and_whole_words():
    """Problem 11: not "my-why-robotics-after-years-in-logistics-so"."""
    qid = custom_question_id("Why robotics after years in logistics software and supply chains?", set())
    assert qid == "my-why-robotics-after-years"
    assert custom_question_id("Why robotics after years in logistics?", {qid}) == qid + "-2"
    words = "why robotics after years in logistics software and supply chains".split()
    assert all(part in words for part in qid.removeprefix("my-").split("-"))


def _pack_copy(packs_dir, name="closing-senior-pm.toml"):
    packs_dir.mkdir(exist_ok=True)
    return shutil.copy(default_pack_path(), packs_dir / name)


def test_a_copy_of_the_builtin_pack_overrides_it(tmp_path, capsys):
    """Problem 12: the copy is the user's pack now, and `finale packs` says so in one line."""
    packs = tmp_path / "packs"
    copy = _pack_copy(packs)
    catalog = load_catalog(packs)
    assert not catalog.errors and [p.source for p in catalog.packs] == [copy]
    assert [p.id for p in catalog.replaced] == ["closing-senior-pm"]
    assert main(["packs"]) == 0
    out, err = capsys.readouterr()
    assert "already used" not in out + err and "skipped" not in err
    assert sum("overrides the built-in pack" in line for line in out.splitlines()) == 1
    assert main(["packs", "check", str(copy)]) == 0
    out, err = capsys.readouterr()
    assert "ok" in out and "will override the built-in pack closing-senior-pm" in out and not err


def test_two_user_packs_with_one_id_still_clash_naming_both(tmp_path, capsys):
    packs = tmp_path / "packs"
    _pack_copy(packs, "a.toml")
    _pack_copy(packs, "b.toml")
    catalog = load_catalog(packs)
    assert len(catalog.errors) == 1
    message = str(catalog.errors[0])
    assert "a.toml" in message and "b.toml" in message


async def test_help_and_palette_list_finales_keys_grouped_by_where(tmp_path):
    """Problem 8: no "Focus Next", "Copy selected text", "Scroll Left"; the palette opens on ours."""
    from tui.screens.help import binding_groups

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        picker_rows = dict((d, k) for k, d in binding_rows(app.screen))
        assert picker_rows.get("Open") == "⏎"  # problem 10: the picker's ? names enter
        screen = await open_company(pilot)
        groups = dict(binding_groups(screen))
        assert list(groups)[0] == "In the question list" and "On this screen" in groups
        generic = {"Focus Next", "Focus Previous", "Copy selected text", "Scroll Left", "Scroll Right", "Page Left"}
        assert not generic & {d for rows in groups.values() for _, d in rows}
        titles = [c.title for c in app.get_system_commands(screen)]
        assert not any(t.startswith(tuple(generic)) for t in titles)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys Static").render())
        assert "In the question list" in text and "Focus Next" not in text


async def test_d_on_a_pack_question_says_why(tmp_path):
    """Problem 10: `d` did nothing and said nothing on a question that came with the pack."""
    make_store(tmp_path).create(acme())
    seen = Seen()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        screen = await open_company(pilot)
        assert isinstance(screen, PrepareScreen) and not screen.question.custom
        await pilot.press("d")
        await pilot.pause()
        assert "only questions you added" in seen


async def test_deleting_a_custom_question_asks_about_its_rehearsals(tmp_path):
    """Problem 11: its [[rehearsals]] rows were left behind without a word."""
    company = acme()
    company.custom_questions.append(CustomQuestion("my-why-robots", "Why robots?"))
    company.set_answer("my-why-robots", "Because.", NOW)
    company.rehearsals += [Rehearsal("my-why-robots", NOW, 40, 3, "spoken"), Rehearsal("why-here", NOW, 70, 3, "spoken")]
    store = make_store(tmp_path)
    slug = store.create(company)
    fake = FakeClock()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        questions = screen.query_one("#questions")
        questions.highlighted = [o.id for o in questions._options].index("my-why-robots")
        await pilot.pause()
        await pilot.press("d", "y")
        await pilot.pause()
        assert "rehearsal history" in str(app.screen.query_one(".title").render())
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    rows = saved(store, slug.slug).get("rehearsals", [])
    assert [r["question"] for r in rows] == ["why-here"]


async def test_time_box_notice_counts_one_question_in_the_singular(tmp_path):
    """Problem 10: "1 questions fit 2:00 min"."""
    company = acme()
    company.set_answer("right-fit", "- I shipped two platforms\n- I led eight people", NOW)
    make_store(tmp_path).create(company)
    seen = Seen()
    app = make_app(tmp_path, rehearse_minutes=1.5)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await open_company(pilot)
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, RehearseScreen)
        notices = [n.message for n in seen.notifications if n.message.startswith("Time box: ")]
        assert notices and notices[0].startswith("Time box: 1 question fits "), notices




async def test_typed_recall_summary_does_not_judge_it_against_the_spoken_band(tmp_path):
    """Problem 10: a typed recall of 0:42 read "under" in the summary, as if spoken too briefly."""
    make_store(tmp_path).create(acme())
    fake = FakeClock()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("r", "y")
        await pilot.pause()
        await pilot.press(*"Your robot arm leads")
        fake.advance(42)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        summary = str(app.screen.query_one("#rh-summary-text").render())
        line = next(line for line in summary.splitlines() if "0:42" in line)
        assert "typed" in line and "under" not in line

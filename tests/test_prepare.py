"""The picker and Prepare screens, driven by keys, asserting on the files written."""

from __future__ import annotations

import errno

from textual.widgets import TextArea

from tests.helpers import Seen, acme, make_app, make_store, open_company, saved
from tui.core.save_status import SaveState
from tui.dialogs.company_form import CompanyFormDialog
from tui.screens.help import HelpScreen
from tui.screens.picker import PickerScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.too_small import TooSmallScreen


async def open_acme(pilot, app) -> PrepareScreen:
    screen = await open_company(pilot)
    assert isinstance(screen, PrepareScreen)
    return screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def test_create_a_company_from_the_picker(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "No companies yet" in str(app.screen.query_one("#picker-hint").render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CompanyFormDialog)
        await type_text(pilot, "Globex")
        await pilot.press("tab")
        await type_text(pilot, "Senior PM")
        await pilot.press("tab")
        await type_text(pilot, "2026-13-01")
        await pilot.press("enter")
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#error").render())
        for _ in range(10):
            await pilot.press("backspace")
        await type_text(pilot, "2026-12-02")
        await pilot.press("tab")
        await type_text(pilot, "14:30")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.screen.focused.id == "questions"
        assert app.screen.question_id == "why-here"
        assert app.screen.title == "Globex" and "Senior PM" in app.screen.sub_title
    doc = saved(app.store, "globex")
    assert doc["company"]["role"] == "Senior PM"
    assert doc["company"]["interview_at"].isoformat() == "2026-12-02T14:30:00"


async def test_new_company_can_start_from_another(tmp_path):
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await type_text(pilot, "Initech")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("enter", "down", "enter")  # open the select, pick Acme
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    assert saved(app.store, "initech")["answers"]["why-here"]["text"].startswith("- Your robot arm")


async def test_write_an_answer_and_quit_straight_away(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("down", "enter")
    assert screen.question_id == "right-fit"
    assert isinstance(screen.focused, TextArea)
    await type_text(pilot, "I led 12 people.")
    await pilot.press("ctrl+q")
    assert saved(app.store, "acme-robotics")["answers"]["right-fit"]["text"] == "I led 12 people."


async def test_autosave_after_a_pause_and_on_switching_questions(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("down", "enter")
    await type_text(pilot, "First.")
    await pilot.press("escape", "down")  # switching saves at once
    await app.workers.wait_for_complete()
    assert saved(app.store, "acme-robotics")["answers"]["right-fit"]["text"] == "First."
    await pilot.press("enter")
    await type_text(pilot, "Second.")
    assert screen.session.status.state is SaveState.UNSAVED
    opened.fake.advance(0.9)  # still typing, as far as the debounce knows
    await app.workers.wait_for_complete()
    assert "strengths-weaknesses" not in saved(app.store, "acme-robotics")["answers"]
    opened.fake.advance(0.2)  # a second after the last key
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.session.status.text == "saved 10:00"
    assert saved(app.store, "acme-robotics")["answers"]["strengths-weaknesses"]["text"] == "Second."
    assert "1 word · ~0:00 (1:30–2:30)" in str(screen.query_one("#answer-status").render())


async def test_tick_and_annotate_the_checklist(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("4")
    await pilot.pause()
    assert screen.side == "checklist" and screen.focused.id == "checklist-list"
    await pilot.press("down", "space")  # services
    await pilot.press("enter")
    await type_text(pilot, "Support plans")
    await pilot.press("ctrl+s")  # a note is multi-line: enter starts a new line
    await pilot.pause()
    assert "2/8 researched" in str(screen.query_one("#research-progress").render())
    await pilot.press("ctrl+q")
    doc = saved(app.store, "acme-robotics")
    assert doc["checklist"]["services"] == {"done": True, "note": "Support plans"}
    assert doc["checklist"]["products"]["done"] is True


async def test_add_choose_and_reorder_questions_to_ask(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("down", "down", "down", "enter")
    assert screen.question_id == "questions-for-us"
    assert screen.focused.id == "asks-list"
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("down", "space", "enter")  # the second remaining starter
    await pilot.pause()
    await pilot.press("n")
    await type_text(pilot, "Who decides?")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("K")  # move "Who decides?" above the starter
    await pilot.press("up", "space")  # un-choose the first ask
    await pilot.press("ctrl+s")
    asks = saved(app.store, "acme-robotics")["asks"]
    assert [a["text"] for a in asks] == [
    "What are the key initiatives?",
    "Who decides?",
    "How do you decide what goes on the roadmap, and who has the final say?",
    ]
    assert [a["chosen"] for a in asks] == [False, True, True]


async def test_add_answer_and_delete_a_custom_question(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("a")
    await type_text(pilot, "Why robots?")
    await pilot.press("enter")
    await pilot.pause()
    assert screen.question_id == "my-why-robots"
    await type_text(pilot, "Since I was 9.")  # straight into its answer: the editor has the focus
    await pilot.press("ctrl+s")
    doc = saved(app.store, "acme-robotics")
    assert doc["custom_questions"] == [{"id": "my-why-robots", "prompt": "Why robots?"}]
    assert doc["answers"]["my-why-robots"]["text"] == "Since I was 9."
    await pilot.press("escape", "d")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    doc = saved(app.store, "acme-robotics")
    assert "custom_questions" not in doc and "my-why-robots" not in doc["answers"]


async def test_pack_questions_cannot_be_deleted(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("d")
    await pilot.pause()
    assert app.screen is screen and screen.question_id == "why-here"


async def test_interview_details_modal(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("i")
    await pilot.pause()
    await pilot.press("tab", "tab", "tab")  # to interviewers
    await type_text(pilot, "Ana, Bo")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.screen is screen
    await pilot.press("ctrl+s")
    company = saved(app.store, "acme-robotics")["company"]
    assert company["interviewers"] == ["Ana", "Bo"]
    assert company["interview_at"].isoformat() == "2026-11-28T15:00:00"


async def test_a_failed_save_keeps_the_text_and_says_so(opened, monkeypatch):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    real_save = app.store.save

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app.store, "save", disk_full)
    await pilot.press("down", "enter")
    await type_text(pilot, "Precious words")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert screen.session.status.text == "not saved: No space left on device"
    assert screen.query_one("#answer", TextArea).text == "Precious words"
    monkeypatch.setattr(app.store, "save", real_save)
    await pilot.press("ctrl+s")
    assert screen.session.status.text == "saved 10:00"
    assert saved(app.store, "acme-robotics")["answers"]["right-fit"]["text"] == "Precious words"


async def test_a_change_on_disk_is_taken_when_we_have_no_edits(opened):
    pilot, screen, store = opened.pilot, opened.screen, opened.store
    path = store.path_for("acme-robotics")
    path.write_text(path.read_text().replace("Your robot arm", "Edited elsewhere"), encoding="utf-8")
    await screen.saver.poll_disk()
    await pilot.pause()
    assert "Edited elsewhere" in screen.query_one("#answer", TextArea).text


async def test_both_sides_changed_keeps_both(opened):
    pilot, screen, store = opened.pilot, opened.screen, opened.store
    path = store.path_for("acme-robotics")
    theirs = path.read_text().replace("Your robot arm", "Edited elsewhere")
    path.write_text(theirs, encoding="utf-8")
    await pilot.press("enter")
    await type_text(pilot, "mine ")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert path.read_text() == theirs
    siblings = list(store.companies.glob("acme-robotics.toml.conflict-*"))
    assert len(siblings) == 1 and "a similar linemine " in siblings[0].read_text()  # the cursor starts at the end
    assert "Edited elsewhere" in screen.query_one("#answer", TextArea).text


async def test_a_broken_file_cannot_be_opened_and_is_untouched(tmp_path):
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    broken = store.path_for("broken")
    broken.write_bytes(b'format = 1\n[company\nname = "X"\n')
    app, seen = make_app(tmp_path), Seen()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "Cannot open broken.toml" in seen
    assert broken.read_bytes() == b'format = 1\n[company\nname = "X"\n'


async def test_rename_and_delete_from_the_picker(tmp_path):
    store = make_store(tmp_path)
    store.create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("e")
        for _ in range(len("Acme Robotics")):
            await pilot.press("backspace")
        await type_text(pilot, "Acme Labs")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.path_for("acme-labs").exists() and not store.path_for("acme-robotics").exists()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert not store.path_for("acme-labs").exists()
    assert len(list(store.trash.glob("acme-labs-*.toml"))) == 1


async def test_help_screen_is_built_from_live_bindings(opened):
    app, pilot = opened.app, opened.pilot
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    text = "\n".join(f"{k} {d}" for _, rows in app.screen.groups for k, d in rows)
    for expected in ("t Tips", "i Details", "c Companies", "Research pane", "Add question"):
        assert expected in text
    await pilot.press("escape")
    assert isinstance(app.screen, PrepareScreen)


async def test_palette_offers_the_screen_actions(opened):
    app, screen = opened.app, opened.screen
    titles = [c.title for c in app.get_system_commands(screen)]
    assert {"Tips (t)", "Details (i)", "Companies (c)", "Add question (a)"} <= set(titles)


async def test_too_small_then_big_enough_again(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    await pilot.press("enter")
    await type_text(pilot, "kept ")
    await pilot.resize_terminal(50, 15)
    await pilot.pause()
    assert isinstance(app.screen, TooSmallScreen)
    assert "Need 40x20" in str(app.screen.query_one("#too-small").render())
    await pilot.resize_terminal(80, 24)
    await pilot.pause()
    assert app.screen is screen
    assert screen.query_one("#answer", TextArea).text.endswith("kept ")


async def test_tips_toggle_and_panes_at_wide_sizes(tmp_path):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_acme(pilot, app)
        assert screen.has_class("-wide")
        tips = screen.query_one("#tips")
        assert tips.display and screen.query_one("#checklist").display
        await pilot.press("t")
        await pilot.pause()
        assert not screen.tips_open and screen.has_class("-tips-hidden")
        assert not tips.display and tips.region.width == 0
        await pilot.press("t")
        await pilot.pause()
        assert screen.tips_open and tips.display and tips.region.width > 0


async def test_external_editor_round_trip(opened, monkeypatch):
    from contextlib import nullcontext

    app, pilot, screen = opened.app, opened.pilot, opened.screen
    monkeypatch.setenv("VISUAL", "sed -i s/robot/ROBOT/")
    monkeypatch.setattr(app, "suspend", lambda: nullcontext())
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert "ROBOT arm" in screen.query_one("#answer", TextArea).text
    assert "ROBOT arm" in saved(app.store, "acme-robotics")["answers"]["why-here"]["text"]
    assert list((app.store.root / "tmp").iterdir()) == []


async def test_every_built_in_theme_renders_the_prepare_screen(opened):
    app, pilot, screen = opened.app, opened.pilot, opened.screen
    themes = sorted(app.available_themes)
    assert len(themes) > 5
    for theme in themes:
        app.theme = theme
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#answer-status").render()


async def test_your_own_question_gets_a_topic_from_its_words_and_o_changes_it(tmp_path):
    from tui.widgets.check_list import CheckList

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        await pilot.press("down", "down", "down", "enter")
        await pilot.press("n")
        await type_text(pilot, "How do design and engineering settle disagreements?")
        await pilot.press("enter")
        await pilot.pause()
        listing = screen.query_one("#asks-list")
        assert "collaboration (auto)" in str(listing.get_option_at_index(1).prompt)
        await pilot.press("n")
        await type_text(pilot, "What would you like a great hire to grow into?")
        await pilot.press("enter")
        await pilot.pause(0.6)
        checks = screen.query_one("#checks", CheckList)
        assert checks.results[0].passed, checks.results[0].message  # strategy, collaboration, challenges
        await pilot.press("o")  # challenges (auto) -> strategy, picked by hand
        await pilot.pause()
        assert str(listing.get_option_at_index(2).prompt).endswith("strategy")
        await pilot.press("ctrl+s")
    assert saved(app.store, "acme-robotics")["asks"][2]["category"] == "strategy"


async def test_enter_on_a_check_shows_its_whole_verdict_above_the_tips(tmp_path):
    """At 80x24 a check's line is cut with "…"; enter on it shows the whole sentence, then the tips."""
    from textual.widgets import Markdown

    from tui.widgets.check_list import CheckList

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_acme(pilot, app)
        checks = screen.query_one("#checks", CheckList)
        screen.set_focus(checks)  # as tab from the editor does: nothing highlighted until focus
        await pilot.pause()
        first = checks.results[0]
        await pilot.press("enter")
        await pilot.pause(0.3)
        shown = screen.query_one("#tips-text", Markdown).source
        assert screen.side == "tips"
        assert shown.startswith(f"> **The coach:** {first.mark} {first.message}")

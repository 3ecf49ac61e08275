"""Issue 22, one test per numbered problem: text from a notes file is shown as written, never as markup.

Each of these failed before the fix: ``[/]`` ended the app with MarkupError, and
``[link=...]``, ``[@click=...]`` and ``[b]`` were applied instead of shown.
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment, Segments
from rich.style import Style
from textual.color import Color

from tests.helpers import acme, make_app, make_store, open_company
from tests.test_mock import mock_company
from tui.core.notes import Ask, CustomQuestion
from tui.dialogs.basic import ConfirmDialog
from tui.screens.help import HelpScreen
from tui.screens.mock import MockScreen
from tui.screens.prepare import PrepareScreen
from tui.widgets.control_filter import ControlFilter

CLOSE = "Why [/] robotics?"
LINK = '[link="https://e.example/\x1b]52;c;UFdORUQ=\x07"]x[/link]'
LINK_SHOWN = '[link="https://e.example/^[]52;c;UFdORUQ=^G"]x[/link]'
CLICK = "[@click=app.quit]Ask me[/]"
BOLD = "[b]bold[/b] claim"


def screen_text(app) -> str:
    """What the top screen shows, as plain text (a modal's own panel, not the screen under it)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with wrapping undone: rows joined, padding and borders dropped."""
    return "".join(ch for ch in text if ch not in " \n│╭╮╰╯─▊▎▔▁")


def links_in(app) -> list[str]:
    """Every hyperlink the screen's widgets render, before the app's line filter could drop it."""
    found = []
    for widget in app.screen.walk_children(with_self=True):
        if not widget.display or not widget.size.area:
            continue
        try:
            strips = widget.render_lines(widget.size.region)
        except Exception:  # noqa: BLE001 - containers without content of their own
            continue
        found += [seg.style.link for strip in strips for seg in strip if seg.style and seg.style.link]
    return found


async def run_mock(pilot, app):
    await open_company(pilot)
    await pilot.press("m")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MockScreen)
    return screen


async def test_1_a_custom_prompt_with_a_closing_tag_runs_the_whole_mock_close(tmp_path):
    company = mock_company()
    company.custom_questions[0] = CustomQuestion("why-robots", CLOSE, {"mock": True})
    company.asks.append(Ask(CLICK, "mine", True))
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await run_mock(pilot, app)
        assert CLOSE in screen_text(app)                  # the ready screen lists the prompts
        seen = []
        while screen.phase == "run" or screen.phase == "ready":
            await pilot.press("space")
            await pilot.pause()
            seen.append(str(screen.query_one("#mk-line").render()))
        assert app.is_running and app.screen is screen and screen.phase == "review"
        assert f"“{CLOSE}”" in seen                      # the prompt, brackets and all
        assert CLICK in seen                              # an ask is an ask, not an action link
        assert "[/]" in str(screen.query_one("#mk-review-text").render())


async def test_1_a_company_name_with_a_closing_tag_opens_and_its_delete_confirmation_shows(tmp_path):
    company = acme("Evil [/] Co")
    company.role = "PM [/]"
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete Evil [/] Co?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_company(pilot)
        assert isinstance(screen, PrepareScreen)
        await pilot.press("question_mark")              # help names the screen by its title
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Keys · Evil [/] Co" in screen_text(app)
        assert app.is_running


async def test_2_and_3_a_link_in_a_custom_question_is_text_and_its_escape_is_visible(tmp_path):
    company = acme()
    company.custom_questions = [CustomQuestion("mine", f"Ask {LINK}?")]
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        screen.question_id = "mine"
        await pilot.pause()
        assert LINK_SHOWN in str(screen.query_one("#prompt").render())
        assert not links_in(app)
        await pilot.press("d")                            # the delete confirmation quotes the prompt
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert flat(LINK_SHOWN) in flat(screen_text(app))
        assert not links_in(app)


async def test_2_a_link_in_an_ask_is_text_in_the_mock_close(tmp_path):
    company = acme()
    company.asks = [Ask(f"Who {LINK}?", "mine", True)]
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await run_mock(pilot, app)
        for _ in range(20):
            if screen.run.ask >= 0 and screen.run.question.asks:
                break
            await pilot.press("space")
            await pilot.pause()
        assert f"Who {LINK_SHOWN}?" == str(screen.query_one("#mk-line").render())
        assert not links_in(app)


async def test_4_bold_and_colour_tags_in_a_question_are_shown_as_typed(tmp_path):
    company = acme()
    company.custom_questions = [CustomQuestion("mine", BOLD, {"mock": True})]
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        screen.question_id = "mine"
        await pilot.pause()
        prompt = screen.query_one("#prompt").render()
        assert str(prompt) == BOLD
        assert not getattr(prompt, "spans", [])          # no style applied from the text


def test_3_the_line_filter_drops_any_link_and_keeps_its_text():
    url = "https://e.example/\x1b]52;c;UFdORUQ=\x07"
    line = [Segment("see ", Style(bold=True)), Segment("here", Style(bold=True, link=url))]
    out = ControlFilter().apply(line, Color(0, 0, 0))
    assert "".join(s.text for s in out) == "see here"
    assert not any(s.style and s.style.link for s in out)
    assert out[1].style is not None and out[1].style.bold
    console = Console(force_terminal=True, color_system="truecolor", width=40)
    with console.capture() as captured:
        console.print(Segments(out), end="")
    written = captured.get()
    assert "\x1b]8" not in written and "52;c" not in written


async def test_a_title_with_brackets_is_shown_as_typed_by_textuals_header(tmp_path):
    """The guard trusts Textual to show titles as plain text: this fails if an upgrade parses them."""
    company = acme("Evil [/] [b]Co[/b]")
    make_store(tmp_path).create(company)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        assert "Evil [/] [b]Co[/b]" in screen_text(app).splitlines()[0]


async def test_a_broken_file_whose_name_holds_markup_is_reported_not_a_crash(tmp_path):
    """The picker's "Cannot open" notice quotes the file's name and the parser's reason: plain text."""
    from tests.helpers import Seen

    folder = tmp_path / "companies"
    folder.mkdir(parents=True)
    (folder / "bad[b]x[@click=app.quit]q[-].toml").write_text('name = "x"\n[[[\n', encoding="utf-8")
    seen = Seen()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        notices = [n for n in seen.notifications if "Cannot open" in n.message]
        assert notices and not notices[0].markup            # shown as written, whatever the parser says
        assert "Cannot open bad[b]x[@click=app.quit]q[-].toml" in notices[0].message

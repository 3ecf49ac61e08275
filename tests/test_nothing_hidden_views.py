"""Issue 24 at 80x24: compare marks what changed (problem 6); the coach never hides the cursor (problem 7)."""

from __future__ import annotations

import copy

from tests.helpers import NOW, acme, make_app, make_store
from tests.test_snapshots import open_first, settle
from tui.core.store import serialize
from tui.core.textdiff import side_by_side
from tui.dialogs.compare import MINE_ONLY, THEIRS_ONLY, CompareScreen

STORY = ("I joined a logistics startup as its second product manager and spent three years building the "
         "carrier platform from a spreadsheet into an API that two hundred partners use every day. ") * 6


def with_one_changed_sentence(tmp_path):
    """~170 words each side; the only difference is the last sentence."""
    store = make_store(tmp_path)
    loaded = store.create(acme())
    loaded.company.set_answer("right-fit", STORY + "That is why I fit.", NOW)
    store.save(loaded.slug, loaded.company, loaded.digest)
    mine = copy.deepcopy(loaded.company)
    mine.set_answer("right-fit", STORY + "That is why I am the right person for this role.", NOW)
    path = store.path_for(loaded.slug)
    path.with_name(f"{path.name}.conflict-20261126-093000").write_bytes(serialize(mine))
    return make_app(tmp_path)


def test_side_by_side_keeps_lines_and_marks_only_changed_words():
    diff = side_by_side("- one\n- two three", "- one\n- two four")
    assert "".join(s.text for s in diff.theirs) == "- one\n- two three"
    assert [s.text for s in diff.theirs if s.changed] == ["three"]
    assert [s.text for s in diff.mine if s.changed] == ["four"]
    assert len(diff.changes) == 1
    assert side_by_side("Same words.", "same words").changes == []


async def test_compare_marks_the_changed_words_and_n_jumps_to_them(tmp_path):
    app = with_one_changed_sentence(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        pair = screen.query(".pair").first()
        table = pair.content
        cells = [c for column in table.columns for c in column._cells]
        styles = {str(span.style) for cell in cells for span in cell.spans}
        assert THEIRS_ONLY in styles and MINE_ONLY in styles
        marked = "".join(cell.plain[span.start:span.end] for cell in cells for span in cell.spans)
        assert "fit" in marked and "right person for this role" in marked and "logistics" not in marked
        scroll = screen.query_one("#diff")
        assert scroll.scroll_y == 0
        await pilot.press("n")
        await pilot.pause()
        target = screen.targets()[0]
        assert scroll.scroll_y > 0 and scroll.scroll_y <= target < scroll.scroll_y + scroll.size.height
        assert "change 1 of 1" in str(screen.query_one("#compare-keys").render())


def test_compare_at_80_with_a_marked_difference(snap_compare, tmp_path):
    async def run(pilot):
        await open_first(pilot)
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(with_one_changed_sentence(tmp_path), terminal_size=(80, 24), run_before=run)


async def test_the_coach_growing_keeps_the_cursor_line_in_view(tmp_path):
    """Problem 7: a second after a paste the coach grew from one line to six and the cursor went below."""
    from textual import events

    from tests.helpers import FakeClock, open_company

    company = acme()
    company.answers.pop("why-here")
    make_store(tmp_path).create(company)
    fake = FakeClock()
    app = make_app(tmp_path, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("enter")
        await pilot.pause()
        editor = screen.query_one("#answer")
        checks = screen.query_one("#checks")
        before = checks.outer_size.height
        text = "\n".join(f"- Point {n}: we grew the carrier network by {n * 10}% in one quarter" for n in range(1, 12))
        editor.post_message(events.Paste(text))
        await pilot.pause()
        fake.advance(2)
        await pilot.pause()
        await pilot.pause()
        assert checks.outer_size.height > before + 2  # the coach did grow
        row = editor.cursor_location[0]
        top = editor.scroll_y
        assert top <= editor.wrapped_document.location_to_offset(editor.cursor_location).y < top + editor.scrollable_content_region.height, (row, top)


async def test_a_notice_covers_only_the_footer_row_at_80x24(tmp_path):
    """Problem 9: a toast covered the status line in Prepare and five rows of the review."""
    from textual.widgets._toast import Toast

    from tests.helpers import open_company

    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_company(pilot)
        app.notify("Saved a copy beside the file.", title="Conflict")
        for _ in range(5):
            await pilot.pause()
        toast = app.screen.query_one(Toast)
        status = screen.query_one("#answer-status")
        assert toast.region.height == 1 and toast.region.y == 23, toast.region
        assert not toast.region.overlaps(status.region)
        assert "Conflict: Saved a copy" in str(toast.render())


async def test_two_notices_take_one_row_the_newest_then_the_older_again(tmp_path):
    """Two notices at once ("Demo: …" then "Saved.") covered the two rows above the footer."""
    from tests.helpers import open_company
    from tests.test_nothing_hidden_layout import _screen_text

    demo = "Demo: /tmp/finale-demo-x, deleted on quit; your notes are untouched."
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_company(pilot)
        before = _screen_text(app)[:23]
        app.notify(demo, timeout=30)
        for _ in range(3):  # on screen before the next one comes, as when the user saves
            await pilot.pause()
        app.notify("Saved.", timeout=0.3)
        for _ in range(5):
            await pilot.pause()
        screen = _screen_text(app)
        assert screen[23].strip("▌ ") == "Saved." and screen[:23] == before, screen[-3:]
        await pilot.pause(0.6)
        screen = _screen_text(app)
        assert screen[23].strip("▌ ") == demo and screen[:23] == before, screen[-3:]


async def test_compare_headings_line_up_and_neither_side_looks_deleted(tmp_path):
    """Walk #12: the headings' rule was a column right of the text's; the file's words were struck."""
    app = with_one_changed_sentence(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        heads, pair = screen.query_one(".heads"), screen.query(".pair").first()
        assert (heads.content_region.x, heads.content_region.width) == (pair.content_region.x, pair.content_region.width)
        cells = [c for column in pair.content.columns for c in column._cells]
        assert not [span for cell in cells for span in cell.spans if "strike" in str(span.style)]
        assert "Underlined: only on that side" in str(screen.query_one("#compare-keys").render())

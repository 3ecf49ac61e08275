"""Issue 24: the answer editor shows which words are talking points; the rest shows dim."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import NOW, FakeClock, acme, make_app, make_store, open_company
from tui.core.speech import BULLET, point_columns, talking_points

WHY = ("I have spent eight years moving freight. Honestly it was fun.\n"
       "- Your robot arm leads the market\n"
       "- I scaled a similar line at Globex\n"
       "some plain words that say little\n"
       "That is why Acme, and why now.")


def _marked(lines: list[str]) -> dict[int, str]:
    return {row: " | ".join(lines[row][a:b] for a, b in spans) for row, spans in point_columns(lines).items()}


def test_bullets_count_whole_and_plain_lines_only_where_they_hold_a_figure_or_a_name():
    lines = WHY.splitlines()
    assert _marked(lines) == {0: "I have spent eight years moving freight.", 1: lines[1], 2: lines[2],
                              4: "That is why Acme, and why now."}


def test_without_bullets_first_sentences_and_figures_are_marked_across_lines():
    lines = ["I like building products. It was hard", "work. We cut integration time", "by 35%.", "",
             "  My weakness is detail.  I am on it."]
    assert point_columns(lines) == {0: [(0, 25)], 1: [(6, 29)], 2: [(0, 7)], 4: [(2, 24)]}
    assert talking_points("\n".join(lines)) == ["I like building products.", "We cut integration time by 35%.",
                                                "My weakness is detail."]


LINE = st.lists(st.sampled_from(["- ", "* ", "• ", "1. ", "2) ", "1.", "I", "we", "led", "Globex", "35%", "eight", "team.", "it!", "Dr.",
                                 "x?", "“so.”", " ", "  ", "\t"]), max_size=10).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=8))
def test_the_marks_are_the_talking_points(lines):
    """The marked words, in order, are the talking points' words: nothing dim is kept, nothing kept is dim."""
    columns = point_columns(lines)
    words = []
    for row in sorted(columns):
        for a, b in columns[row]:
            bullet = BULLET.match(lines[row]) if (a, b) == (0, len(lines[row])) else None
            words += (bullet.group(1) if bullet else lines[row][a:b]).split()
    assert words == " ".join(talking_points("\n".join(lines))).split()


def _colors(editor, row: int) -> set:
    """The foreground colours (and faintness) of the visible text on one screen row of the editor."""
    return {(seg.style.color, bool(seg.style.dim)) for seg in editor.render_line(row) if seg.text.strip() and seg.style}


async def test_the_editor_shows_what_is_not_a_talking_point_dim(tmp_path):
    company = acme()
    company.set_answer("why-here", WHY, NOW)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        editor = app.screen.query_one("#answer")
        await pilot.pause()
        bullet, plain_line = _colors(editor, 2), _colors(editor, 4)
        assert len(bullet) == 1 and len(plain_line) == 1 and bullet != plain_line, (bullet, plain_line)
        # One line holding a kept sentence, then a dropped one, soft-wrapped between the two.
        assert _colors(editor, 0) == bullet and _colors(editor, 1) == plain_line

        # On the cursor's line too, where the theme's cursor-line colour is laid over the text.
        editor.focus()
        editor.move_cursor((3, len("some plain words")))
        await pilot.pause()
        assert _colors(editor, 4).isdisjoint(bullet | _colors(editor, 5)), (_colors(editor, 4), bullet)

        # A figure typed into the dropped line makes it a talking point at once.
        await pilot.press("space", "3", "0")
        await pilot.pause()
        assert _colors(editor, 4) == bullet

        # A selection still shows over the dim text.
        editor.select_all()
        await pilot.pause()
        backgrounds = {seg.style.bgcolor for seg in editor.render_line(1) if seg.text.strip()}
        assert len(backgrounds) == 1 and backgrounds != {None}

        # A wrapped line below another wrapped line: each row is marked for the words it shows.
        editor.load_text("- one bullet\n" + "Plain words go on and on here without any figure at all, for a while. "
                         "Then we grew revenue by forty percent in a year.")
        await pilot.pause()
        rows = [" ".join(seg.text for seg in editor.render_line(y)).strip() for y in range(4)]
        dim = {y: _colors(editor, y) == plain_line for y in range(4)}
        assert rows[1].startswith("Plain words") and dim[1], rows
        last = next(y for y in range(4) if "percent" in rows[y])
        assert not dim[last] and not dim[0], (rows, dim)

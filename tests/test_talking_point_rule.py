"""What counts as a talking point (walk findings #7 #13 #24 #25) and what a typed recall covers (#21)."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import NOW, FakeClock, acme, make_app, make_store, open_company
from tui.core.conflicts import keep_both, separator
from tui.core.notes import Company
from tui.core.schedule import missing_figures, recall_marks
from tui.core.speech import point_columns, talking_points

PASTED = ("Three reasons I fit.\n"
          "1. eight years shipping robotics software into hospitals\n"
          "2) grew installs from fourteen sites to many\n"
          "• cut onboarding time for nurses\n"
          "* work closely with ward managers\n"
          "Thanks.")


def test_numbered_and_dotted_lists_are_bullets_one_point_a_line():
    """Walk #24: "1." was a point alone, "2." glued to the point before, three lines merged into one."""
    assert talking_points(PASTED) == ["Three reasons I fit.", "eight years shipping robotics software into hospitals",
                                      "grew installs from fourteen sites to many", "cut onboarding time for nurses",
                                      "work closely with ward managers"]
    lines = PASTED.splitlines()
    assert point_columns(lines) == {0: [(0, 20)], 1: [(0, len(lines[1]))], 2: [(0, len(lines[2]))],
                                    3: [(0, len(lines[3]))], 4: [(0, len(lines[4]))]}


def test_a_marker_alone_on_its_line_is_never_a_point():
    assert talking_points("Why me.\n1.\n- led 40 people\n2)\n•") == ["Why me.", "led 40 people"]


def _kept_both(theirs: str, mine: str, at: datetime) -> str:
    """The answer as `B` (keep both) in the conflict dialog writes it."""
    companies = [Company(name="Acme", role="PM"), Company(name="Acme", role="PM")]
    for company, text in zip(companies, (theirs, mine), strict=True):
        company.set_answer("why-here", text, at)
    return keep_both(*companies, at).answer_text("why-here")


def test_the_keep_both_separator_is_never_a_point():
    """Walk #13: the separator holds a date, so it counted as a sentence with a figure."""
    at = datetime(2026, 12, 5, 2, 39)
    prose = _kept_both("I led product at Globex.\n", "I led product at Globex for 6 years.\n", at)
    assert separator(at) in prose
    assert talking_points(prose) == ["I led product at Globex.", "I led product at Globex for 6 years."]
    listed = _kept_both("- shipped in 2024\n", "- shipped 3 releases in 2024\n", at)
    assert talking_points(listed) == ["shipped in 2024", "shipped 3 releases in 2024"]
    row = listed.splitlines().index(separator(at))
    assert row not in point_columns(listed.splitlines())  # so the editor shows it dim


def test_the_headline_counts_with_bullets_too():
    """Walk #25 (the lead's decision): the answer's first sentence is always a talking point."""
    text = ("I make hospital robots boring, in the best way. It works.\n- shipped ward software for eight years\n"
            "- cut onboarding for nurses\nThat is why Aurelian.")
    assert talking_points(text) == ["I make hospital robots boring, in the best way.",
                                    "shipped ward software for eight years", "cut onboarding for nurses",
                                    "That is why Aurelian."]
    assert talking_points("\n  \n- first\nplain words here.") == ["first"]


def test_mixed_case_names_and_spelled_quantities_count():
    """Walk #7: "iOS", "eBay" are names; "by half" is a figure, as the coach already reads them."""
    text = ("Revenue tripled. I partnered with Zoë Ødegaard. We moved to iOS and eBay. It took a while. "
            "Costs fell by half. eBay liked it. We met weekly.")
    assert talking_points(text) == ["Revenue tripled.", "I partnered with Zoë Ødegaard.", "We moved to iOS and eBay.",
                                    "Costs fell by half.", "eBay liked it."]


def test_a_recall_names_the_figures_it_left_out_or_got_wrong():
    """Walk #21: "three" for "two" and "doubled" left out were ticks; figures said otherwise are fine."""
    assert missing_figures("I led product at two robotics companies.", "I led product at three") == ["two"]
    assert missing_figures("The customer doubled its order.", "the customer renewed") == ["doubled"]
    assert missing_figures("Retention rose by 25% in 2019, 30 sites.", "25 percent retention at thirty sites") == []
    assert missing_figures("Two teams.", "2 teams") == []
    marks = recall_marks(["We grew to 30 sites", "Unrelated words entirely"], "we grew to 40 sites")
    assert marks == [("We grew to 30 sites", True, ["30"]), ("Unrelated words entirely", False, [])]


WORD = st.sampled_from(["led", "Globex", "35%", "eight", "team.", "it!", "Dr.", "x?", "iOS", "half", "we", "so"])
MARKER = st.sampled_from(["- ", "* ", "• ", "– ", "1. ", "12) ", "  3. "])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(MARKER, st.lists(WORD, min_size=1, max_size=6)), min_size=1, max_size=8))
def test_every_line_of_a_list_is_exactly_one_point_and_no_word_is_lost_or_merged(items):
    lines = [marker + " ".join(words) for marker, words in items]
    assert talking_points("\n".join(lines)) == [" ".join(words) for _, words in items]


async def test_the_empty_answers_placeholder_states_the_whole_rule(tmp_path):
    """Walk #20: it said only "Lines starting with - become your talking points"."""
    company = acme()
    company.set_answer("why-here", "", NOW)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.pause()
        placeholder = str(app.screen.query_one("#answer").placeholder)
        for part in ("1.", "first sentence", "each paragraph", "figure or a name", "dim is left out of the brief"):
            assert part in placeholder, (part, placeholder)

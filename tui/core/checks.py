"""The answer coach: each pack check run against what the user wrote, offline and instantly.

Checks run on every pause in typing. The answer is read once into word forms
(tui/core/words.py) and every check looks words up in that index, so a
5,000-word answer is checked in milliseconds (benchmarks/ measures it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from tui.core import check_scope as scope
from tui.core import reading
from tui.core import words as w
from tui.core.ask_topics import ask_topic
from tui.core.notes import Ask, Company
from tui.core.packs import Catalog, Check, Question
from tui.core.progress import questions_for, readiness_text
from tui.core.research import (
    chunk_mates,
    competitors,
    measures,
    name_groups,
    names_and_numbers,
    phrases_used,
    research_words,
    used_research,
)
from tui.core.research import stems_of as _stems_of
from tui.core.speech import DEFAULT_WPM, HUGE_WORDS, band, is_huge, speaking_seconds, target_text, word_count
from tui.core.timefmt import mmss

# Rehearsal's recall matching (schedule.covered_points) still uses these.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
let me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves i'm i've i'd i'll it's
we're they're don't can't won't isn't aren't was wasn't want really think lot make made get got
like well new many much one two also way use used using work working
""".split())
# Words that name a kind of company rather than this company.
GENERIC_NAME_WORDS = frozenset("""
inc inc. incorporated ltd ltd. limited llc plc gmbh ag sa co co. corp corp. corporation company
group holdings the and of labs lab technologies technology tech systems solutions software
""".split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
class CheckResult(NamedTuple):
    question: str
    check: Check
    passed: bool
    message: str
    no_answer: bool = False  # failed only because there is nothing to check yet

    @property
    def mark(self) -> str:
        return "✓" if self.passed else "✗"


class CheckContext(NamedTuple):
    """What checks need besides the answer: the company, the research notes, the chosen asks."""

    company_name: str
    role: str = ""
    notes: Mapping[str, str] = MappingProxyType({})
    labels: Mapping[str, str] = MappingProxyType({})
    asks: Sequence[Ask] = ()
    wpm: int = DEFAULT_WPM

    @classmethod
    def of(cls, catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM) -> CheckContext:
        return cls(
            company_name=company.name,
            role=company.role,
            notes={item.id: company.entry(item.id).note for item in catalog.checklist},
            labels={item.id: item.label for item in catalog.checklist},
            asks=list(company.asks),
            wpm=wpm,
        )


def _normal(text: str) -> str:
    return text.replace("’", "'")


@lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words, any case, any run of white space between its words."""
    words = [re.escape(w) for w in _normal(phrase).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _is_wide(token: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in token)


@lru_cache(maxsize=64)
def _name_patterns(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Patterns that find the company in an answer, each with a word it cannot match without.

    The whole name matches in any case. A distinctive word of it matches as
    the name spells it, so "Square" counts but "a square peg" does not; a name
    typed all in lowercase matches in any case. Scripts without spaces
    between words (Chinese, Japanese) match as plain substrings.
    """
    tokens = _WORD.findall(_normal(name))
    # A one-word name is handled by the spelling rule below, or "square" would count.
    patterns = [(_phrase_pattern(name), tokens[0].casefold())] if len(tokens) > 1 else []
    for token in tokens:
        if token.casefold() in GENERIC_NAME_WORDS or len(token) < 2:
            continue
        if _is_wide(token):
            patterns.append((re.compile(re.escape(token)), token.casefold()))
            continue
        flags = re.IGNORECASE if token == token.lower() else 0
        variants = {re.escape(token), re.escape(token.upper())}
        patterns.append((re.compile(r"(?<!\w)(?:" + "|".join(sorted(variants)) + r")(?!\w)", flags), token.casefold()))
    return tuple(patterns)


def distinctive_words(text: str) -> set[str]:
    """Lowercase content words, with a plural "s" dropped, so "robots" meets "robot"."""
    out = set()
    for word in _WORD.findall(_normal(text).casefold()):
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOP_WORDS or (len(word) < 3 and not word.isdigit()):
            continue
        out.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return out


def _quoted(items: list[str]) -> str:
    """“a”, “b” and “c”."""
    quoted = [f"“{item}”" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _found_text(doc: w.Text, found: dict[str, list[tuple[int, int]]], limit: int = 4) -> str:
    """The words as the user wrote them, in the order they appear."""
    spans = sorted(spans[0] for spans in found.values())
    return _quoted([w.quote(doc, span) for span in spans[:limit]])


def _length(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    return _length_verdict(question, doc.words, ctx)


def _length_verdict(question: Question, words: int, ctx: CheckContext) -> tuple[bool, str]:
    # The verdict and the time shown use the same whole seconds, so they never disagree.
    seconds = round(speaking_seconds(words, ctx.wpm))
    low, high = question.target_seconds
    where = band(seconds, question.target_seconds)
    guide = f"finale's guide of {target_text(question.target_seconds)}"
    if where == "in":
        return True, f"Right length: about {mmss(seconds)} spoken, inside {guide}."
    if where == "under":
        more = max(1, -(-(low - seconds) * ctx.wpm // 60))
        return False, (f"Too short: about {mmss(seconds)} spoken, under {guide}. "
                       f"Add about {more} words: a result, or what you would bring to them.")
    fewer = max(1, -(-(seconds - high) * ctx.wpm // 60))
    return False, (f"Too long: about {mmss(seconds)} spoken, over {guide}. "
                   f"Cut about {fewer} words: keep the one example that matters most.")


def _mentions_company(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    folded = doc.folded  # joined from the sentences' cached folds: casefolding 30 KB is the slow part
    own = {t.casefold() for t in _WORD.findall(_normal(ctx.company_name))}
    for pattern, word in _name_patterns(ctx.company_name):
        if word not in folded:
            continue  # a plain substring test first: the regex scan is the slow part on a long answer
        for found in pattern.finditer(text):
            if " " in found.group(0).strip() or not _in_other_name(text, found.start(), found.end(), own):
                return True, f"Names the company: “{found.group(0)}”."
    return False, check.message.replace("{company}", ctx.company_name)


_BESIDE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BEFORE = re.compile(r"([^\W_]+(?:['’][^\W_]+)*) $")


def _in_other_name(text: str, start: int, end: int, own: set[str]) -> bool:
    """A word of the company's name inside another name: "Freight" in "Ridgeway Freight" is not "Tidewater Freight"."""
    before = _BEFORE.search(text[max(0, start - 40):start])  # only a word right before it, one space apart
    after = _BESIDE.match(text, end + 1) if text[end:end + 1] == " " else None
    near = ([before.group(1)] if before else []) + ([after.group(0)] if after else [])
    return any(word[:1].isupper() and word.casefold() not in own and word.casefold() not in GENERIC_NAME_WORDS
               and word.casefold() not in STOP_WORDS for word in near)


def _known_stems(question: Question, role: str, company: str) -> frozenset[str]:
    """Words the user did not have to research: the question, its tips, the role, the name."""
    parts = [question.prompt, question.why_they_ask, role, company]
    parts += [t.title + " " + t.body for t in question.tips]
    return _stems_of("\n".join(parts))


def _uses_research(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    items = list(check.params.get("items", []))
    wanted = int(check.params.get("min", 1))
    labels = ", ".join(ctx.labels.get(i, i) for i in items)
    notes = "\n".join(ctx.notes.get(item, "") for item in items)
    if not notes.strip():
        return False, f"Research first: add notes on {labels} in the checklist."
    name = _stems_of(ctx.company_name)
    known = _known_stems(question, ctx.role, ctx.company_name)
    research = research_words(notes, known, _stems_of(" ".join(check.params.get("ordinary", []))),
                              _stems_of(ctx.company_name + "\n" + ctx.role))
    if not research:
        return False, f"Your notes on {labels} hold no specific facts yet: add names, numbers, products."
    rivals = competitors("\n".join(ctx.notes.values()), name)
    used = used_research(doc, research, rivals, measures(notes), name_groups(notes), names_and_numbers(notes),
                         scope.speaks_of_them(doc, ctx) if check.params.get("about_them", False) else None,
                         chunk_mates(notes) if check.params.get("together", False) else None,
                         scope.speaks_of_them(doc, ctx, clause_only=True))
    if check.params.get("together", False):
        used.words.extend(phrases_used(doc, notes, used.words))
    said = scope.rival_praise(doc, check, ctx, used.rivals)
    if len(used.words) >= wanted:
        return True, f"Uses your research: {_quoted(used.words[:5])}.{said}"
    unused = [word for stem_, word in research.items() if stem_ not in doc.where and stem_ not in rivals][:3]
    so_far = f" So far {len(used.words)} of {wanted}{': ' + _quoted(used.words) if used.words else ''}." if wanted > 1 else ""
    bare = f" {_quoted(used.bare_figures[:2])} needs what it measures, as in your notes." if used.bare_figures else ""
    hint = f" From your notes: {_quoted(unused)}." if unused else ""
    return False, f"{check.message}{so_far}{bare}{said}{hint}"


def _includes_any(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    wanted = int(check.params.get("min", 1))
    found = w.found_entries(doc, list(check.params.get("words", [])))
    ordinary = next((c.params["ordinary"] for c in question.checks if "ordinary" in c.params), ())
    found = scope.keep(found, scope.reader(doc, check, ctx, ordinary, question.prompt))
    spoilers = w.found_entries(doc, list(check.params.get("unless", [])))
    if spoilers:
        return False, f"{check.message} {_found_text(doc, spoilers)} does not count here."
    label = str(check.params.get("found", "Found"))
    read_as = scope.part_note(doc, check)
    if len(found) >= wanted:
        return True, f"{label}: {_found_text(doc, found)}.{read_as}"
    so_far = f" So far only {_found_text(doc, found)}." if found else ""
    return False, check.message + so_far + read_as


def _has_number(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    idioms = {i for spans in w.found_entries(doc, list(check.params.get("idioms", []))).values()
              for first, last in spans for i in range(first, last + 1)} if doc.figures else set()
    future = w.future_sentences(doc) if doc.figures else set()
    figures = [f for f in doc.figures if f not in idioms and doc.sentence[f] not in future
               and not reading.not_an_amount(doc, f)]
    if not figures:
        return False, check.message
    i = reading.weightiest_figure(doc, text, figures)
    start = i - 1 if i and doc.lower[i - 1] in ("a", "an") else i
    shown = w.quote(doc, (start, i))
    money = next((mark for mark in "$£€¥" if mark + shown in text), "")
    return True, f"Backs it with a figure: “{money}{shown}{'%' if shown + '%' in text else ''}”."


def _past_event(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    part = scope.part_positions(doc, check)
    sentences = None if part is None else {doc.sentence[i] for i in part}
    found = w.past_events(doc, list(check.params.get("markers", [])), _stems_of(ctx.company_name),
                          sentences, lambda i: reading.subject_of(doc, i) != "other")
    label = str(check.params.get("found", "Tells what happened"))
    read_as = scope.part_note(doc, check)
    if found:
        return True, f"{label}: {_quoted(found[:3])}.{read_as}"
    return False, check.message + read_as


def _avoid(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    allowed = int(check.params.get("max", 0))
    quantity = {w.phrase(word) for word in check.params.get("not_before_quantity", [])}
    kinds = {w.phrase(word) for word in check.params.get("not_after_determiner", [])}

    def hedge(entry: str, span: tuple[int, int]) -> bool:
        if w.phrase(entry) in quantity and reading.before_quantity(doc, span[0]):
            return False
        return not (w.phrase(entry) in kinds and reading.after_determiner(doc, span[0]))

    found = {e: kept for e, spans in w.found_entries(doc, list(check.params.get("words", []))).items()
             if (kept := [p for p in spans if hedge(e, p)])}
    said: dict[str, int] = {}  # the hedges as the user wrote them, so "I'm fairly sure" is shown, not the pack's entry
    taken: set[int] = set()  # "I think I could" is one hedge, not it and "I think"
    for span in sorted((s for spans in found.values() for s in spans), key=lambda s: (s[0], -s[1])):
        if span[0] in taken or span[1] in taken:
            continue
        taken.update(range(span[0], span[1] + 1))
        quoted = w.quote(doc, span).lower()
        said[quoted] = said.get(quoted, 0) + 1
    total = sum(said.values())
    if total <= allowed:
        return True, "No hedges or fillers." if not total else f"One filler ({_found_text(doc, found)}), within the limit."
    listing = ", ".join(f"“{word}” ×{n}" for word, n in sorted(said.items(), key=lambda kv: (-kv[1], kv[0])))
    return False, f"{check.message} Read as hedges: {listing}."


def _asks_chosen(question: Question, doc: w.Text, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    chosen = [a for a in ctx.asks if a.chosen and a.text.strip()]
    wanted = int(check.params.get("min", 1))
    problems = []
    if len(chosen) < wanted:
        problems.append(f"{len(chosen)} of {wanted} chosen")
    covered = {ask_topic(a, check) for a in chosen} - {""}
    missing = [c for c in check.params.get("categories", []) if c not in covered]
    if missing:
        problems.append(f"none on {' or '.join(missing)}")
    unasked = sum(1 for a in chosen if not a.text.rstrip().endswith("?"))
    if unasked:
        problems.append(f"{unasked} without a question mark")
    if problems:
        return False, f"{check.message} So far: {'; '.join(problems)}."
    order = [c for c in check.params.get("categories", []) if c in covered]
    return True, f"Questions to ask: {len(chosen)} chosen, on {', '.join(order[:-1]) + ' and ' + order[-1] if len(order) > 1 else ''.join(order) or 'your topics'}."


KINDS = {
    "length": _length,
    "mentions_company": _mentions_company,
    "uses_research": _uses_research,
    "includes_any": _includes_any,
    "has_number": _has_number,
    "avoid": _avoid,
    "past_event": _past_event,
    "asks_chosen": _asks_chosen,
}


_ANSWER_UNREAD = frozenset({"asks_chosen"})


def run_checks(question: Question, text: str, ctx: CheckContext) -> list[CheckResult]:
    """Every check of ``question`` on ``text``. An empty answer passes none.

    A huge answer (a pasted log) gets its length checked and nothing else:
    scanning megabytes for research words on every refresh froze the screen.
    """
    if is_huge(text):
        return [
            CheckResult(question.id, check, *(_length_verdict(question, word_count(text), ctx) if check.kind == "length"
                                              else (False, f"{check.message.replace('{company}', ctx.company_name)} "
                                                       f"(not checked: over {HUGE_WORDS:,} words)")))
            for check in question.checks
        ]
    text = _normal(text)
    empty = not text.strip()
    # The asks check reads the asks, not the answer: a long answer need not be read for it.
    doc = w.analyse(text if any(check.kind not in _ANSWER_UNREAD for check in question.checks) else "")
    results = []
    for check in question.checks:
        if empty and check.kind != "asks_chosen":
            passed, message = False, f"{check.message} (no answer yet)"
        else:
            passed, message = KINDS[check.kind](question, doc, text, check, ctx)
        results.append(CheckResult(question.id, check, passed, message, empty and check.kind != "asks_chosen"))
    return results


class Readiness(NamedTuple):
    passed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.passed / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{self.passed}/{self.total}"

    @property
    def text(self) -> str:
        return readiness_text(self.passed, self.total)


def company_results(catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM) -> list[CheckResult]:
    ctx = CheckContext.of(catalog, company, wpm)
    return [r for q in questions_for(catalog, company) for r in run_checks(q, company.answer_text(q.id), ctx)]


def company_readiness(catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM,
                      results: list[CheckResult] | None = None) -> Readiness:
    """Checks passed over every question, plus research items done (from ``results`` when already run)."""
    if results is None:
        results = company_results(catalog, company, wpm)
    items = [c.id for c in catalog.checklist]
    return Readiness(sum(r.passed for r in results) + company.researched(items), len(results) + len(items))

"""The answer coach: each pack check run against what the user wrote, offline and instantly.

Checks run on every pause in typing, so everything here is a handful of
precompiled regular expressions over the text (benchmarks/ measures a
5,000-word answer).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.notes import Ask, Company
from tui.core.packs import Catalog, Check, Question
from tui.core.progress import questions_for
from tui.core.speech import DEFAULT_WPM, HUGE_WORDS, band, is_huge, speaking_seconds, target_text, word_count
from tui.core.timefmt import mmss

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
NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "hundreds thousand thousands million millions billion billions dozen dozens percent double "
    "doubled triple tripled halved twice"
).split()

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FIGURE = re.compile(r"\d|(?<!\w)(?:" + "|".join(NUMBER_WORDS) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class CheckResult:
    question: str
    check: Check
    passed: bool
    message: str

    @property
    def mark(self) -> str:
        return "✓" if self.passed else "✗"


@dataclass
class CheckContext:
    """What checks need besides the answer: the company, the research notes, the chosen asks."""

    company_name: str
    notes: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    asks: list[Ask] = field(default_factory=list)
    wpm: int = DEFAULT_WPM

    @classmethod
    def of(cls, catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM) -> "CheckContext":
        return cls(
            company_name=company.name,
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
def _name_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """Patterns that find the company in an answer.

    The whole name matches in any case. A distinctive word of it matches as
    the name spells it, so "Square" counts but "a square peg" does not; a name
    typed all in lowercase matches in any case. Scripts without spaces
    between words (Chinese, Japanese) match as plain substrings.
    """
    tokens = _WORD.findall(_normal(name))
    # A one-word name is handled by the spelling rule below, or "square" would count.
    patterns = [_phrase_pattern(name)] if len(tokens) > 1 else []
    for token in tokens:
        if token.casefold() in GENERIC_NAME_WORDS or len(token) < 2:
            continue
        if _is_wide(token):
            patterns.append(re.compile(re.escape(token)))
            continue
        flags = re.IGNORECASE if token == token.lower() else 0
        variants = {re.escape(token), re.escape(token.upper())}
        patterns.append(re.compile(r"(?<!\w)(?:" + "|".join(sorted(variants)) + r")(?!\w)", flags))
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


@lru_cache(maxsize=256)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """All phrases in one alternation, so a long answer is scanned once per check, not once per phrase."""
    parts = []
    for phrase in sorted((p for p in phrases if p.split()), key=len, reverse=True):
        words = _normal(phrase).split()
        # \b is the fast whole-word edge, but only means that next to a word character.
        start = r"\b" if re.match(r"\w", words[0]) else r"(?<!\w)"
        end = r"\b" if re.search(r"\w$", words[-1]) else r"(?!\w)"
        parts.append(start + r"\s+".join(re.escape(w) for w in words) + end)
    return re.compile("|".join(parts) if parts else r"(?!)", re.IGNORECASE)


def _count(phrases: list[str], text: str) -> dict[str, int]:
    """How often each phrase occurs as whole words, any case."""
    key = {" ".join(_normal(p).casefold().split()): p for p in phrases}
    counts: dict[str, int] = {}
    for found in _phrases_pattern(tuple(phrases)).finditer(text):
        phrase = key.get(" ".join(found.group(0).casefold().split()))
        if phrase is not None:
            counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def _length(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    seconds = speaking_seconds(word_count(text), ctx.wpm)
    where = band(seconds, question.target_seconds)
    detail = f"~{mmss(seconds)} spoken, target {target_text(question.target_seconds)}"
    if where == "in":
        return True, detail
    return False, f"{check.message} ({detail}: {'too short' if where == 'under' else 'too long'})"


def _mentions_company(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    for pattern in _name_patterns(ctx.company_name):
        found = pattern.search(text)
        if found:
            return True, f"Names the company (“{found.group(0)}”)"
    return False, check.message


def _uses_research(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    items = list(check.params.get("items", []))
    wanted = int(check.params.get("min", 1))
    research = set()
    for item in items:
        research |= distinctive_words(ctx.notes.get(item, ""))
    if not research:
        labels = ", ".join(ctx.labels.get(i, i) for i in items)
        return False, f"Research first: add notes on {labels} in the checklist."
    shared = sorted(research & distinctive_words(text))
    if len(shared) >= wanted:
        return True, f"Uses your research: {', '.join(shared[:5])}"
    return False, f"{check.message} ({len(shared)} of {wanted} research words used)"


def _includes_any(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    wanted = int(check.params.get("min", 1))
    found = _count(list(check.params.get("words", [])), text)
    if len(found) >= wanted:
        return True, f"Has {', '.join(sorted(found)[:4])}"
    return False, check.message + (f" ({len(found)} of {wanted})" if wanted > 1 else "")


def _has_number(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    found = _FIGURE.search(text)
    if found:
        return True, "Backs it with a figure"
    return False, check.message


def _avoid(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    allowed = int(check.params.get("max", 0))
    found = _count(list(check.params.get("words", [])), text)
    total = sum(found.values())
    if total <= allowed:
        return True, "No hedges or fillers" if not total else f"Few hedges ({total})"
    listing = ", ".join(f"“{w}” ×{n}" for w, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))
    return False, f"{check.message} Found {listing}."


def _asks_chosen(question: Question, text: str, check: Check, ctx: CheckContext) -> tuple[bool, str]:
    chosen = [a for a in ctx.asks if a.chosen and a.text.strip()]
    wanted = int(check.params.get("min", 1))
    problems = []
    if len(chosen) < wanted:
        problems.append(f"{len(chosen)} of {wanted} chosen")
    covered = {a.category for a in chosen}
    missing = [c for c in check.params.get("categories", []) if c not in covered]
    if missing:
        problems.append(f"none on {', '.join(missing)}")
    unasked = sum(1 for a in chosen if not a.text.rstrip().endswith("?"))
    if unasked:
        problems.append(f"{unasked} without a question mark")
    if problems:
        return False, f"{check.message} ({'; '.join(problems)})"
    return True, f"{len(chosen)} chosen, covering {', '.join(sorted(covered))}"


KINDS = {
    "length": _length,
    "mentions_company": _mentions_company,
    "uses_research": _uses_research,
    "includes_any": _includes_any,
    "has_number": _has_number,
    "avoid": _avoid,
    "asks_chosen": _asks_chosen,
}


def run_checks(question: Question, text: str, ctx: CheckContext) -> list[CheckResult]:
    """Every check of ``question`` on ``text``. An empty answer passes none.

    A huge answer (a pasted log) gets its length checked and nothing else:
    scanning megabytes for research words on every refresh froze the screen.
    """
    if is_huge(text):
        return [
            CheckResult(question.id, check, *(KINDS["length"](question, text, check, ctx) if check.kind == "length"
                                              else (False, f"{check.message} (not checked: over {HUGE_WORDS:,} words)")))
            for check in question.checks
        ]
    text = _normal(text)
    empty = not text.strip()
    results = []
    for check in question.checks:
        if check.kind == "asks_chosen":
            passed, message = KINDS[check.kind](question, text, check, ctx)
        elif empty:
            passed, message = False, f"{check.message} (no answer yet)"
        else:
            passed, message = KINDS[check.kind](question, text, check, ctx)
        results.append(CheckResult(question.id, check, passed, message))
    return results


@dataclass(frozen=True)
class Readiness:
    passed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.passed / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{self.passed}/{self.total}"


def company_results(catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM) -> list[CheckResult]:
    ctx = CheckContext.of(catalog, company, wpm)
    return [r for q in questions_for(catalog, company) for r in run_checks(q, company.answer_text(q.id), ctx)]


def company_readiness(catalog: Catalog, company: Company, wpm: int = DEFAULT_WPM) -> Readiness:
    """Checks passed over every question, plus research items done."""
    results = company_results(catalog, company, wpm)
    items = [c.id for c in catalog.checklist]
    return Readiness(sum(r.passed for r in results) + company.researched(items), len(results) + len(items))

"""Words, not strings: the coach's view of a text as word forms.

Every word is reduced to its Snowball (Porter2) stem by PyStemmer, so "lead",
"leads" and "leading" are one word; irregular forms ("led", "built") are
listed beside their base form in the pack ("lead|led"). Hyphenated compounds
stay one token, so "just-in-time" is not "just". Contractions are spelled out
("I've" is "I have"), so a phrase matches however the user wrote it.

PyStemmer is a C extension that imports in about 2 ms. The common words
(the top of zxcvbn's English Wikipedia and TV-subtitle ranks) are frozen into
common_words.py, since importing zxcvbn costs tens of milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*|[.!?;:\n]")
_CONTRACTIONS = {"ve": "have", "m": "am", "re": "are", "ll": "will", "d": "would"}
# Words a phrase may skip between two of its words ("I have recently started").
PHRASE_GAP = 2
# Ranks below these are ordinary English. Film subtitles are mostly talk, so
# fewer of their top words are everyday vocabulary ("hospital" is 337th there).
COMMON_RANKS = {"english_wikipedia": 1000, "us_tv_and_film": 300}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball stem of a lowercase word; each part of a compound is stemmed."""
    found = _stems.get(word)
    if found is None:
        stemmer = _stemmer()
        if "-" in word:
            found = "-".join(stemmer.stemWord(part) for part in word.split("-"))
        else:
            found = stemmer.stemWord(word)
        if len(_stems) < 100_000:
            _stems[word] = found
    return found


@dataclass(frozen=True)
class Token:
    surface: str
    lower: str
    stem: str
    sentence: int
    start_of_sentence: bool
    start: int = 0
    end: int = 0


@dataclass
class Text:
    """A text as tokens, with an index from stem to positions, built once per text."""

    tokens: list[Token]
    raw: str = ""
    where: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, token in enumerate(self.tokens):
            self.where.setdefault(token.stem, []).append(i)

    @property
    def stems(self) -> set[str]:
        return set(self.where)


def _split(raw: str) -> list[str]:
    """A raw token as words: contractions spelled out, possessive 's dropped."""
    word = raw.replace("’", "'").replace("‐", "-").replace("‑", "-")
    if "'" not in word:
        return [word]
    head, _, tail = word.partition("'")
    low = tail.lower()
    if low == "t" and head.lower().endswith("n"):
        return [head[:-1], "not"] if head[:-1] else [head]
    if low in _CONTRACTIONS:
        return [head, _CONTRACTIONS[low]]
    if low == "s":
        return [head]
    return [word.replace("'", "")]


@lru_cache(maxsize=32)
def analyse(text: str) -> Text:
    tokens: list[Token] = []
    sentence, fresh = 0, True
    for found in _TOKEN.finditer(text):
        raw = found.group(0)
        if raw in ".!?;:\n":
            if not fresh:
                sentence += 1
            fresh = True
            continue
        for word in _split(raw):
            lower = word.lower()
            tokens.append(Token(word, lower, stem(lower), sentence, fresh, found.start(), found.end()))
            fresh = False
    return Text(tokens, text)


Phrase = tuple[tuple[str, ...], ...]  # alternatives, each a sequence of stems


@lru_cache(maxsize=1024)
def phrase(entry: str) -> Phrase:
    """A pack entry such as "lead|led" or "I start": alternatives of word sequences."""
    alternatives = []
    for part in entry.split("|"):
        stems = tuple(t.stem for t in analyse(part).tokens)
        if stems:
            alternatives.append(stems)
    return tuple(alternatives)


def find(text: Text, entry: str) -> list[tuple[int, int]]:
    """Where the entry occurs: (first, last) token positions, words in order, small gaps allowed."""
    out = []
    for words in phrase(entry):
        for first in text.where.get(words[0], ()):
            last = _rest(text, words, first)
            if last is not None:
                out.append((first, last))
    return sorted(set(out))


def _rest(text: Text, words: tuple[str, ...], at: int) -> int | None:
    sentence = text.tokens[at].sentence
    for word in words[1:]:
        nxt = next((p for p in text.where.get(word, ()) if at < p <= at + 1 + PHRASE_GAP), None)
        if nxt is None or text.tokens[nxt].sentence != sentence:
            return None
        at = nxt
    return at


def quote(text: Text, span: tuple[int, int]) -> str:
    """The words of a span as the user typed them."""
    return " ".join(text.raw[text.tokens[span[0]].start: text.tokens[span[1]].end].split())


def found_entries(text: Text, entries: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each entry that occurs, with where."""
    out = {}
    for entry in entries:
        spans = find(text, entry)
        if spans:
            out[entry] = spans
    return out


# -- how common a word is -------------------------------------------------------------


def is_common(word: str) -> bool:
    """Ordinary English: among the most frequent words of Wikipedia or film subtitles."""
    # zxcvbn's lists frozen at COMMON_RANKS: importing zxcvbn costs more than a whole review.
    from tui.core.common_words import WORDS

    return word in WORDS


def is_number(token: Token) -> bool:
    return any(ch.isdigit() for ch in token.lower)


def is_proper_name(token: Token) -> bool:
    """Capitalised mid-sentence ("at Globex"), or capitals inside the word ("CardioNet", "EU")."""
    surface = token.surface
    if not surface[:1].isupper() or token.lower in ("i",):
        return False
    return not token.start_of_sentence or any(ch.isupper() for ch in surface[1:])


# -- tense and figures ----------------------------------------------------------------

# Past forms a stemmer cannot see (a regular past is a word the stemmer shortens from "-ed").
IRREGULAR_PAST = frozenset("""
was were had did led drove built made took ran grew brought spent saw found got gave went came told
began wrote chose won lost sold bought met kept felt left put set cut knew thought taught caught fought
rose fell held said sent stood understood spoke broke became oversaw undertook overcame rebuilt rewrote
sat paid
""".split())
FUTURE = ("will", "shall", "would", "going to", "plan to", "hope to", "want to", "intend to", "aim to", "once I join")
FIGURE_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty
sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen
dozens half halved halving third thirds percent double doubled doubling triple tripled tripling twice
tenfold threefold twofold
""".split())


def is_past(token: Token) -> bool:
    word = token.lower
    if word in IRREGULAR_PAST:
        return True
    return word.endswith("ed") and token.stem != word and len(word) > 4


def is_figure(token: Token) -> bool:
    """A number, a percentage, an amount or a figure in words; a bare year is a date, not a figure."""
    if re.fullmatch(r"(19|20)\d\d", token.lower):
        return False
    return is_number(token) or token.lower in FIGURE_WORDS


def future_sentences(text: Text) -> set[int]:
    return {text.tokens[first].sentence for spans in found_entries(text, list(FUTURE)).values() for first, _ in spans}


def past_events(text: Text, markers: list[str], exclude: frozenset[str] = frozenset()) -> list[str]:
    """Signs of something that happened, as written: "I led", "we shipped", "in 2023", "at Medisoft".

    A past-tense verb after "I" or "we" (not "I have led": that is a claim,
    not an event), a marker from the pack ("last spring", "in my last role"),
    "in" and a year, or "at" and a proper name other than ``exclude``. Markers
    only count in a sentence with a past-tense verb, never in one about the
    future ("Once I join, I will...").
    """
    future = future_sentences(text)
    spans: list[tuple[int, int]] = []
    tokens = text.tokens
    past = {t.sentence for t in tokens if is_past(t)} - future
    for i, token in enumerate(tokens):
        if token.lower in ("i", "we"):
            for j in range(i + 1, min(i + 3, len(tokens))):
                if tokens[j].sentence != token.sentence or tokens[j].lower in ("have", "has", "will", "would", "am", "are"):
                    break
                if is_past(tokens[j]):
                    spans.append((i, j))
                    break
        elif token.sentence not in past or i + 1 >= len(tokens) or tokens[i + 1].sentence != token.sentence:
            continue
        elif token.lower == "in" and re.fullmatch(r"(19|20)\d\d", tokens[i + 1].lower):
            spans.append((i, i + 1))
        elif token.lower == "at" and is_proper_name(tokens[i + 1]) and tokens[i + 1].stem not in exclude:
            spans.append((i, i + 1))
    for entry, found in found_entries(text, markers).items():
        spans += [span for span in found if tokens[span[0]].sentence in past]
    return list(dict.fromkeys(quote(text, span) for span in sorted(spans)))

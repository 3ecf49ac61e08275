"""Words, not strings: the coach's view of a text as word forms.

Every word is reduced to its Snowball (Porter2) stem by PyStemmer, so "lead",
"leads" and "leading" are one word; irregular forms ("led", "built") are
listed beside their base form in the pack ("lead|led"). Hyphenated compounds
stay one token, so "just-in-time" is not "just". Contractions are spelled out
("I've" is "I have"), so a phrase matches however the user wrote it.

PyStemmer is a C extension that imports in about 2 ms. The frequency ranks
(zxcvbn's English Wikipedia and film-subtitle lists) are read only when
research notes are compared, and only the 1,300 words the coach needs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

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


class Text:
    """A text as parallel lists of word facts, with an index from stem to positions.

    Lists rather than an object per word: a 5,000-word answer is read on
    every pause in typing, and building 5,000 objects costs more than all
    the checks together.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        matches = _TOKEN.findall(raw)
        breaks = [m in _BREAKS for m in matches]
        # Comprehensions, not a loop with appends: this runs on every pause in typing.
        pairs = [(k, part) for k, m in enumerate(matches) if not breaks[k]
                 for part in (_split(m) if ("'" in m or "’" in m or "‐" in m or "‑" in m) else (m,))]
        self._matches = matches
        self._raw_index = [k for k, _ in pairs]
        self.surface = [part for _, part in pairs]
        before = list(accumulate(breaks, initial=0))  # breaks before each match: its sentence
        self.sentence = [before[k] for k in self._raw_index]
        index = self._raw_index
        self.starts = {i for i, k in enumerate(index) if (k == 0 or breaks[k - 1]) and (i == 0 or index[i - 1] != k)}
        # One lower() call for the whole text: no word holds the separator.
        self.lower = "\x00".join(self.surface).lower().split("\x00") if self.surface else []
        if len(self.lower) != len(self.surface):  # a character whose lowercase spans a separator
            self.lower = [word.lower() for word in self.surface]
        self.stem = stems(self.lower)
        where: defaultdict[str, list[int]] = defaultdict(list)
        for i, word_stem in enumerate(self.stem):
            where[word_stem].append(i)
        self.where = dict(where)
        self._spans: list[tuple[int, int]] | None = None
        self.future: set[int] | None = None
        self._tokens: list[Token] | None = None

    def span(self, i: int) -> tuple[int, int]:
        """Where word ``i`` is in the raw text (found again only when a message quotes it)."""
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self.raw)]
        return self._spans[self._raw_index[i]]

    def __len__(self) -> int:
        return len(self.lower)

    def token(self, i: int) -> Token:
        return Token(self.surface[i], self.lower[i], self.stem[i], self.sentence[i], i in self.starts,
                     *self.span(i))

    @property
    def tokens(self) -> list[Token]:
        """One object per word: for short texts (notes, questions), not for answers."""
        if self._tokens is None:
            self._tokens = [self.token(i) for i in range(len(self))]
        return self._tokens

    @property
    def stems(self) -> set[str]:
        return set(self.where)


_BREAKS = frozenset(".!?;:\n")
_NEEDS_SPLIT = re.compile("['’‐‑]")


def stems(words: list[str]) -> list[str]:
    """Stems of many lowercase words, stemming each new word once."""
    cached = list(map(_stems.get, words))
    return [f if f is not None else stem(w) for f, w in zip(cached, words, strict=True)]


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
    return Text(text)


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
        if not all(word in text.where for word in words):
            continue  # cheap: most phrases lack a word, and "I" starts hundreds of candidates
        for first in text.where[words[0]]:
            last = _rest(text, words, first)
            if last is not None:
                out.append((first, last))
    return sorted(set(out))


def _rest(text: Text, words: tuple[str, ...], at: int) -> int | None:
    sentence = text.sentence[at]
    for word in words[1:]:
        places = text.where.get(word, ())
        k = bisect_right(places, at)
        if k == len(places) or places[k] > at + 1 + PHRASE_GAP or text.sentence[places[k]] != sentence:
            return None
        at = places[k]
    return at


def quote(text: Text, span: tuple[int, int]) -> str:
    """The words of a span as the user typed them."""
    first, last = text._raw_index[span[0]], text._raw_index[span[1]]
    return " ".join(m for m in text._matches[first: last + 1] if m not in _BREAKS)


def found_entries(text: Text, entries: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each entry that occurs, with where."""
    out = {}
    for entry in entries:
        spans = find(text, entry)
        if spans:
            out[entry] = spans
    return out


# -- how common a word is -------------------------------------------------------------


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    lists = _frequency_lists()
    for name, top in COMMON_RANKS.items():
        for rank, word in enumerate(lists[name][:top]):
            ranks[word] = min(rank, ranks.get(word, rank))
    return ranks


def _frequency_lists() -> dict[str, list[str]]:
    """zxcvbn's ranked word lists, read without running zxcvbn.

    Importing the package pulls in its password scorer and gettext, and
    running even the lists module builds six lists of 30,000 words, when the
    coach needs two slices; the printing commands (`finale review`) must stay
    fast. The module keeps each list as one comma-separated string literal,
    so the two wanted are sliced out of its source; if a later zxcvbn lays the
    file out otherwise, the module is run as before.
    """
    import importlib.util
    import os

    spec = importlib.util.find_spec("zxcvbn")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("zxcvbn is not installed: pip install zxcvbn")
    path = os.path.join(list(spec.submodule_search_locations)[0], "frequency_lists.py")
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    lists = {}
    for name in COMMON_RANKS:
        start = source.find(f'"{name}": "')
        end = source.find('"', start + len(name) + 5)
        if start < 0 or end < 0:
            break
        lists[name] = source[start + len(name) + 5: end].split(",")
    else:
        return lists
    loaded = importlib.util.spec_from_file_location("finale_zxcvbn_frequency_lists", path)
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module.FREQUENCY_LISTS


def is_common(word: str) -> bool:
    """Ordinary English: among the most frequent words of Wikipedia or film subtitles."""
    return word in _ranks()


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
    return _is_past_word(token.lower, token.stem)


def _is_figure_word(word: str) -> bool:
    """A number, a percentage, an amount or a figure in words; a bare year is a date, not a figure."""
    if word in FIGURE_WORDS:
        return True
    return bool(_DIGIT.search(word)) and not _YEAR.fullmatch(word)


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(19|20)\d\d")


def first_figure(text: Text) -> int | None:
    places = [text.where[text.stem[text.lower.index(word)]] for word in set(text.lower) if _is_figure_word(word)]
    hits = [i for group in places for i in group if _is_figure_word(text.lower[i])]
    return min(hits, default=None)


def future_sentences(text: Text) -> set[int]:
    """Sentences about the future ("I will", "once I join"), worked out once per text."""
    if text.future is None:
        text.future = {text.sentence[first] for spans in found_entries(text, list(FUTURE)).values() for first, _ in spans}
    return text.future


def _is_past_word(word: str, word_stem: str) -> bool:
    return word in IRREGULAR_PAST or (word.endswith("ed") and word_stem != word and len(word) > 4)


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
    n = len(text)
    past_at = sorted(i for word in {*text.lower} if _is_past_word(word, stem(word))
                     for i in text.where.get(stem(word), ()) if text.lower[i] == word)
    past = {text.sentence[i] for i in past_at} - future
    for i in sorted(text.where.get("i", []) + text.where.get("we", [])):
        for j in range(i + 1, min(i + 3, n)):
            if text.sentence[j] != text.sentence[i] or text.lower[j] in ("have", "has", "will", "would", "am", "are"):
                break
            if _is_past_word(text.lower[j], text.stem[j]):
                spans.append((i, j))
                break
    for word, is_marker in (("in", lambda j: _YEAR.fullmatch(text.lower[j])),
                            ("at", lambda j: j not in text.starts and text.surface[j][:1].isupper()
                             and text.lower[j] != "i" and text.stem[j] not in exclude)):
        for i in text.where.get(word, ()):
            j = i + 1
            if text.sentence[i] in past and j < n and text.sentence[j] == text.sentence[i] and is_marker(j):
                spans.append((i, j))
    for found in found_entries(text, markers).values():
        spans += [span for span in found if text.sentence[span[0]] in past]
    return list(dict.fromkeys(quote(text, span) for span in sorted(spans)))

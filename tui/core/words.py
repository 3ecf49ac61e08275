"""Words, not strings: the coach's view of a text as word forms.

Every word is reduced to its Snowball (Porter2) stem by PyStemmer, so "lead",
"leads" and "leading" are one word; irregular forms ("led", "built") are
listed beside their base form in the pack ("lead|led"). Hyphenated compounds
stay one token, so "just-in-time" is not "just". Contractions are spelled out
("I've" is "I have"), so a phrase matches however the user wrote it.

PyStemmer is a C extension that imports in about 2 ms. The common words
(tui/core/wordfreq.py) are read only when research notes are compared.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain

from tui.core.wordfreq import common_words
from tui.core.wordkinds import YEAR, figure_positions, is_past_word, past_positions

# A decimal or grouped number ("4.2", "1,200") is one token: "4" from a note saying
# "Glassdoor 4.2" must not count as research used by "4 product managers".
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’\-‐‑][^\W_]+)*|[.!?;:\n]")
_CONTRACTIONS = {"ve": "have", "m": "am", "re": "are", "ll": "will", "d": "would"}
# Words a phrase may skip between two of its words ("I have recently started").
PHRASE_GAP = 2


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


class _Piece:
    """The words of one stretch of text between sentence breaks, worked out once per session.

    An edit changes one sentence of a long answer; the answer's other pieces
    are found again in ``_pieces`` rather than tokenised and stemmed again.
    Positions here are local to the piece; ``Text`` adds the offsets.
    """

    __slots__ = ("matches", "surface", "lower", "stem", "raw_index", "sentence", "breaks", "starts", "past", "figures",
                 "words")

    def __init__(self, raw: str) -> None:
        self.matches = matches = _TOKEN.findall(raw)
        breaks = [m in _BREAKS for m in matches]
        self.breaks = sum(breaks)
        words = len(matches)
        while words and breaks[words - 1]:
            words -= 1
        if self.breaks == len(matches) - words and not _JOINERS.search(raw):
            # Most pieces: one sentence, one word a token, then the full stop.
            self.raw_index: list[int] | None = None  # word i is token i
            self.surface = surface = matches[:words]
            self.sentence: list[int] | None = None  # all in sentence 0
            self.starts = [0] if words else []
        else:
            pairs = [(k, part) for k, m in enumerate(matches) if not breaks[k]
                     for part in (_split(m) if ("'" in m or "’" in m or "‐" in m or "‑" in m) else (m,))]
            self.raw_index = index = [k for k, _ in pairs]
            self.surface = surface = [part for _, part in pairs]
            before = list(accumulate(breaks, initial=0))  # breaks before each match: its sentence
            self.sentence = [before[k] for k in index]
            self.starts = [i for i, k in enumerate(index) if (k == 0 or breaks[k - 1]) and (i == 0 or index[i - 1] != k)]
        # One lower() call for the piece: no word holds the separator.
        lower = "\x00".join(surface).lower().split("\x00") if surface else []
        if len(lower) != len(surface):  # a character whose lowercase spans a separator
            lower = [word.lower() for word in surface]
        self.lower = lower
        self.stem = stems_of(lower)
        self.past = past_positions(lower, self.stem)
        self.figures = figure_positions(lower)
        self.words = len(raw.split())  # as speech.word_count counts them


def _piece_texts(raw: str) -> list[str]:
    """The text cut after each line and each ". ", for ``_pieces``.

    A full stop before a space and a line break are always tokens of their
    own, and no token holds a space, so the text's tokens are its pieces'
    tokens in order. Plain splits: a regex split costs more than the rest.
    """
    out: list[str] = []
    lines = raw.split("\n")
    for line in lines:
        parts = line.split(". ")
        out += [part + "." for part in parts[:-1]]
        out.append(parts[-1] + "\n")
    out[-1] = out[-1][:-1]
    return out


_pieces: dict[str, _Piece] = {}
_MAX_PIECES = 5_000  # about 100,000 words of answers; a piece of 30 words holds about 5 KB


def _piece(raw: str) -> _Piece:
    found = _pieces.get(raw)
    if found is None:
        if len(_pieces) >= _MAX_PIECES:
            # Start again rather than evict one by one: clear() is one step, so the
            # picker's worker threads reading readiness never see a cache mid-change.
            _pieces.clear()
        found = _pieces[raw] = _Piece(raw)
    return found


class Text:
    """A text as parallel lists of word facts, with an index from stem to positions.

    Lists rather than an object per word: a 5,000-word answer is read on
    every pause in typing, and building 5,000 objects costs more than all
    the checks together. The lists are joined from cached pieces (sentences),
    so only the sentence being edited is tokenised and stemmed again.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        pieces = [_piece(part) for part in _piece_texts(raw)]
        self._matches = list(chain.from_iterable(p.matches for p in pieces))
        self.surface = list(chain.from_iterable(p.surface for p in pieces))
        self.lower = list(chain.from_iterable(p.lower for p in pieces))
        self.stem = list(chain.from_iterable(p.stem for p in pieces))
        sentence: list[int] = []
        starts: list[int] = []
        past: list[int] = []
        figures: list[int] = []
        word_at, match_at = [], []
        words = matches = breaks = 0
        for p in pieces:
            word_at.append(words)
            match_at.append(matches)
            if p.sentence is None:
                sentence += [breaks] * len(p.surface)
            else:
                sentence += [s + breaks for s in p.sentence]
            starts += [i + words for i in p.starts]
            if p.past:
                past += [i + words for i in p.past]
            if p.figures:
                figures += [i + words for i in p.figures]
            words += len(p.surface)
            matches += len(p.matches)
            breaks += p.breaks
        self.sentence = sentence
        self.starts = set(starts)
        self.past = past  # positions of past-tense words
        self.figures = figures  # positions of figures ("12", "a third", "doubled")
        self.words = sum(p.words for p in pieces)  # a piece ends where the text has white space
        self._pieces, self._word_at, self._match_at = pieces, word_at, match_at
        where: defaultdict[str, list[int]] = defaultdict(list)
        for i, word_stem in enumerate(self.stem):
            where[word_stem].append(i)
        self.where = dict(where)
        self._spans: list[tuple[int, int]] | None = None
        self.future: set[int] | None = None
        self._tokens: list[Token] | None = None

    def _match(self, i: int) -> int:
        """The raw token that word ``i`` comes from (a contraction gives two words one token)."""
        j = bisect_right(self._word_at, i) - 1
        index = self._pieces[j].raw_index
        return self._match_at[j] + (i - self._word_at[j] if index is None else index[i - self._word_at[j]])

    def span(self, i: int) -> tuple[int, int]:
        """Where word ``i`` is in the raw text (found again only when a message quotes it)."""
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self.raw)]
        return self._spans[self._match(i)]

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


_BREAKS = frozenset(".!?;:\n")
_JOINERS = re.compile("['’‐‑]")


def stems_of(words: list[str]) -> list[str]:
    """Stems of many lowercase words, stemming each new word once."""
    cached = list(map(_stems.get, words))
    if None not in cached:
        return cached  # type: ignore[return-value]  # every word was cached: no None in it
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
        # Words alone, not a Text: a pack has hundreds of entries, read on the first check.
        found = [word.lower() for m in _TOKEN.findall(part) if m not in _BREAKS for word in _split(m)]
        stems = tuple(stems_of(found))
        if stems:
            alternatives.append(stems)
    return tuple(alternatives)


def find(text: Text, entry: str) -> list[tuple[int, int]]:
    """Where the entry occurs: (first, last) token positions, words in order, small gaps allowed."""
    out = []
    where = text.where
    for words in phrase(entry):
        if not all(word in where for word in words):
            continue  # cheap: most phrases lack a word
        for first in _firsts(where, words):
            last = _rest(text, words, first)
            if last is not None:
                out.append((first, last))
    return sorted(set(out))


def _firsts(where: dict[str, list[int]], words: tuple[str, ...]) -> list[int]:
    """Where a phrase can start: near its rarest word, since "I" starts hundreds of candidates.

    A match with the rarest word ``rare``-th lies between ``rare`` and
    ``rare * (1 + PHRASE_GAP)`` words after its first word.
    """
    firsts = where[words[0]]
    rare = min(range(len(words)), key=lambda k: len(where[words[k]]))
    if not rare or len(where[words[rare]]) >= len(firsts):
        return firsts
    reach = rare * (1 + PHRASE_GAP)
    near: set[int] = set()
    for at in where[words[rare]]:
        near.update(firsts[bisect_left(firsts, at - reach): bisect_right(firsts, at - rare)])
    return sorted(near)


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
    first, last = text._match(span[0]), text._match(span[1])
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


def is_common(word: str) -> bool:
    """Ordinary English: among the most frequent words of Wikipedia or film subtitles."""
    return word in common_words()


def is_number(token: Token) -> bool:
    return any(ch.isdigit() for ch in token.lower)


def is_proper_name(token: Token) -> bool:
    """Capitalised mid-sentence ("at Globex"), or capitals inside the word ("CardioNet", "EU")."""
    surface = token.surface
    if not surface[:1].isupper() or token.lower in ("i",):
        return False
    return not token.start_of_sentence or any(ch.isupper() for ch in surface[1:])


# -- tense and figures ----------------------------------------------------------------

FUTURE = ("will", "shall", "would", "going to", "plan to", "hope to", "want to", "intend to", "aim to", "once I join")


def first_figure(text: Text) -> int | None:
    return text.figures[0] if text.figures else None


def future_sentences(text: Text) -> set[int]:
    """Sentences about the future ("I will", "once I join"), worked out once per text."""
    if text.future is None:
        text.future = {text.sentence[first] for spans in found_entries(text, list(FUTURE)).values() for first, _ in spans}
    return text.future


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
    past = {text.sentence[i] for i in text.past} - future
    for i in sorted(text.where.get("i", []) + text.where.get("we", [])):
        for j in range(i + 1, min(i + 3, n)):
            if text.sentence[j] != text.sentence[i] or text.lower[j] in ("have", "has", "will", "would", "am", "are"):
                break
            if is_past_word(text.lower[j], text.stem[j]):
                spans.append((i, j))
                break
    for word, is_marker in (("in", lambda j: YEAR.fullmatch(text.lower[j])),
                            ("at", lambda j: j not in text.starts and text.surface[j][:1].isupper()
                             and text.lower[j] != "i" and text.stem[j] not in exclude)):
        for i in text.where.get(word, ()):
            j = i + 1
            if text.sentence[i] in past and j < n and text.sentence[j] == text.sentence[i] and is_marker(j):
                spans.append((i, j))
    for found in found_entries(text, markers).values():
        spans += [span for span in found if text.sentence[span[0]] in past]
    return list(dict.fromkeys(quote(text, span) for span in sorted(spans)))

"""A text cut into pieces (sentences) whose words are worked out once a session.

A 5,000-word answer is read again on every pause in typing, but an edit
changes one sentence: the others are found in ``_pieces`` as they were,
tokenised, lowercased and stemmed. ``words.Text`` joins a text's pieces.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from typing import Any

from tui.core.wordkinds import figure_positions, past_positions

# A decimal or grouped number ("4.2", "1,200") is one token: "4" from a note saying
# "Glassdoor 4.2" must not count as research used by "4 product managers".
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’\-‐‑][^\W_]+)*|[.!?;:\n]")
_CONTRACTIONS = {"ve": "have", "m": "am", "re": "are", "ll": "will", "d": "would"}
BREAKS = frozenset(".!?;:\n")
_JOINERS = re.compile("['’‐‑]")  # a token holding one of these is split into words ("I've")


@lru_cache(maxsize=1)
def _stemmer() -> Any:  # PyStemmer ships no types
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


class Piece:
    """The words of one stretch of text between sentence breaks, worked out once per session.

    An edit changes one sentence of a long answer; the answer's other pieces
    are found again in ``_pieces`` rather than tokenised and stemmed again.
    Positions here are local to the piece; ``Text`` adds the offsets.
    """

    __slots__ = ("matches", "surface", "lower", "stem", "raw_index", "sentence", "breaks", "starts", "past", "figures",
                 "words", "folded")

    def __init__(self, raw: str) -> None:
        self.matches = matches = TOKEN.findall(raw)
        breaks = [m in BREAKS for m in matches]
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
                     for part in (split(m) if ("'" in m or "’" in m or "‐" in m or "‑" in m) else (m,))]
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
        self.folded = raw.casefold()


def piece_texts(raw: str) -> list[str]:
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


_pieces: dict[str, Piece] = {}
_MAX_PIECES = 5_000  # about 100,000 words of answers; a piece of 30 words holds about 5 KB


def piece(raw: str) -> Piece:
    found = _pieces.get(raw)
    if found is None:
        if len(_pieces) >= _MAX_PIECES:
            # Start again rather than evict one by one: clear() is one step, so the
            # picker's worker threads reading readiness never see a cache mid-change.
            _pieces.clear()
        found = _pieces[raw] = Piece(raw)
    return found


def stems_of(words: list[str]) -> list[str]:
    """Stems of many lowercase words, stemming each new word once."""
    cached = list(map(_stems.get, words))
    if None not in cached:
        return cached  # type: ignore[return-value]  # every word was cached: no None in it
    return [f if f is not None else stem(w) for f, w in zip(cached, words, strict=True)]


def split(raw: str) -> list[str]:
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

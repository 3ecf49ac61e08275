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

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from tui.core.pieces import BREAKS, TOKEN, Piece, piece, piece_texts, split, stems_of
from tui.core.wordfreq import common_words
from tui.core.wordkinds import YEAR, is_past_word

# Words a phrase may skip between two of its words ("I have recently started").
PHRASE_GAP = 2
# A text this long (in pieces) is an answer worth taking the start of the next from.
_REUSE_PIECES = 8


class Token(NamedTuple):
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
    the checks together. The lists are joined from cached pieces (sentences),
    so only the sentence being edited is tokenised and stemmed again, and
    the pieces before it are taken as they were from the last long text read
    (the same answer before the edit). Nothing here changes once built: the
    lists are shared between texts.
    """

    _last: Text | None = None  # the last text of at least _REUSE_PIECES pieces
    _matches: list[str]
    surface: list[str]
    lower: list[str]
    stem: list[str]
    sentence: list[int]
    _starts: list[int]
    past: list[int]  # positions of past-tense words
    figures: list[int]  # positions of figures ("12", "a third", "doubled")
    _word_at: list[int]  # words before each piece, and in all
    _match_at: list[int]
    _break_at: list[int]
    where: dict[str, list[int]]
    _pieces: list[Piece]

    def __init__(self, raw: str) -> None:
        self.raw = raw
        pieces = [piece(part) for part in piece_texts(raw)]
        last, keep = Text._last, 0
        if last is not None:
            for old, new in zip(last._pieces, pieces, strict=False):
                if old is not new:
                    break
                keep += 1
        if last is not None and keep:
            self._start_from(last, keep)
        else:
            self._matches, self.surface, self.lower, self.stem = [], [], [], []
            self.sentence, self._starts, self.past, self.figures = [], [], [], []
            self._word_at, self._match_at, self._break_at = [0], [0], [0]
            self.where = {}
        first_new = len(self.lower)
        rest = pieces[keep:]
        self._matches += chain.from_iterable(p.matches for p in rest)
        self.surface += chain.from_iterable(p.surface for p in rest)
        self.lower += chain.from_iterable(p.lower for p in rest)
        self.stem += chain.from_iterable(p.stem for p in rest)
        self._add(rest)
        added: defaultdict[str, list[int]] = defaultdict(list)
        for i, word_stem in enumerate(self.stem[first_new:], first_new):
            added[word_stem].append(i)
        where = self.where
        for word_stem, places in added.items():
            before = where.get(word_stem)
            where[word_stem] = places if before is None else before + places  # a new list: the old is shared
        self.starts = set(self._starts)
        self.words = sum(p.words for p in pieces)  # a piece ends where the text has white space
        self._pieces = pieces
        self._spans: list[tuple[int, int]] | None = None
        self.future: set[int] | None = None
        self.memo: dict[object, object] = {}  # facts a check works out once per text (tui/core/parts.py)
        self._tokens: list[Token] | None = None
        if len(pieces) >= _REUSE_PIECES:
            Text._last = self

    def _start_from(self, last: Text, keep: int) -> None:
        """The facts of ``last``'s first ``keep`` pieces, which this text shares."""
        words, matches = last._word_at[keep], last._match_at[keep]
        self._matches, self.surface = last._matches[:matches], last.surface[:words]
        self.lower, self.stem, self.sentence = last.lower[:words], last.stem[:words], last.sentence[:words]
        self._starts = last._starts[:bisect_left(last._starts, words)]
        self.past = last.past[:bisect_left(last.past, words)]
        self.figures = last.figures[:bisect_left(last.figures, words)]
        self._word_at, self._match_at = last._word_at[:keep + 1], last._match_at[:keep + 1]
        self._break_at = last._break_at[:keep + 1]
        self.where = {s: places if places[-1] < words else places[:bisect_left(places, words)]
                      for s, places in last.where.items() if places[0] < words}

    def _add(self, pieces: list[Piece]) -> None:
        """Each piece's facts at its place in the text: positions offset by the words before it."""
        sentence, starts, past, figures = self.sentence, self._starts, self.past, self.figures
        word_at, match_at, break_at = self._word_at, self._match_at, self._break_at
        words, matches, breaks = word_at[-1], match_at[-1], break_at[-1]
        for p in pieces:
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
            word_at.append(words)
            match_at.append(matches)
            break_at.append(breaks)

    @property
    def folded(self) -> str:
        """The text casefolded, for finding a word (never a space or a full stop) as a substring.

        Pieces end where the text has a space or a line break, which no such word spans.
        """
        return "\n".join(p.folded for p in self._pieces)

    def _match(self, i: int) -> int:
        """The raw token that word ``i`` comes from (a contraction gives two words one token)."""
        j = bisect_right(self._word_at, i) - 1
        index = self._pieces[j].raw_index
        return self._match_at[j] + (i - self._word_at[j] if index is None else index[i - self._word_at[j]])

    def span(self, i: int) -> tuple[int, int]:
        """Where word ``i`` is in the raw text (found again only when a message quotes it)."""
        if self._spans is None:
            self._spans = [m.span() for m in TOKEN.finditer(self.raw)]
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
        found = [word.lower() for m in TOKEN.findall(part) if m not in BREAKS for word in split(m)]
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
    return " ".join(m for m in text._matches[first: last + 1] if m not in BREAKS)


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


# Past forms that tell a state of mind or of being, not something done.
_STATES = frozenset("""
was were felt thought knew learnt learned realised realized understood believed wanted hoped liked loved
enjoyed seemed
""".split())
# After "I" or "we", words that make a present-tense sentence a claim, not a story told in the present.
_NOT_A_DEED = frozenset("""
am are have has had will would can could should might may must do does did think believe feel want hope guess
know like love really just also always usually often never not still need enjoy prefer tend
""".split())


def past_events(text: Text, markers: list[str], exclude: frozenset[str] = frozenset(),
                sentences: set[int] | None = None, by_speaker: Callable[[int], bool] | None = None) -> list[str]:
    """Signs of something that happened, as written: "I led", "we shipped", "in 2023", "at Medisoft".

    A past-tense verb after "I" or "we" (not "I have led": that is a claim,
    not an event), a marker from the pack ("last spring", "in my last role"),
    "in" and a year, or "at" and a proper name other than ``exclude``. Markers
    only count in a sentence with a past-tense verb (one ``by_speaker`` accepts:
    "my manager led the launch" is not the speaker's story), never in one
    about the future ("Once I join, I will..."). A marker also counts before
    "I" or "we" and a verb in the present, as a story is often told ("In 2021
    I get a call from our biggest client"). Only ``sentences`` are read, when given.
    """
    future = future_sentences(text)
    spans: list[tuple[int, int]] = []
    n = len(text)
    past: set[int] = set()
    for i in text.past:  # a sentence is past once one of its past verbs is the speaker's
        if text.sentence[i] not in past and (by_speaker is None or by_speaker(i)):
            past.add(text.sentence[i])
    past -= future
    told: set[int] = set()  # sentences with "I" or "we" and a verb in the present: a story when a marker dates them
    for i in sorted(text.where.get("i", []) + text.where.get("we", [])):
        if sentences is not None and text.sentence[i] not in sentences:
            continue
        for j in range(i + 1, min(i + 3, n)):
            if text.sentence[j] != text.sentence[i] or text.lower[j] in ("have", "has", "will", "would", "am", "are"):
                break
            if text.lower[j] in _STATES:
                continue  # "I was on her team", "I learnt a lot": a state, not a deed; "I was faced with" goes on
            if is_past_word(text.lower[j], text.stem[j]):
                spans.append((i, j))
                break
        j = i + 1
        if j < n and text.sentence[j] == text.sentence[i] and text.lower[j] not in _NOT_A_DEED and text.lower[j].isalpha():
            told.add(text.sentence[i])
    dated = (past | (told - future))
    # A story told in the present runs on after the sentence that dates it ("Picture a Tuesday last
    # winter. Two patients come back at once. I take the sick nurse's patients myself.").
    present_story: set[int] = set()
    for word, is_marker in (("in", lambda j: YEAR.fullmatch(text.lower[j])),
                            ("at", lambda j: j not in text.starts and text.surface[j][:1].isupper()
                             and text.lower[j] != "i" and text.stem[j] not in exclude)):
        for i in text.where.get(word, ()):
            j = i + 1
            if (text.sentence[i] in (dated if word == "in" else past) and j < n and text.sentence[j] == text.sentence[i]
                    and is_marker(j)):
                spans.append((i, j))
    for found in found_entries(text, markers).values():
        spans += [span for span in found if text.sentence[span[0]] in dated]
        present_story.update(text.sentence[first] for first, _ in found if text.sentence[first] not in future)
    for i in text.where.get("in", ()):
        if i + 1 < n and text.sentence[i + 1] == text.sentence[i] and YEAR.fullmatch(text.lower[i + 1]):
            present_story.add(text.sentence[i])
    order = sorted(set(text.sentence))
    for s in sorted(present_story):
        # the first sentence after it told in the present, before any about the future (a sentence
        # in between, "Two patients come back at once.", does not end the story)
        later = []
        for t in order[bisect_left(order, s) + 1:]:
            if t in future or t in past:
                break
            if t in told:
                later = [t]
                break
        if later:
            first = bisect_left(text.sentence, later[0])
            while text.lower[first] not in ("i", "we"):
                first += 1
            spans.append((first, first + 1))
    if sentences is not None:
        spans = [span for span in spans if text.sentence[span[0]] in sentences]
    return list(dict.fromkeys(quote(text, span) for span in sorted(spans)))

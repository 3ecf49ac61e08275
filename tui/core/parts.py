"""An answer cut into the parts the article names, so each check reads its own part.

"Strengths and weaknesses" holds a strength with its proof and a weakness with
what you do about it; "why here" holds the company part (what draws you to
them) and the you part (what you bring). A check that reads the whole answer
finds the strength's event in the weakness paragraph ("I froze at the 2022
all-hands") and the weakness's plan in the strength paragraph. Parts are cut
at sentences (and at "but", "however") from cues in the words: a sentence that
names a weakness starts the weakness part, one that names a strength starts
the strength part, and the sentences after a cue stay in its part.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core import reading
from tui.core import words as w

STRENGTH_CUES = (
    "strength|strong|strongest|strong suit|strong point", "good at|great at|best at|excel|excellent at",
    "known for|pride myself|proud of", "my superpower|what I do best|I am at my best",
)
WEAKNESS_CUES = (
    "weakness|weak|weak spot|weak point|blind spot|shortcoming|downside|flaw", "I struggle|I have struggled",
    "I tend to|tendency|a habit of", "I used to", "I can be too|I can get too|I can be a bit",
    "I find it hard|I find it difficult|difficult for me|hard for me", "not my strongest|not a natural|not good at|not great at",
    "area for growth|area to grow|room to grow|area for development|area to improve|need to improve|need to get better",
    "I could be better", "look for ways to|always trying to|always looking for",
)


class Parts(NamedTuple):
    """Each part as the set of sentence numbers it holds, in the answer's own numbering."""

    strength: frozenset[int]
    weakness: frozenset[int]
    cued: bool  # False when no cue was found, and every part is the whole answer


def _cued_sentences(doc: w.Text, cues: tuple[str, ...], inside: frozenset[int] | set[int] = frozenset()) -> dict[int, int]:
    """Sentence -> the first word of a cue in it; a cue within ``inside`` does not count ("not my strongest")."""
    out: dict[int, int] = {}
    for spans in w.found_entries(doc, list(cues)).values():
        for first, last in spans:
            if first in inside or last in inside:
                continue
            s = doc.sentence[first]
            out[s] = min(out.get(s, first), first)
    return out


def strength_and_weakness(doc: w.Text) -> Parts:
    """Which sentences tell the strength and which the weakness, worked out once per text."""
    found = doc.memo.get("strength_and_weakness")
    if not isinstance(found, Parts):
        found = doc.memo["strength_and_weakness"] = _strength_and_weakness(doc)
    return found


def _strength_and_weakness(doc: w.Text) -> Parts:
    """A sentence with both cues ("my strength is X, but my weakness is Y") goes
    to the cue that comes later, since the later part is what the rest of the
    answer goes on about. Before any cue, sentences belong to the strength
    when a weakness cue comes later and no strength cue does (an answer that
    opens with what it is good at without saying "strength").
    """
    weak_spans = w.found_entries(doc, list(WEAKNESS_CUES)).values()
    weak_words = {i for spans in weak_spans for first, last in spans for i in range(first, last + 1)}
    denied = {first for spans in w.found_entries(doc, list(STRENGTH_CUES)).values() for first, _ in spans
              if reading.negated(doc, first)}  # "I am not strong with budgets" names a weakness
    strong = _cued_sentences(doc, STRENGTH_CUES, weak_words | denied)
    weak = _cued_sentences(doc, WEAKNESS_CUES)
    for first in denied:
        weak[doc.sentence[first]] = min(weak.get(doc.sentence[first], first), first)
    sentences = sorted(set(doc.sentence))
    if not strong and not weak:
        every = frozenset(sentences)
        return Parts(every, every, False)
    strength: set[int] = set()
    weakness: set[int] = set()
    current = ""
    for s in sentences:
        if s in strong and s in weak:
            current = "weakness" if weak[s] > strong[s] else "strength"
            (strength if current == "weakness" else weakness).add(s)  # the sentence holds both
        elif s in weak:
            current = "weakness"
        elif s in strong:
            current = "strength"
        if current == "weakness":
            weakness.add(s)
        elif current == "strength":
            strength.add(s)
        elif not strong:
            strength.add(s)  # before the first weakness cue, in an answer that never says "strength"
    return Parts(frozenset(strength), frozenset(weakness), True)


def weakness_cue_words(doc: w.Text) -> set[int]:
    """Where the answer names its weakness ("I tend to", "not good at"), worked out once per text."""
    found = doc.memo.get("weakness_cue_words")
    if not isinstance(found, set):
        spans = w.found_entries(doc, list(WEAKNESS_CUES)).values()
        found = doc.memo["weakness_cue_words"] = {i for s in spans for first, last in s for i in range(first, last + 1)}
    return found


def positions_in(doc: w.Text, sentences: frozenset[int]) -> set[int]:
    key = ("positions", sentences)
    found = doc.memo.get(key)
    if not isinstance(found, set):
        found = doc.memo[key] = {i for i, s in enumerate(doc.sentence) if s in sentences}
    return found


def opening(doc: w.Text, sentences: frozenset[int], words: int = 6) -> str:
    """The first words of a part, as written, to show the user what was read as it."""
    if not sentences:
        return ""
    first = min(sentences)
    at = doc.sentence.index(first)
    last = at
    while last + 1 < len(doc) and doc.sentence[last + 1] == first and last - at + 1 < words:
        last += 1
    more = last + 1 < len(doc) and doc.sentence[last + 1] == first
    return w.quote(doc, (at, last)) + ("…" if more else "")


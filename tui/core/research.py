"""What in the research notes is worth using, and whether an answer used it for this company.

A word of the notes counts when it is specific: a number, a name, a word
rare in ordinary English. But a number means something only with what it
measures ("40% of revenue", not a lone "4"), a competitor's name in the notes
is never research used for *this* company, and a note said in other words
("expanding" for the note's "expansion") is still the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from tui.core import words as w

# Words in the notes that name a rival: the names after them, up to the end of
# the clause, are competitors ("Number two behind Globex", "Competitors: Ocado, AutoStore").
COMPETITOR_CUES = frozenset("""
competitor competitors competition rival rivals behind versus vs against compete competes competing challenger
incumbent leader alternative alternatives unlike
""".split())
_CLAUSE_END = frozenset(".;:\n") | {"and", "but"}
# How far apart a figure and what it measures may be, in words, in the notes and in the answer.
MEASURE_REACH = 4
# A stem this long or longer matches another that shares all but its last two letters, and at
# least five: "expans" (expansion) meets "expand", "logist" does not meet "logic".
PARAPHRASE_STEM = 6
_SHARED = 5


@lru_cache(maxsize=64)
def stems_of(text: str) -> frozenset[str]:
    return frozenset(w.analyse(text).where)


@lru_cache(maxsize=64)
def research_words(notes: str, known: frozenset[str] = frozenset(), ordinary: frozenset[str] = frozenset(),
                   named: frozenset[str] = frozenset()) -> dict[str, str]:
    """Distinctive words of the notes, stem -> the word as written.

    Numbers and proper names always count; other words only when they are
    rare in ordinary English, not already in the question or the role, and
    not among the pack's ``ordinary`` words for any company ("customers"),
    unless the notes spell them as a name ("Vision Kit"). ``named`` words (the
    company's name and role) never count, even as a name.
    """
    out: dict[str, str] = {}
    for token in w.analyse(notes).tokens:
        if token.stem in out or token.stem in named:
            continue
        if w.is_number(token) or w.is_proper_name(token):
            out[token.stem] = token.surface  # a name is specific even when the question has the word ("Vision Kit")
        elif token.stem in known or token.stem in ordinary:
            continue
        elif len(token.lower) > 2 and token.lower.isalpha() and not w.is_common(token.lower):
            out[token.stem] = token.surface
    return out


@lru_cache(maxsize=64)
def names_and_numbers(notes: str) -> frozenset[str]:
    """Stems of the names and numbers in the notes: what only this company has ("Dockline", "2027")."""
    return frozenset(t.stem for t in w.analyse(notes).tokens if w.is_number(t) or w.is_proper_name(t))


@lru_cache(maxsize=64)
def competitors(notes: str, company: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the names the notes give as rivals, never a word of the company's own name."""
    doc = w.analyse(notes)
    out = set()
    for i, token in enumerate(doc.tokens):
        if token.lower not in COMPETITOR_CUES:
            continue
        for later in doc.tokens[i + 1:]:
            if later.sentence != token.sentence or later.lower in _CLAUSE_END:
                break
            if later.surface[:1].isupper() and later.stem not in company and later.lower != "i":
                out.add(later.stem)
    return frozenset(out)


@lru_cache(maxsize=64)
def measures(notes: str) -> dict[str, frozenset[str]]:
    """Each number of the notes -> the content words beside it, one of which must come with it.

    Read within the note's own clause (between commas and brackets), so in
    "arm (40% of revenue), Vision Kit" the 40 measures revenue, not the kit.
    """
    out: dict[str, set[str]] = {}
    for chunk in _CHUNK.split(notes):
        tokens = w.Text(chunk).tokens
        for i, token in enumerate(tokens):
            if not w.is_number(token):
                continue
            near = out.setdefault(token.stem, set())
            for other in tokens[max(0, i - MEASURE_REACH): i + MEASURE_REACH + 1]:
                if other.sentence == token.sentence and other.stem != token.stem and not w.is_number(other) \
                        and len(other.lower) > 2 and other.lower not in _FUNCTION_WORDS:
                    near.add(other.stem)
    return {number: frozenset(near) for number, near in out.items()}


@lru_cache(maxsize=64)
def name_groups(notes: str) -> dict[str, str]:
    """Each word of a name of several words -> the name's first word: "Vision Kit" is one fact, not two."""
    out: dict[str, str] = {}
    tokens = w.analyse(notes).tokens
    for before, token in zip(tokens, tokens[1:], strict=False):
        if (before.sentence == token.sentence and w.is_proper_name(before) and w.is_proper_name(token)
                and notes[before.end:token.start].strip() == ""):
            out[token.stem] = out.get(before.stem, before.stem)
    return out


_CHUNK = re.compile(r"[,;()\[\]\n]")
_FUNCTION_WORDS = frozenset("the and for with from into our their its than that this per about".split())


class Used(NamedTuple):
    words: list[str]        # research used, as the user wrote it, in order
    rivals: list[str]       # competitors' names the answer uses, as written
    bare_figures: list[str]  # numbers of the notes said without what they measure


def used_research(doc: w.Text, research: dict[str, str], rivals: frozenset[str],
                  figures: dict[str, frozenset[str]], groups: dict[str, str] | None = None,
                  specific: frozenset[str] = frozenset(), about: Callable[[int], bool] | None = None) -> Used:
    """The research ``doc`` uses: exact word forms, paraphrased forms, and figures with their measure.

    A word of the notes that is not ``specific`` (a name or a number) counts only where ``about``
    says the answer speaks of them: "I cut failed nightly loads" is the speaker's own past, even
    when their notes say "nightly".
    """
    found: list[tuple[int, str]] = []
    rival_words: list[tuple[int, str]] = []
    bare: list[tuple[int, str]] = []
    by_prefix: dict[str, list[str]] | None = None
    for stem, _ in research.items():
        places = doc.where.get(stem)
        if places is None and len(stem) >= PARAPHRASE_STEM and stem.isalpha():
            if by_prefix is None:
                by_prefix = {}
                for answer_stem in doc.where:
                    by_prefix.setdefault(answer_stem[:_SHARED], []).append(answer_stem)
            shared = max(_SHARED, len(stem) - 2)
            for other in by_prefix.get(stem[:_SHARED], ()):
                if len(other) >= shared and other[:shared] == stem[:shared]:
                    places = doc.where[other]
                    break
        if places and stem in specific and w.is_common(stem):
            # a name that is also an everyday word counts only as a name: "Copperleaf Current", not "my current role"
            places = [p for p in places if doc.surface[p][:1].isupper() and p not in doc.starts]
        if not places:
            continue
        at = places[0]
        if stem in rivals:
            rival_words.append((at, doc.surface[at]))
        elif stem in figures and figures[stem]:
            measured = [p for p in places if _near(doc, p, figures[stem])]
            (found if measured else bare).append(((measured or places)[0], doc.surface[(measured or places)[0]]))
        else:
            if about is not None and stem not in specific:
                places = [p for p in places if about(p)]
                if not places:
                    continue
                at = places[0]
            found.append((at, doc.surface[at]))

    def ordered(pairs: list[tuple[int, str]]) -> list[str]:
        return list(dict.fromkeys(word for _, word in sorted(pairs)))

    if groups:  # a name of several words used is one fact used
        seen: set[str] = set()
        kept = []
        for at, word in sorted(found):
            group = groups.get(doc.stem[at], doc.stem[at])
            if group not in seen:
                seen.add(group)
                kept.append((at, word))
        found = kept

    return Used(ordered(found), ordered(rival_words), ordered(bare))


def _near(doc: w.Text, i: int, stems: frozenset[str]) -> bool:
    sentence = doc.sentence[i]
    for k in range(max(0, i - MEASURE_REACH), min(len(doc), i + MEASURE_REACH + 1)):
        if doc.sentence[k] == sentence and doc.stem[k] in stems:
            return True
    return False

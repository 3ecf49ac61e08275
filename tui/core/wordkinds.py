"""Kinds of word the coach looks for: past-tense verbs and figures, judged one word at a time."""

from __future__ import annotations

import re

# Past forms a stemmer cannot see (a regular past is a word the stemmer shortens from "-ed").
IRREGULAR_PAST = frozenset("""
was were had did led drove built made took ran grew brought spent saw found got gave went came told
began wrote chose won lost sold bought met kept felt left put set cut knew thought taught caught fought
rose fell held said sent stood understood spoke broke became oversaw undertook overcame rebuilt rewrote
sat paid learnt spelt burnt dreamt spoilt leapt knelt spilt flew drew threw sought struck fed hid shook
woke dealt meant slept lent bent lit quit forgot
""".split())
FIGURE_WORDS = frozenset("""
two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty
sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen
dozens half halved halving third thirds percent double doubled doubling triple tripled tripling twice
tenfold threefold twofold
""".split())


_DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(19|20)\d\d")


def is_figure_word(word: str) -> bool:
    """A number, a percentage, an amount or a figure in words; a bare year is a date, not a figure."""
    if word in FIGURE_WORDS:
        return True
    return bool(_DIGIT.search(word)) and not YEAR.fullmatch(word)


def is_past_word(word: str, word_stem: str) -> bool:
    """A past form: irregular ("led"), or a word ending in "-ed" that the stemmer shortens."""
    return word in IRREGULAR_PAST or (word.endswith("ed") and word_stem != word and len(word) > 4)


def past_positions(lower: list[str], stems: list[str]) -> list[int]:
    """Where the past forms are; the cheap test first, as most words are not."""
    return [i for i, word in enumerate(lower)
            if (word in IRREGULAR_PAST or word.endswith("ed")) and is_past_word(word, stems[i])]


def figure_positions(lower: list[str]) -> list[int]:
    """Where the figures are; a word of letters alone is a figure only if it is a figure word."""
    return [i for i, word in enumerate(lower) if word in FIGURE_WORDS or (not word.isalpha() and is_figure_word(word))]

"""Two versions of a text, word by word: which words each side has that the other does not.

Line breaks and spacing are kept (the compare view shows each side as written); only the
words are compared, case and surrounding punctuation ignored, as typed recall compares them.
"""

from __future__ import annotations

import difflib
import re
from typing import NamedTuple

_TOKEN = re.compile(r"\S+|\s+")


class Span(NamedTuple):
    text: str
    changed: bool


class SideBySide(NamedTuple):
    theirs: list[Span]
    mine: list[Span]
    changes: list[tuple[int, int]]
    """Where each run of differences starts: (offset in theirs, offset in mine), in order."""


def _key(word: str) -> str:
    return word.casefold().strip(".,;:!?\"'()“”‘’")


def side_by_side(theirs: str, mine: str) -> SideBySide:
    a, b = _TOKEN.findall(theirs), _TOKEN.findall(mine)
    a_words = [i for i, t in enumerate(a) if not t.isspace()]
    b_words = [i for i, t in enumerate(b) if not t.isspace()]
    matcher = difflib.SequenceMatcher(a=[_key(a[i]) for i in a_words], b=[_key(b[i]) for i in b_words],
                                      autojunk=False)
    a_changed: set[int] = set()
    b_changed: set[int] = set()
    starts: list[tuple[int, int]] = []
    a_offsets = _offsets(a)
    b_offsets = _offsets(b)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a_changed.update(a_words[i1:i2])
        b_changed.update(b_words[j1:j2])
        a_at = a_offsets[a_words[i1]] if i1 < len(a_words) else len(theirs)
        b_at = b_offsets[b_words[j1]] if j1 < len(b_words) else len(mine)
        starts.append((a_at, b_at))
    return SideBySide(_spans(a, a_changed), _spans(b, b_changed), starts)


def _offsets(tokens: list[str]) -> list[int]:
    out, at = [], 0
    for token in tokens:
        out.append(at)
        at += len(token)
    return out


def _spans(tokens: list[str], changed: set[int]) -> list[Span]:
    """Runs of tokens, changed or not; the spaces between two changed words belong to the run."""
    spans: list[Span] = []
    for i, token in enumerate(tokens):
        flag = i in changed or (token.isspace() and i - 1 in changed and i + 1 in changed and "\n" not in token)
        if spans and spans[-1].changed == flag:
            spans[-1] = Span(spans[-1].text + token, flag)
        else:
            spans.append(Span(token, flag))
    return spans

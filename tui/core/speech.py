"""What an answer sounds like: words, speaking time, and its talking points."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Literal, TypeVar, cast

from tui.core.timefmt import mmss
from tui.core.wordkinds import FIGURE_WORDS

T = TypeVar("T")
DEFAULT_WPM = 140
# A list item as people type or paste it: "- ", "* ", "• ", "– ", "1. ", "2) ". Each is one point.
_MARKER = r"(?:[-*•‣◦▪–]|\d{1,3}[.)])"
BULLET = re.compile(rf"^\s*{_MARKER}\s+(.*\S)\s*$")
_MARKER_ONLY = re.compile(rf"^\s*{_MARKER}?\s*$")
# The line keep-both writes between the file's text and mine (conflicts.separator): never a point,
# and in prose it ends a paragraph, so my version's first sentence counts.
SEPARATOR = re.compile(r"^[ \t]*--- my version \(from [^)\n]*\) ---[ \t]*$", re.MULTILINE)
# The mark is matched, not looked behind for: the same ends, five times faster on a long line.
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*(?=\s|$)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|^[ \t]*--- my version \(from [^)\n]*\) ---[ \t]*(?:\n|$)", re.MULTILINE)
# The coach's figure words (wordkinds), so "by half" and "tripled" are figures in both; longest first.
_FIGURE_WORDS = "|".join(sorted(FIGURE_WORDS, key=lambda word: (-len(word), word)))
_FIGURE = re.compile(rf"\d|(?<!\w)(?:{_FIGURE_WORDS})(?!\w)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_FIGURE_WORD = re.compile(rf"(?:{_FIGURE_WORDS})(?!\w)")  # on lower-cased text; the word before is checked apart
_WORD_CHAR = re.compile(r"\w")
# A capital inside a sentence is a name (Globex, Europe, SAP), except these.
_NOT_NAMES = frozenset({"I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll"})


# Above this an answer is not an answer but an accident (a pasted log): the
# editor shows a read-only preview and the coach only checks its length.
# Textual's TextArea needs seconds per key for a 5 MB answer.
HUGE_WORDS = 20_000
PREVIEW_CHARS = 10_000


def word_count(text: str) -> int:
    # The question list counts every answer on each refresh: remember the few big ones.
    return _big_word_count(text) if len(text) > 50_000 else len(text.split())


@lru_cache(maxsize=8)
def _big_word_count(text: str) -> int:
    return len(text.split())


def is_huge(text: str) -> bool:
    # n words take at least 2n - 1 characters: a 5,000-word answer is never counted here.
    return len(text) > 2 * HUGE_WORDS and word_count(text) > HUGE_WORDS


def huge_notice(words: int) -> str:
    return f"{words:,} words (over {HUGE_WORDS:,}): read-only here · ctrl+e edits it all"


def preview(text: str) -> str:
    """The start of a huge answer, for the read-only editor."""
    return (f"[This answer is too long to edit here, so it is shown cut short and read-only. It is kept as it "
            f"is. ctrl+e edits all of it in your $EDITOR.]\n\n{text[:PREVIEW_CHARS]}\n\n"
            f"[… {len(text) - PREVIEW_CHARS:,} more characters not shown]")


def speaking_seconds(text_or_words: str | int, wpm: int = DEFAULT_WPM) -> float:
    words = text_or_words if isinstance(text_or_words, int) else word_count(text_or_words)
    return words * 60.0 / max(1, wpm)


Band = Literal["under", "in", "over"]


def band(seconds: float, target: tuple[int, int]) -> Band:
    """Whether a speaking time is under, in or over the target band."""
    low, high = target
    if seconds < low:
        return "under"
    if seconds > high:
        return "over"
    return "in"


def too_short(seconds: float, target: tuple[int, int]) -> bool:
    """Far under the band: under a quarter of its low end, as when the clock was stopped by mistake."""
    return seconds < target[0] / 4


def target_text(target: tuple[int, int]) -> str:
    return f"{mmss(target[0])}–{mmss(target[1])}"


def sentences(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    return [flat[start:end] for start, end in _sentence_spans(flat)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` sits, without the whitespace around it.

    A run of whitespace ends a sentence exactly where a single space would, so the spans found
    in the text as typed are the sentences of its flattened copy (``sentences``).
    """
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    spans = []
    for left, right in zip([0, *ends], [*ends, len(text)], strict=True):
        piece = text[left:right]
        if stripped := piece.strip():
            start = left + len(piece) - len(piece.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def _matters(sentence: str) -> bool:
    """A figure or a proper name: what an interviewer remembers, and what a summary must keep."""
    if _has_figure(sentence):
        return True
    first, *rest = sentence.split(None, 1)
    if _mixed_case(first):
        return True  # "iOS", "eBay", "CardioNet" are names even where a sentence starts
    if not rest or rest[0].islower():
        return False  # no capital after the first word: the same answer as the loop, at C speed
    return any((w[:1].isupper() and w.strip(".,;:!?\"'()") not in _NOT_NAMES) or _mixed_case(w)
               for w in rest[0].split())


def _mixed_case(word: str) -> bool:
    """A capital after the first letter of a word that also has small letters: "iOS", "eBay", "McKinsey"."""
    core = word.strip(".,;:!?\"'()")
    return (not core.islower() and not core.isupper() and any(ch.isupper() for ch in core[1:])
            and core not in _NOT_NAMES)


def _has_figure(text: str) -> bool:
    # The editor asks again on every key for the sentence being typed: one case-insensitive
    # pattern took 2 ms on a 5,000-word line, a digit search and a lower-case pattern a quarter.
    if _DIGIT.search(text):
        return True
    low = text.lower()
    if len(low) != len(text):  # a letter that lowers to two: positions differ, ask the full pattern
        return _FIGURE.search(text) is not None
    return any(m.start() == 0 or not _WORD_CHAR.match(low, m.start() - 1) for m in _FIGURE_WORD.finditer(low))


# The rule below in a user's words: the empty answer's placeholder says it whole.
POINTS_RULE = ("Talking points: each list line (-, •, 1.), your first sentence (with no list, each paragraph's) "
               "and every sentence with a figure or a name. Text shown dim is left out of the brief.")


def talking_points(text: str) -> list[str]:
    """The answer's first sentence (its headline), its list items ("- ", "* ", "• ", "1. ", "2) "),
    and its other sentences that hold a figure or a name; without a list, each paragraph's first
    sentence and every other sentence with a figure or a proper name ("cut integration time by 35%").

    The one rule serves rehearsal's reveal, the review cheat sheet and the editor's marks
    (``point_columns``), so the user sees the same points in every place.
    """
    lines = text.splitlines()
    if any(map(BULLET.match, lines)):
        points: list[str] = []
        for row, found in _list_points(lines).items():
            line = lines[row]
            for start, end in found:
                bullet = BULLET.match(line) if (start, end) == (0, len(line)) else None
                points.append(bullet.group(1) if bullet else " ".join(line[start:end].split()))
        return points
    joined = "\n".join(lines)
    return [" ".join(joined[start:end].split()) for start, end in _prose_points(joined)]


def point_columns(lines: Sequence[str]) -> dict[int, list[tuple[int, int]]]:
    """Which columns of each line are talking points, as ``talking_points`` finds them in the lines joined.

    A bullet's line counts whole, its marker too. The editor shows the rest of the answer dim:
    what the reveal, the reviews and the brief leave out is never dropped without a sign.
    """
    if any(map(BULLET.match, lines)):
        return {row: list(found) for row, found in _list_points(lines).items()}
    joined = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    columns: dict[int, list[tuple[int, int]]] = {}
    for start, end in _prose_points(joined):
        row = bisect_right(starts, start) - 1
        while row < len(lines) and starts[row] < end:
            left, right = max(start - starts[row], 0), min(end - starts[row], len(lines[row]))
            if right > left:
                columns.setdefault(row, []).append((left, right))
            row += 1
    return columns


def _list_points(lines: Sequence[str]) -> dict[int, tuple[tuple[int, int], ...]]:
    """In an answer with a list, line by line (a line break always ends a point): each list item whole,
    the answer's first sentence, and the sentences of its other lines that hold a figure or a name."""
    out: dict[int, tuple[tuple[int, int], ...]] = {}
    headline = True
    for row, line in enumerate(lines):
        if _MARKER_ONLY.match(line) or SEPARATOR.match(line):
            continue
        found = _line_points(line)
        if headline and not BULLET.match(line):
            spans = _sentence_spans(line)
            found = tuple(sorted({spans[0], *found}))
        headline = False
        if found:
            out[row] = found
    return out


def _line_points(line: str) -> tuple[tuple[int, int], ...]:
    """In an answer with a list: a list item whole, or the sentences of a plain line that hold a
    figure or a name (a closing line after the list was dropped silently).

    Remembered per line (``_remembered``): a key typed asks again only for the line it changed.
    """
    return _remembered(_find_line_points, line)


def _find_line_points(line: str) -> tuple[tuple[int, int], ...]:
    if BULLET.match(line):
        return ((0, len(line)),)
    return tuple((start, end) for start, end in _sentence_spans(line) if _remembered(_matters, line[start:end]))


def _prose_points(joined: str) -> Iterator[tuple[int, int]]:
    """In an answer without bullets: each paragraph's first sentence and every sentence with a figure or a name."""
    at = 0
    for gap in [*_PARAGRAPH_BREAK.finditer(joined), None]:
        until = gap.start() if gap else len(joined)
        for start, end in _remembered(_paragraph_points, joined[at:until]):
            yield at + start, at + end
        at = gap.end() if gap else until


def _paragraph_points(paragraph: str) -> tuple[tuple[int, int], ...]:
    spans = _sentence_spans(paragraph)
    return tuple((start, end) for i, (start, end) in enumerate(spans)
                 if i == 0 or _remembered(_matters, paragraph[start:end]))


_REMEMBERED: dict[tuple[Callable[[str], object], str], object] = {}
_REMEMBER_CHARS = 4_000  # a longer text is read again each time: a 5,000-word line typed into
_REMEMBER_MOST = 4_096   # would otherwise leave a copy of itself behind at every key


def _remembered(find: Callable[[str], T], text: str) -> T:
    """``find(text)``, remembered for short texts: typing changes one sentence, line or paragraph,
    and the editor asks again about all of them on every key."""
    if len(text) > _REMEMBER_CHARS:
        return find(text)
    key = (find, text)
    if key not in _REMEMBERED:
        if len(_REMEMBERED) >= _REMEMBER_MOST:
            _REMEMBERED.clear()
        _REMEMBERED[key] = find(text)
    return cast(T, _REMEMBERED[key])

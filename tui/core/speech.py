"""What an answer sounds like: words, speaking time, and its talking points."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from tui.core.timefmt import mmss

DEFAULT_WPM = 140
_BULLET = re.compile(r"^\s*[-*]\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*(?=\s|$)")
_FIGURE = re.compile(r"\d|(?<!\w)(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|"
                     r"hundred|thousand|million|billion|dozen|percent|double|doubled|tripled|halved|twice)(?!\w)",
                     re.IGNORECASE)
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


def target_text(target: tuple[int, int]) -> str:
    return f"{mmss(target[0])}–{mmss(target[1])}"


def sentences(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    out, start = [], 0
    for match in _SENTENCE_END.finditer(flat):
        out.append(flat[start:match.end()].strip())
        start = match.end()
    if flat[start:].strip():
        out.append(flat[start:].strip())
    return [s for s in out if s]


def _matters(sentence: str) -> bool:
    """A figure or a proper name: what an interviewer remembers, and what a summary must keep."""
    if _FIGURE.search(sentence):
        return True
    words = sentence.split()[1:]
    return any(w[:1].isupper() and w.strip(".,;:!?\"'()") not in _NOT_NAMES for w in words)


def talking_points(text: str) -> list[str]:
    """The draft's bullet lines (- or *) with its other sentences that hold a figure or a name;
    without bullets, each paragraph's first sentence and every other sentence with a figure or a
    proper name ("cut integration time by 35%").

    The one rule serves rehearsal's reveal and the review cheat sheet, so the
    user sees the same points in both places.
    """
    lines = text.splitlines()
    if any(map(_BULLET.match, lines)):
        # The bullets, and the plain lines between them that hold a figure or a name: a headline
        # before the bullets or a closing line after them was dropped without a word.
        points: list[str] = []
        for line in lines:
            bullet = _BULLET.match(line)
            points += [bullet.group(1)] if bullet else [s for s in sentences(line) if _matters(s)]
        return points
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    points = []
    for paragraph in paragraphs:
        said = sentences(paragraph)
        points += [s for i, s in enumerate(said) if i == 0 or _matters(s)]
    return points

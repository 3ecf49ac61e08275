"""What an answer sounds like: words, speaking time, and its talking points."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.timefmt import mmss

DEFAULT_WPM = 140
_BULLET = re.compile(r"^\s*[-*]\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*(?=\s|$)")


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
    return len(text) > HUGE_WORDS and word_count(text) > HUGE_WORDS


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


def band(seconds: float, target: tuple[int, int]) -> str:
    """'under', 'in' or 'over' the target band."""
    low, high = target
    if seconds < low:
        return "under"
    if seconds > high:
        return "over"
    return "in"


def target_text(target: tuple[int, int]) -> str:
    return f"{mmss(target[0])}–{mmss(target[1])}"


def first_sentence(paragraph: str) -> str:
    flat = " ".join(paragraph.split())
    match = _SENTENCE_END.search(flat)
    return flat[: match.end()] if match else flat


def talking_points(text: str) -> list[str]:
    """The draft's bullet lines (- or *), or else the first sentence of each paragraph.

    The one rule serves rehearsal's reveal and the review cheat sheet, so the
    user sees the same points in both places.
    """
    lines = text.splitlines()
    bullets = [m.group(1) for m in map(_BULLET.match, lines) if m]
    if bullets:
        return bullets
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [first_sentence(p) for p in paragraphs if p.strip()]

"""What an answer sounds like: words, speaking time, and its talking points."""

from __future__ import annotations

import re
from typing import Literal

from tui.core.timefmt import mmss

DEFAULT_WPM = 140
_BULLET = re.compile(r"^\s*[-*]\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*(?=\s|$)")


def word_count(text: str) -> int:
    return len(text.split())


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

"""What the rehearse screen shows as rows: an attempt's reveal and the session's summary.

Plain functions of an attempt and the notes, kept apart from the screen that times and rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.content import Content

from tui.core.packs import Question
from tui.core.schedule import RATINGS, Status, due_text, recall_marks, word_diff
from tui.core.speech import band, talking_points, target_text
from tui.core.timebox import Box
from tui.core.timefmt import mmss
from tui.widgets.hanging import Row


@dataclass
class Attempt:
    question: Question
    started: datetime
    seconds: int
    mode: str
    recall: str = ""
    rating: int | None = None


def reveal_rows(attempt: Attempt, draft: str) -> list[Row]:
    """The reveal after an attempt: its time against the band, the talking points (ticked against a
    typed recall), the draft, and for a typed recall the word-by-word difference."""
    target = attempt.question.target_seconds
    where = band(attempt.seconds, target)
    first: list[tuple[str, str] | str] = [(f"{mmss(attempt.seconds)} ", "bold")]
    if attempt.mode == "typed":
        first.append(("typed from memory (no spoken band: typing is slower than talking)", "$text-muted"))
    else:
        first.append((f"({where} the band {target_text(target)})", "$warning" if where != "in" else "$success"))
    rows: list[Row] = [Content.assemble(*first), ""]
    points = talking_points(draft)
    if attempt.mode == "typed" and points:
        rows.append(Content.styled("Talking points your recall covered", "bold"))
        for point, hit, missing in recall_marks(points, attempt.recall):
            if missing:  # the words came back but a figure did not: the figure is the point
                said = ", ".join(f"“{figure}”" for figure in missing)
                rows.append((Content.styled("  ~ ", "$warning"),
                             Content.assemble(point, (f" (partly: {said} missing or wrong)", "$warning"))))
            else:
                rows.append((Content.styled("  ✓ " if hit else "  ✗ ", "$success" if hit else "$error"), point))
    elif points:
        rows.append(Content.styled("Talking points", "bold"))
        rows += [("  • ", p) for p in points]
    rows += ["", Content.styled("Your draft", "bold")]
    rows.append(draft.strip() if draft.strip() else
                Content.styled("(no draft yet: write one on the Prepare screen)", "$text-muted"))
    if attempt.mode == "typed":
        diff: list[tuple[str, str] | str] = [("What you typed against the draft ", "bold"), ("missed", "$error strike"),
                                             (" / ", "bold"), ("added", "$warning underline")]
        rows += ["", Content.assemble(*diff)]
        words: list[tuple[str, str] | str] = []
        for op, chunk in word_diff(draft, attempt.recall):
            style = {"same": "", "missed": "$error strike", "added": "$warning underline"}[op]
            words += [(chunk, style), " "]
        rows.append(Content.assemble(*words))
    rows += ["", Content.styled("Rate yourself: 1 again · 2 hard · 3 good · 4 easy", "$accent")]
    return rows


def summary_rows(attempts: list[Attempt], box: Box, questions: dict[str, Question], upcoming: list[Status],
                 now: datetime) -> list[Row]:
    """The end of a session: each attempt rated, what was left out to fit the time, what is due next."""
    rows: list[Row] = [Content.styled("Session summary", "bold"), ""]
    for attempt in attempts:
        target = attempt.question.target_seconds
        where = "typed" if attempt.mode == "typed" else band(attempt.seconds, target)  # no spoken band
        lead = Content.assemble(
            (f"{RATINGS[attempt.rating or 3]:<6} ", "bold"),
            (f"{mmss(attempt.seconds):>5} ", "$success" if where in ("in", "typed") else "$warning"),
            (f"{where:<5} ", "$text-muted"),
        )
        rows.append((lead, attempt.question.prompt))
    if box.left_out:
        rows += ["", Content.styled(f"Left out to fit {mmss(box.seconds or 0)} min", "bold")]
        rows += [("  ", questions[q].prompt) for q in box.left_out if q in questions]
    rows += ["", Content.styled("What is due next", "bold")]
    rows += [(f"  {due_text(s.due, now):<18} ", questions[s.question].prompt) for s in upcoming]
    rows += ["", Content.styled("enter or escape to go back", "$text-muted")]
    return rows

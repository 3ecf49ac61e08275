"""The one-screen review: gaps, a line per question, the questions to ask, in 80x24.

``finale review NAME --brief`` prints it, and the in-app review opens on it.
Every line is cut to the width rather than wrapped, and the gaps give way
first (with a count of what was cut), so it always fits the height.
"""

from __future__ import annotations

from tui.core.review import Review, header_lines
from tui.core.sanitize import cells

MIN_HEIGHT = 12


def cut(text: str, width: int) -> str:
    """One line of at most ``width`` cells, with an ellipsis when something was cut."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    text = indent + " ".join(text.split())
    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cells(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip().rstrip("…;,") + "…"


def render_brief(review: Review, width: int = 80, height: int = 24) -> str:
    width, height = max(30, width), max(MIN_HEIGHT, height)
    head = [cut(review.name + (f" · {review.role}" if review.role else ""), width)]
    head += [cut(line, width) for line in header_lines(review)]
    if review.earlier:  # what the last round left to do comes before anything else
        head += ["", "From earlier rounds"] + [cut(f"  - {line}", width) for line in review.earlier]
    answers = ["", "Answers"]
    for answer in review.answers:
        said = " · ".join(answer.points) if answer.text.strip() else "(no answer yet)"
        answers.append(cut(f"  {answer.short}: {said}", width))
    asks = ["", "Ask them"]
    asks += [cut(f"  {n}. {ask}", width) for n, ask in enumerate(review.asks, 1)] or ["  (none chosen)"]
    room = height - len(head) - len(answers) - len(asks) - 2
    gaps = ["", "Gaps"]
    if not review.gaps:
        gaps.append("  None: answered, passing, rehearsed, researched.")
    elif len(review.gaps) <= room:
        gaps += [cut(f"  - {gap}", width) for gap in review.gaps]
    else:
        shown = max(0, room - 1)
        gaps += [cut(f"  - {gap}", width) for gap in review.gaps[:shown]]
        gaps.append(f"  … {len(review.gaps) - shown} more in the full review")
    lines = head + gaps + answers + asks
    if len(lines) > height:
        # Too many questions or asks for the height: keep the top, say so on the last line.
        lines = lines[: height - 1] + ["… more in the full review"]
    return "\n".join(line.rstrip() for line in lines) + "\n"

"""The one-screen review, for the last ten minutes: the people, the cues, the questions to ask, in 80x24.

``finale review NAME --brief`` prints it, and the in-app review opens on it. Nothing is cut
mid-word: every interviewer and every question to ask is shown whole (wrapped); each answer
gets its talking points as cues, first points first, as many as the height allows; the gaps
take what room is left, with a count of what did not fit. Lines give way whole, by priority.
"""

from __future__ import annotations

from tui.core.fields import pack_fields
from tui.core.review import Review, header_lines
from tui.core.sanitize import cells

MIN_HEIGHT = 12


def cut(text: str, width: int) -> str:
    """One line of at most ``width`` cells, with an ellipsis when something was cut (a gap's last resort)."""
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


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped at its words: ``first`` before the first line, ``rest`` before the others."""
    lines = pack_fields(" ".join(text.split()).split(" "), width - cells(rest), sep=" ")
    if lines and cells(first) > cells(rest) and cells(first + lines[0]) > width:
        # The first line has less room than the rest: wrap it again under its own prefix.
        head = pack_fields(lines[0].split(" "), width - cells(first), sep=" ")
        lines = head[:1] + pack_fields(" ".join([*head[1:], *lines[1:]]).split(" "), width - cells(rest), sep=" ")
    return [first + lines[0], *(rest + line for line in lines[1:])] if lines else [first.rstrip()]


def _header(review: Review, width: int) -> list[str]:
    lines = wrap(review.name + (f" · {review.role}" if review.role else ""), width, "", "  ")
    for line in header_lines(review):
        if line.startswith("Interviewers: "):
            # Each person whole, names and roles never split across lines: these are who you meet.
            people = pack_fields(review.interviewers, width - 2, sep=", ")
            lines += [f"Interviewers: {people[0]}" if cells(f"Interviewers: {people[0]}") <= width else "Interviewers:"]
            lines += [f"  {row}" for row in (people[1:] if lines[-1] != "Interviewers:" else people)]
        else:
            lines += wrap(line, width, "", "  ")
    return lines


def _cues(review: Review, width: int, room: int) -> list[str]:
    """Each answer's talking points as cues, first points first across answers, within ``room`` lines."""
    if not review.answers or room < 3:
        return []
    blocks: list[list[list[str]]] = []  # per answer: its heading, then one entry per point
    for answer in review.answers:
        points = answer.points if answer.text.strip() else []
        heading = wrap((answer.short or answer.prompt) + ("" if points else ": (no answer yet)"), width, "  ", "    ")
        blocks.append([heading] + [wrap(point, width, "    • ", "      ") for point in points])
    used = 2 + sum(len(block[0]) for block in blocks)  # a blank line, "Answers", every heading
    if used > room:
        return []
    shown = [1] * len(blocks)
    for depth in range(1, max(len(block) for block in blocks)):
        for i, block in enumerate(blocks):
            if depth < len(block) and shown[i] == depth:
                cost = len(block[depth])
                if used + cost <= room:
                    used += cost
                    shown[i] += 1
    out = ["", "Answers"]
    for block, count in zip(blocks, shown, strict=True):
        out += [line for entry in block[:count] for line in entry]
        more = f"  (+{len(block) - count} more)"
        if count < len(block) and cells(out[-1] + more) <= width:
            out[-1] += more
    return out


def render_brief(review: Review, width: int = 80, height: int = 24) -> str:
    width, height = max(30, width), max(MIN_HEIGHT, height)
    head = _header(review, width)
    if review.earlier:  # what the last round left to do comes before anything else
        head += ["", "From earlier rounds"] + [line for item in review.earlier for line in wrap(item, width, "  - ", "    ")]
    asks = ["", "Ask them"]
    for n, ask in enumerate(review.asks, 1):
        asks += wrap(ask, width, f"  {n}. ", "     ")
    if not review.asks:
        asks.append("  (none chosen)")
    # Who you meet and what you will ask are never dropped; the cues come next, but leave the
    # first two gaps a line each (and a count of the rest); the other gaps take what is left.
    shown = [2, 1, 0] if review.gaps else [0]
    for keep in shown:  # two gaps, then one, then none, until at least one cue fits
        floor = 2 + min(keep, len(review.gaps)) + (len(review.gaps) > keep) if keep else 0
        cues = _cues(review, width, height - len(head) - len(asks) - floor)
        if any("•" in line for line in cues):
            break
    room = height - len(head) - len(asks) - len(cues)
    gaps = ["", "Gaps"]
    if not review.gaps:
        gaps.append("  None: answered, passing, rehearsed, researched.")
    else:
        for n, gap in enumerate(review.gaps):
            lines = [cut(f"  - {gap}", width)]  # a gap is a pointer to the full review: one line each
            left = len(review.gaps) - n
            if len(gaps) + len(lines) + (0 if left == 1 else 1) > room:  # whole gaps only, then a count
                gaps.append(f"  … {left} more in the full review")
                break
            gaps += lines
    if len(gaps) > room:
        gaps = []
    return "\n".join(line.rstrip() for line in head + gaps + cues + asks) + "\n"

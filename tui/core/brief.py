"""The one-screen review, for the last ten minutes: the people, the cues, the questions to ask, in 80x24.

``finale review NAME --brief`` prints it, and the in-app review opens on it. Nothing is cut
mid-word: every interviewer and every question to ask is shown whole (wrapped); every answer
gets its first talking point as a cue before any answer gets a second; the gaps, wrapped whole,
share what room is left (see ``_Page.fill``). What does not fit is counted, never cut: lines give
way whole, by priority.
"""

from __future__ import annotations

from tui.core.fields import pack_fields
from tui.core.review import Review, header_lines
from tui.core.sanitize import cells

MIN_HEIGHT = 12


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped at its words: ``first`` before the first line, ``rest`` before the others."""
    lines = pack_fields(" ".join(text.split()).split(" "), width - cells(rest), sep=" ")
    if lines and cells(first) > cells(rest) and cells(first + lines[0]) > width:
        # The first line has less room than the rest: wrap it again under its own prefix.
        head = pack_fields(lines[0].split(" "), width - cells(first), sep=" ")
        lines = head[:1] + pack_fields(" ".join([*head[1:], *lines[1:]]).split(" "), width - cells(rest), sep=" ")
    return [first + lines[0], *(rest + line for line in lines[1:])] if lines else [first.rstrip()]


def _header(review: Review, width: int, titled: bool) -> list[str]:
    lines = wrap(review.name + (f" · {review.role}" if review.role else ""), width, "", "  ") if titled else []
    for line in header_lines(review):
        if line.startswith("Interviewers: "):
            # Each person whole, names and roles never split across lines: these are who you meet.
            people = pack_fields(review.interviewers, width - 2, sep=", ")
            lines += [f"Interviewers: {people[0]}" if cells(f"Interviewers: {people[0]}") <= width else "Interviewers:"]
            lines += [f"  {row}" for row in (people[1:] if lines[-1] != "Interviewers:" else people)]
        else:
            lines += wrap(line, width, "", "  ")
    return lines


def _answer_blocks(review: Review, width: int) -> list[list[list[str]]]:
    """Per answer: its heading's lines, then each talking point's lines as a cue, wrapped whole."""
    blocks = []
    for answer in review.answers:
        points = answer.points if answer.text.strip() else []
        heading = wrap((answer.short or answer.prompt) + ("" if points else ": (no answer yet)"), width, "  ", "    ")
        blocks.append([heading] + [wrap(point, width, "    • ", "      ") for point in points])
    return blocks


def _more(lines: list[str], note: str, indent: str, width: int) -> list[str]:
    """``note`` after the last of ``lines`` when it fits there, else on a line of its own: a count is never lost."""
    if lines and cells(f"{lines[-1]}  {note}") <= width:
        return [*lines[:-1], f"{lines[-1]}  {note}"]
    return [*lines, indent + note]


class _Page:
    """What the brief shows of its answers and gaps; ``lines`` lays it out, counts of the rest included."""

    def __init__(self, review: Review, width: int, head: list[str], header_end: int, asks: list[str]) -> None:
        self.review, self.width, self.head, self.asks = review, width, head, asks
        self.header_end = header_end
        """Where the header ends in ``head`` (the earlier rounds' follow-ups come after it)."""
        self.blocks = _answer_blocks(review, width)
        self.shown = [0] * len(self.blocks)  # per answer, entries shown: its heading, then its cues
        self.gaps = [wrap(gap, width, "  - ", "    ") for gap in review.gaps] or [
            ["  None: answered, passing, rehearsed, researched."]]
        self.gaps_shown = 0

    def lines(self) -> list[str]:
        left, hidden = len(self.review.gaps) - self.gaps_shown, self.shown.count(0)
        # A section with nothing in it shrinks to a count on the readiness line (or a line of its own).
        unseen = [f"{n} {what}{'s' if n > 1 else ''}" for n, what, none in (
            (hidden, "answer", hidden == len(self.blocks)), (left, "gap", not self.gaps_shown)) if n and none]
        head = list(self.head)
        if unseen:
            note = f"{' and '.join(unseen)}: see the full review"
            at = next((i for i, line in enumerate(head) if line.startswith("Readiness: ")), None)
            if at is not None and cells(f"{head[at]} · {note}") <= self.width:
                head[at] += f" · {note}"
            else:
                head.insert(self.header_end, note)
        gaps = []
        if self.gaps_shown:
            gaps = ["", "Gaps"] + [line for gap in self.gaps[: self.gaps_shown] for line in gap]
            if left > 0:
                gaps.append(f"  … {left} more in the full review")
        cues = []
        for block, count in zip(self.blocks, self.shown, strict=True):
            entries = [line for entry in block[:count] for line in entry]
            if 0 < count < len(block):
                # After the last cue, else after the heading (a heading is short), else a line of its own.
                more, heading = f"(+{len(block) - count} more)", len(block[0])
                if cells(f"{entries[-1]}  {more}") > self.width and cells(f"{entries[heading - 1]}  {more}") <= self.width:
                    entries[heading - 1] += f"  {more}"
                else:
                    entries = _more(entries, more, "      ", self.width)
            cues += entries
        if cues and hidden:  # an answer whose first cue did not fit is counted, never shown as a bare heading
            cues.append(f"  … {hidden} more answer{'s' if hidden > 1 else ''} in the full review")
        return head + gaps + (["", "Answers", *cues] if cues else []) + self.asks

    def fill(self, height: int) -> None:
        """Whole entries in order of what matters ten minutes before, each kept only if the page still fits.

        Every answer's first cue, then the first two gaps, then the second cue of every answer, the
        third, ...: no answer gets a second cue before every one has its first. The other gaps last.
        """

        def cue(i: int, count: int) -> bool:
            before, self.shown[i] = self.shown[i], count
            if len(self.lines()) <= height:
                return True
            self.shown[i] = before
            return False

        def gap() -> bool:
            self.gaps_shown += 1
            if len(self.lines()) <= height:
                return True
            self.gaps_shown -= 1
            return False

        # A first cue is the heading and its first point together: a heading alone is no cue.
        complete = all([cue(i, min(2, len(block))) for i, block in enumerate(self.blocks)])
        while self.gaps_shown < min(2, len(self.gaps)) and gap():
            pass
        depth = 2
        while complete and any(len(block) > depth for block in self.blocks):
            complete = all([cue(i, depth + 1) for i, block in enumerate(self.blocks) if len(block) > depth])
            depth += 1
        while self.gaps_shown < len(self.gaps) and gap():
            pass


def render_brief(review: Review, width: int = 80, height: int = 24, titled: bool = True) -> str:
    """The brief in ``width`` x ``height``; ``titled`` False leaves out the company and role (the app's header has them)."""
    width, height = max(30, width), max(MIN_HEIGHT, height)
    head = _header(review, width, titled)
    header_end = len(head)
    if review.earlier:  # what the last round left to do comes before anything else
        head += ["", "From earlier rounds"] + [line for item in review.earlier for line in wrap(item, width, "  - ", "    ")]
    asks = ["", "Ask them"]
    for n, ask in enumerate(review.asks, 1):
        asks += wrap(ask, width, f"  {n}. ", "     ")
    if not review.asks:
        asks.append("  (none chosen)")
    # Who you meet and what you will ask are never dropped; the cues and gaps take what room is left.
    page = _Page(review, width, head, header_end, asks)
    page.fill(height)
    return "\n".join(line.rstrip() for line in page.lines()) + "\n"

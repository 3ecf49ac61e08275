"""The one-screen review, for the last ten minutes: the people, the cues, the questions to ask, in 80x24.

``finale review NAME --brief`` prints it, and the in-app review opens on it. Nothing is cut
mid-word: every interviewer and every question to ask is shown whole (wrapped); every answer
gets its first talking point as a cue before any answer gets a second; the gaps, wrapped whole,
share what room is left (see ``_Page.fill``). What does not fit is counted, never cut: lines give
way whole, by priority.
"""

from __future__ import annotations

import re

from tui.core.fields import pack_fields
from tui.core.review import Review, header_lines
from tui.core.sanitize import cells

MIN_HEIGHT = 12


def _chunks(word: str, room: int) -> list[str]:
    """``word`` in pieces of at most ``room`` columns: at its hyphens, and cut inside a piece only when one is still too wide."""
    out: list[str] = []
    for part in re.split(r"(?<=-)(?=[^-])", word):
        piece = ""
        for ch in part:
            if piece and cells(piece + ch) > room:
                out.append(piece)
                piece = ""
            piece += ch
        out.append(piece)
    return out


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped at its words: ``first`` before the first line, ``rest`` before the others.

    No line passes ``width``: a word too wide for a line of its own breaks at its hyphens, and
    only a piece with no hyphen left is cut (a 70-column identifier printed at --width 40 did).
    """
    lines = [""]

    def room() -> int:
        return max(1, width - cells(first if len(lines) == 1 else rest))

    def put(piece: str, glue: str) -> None:
        if lines[-1] and cells(lines[-1] + glue + piece) > room():
            lines.append("")
        lines[-1] += (glue if lines[-1] else "") + piece

    smallest = max(1, width - max(cells(first), cells(rest)))
    for word in text.split():
        alone = room() if not lines[-1] else max(1, width - cells(rest))
        if cells(word) <= min(alone, max(1, width - cells(rest))):
            put(word, " ")
        else:
            for n, piece in enumerate(_chunks(word, smallest)):
                put(piece, "" if n else " ")
    if lines == [""]:
        return [first.rstrip()]
    return [first + lines[0], *(rest + line for line in lines[1:])]


def _header(review: Review, width: int, titled: bool) -> list[str]:
    lines = wrap(review.name + (f" · {review.role}" if review.role else ""), width, "", "  ") if titled else []
    for line in header_lines(review):
        if line.startswith("Interviewers: "):
            # Each person whole, names and roles never split across lines: these are who you meet.
            # A person wider than a line wraps under a hanging indent rather than running off the edge.
            people = pack_fields(review.interviewers, width - 2, sep=", ")
            lines += [f"Interviewers: {people[0]}" if cells(f"Interviewers: {people[0]}") <= width else "Interviewers:"]
            for row in people[1:] if lines[-1] != "Interviewers:" else people:
                lines += wrap(row, width, "  ", "    ")
        else:
            lines += wrap(line, width, "", "  ")
    return lines


def _answer_blocks(review: Review, width: int) -> list[list[list[str]]]:
    """Per answer: its heading's lines, then each talking point's lines as a cue, wrapped whole."""
    blocks = []
    for answer in review.answers:
        # An empty answer is a gap ("No answer yet", counted there): a line for it here used to take
        # the only free rows from the written answers' cues.
        if answer.text.strip() and answer.points:
            heading = wrap(answer.short or answer.prompt, width, "  ", "    ")
            blocks.append([heading] + [wrap(point, width, "    • ", "      ") for point in answer.points])
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
        # What is not shown is counted on the readiness line when it fits there: a line of its own
        # took the one row a cue needed. A section with nothing in it shrinks to that count.
        more = "more " if hidden < len(self.blocks) else ""
        counts = [(f"{hidden} {more}answer{'s' if hidden > 1 else ''}", not more), (f"{left} gap{'s' if left > 1 else ''}",
                  True)]
        unseen = [(what, alone) for (what, alone), n in zip(counts, (hidden, left if not self.gaps_shown else 0),
                                                             strict=True) if n]
        head, counted = list(self.head), False
        if unseen:
            at = next((i for i, line in enumerate(head) if line.startswith("Readiness: ")), None)
            note = f"{' and '.join(what for what, _ in unseen)}: see the full review"
            if at is not None and cells(f"{head[at]} · {note}") <= self.width:
                head[at] += f" · {note}"
                counted = True
            elif alone := [what for what, whole in unseen if whole]:
                head[self.header_end:self.header_end] = wrap(f"{' and '.join(alone)}: see the full review",
                                                             self.width, "", "  ")
        gaps = []
        if self.gaps_shown:
            gaps = ["", "Gaps"] + [line for gap in self.gaps[: self.gaps_shown] for line in gap]
            if left > 0:
                gaps.append(f"  … {left} more in the full review")
        cues = []
        for block, count in zip(self.blocks, self.shown, strict=True):
            entries = [line for entry in block[:count] for line in entry]
            if 0 < count < len(block):
                # On the heading, saying what it counts: a bare "(+7 more)" there read as the question's,
                # and after the last cue it cost a line whenever the cue filled its own, a cue fewer.
                note, heading = f"({count - 1} of {len(block) - 1} points)", len(block[0])
                if cells(f"{entries[heading - 1]}  {note}") <= self.width:
                    entries[heading - 1] += f"  {note}"
                else:
                    entries = _more(entries, note, "      ", self.width)
            cues += entries
        if cues and hidden and not counted:  # an answer whose first cue did not fit is counted, never a bare heading
            cues.append(f"  … {hidden} more answer{'s' if hidden > 1 else ''} in the full review")
        return head + gaps + (["", "Answers", *cues] if cues else []) + self.asks

    def fill(self, height: int, most: _Page | None = None) -> None:
        """Whole entries in order of what matters ten minutes before, each kept only if the page still fits.

        Every answer's first cue, then the first two gaps, then the second cue of every answer, the
        third, ...: no answer gets a second cue before every one has its first. The other gaps last.
        ``most``: a filled page this one shows no more than.
        """

        def cue(i: int, count: int) -> bool:
            if most is not None and count > most.shown[i]:
                return False
            before, self.shown[i] = self.shown[i], count
            if len(self.lines()) <= height:
                return True
            self.shown[i] = before
            return False

        def gap() -> bool:
            if most is not None and self.gaps_shown >= most.gaps_shown:
                return False
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


def _page(review: Review, width: int, titled: bool) -> _Page:
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
    return _Page(review, width, head, header_end, asks)


def render_brief(review: Review, width: int = 80, height: int = 24, titled: bool = True,
                 same_as: tuple[int, int] | None = None) -> str:
    """The brief in ``width`` x ``height``; ``titled`` False leaves out the company and role (the app's header has them).

    ``same_as``: the (width, height) of the printed brief this one shows no more than: the same
    cues and gaps when they fit here too (the app's review opens on the page ``--brief`` prints;
    it showed one answer more or fewer, its rows and columns being not quite the terminal's).
    """
    width, height = max(30, width), max(MIN_HEIGHT, height)
    page, printed = _page(review, width, titled), None
    if same_as is not None:
        printed = _page(review, max(30, same_as[0]), True)
        printed.fill(max(MIN_HEIGHT, same_as[1]))
    page.fill(height, printed)
    return "\n".join(line.rstrip() for line in page.lines()) + "\n"

"""Where a check reads: its part of the answer, the deeds the speaker did, the sentences aimed at them.

run_checks finds a check's words; these decide which of the places found
count, so "led" in "my manager led the launch", "excited" about the
profession in general, or a plan in the strength paragraph do not.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core import parts as answer_parts
from tui.core import reading
from tui.core import words as w
from tui.core.packs import Check
from tui.core.research import competitors, names_and_numbers, research_words
from tui.core.research import stems_of as _stems_of

if TYPE_CHECKING:
    from tui.core.checks import CheckContext

Spans = dict[str, list[tuple[int, int]]]


def _quoted(items: list[str]) -> str:
    quoted = [f"“{item}”" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def keep(found: Spans, ok: Callable[[str, tuple[int, int]], bool]) -> Spans:
    """Each entry with the first of its places that counts: a message quotes one, and a long answer has hundreds."""
    return {entry: [kept] for entry, spans in found.items()
            if (kept := next((span for span in spans if ok(entry, span)), None)) is not None}


def reader(doc: w.Text, check: Check, ctx: CheckContext, ordinary: list[str] | tuple[str, ...] = (),
           prompt: str = "") -> Callable[[str, tuple[int, int]], bool]:
    """Whether a match counts for this check: in its part, done by the speaker, aimed at them.

    ``ordinary`` words of the notes ("customers") do not make a sentence about them.
    """
    params = check.params
    future = w.future_sentences(doc) if params.get("done", False) else set()
    part = part_positions(doc, check)
    ignored = _positions(doc, list(params.get("ignore", [])))
    aimed = targets(doc, check, ctx, ordinary) if params.get("aimed", False) else None
    weak = targets(doc, check, ctx, ordinary, strong=False) if aimed is not None else set()
    generic = _positions(doc, list(params.get("generic", []))) if aimed is not None else set()
    near = {doc.sentence[k] for k in aimed} if aimed is not None else set()  # sentences that speak of them
    rivals = _rival_positions(doc, ctx) if aimed is not None else set()
    cues = answer_parts.weakness_cue_words(doc) if params.get("part") == "weakness" else set()
    echoed = _echoes(doc, prompt) if prompt else set()

    def ok(entry: str, span: tuple[int, int]) -> bool:
        first, last = span
        if first in ignored or last in ignored or (part is not None and first not in part):
            return False
        if cues and reading.clause_has(doc, first, set(), cues):
            return False  # the weakness as it is named ("I am not good at delegating") is not what is done about it
        verb = next((i for i in range(first, last + 1)
                     if doc.lower[i] not in reading.NOT_THE_VERB), first)
        after = verb
        if doc.lower[last] in reading.SPEAKERS and last + 1 < len(doc) and doc.sentence[last + 1] == doc.sentence[last]:
            after = last + 1  # "so I", "now I": the verb after them says whether it is done or only tried
        planned = (doc.sentence[first] in future or reading.is_intended(doc, verb) or reading.is_intended(doc, last)
                   or doc.lower[after] in reading.INTENTION)
        if (params.get("done", False) or params.get("not_planned", False)) and planned:
            return False
        if params.get("done", False) and (not reading.is_done_by_speaker(doc, verb) or reading.looks_like_noun(doc, verb, entry)
                                          or any(reading.in_progress_for_past(doc, k, entry) for k in range(first, last + 1))):
            return False
        if echoed and doc.sentence[first] in echoed:
            return False  # the question said back
        if aimed is not None and (reading.negated(doc, first) or not _aimed(doc, first, aimed, weak, generic, near, rivals)):
            return False
        return True

    return ok


def _echoes(doc: w.Text, prompt: str) -> set[int]:
    """Sentences that say the question back ("Why do I want to work here as a Senior Product Manager?")."""
    asked = set(w.analyse(prompt).stem)
    words: dict[int, int] = {}
    shared: dict[int, int] = {}
    for s, stem_ in zip(doc.sentence, doc.stem, strict=True):
        words[s] = words.get(s, 0) + 1
        shared[s] = shared.get(s, 0) + (stem_ in asked)
    return {s for s, n in words.items() if n >= 4 and shared[s] >= 0.7 * n}


def _positions(doc: w.Text, entries: list[str]) -> set[int]:
    return {i for spans in w.found_entries(doc, entries).values() for first, last in spans for i in range(first, last + 1)}


def _aimed(doc: w.Text, i: int, aimed: set[int], weak: set[int], generic: set[int], near: set[int],
           rivals: set[int]) -> bool:
    """Feeling at word ``i`` is about them.

    Not when its clause is about something any company has ("product
    management", "the mission"); yes when they are in its clause; not when a
    competitor is; not when it has an object of its own ("I love data
    engineering"); else when they are in the sentence before or after ("That
    excites me"), and no competitor in it or the one before ("Globex ... Their
    roadmap is impressive").
    """
    if reading.clause_has(doc, i, set(), generic):
        return False
    if reading.clause_has(doc, i, set(), aimed):
        return True
    if i + 1 < len(doc) and doc.lower[i + 1].endswith("ing") and doc.sentence[i + 1] == doc.sentence[i]:
        return False  # "I love building clean pipelines": the craft, wherever it is done
    if reading.clause_has(doc, i, set(), weak):
        return True  # a rarer word of their notes in the same clause ("eager to do that with a bigger fleet")
    if reading.clause_has(doc, i, set(), rivals) or reading.has_object(doc, i):
        return False  # "I love data engineering": about its object, which is not them
    before, s, after = _neighbours(doc, doc.sentence[i])
    rival_sentences = {doc.sentence[k] for k in rivals}
    return bool(near & {before, s, after}) and not rival_sentences & {before, s}


def _neighbours(doc: w.Text, s: int) -> tuple[int, int, int]:
    """The sentences before and after sentence ``s`` (numbers skip over blank lines), -1 where none."""
    order = doc.memo.get("sentence_order")
    if not isinstance(order, list):
        order = doc.memo["sentence_order"] = sorted(set(doc.sentence))
    k = bisect_left(order, s)
    return (order[k - 1] if k else -1), s, (order[k + 1] if k + 1 < len(order) else -1)


def speaks_of_them(doc: w.Text, ctx: CheckContext) -> Callable[[int], bool]:
    """Whether word i is in a clause, or just after a sentence, that speaks of them: "you", their
    name, a name or number of their notes."""
    name = _stems_of(ctx.company_name) - _GENERIC
    notes = "\n".join(ctx.notes.values())
    stems = (name | names_and_numbers(notes) | _SECOND_PERSON) - competitors(notes, name)
    them = {i for stem_ in stems for i in doc.where.get(stem_, ())
            if stem_ in _SECOND_PERSON or not w.is_common(doc.lower[i]) or doc.surface[i][:1].isupper()}
    sentences = {doc.sentence[k] for k in them}

    def about(i: int) -> bool:
        before, s, _ = _neighbours(doc, doc.sentence[i])
        return before in sentences or reading.clause_has(doc, i, set(), them)

    return about


_SECOND_PERSON = frozenset({"you", "your", "yours"})
_GENERIC = frozenset({"the", "and", "of", "inc", "ltd", "co", "group"})


def _rival_positions(doc: w.Text, ctx: CheckContext) -> set[int]:
    name = _stems_of(ctx.company_name)
    rivals = competitors("\n".join(ctx.notes.values()), name)
    return {i for stem_ in rivals for i in doc.where.get(stem_, ())}


def targets(doc: w.Text, check: Check, ctx: CheckContext, ordinary: list[str] | tuple[str, ...] = (),
            strong: bool = True) -> set[int]:
    """Where the answer speaks of them: "you", "this role", the company's name, its names and numbers
    in the notes, and (unless ``strong``) the notes' rarer words ("pipelines", "fleet")."""
    found = w.found_entries(doc, list(check.params.get("targets", [])))
    out = {i for spans in found.values() for first, last in spans for i in range(first, last + 1)}
    name = _stems_of(ctx.company_name) - {w.analyse(g).stem[0] for g in ("the", "and", "of") if w.analyse(g).stem}
    notes = "\n".join(ctx.notes.values())
    rivals = competitors(notes, name)
    words = set(research_words(notes, _stems_of(ctx.role), _stems_of(" ".join(ordinary)))) if notes.strip() else set()
    about = ((words & names_and_numbers(notes) if strong else words) | name) - rivals
    for stem_ in about:
        out.update(doc.where.get(stem_, ()))
    return out


def part_positions(doc: w.Text, check: Check) -> set[int] | None:
    part = check.params.get("part")
    if part not in ("strength", "weakness"):
        return None
    parts = answer_parts.strength_and_weakness(doc)
    return answer_parts.positions_in(doc, parts.strength if part == "strength" else parts.weakness)


def part_note(doc: w.Text, check: Check) -> str:
    """Which sentences were read as the part a check reads, so the user sees the split."""
    part = check.params.get("part")
    if part not in ("strength", "weakness"):
        return ""
    parts = answer_parts.strength_and_weakness(doc)
    if not parts.cued:
        return ""
    sentences = parts.strength if part == "strength" else parts.weakness
    if not sentences:
        return f" No part of the answer reads as your {part} yet."
    return f" Read as your {part}: from “{answer_parts.opening(doc, sentences)}”."


def rival_praise(doc: w.Text, check: Check, ctx: CheckContext, named: list[str]) -> str:
    """What to say when the answer names a competitor from the notes, and louder when it praises one."""
    if not named:
        return ""
    praise = w.found_entries(doc, list(check.params.get("praise", [])))
    praised = [word for word in named
               if any(reading.clause_has(doc, first, {w.analyse(word).stem[0]}) for spans in praise.values()
                      for first, _ in spans)]
    if praised:
        return f" You praise {_quoted(praised)}, a competitor in your notes: say what draws you to {ctx.company_name} instead."
    return f" {_quoted(named)} is a competitor in your notes: it does not count as research on {ctx.company_name}."



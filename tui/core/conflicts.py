"""Conflict copies: the notes a save set aside because the file changed elsewhere, and what to do with them.

A conflicting save leaves the file on disk alone ("theirs") and writes ours
("mine") beside it as ``<slug>.toml.conflict-<time>[-N]``; a sync tool's copy
of the file (see sync_copies) is treated the same way. This module finds
those copies (newest first), says how the two versions differ, builds the
"keep both" notes, and moves a copy that is done with to the trash: nothing
here ever unlinks a file.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal, NamedTuple

from tui.core.atomic import fsync_dir, private_dir, write_new
from tui.core.bounded import read_regular
from tui.core.notes import Answer, ChecklistEntry, Company
from tui.core.store import NotesError, NotesStore, company_from, digest_of

_NAME = re.compile(r"^(?P<file>.+\.toml)\.conflict-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")

Kind = Literal["answer", "note", "asks", "details", "questions", "rehearsals"]


class ConflictCopy(NamedTuple):
    path: Path
    at: datetime
    """When the copy was written (from its name): when "mine" was typed."""
    n: int = 1
    tool: str = ""
    """The sync tool that made the copy (Syncthing, Dropbox...); "" for finale's own."""

    def label(self, now: datetime) -> str:
        """The copy's time the way the bar says it: "14:03" today, else "25 Nov 14:03"; and whose copy."""
        when = f"{self.at:%H:%M}" if self.at.date() == now.date() else f"{self.at:%-d %b %H:%M}"
        return f"{when}, {self.tool}'s copy" if self.tool else when


def conflict_copies(store: NotesStore, slug: str) -> list[ConflictCopy]:
    """The conflict copies beside a company's file, newest first."""
    target = store.path_for(slug).name
    found = []
    if not store.companies.is_dir():
        return []
    for path in store.companies.iterdir():
        match = _NAME.match(path.name)
        if not match or match["file"] != target or not path.is_file():
            continue
        try:
            at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(ConflictCopy(path, at, int(match["n"] or 1)))
    for copy_ in store.sync_copies().get(slug, []):
        path = store.path_for(copy_.stem)
        try:
            at = copy_.at or datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        found.append(ConflictCopy(path, at, tool=copy_.tool))
    return sorted(found, key=lambda c: (c.at, c.n), reverse=True)


def moved_aside(store: NotesStore, slug: str, digest: str) -> Path | None:
    """A sync tool's copy of ``slug`` holding exactly the version ``digest`` names, if there is one.

    Syncthing resolves a conflict by renaming the local file to a ``.sync-conflict-`` name and
    putting the other machine's version in its place: to an open company that looks like an
    ordinary change on disk, but the version the user was looking at is now the copy.
    """
    for copy_ in store.sync_copies().get(slug, []):
        path = store.path_for(copy_.stem)
        try:
            if digest_of(read_regular(path)) == digest:
                return path
        except OSError:
            continue
    return None


def load_copy(conflict: ConflictCopy) -> Company:
    """The notes in a conflict copy; raises NotesError when it cannot be read (it stays where it is)."""
    try:
        data = read_regular(conflict.path)
    except OSError as error:
        raise NotesError(conflict.path, f"cannot read: {error.strerror}") from None
    return company_from(data, conflict.path)[0]


class Difference(NamedTuple):
    kind: Kind
    key: str
    """The question id for an answer, the item id for a note, the field for details; "" otherwise."""
    theirs: str
    mine: str


def _entry_text(entry: ChecklistEntry) -> str:
    return ("✓ " if entry.done else "· ") + entry.note


def _asks_text(company: Company) -> str:
    return "\n".join(("✓ " if a.chosen else "· ") + a.text for a in company.asks)


def _detail(company: Company, field: str) -> str:
    value = getattr(company, field)
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value or ""


def _ordered(keys: Iterable[str], first: Iterable[str]) -> list[str]:
    keys = list(dict.fromkeys(keys))
    head = [k for k in first if k in keys]
    return head + [k for k in keys if k not in head]


def differences(theirs: Company, mine: Company, order: Iterable[str] = ()) -> list[Difference]:
    """What differs between the file on disk (theirs) and a conflict copy (mine).

    Answers come first, in ``order`` (the questions as listed) and then any
    others; then research notes, the questions to ask, the details, the
    questions added, and rehearsals (as counts).
    """
    out: list[Difference] = []
    for qid in _ordered([*theirs.answers, *mine.answers], order):
        t, m = theirs.answer_text(qid), mine.answer_text(qid)
        if t != m:
            out.append(Difference("answer", qid, t, m))
    for item in _ordered([*theirs.checklist, *mine.checklist], ()):
        t_entry, m_entry = theirs.entry(item), mine.entry(item)
        if (t_entry.done, t_entry.note) != (m_entry.done, m_entry.note):
            out.append(Difference("note", item, _entry_text(t_entry), _entry_text(m_entry)))
    if [(a.text, a.chosen) for a in theirs.asks] != [(a.text, a.chosen) for a in mine.asks]:
        out.append(Difference("asks", "", _asks_text(theirs), _asks_text(mine)))
    for field in ("role", "interview_at", "interviewers", "links"):
        t, m = _detail(theirs, field), _detail(mine, field)
        if t != m:
            out.append(Difference("details", field, t, m))
    t_q = "\n".join(c.prompt for c in theirs.custom_questions)
    m_q = "\n".join(c.prompt for c in mine.custom_questions)
    if t_q != m_q:
        out.append(Difference("questions", "", t_q, m_q))
    if theirs.rehearsals != mine.rehearsals:
        out.append(Difference("rehearsals", "", f"{len(theirs.rehearsals)} rehearsals",
                              f"{len(mine.rehearsals)} rehearsals"))
    return out


def separator(at: datetime) -> str:
    """The line between the disk's text and mine in a kept-both answer."""
    return f"--- my version (from {at:%Y-%m-%d %H:%M}) ---"


def _both(theirs: str, mine: str, at: datetime) -> str:
    if theirs == mine or not mine.strip():
        return theirs
    if not theirs.strip():
        return mine
    joint = "" if theirs.endswith("\n") else "\n"
    return f"{theirs}{joint}{separator(at)}\n{mine}"


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    return max((d for d in (a, b) if d is not None), default=None)


def keep_both(theirs: Company, mine: Company, at: datetime) -> Company:
    """The disk's notes with mine folded in, losing no text from either.

    Each answer or research note that differs becomes the disk's text, the
    ``separator`` line, then mine (just one of them when the other is blank).
    Questions to ask, questions added, rehearsals, interviewers and links
    from mine that the disk lacks are added; a detail the disk left blank
    takes mine. Everything else is the disk's.
    """
    merged = copy.deepcopy(theirs)
    for qid, answer in mine.answers.items():
        ours = merged.answers.get(qid)
        if ours is None:
            merged.answers[qid] = copy.deepcopy(answer)
            continue
        text = _both(ours.text, answer.text, at)
        if text != ours.text:
            merged.answers[qid] = Answer(text, _later(ours.updated_at, answer.updated_at), ours.extra)
    for item, entry in mine.checklist.items():
        kept = merged.checklist.setdefault(item, ChecklistEntry())
        kept.note = _both(kept.note, entry.note, at)
        kept.done = kept.done or entry.done
    texts = {a.text for a in merged.asks}
    merged.asks += [copy.deepcopy(a) for a in mine.asks if a.text not in texts]
    ids = {c.id for c in merged.custom_questions}
    merged.custom_questions += [copy.deepcopy(c) for c in mine.custom_questions if c.id not in ids]
    merged.rehearsals += [copy.deepcopy(r) for r in mine.rehearsals if r not in theirs.rehearsals]
    for field in ("interviewers", "links"):
        have = getattr(merged, field)
        have += [v for v in getattr(mine, field) if v not in have]
    merged.role = merged.role or mine.role
    merged.interview_at = merged.interview_at or mine.interview_at
    # Rounds (and their debriefs) only mine has are added; a note on someone only I wrote is kept.
    merged.rounds += [copy.deepcopy(r) for r in mine.rounds if r not in theirs.rounds]
    for who, note in mine.interviewer_notes.items():
        merged.interviewer_notes[who] = _both(merged.interviewer_notes.get(who, ""), note, at)
    return merged


def move_to_trash(store: NotesStore, path: Path) -> Path:
    """Move ``path`` into ``<data dir>/trash/`` under its own name (``-2``, ``-3`` when taken); never unlink it.

    The file is hard-linked to its new name before the old name goes, so a
    crash in between leaves it in both places, never in neither.
    """
    trash = private_dir(store.trash)
    target, n = trash / path.name, 2
    while True:
        try:
            os.link(path, target)
            break
        except FileExistsError:
            target, n = trash / f"{path.name}-{n}", n + 1
        except OSError:  # no hard links here (or another device): a rename that replaces nothing
            while os.path.lexists(target):
                target, n = trash / f"{path.name}-{n}", n + 1
            os.replace(path, target)
            fsync_dir(trash)
            fsync_dir(path.parent)
            return target
    os.unlink(path)
    fsync_dir(trash)
    fsync_dir(path.parent)
    return target


def set_aside(store: NotesStore, slug: str, stamp: datetime) -> Path | None:
    """Copy the file on disk into the trash before "keep mine" replaces it; None when there is no file."""
    try:
        data = store.path_for(slug).read_bytes()
    except FileNotFoundError:
        return None
    trash = private_dir(store.trash)
    return write_new(trash / f"{slug}.toml.replaced-{stamp:%Y%m%d-%H%M%S}", data)

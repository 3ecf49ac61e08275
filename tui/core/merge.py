"""Three-way merge of two versions of a company's notes against the version both started from.

Two windows on one company each save what they changed. When a save finds the
file changed since it was read, the two sides are merged field by field on the
TOML documents: each answer, each research note, each detail of the company
and each interviewer's notes is one field. A field changed on one side only
takes that side; changed on both to the same value, that value; changed on both
differently, it is a conflict, and only then does a conflict copy appear.
Lists that both sides only added to (rehearsals, rounds) keep both additions.
Working on the documents keeps keys finale does not know, like any other field.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from tui.core import notes
from tui.core.notes import Company

if TYPE_CHECKING:
    from tui.core.store import NotesStore

_MISSING = object()
_TABLE_DEPTH = 2
"""Tables at the top and one level down are merged key by key (``answers`` -> each question);
anything deeper is one field (an answer's text and time stamp go together)."""


class Clash(Exception):
    """The same field changed differently on both sides; ``path`` names it."""

    def __init__(self, path: tuple[str, ...]) -> None:
        super().__init__(".".join(path))
        self.path = path


def merge_documents(base: Any, mine: Any, theirs: Any, path: tuple[str, ...] = ()) -> Any:
    """The merged value, or Clash. ``_MISSING`` stands for a key one side does not have."""
    if _same(mine, theirs):
        return mine
    if _same(mine, base):
        return theirs
    if _same(theirs, base):
        return mine
    if len(path) < _TABLE_DEPTH and all(isinstance(v, dict) for v in (mine, theirs)):
        old = base if isinstance(base, dict) else {}
        merged: dict[str, Any] = {}
        for key in [*theirs, *(k for k in mine if k not in theirs)]:
            value = merge_documents(old.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING),
                                    (*path, key))
            if value is not _MISSING:
                merged[key] = value
        return merged
    start = [] if base is _MISSING else base  # a list neither had before starts empty
    if all(isinstance(v, list) for v in (start, mine, theirs)) and mine[:len(start)] == start == theirs[:len(start)]:
        added = [row for row in mine[len(start):] if row not in theirs[len(start):]]
        return [*theirs, *added]  # both only appended: theirs, then what only mine added
    raise Clash(path)


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def merge(base: Company, mine: Company, theirs: Company) -> Company:
    """``mine`` and ``theirs`` merged against ``base``; Clash when one field changed on both sides."""
    doc = merge_documents(notes.to_document(base), notes.to_document(mine), notes.to_document(theirs))
    return notes.from_document(doc)


def changed_fields(before: Company, after: Company) -> list[tuple[str, ...]]:
    """The fields (as merge sees them) that differ between two versions."""
    out: list[tuple[str, ...]] = []

    def walk(a: Any, b: Any, path: tuple[str, ...]) -> None:
        if _same(a, b):
            return
        if len(path) < _TABLE_DEPTH and isinstance(a, dict) and isinstance(b, dict):
            for key in dict.fromkeys([*a, *b]):
                walk(a.get(key, _MISSING), b.get(key, _MISSING), (*path, key))
            return
        out.append(path)

    walk(notes.to_document(before), notes.to_document(after), ())
    return out


def take_fields(live: Company, source: Company, fields: list[tuple[str, ...]]) -> Company:
    """``live`` with each of ``fields`` set as it is in ``source`` (removed where ``source`` lacks it)."""
    doc, new = notes.to_document(live), notes.to_document(source)
    for path in fields:
        target, value = doc, new
        for key in path[:-1]:
            target = target.setdefault(key, {})
            value = value.get(key, {}) if isinstance(value, dict) else {}
        if not path:
            return notes.from_document(new)
        if path[-1] in value:
            target[path[-1]] = value[path[-1]]
        else:
            target.pop(path[-1], None)
    return notes.from_document(doc)


class MergingSession:
    """What CompanySession does with another window's save: merge it in, never set it aside."""

    store: NotesStore
    slug: str
    company: Company
    digest: str | None
    base: Company
    """The notes as the file held them when last read or written: what a merge starts from."""
    _merges: list[tuple[Company, list[tuple[str, ...]]]]
    merges_taken: int
    """How many merges the notes in memory have taken (the UI thread takes them)."""

    def start_merging(self, base: Company) -> None:
        """Begin again from ``base``, the notes as the file holds them now."""
        self.base, self._merges, self.merges_taken = copy.deepcopy(base), [], 0

    @property
    def merges_pending(self) -> bool:
        """A save merged another window's changes that the notes in memory do not have yet."""
        return len(self._merges) > self.merges_taken

    def merges_since(self, taken: int) -> list[tuple[Company, list[tuple[str, ...]]]]:
        return self._merges[taken:]

    def _merge_with_disk(self, mine: Company) -> Company | None:
        """If the file changed since ``base``, write ``mine`` merged with it field by field and return that.

        None when the file is still ours (a plain save follows) or both changed one field
        (the plain save then finds the change and makes a conflict copy, as before).
        """
        if self.digest is None or self.store.disk_digest(self.slug) == self.digest:
            return None
        entry = self.store.read(self.slug)
        if entry.company is None:
            return None
        try:
            merged = merge(self.base, mine, entry.company)
        except Clash:
            return None
        self.digest = self.store.save(self.slug, merged, entry.digest)  # changed yet again: ConflictError
        self.base = merged
        self._merges.append((merged, changed_fields(mine, merged)))
        return merged

    def take_merges(self) -> bool:
        """Bring what other windows changed into the notes in memory (UI thread); True if anything came."""
        came = False
        for merged, fields in self._merges[self.merges_taken:]:
            if fields:
                new, came = take_fields(self.company, merged, fields), True
                for name in Company._fields:  # in place: screens hold this object
                    setattr(self.company, name, getattr(new, name))
        self.merges_taken = len(self._merges)
        return came

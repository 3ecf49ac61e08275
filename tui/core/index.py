"""One line of facts per company for the picker and `finale list`, cached between runs.

Reading and checking 500 notes files takes most of a second; a stat of each
takes milliseconds. The cache keeps each file's summary under its
(mtime, size, inode) and the packs it was computed with, so only files that
changed are read again. It is a derived copy: a missing, stale or corrupt
cache is rebuilt, and the notes files stay the only source of truth.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tui.core.atomic import atomic_write, private_dir
from tui.core.bounded import read_regular
from tui.core.fsguard import clean_stale_temps, file_stamp
from tui.core.notes import Company
from tui.core.orphans import orphan_answers
from tui.core.packs import Catalog
from tui.core.progress import progress, progress_text, readiness_text, soonest_first
from tui.core.rounds import Debrief, Round, focus_round, next_round, rounds_of
from tui.core.speech import DEFAULT_WPM
from tui.core.store import NotesStore

if TYPE_CHECKING:
    from tui.core.rounds import Round

VERSION = 5  # bumped when what a summary holds changes (ctime in the stamp, orphans, "done", rounds): rebuilt


class Summary(NamedTuple):
    slug: str
    path: str
    name: str = ""
    role: str = ""
    interview_at: str | None = None  # ISO text, so the cache stays plain JSON
    answered: int = 0
    questions: int = 0
    researched: int = 0
    checklist: int = 0
    ready_passed: int = 0
    ready_total: int = 0
    error: str | None = None
    error_line: int | None = None
    error_fix: str = ""
    orphans: int = 0  # answers to questions no longer in any pack
    rounds: str = "[]"  # JSON [[name, ISO at or null, [interviewers], debriefed], ...]: the file's rounds

    def round_list(self) -> list[Round]:
        return [Round(name, datetime.fromisoformat(at) if at else None, list(people), Debrief() if done else None)
                for name, at, people, done in json.loads(self.rounds)]

    def focus(self, now: datetime) -> Round | None:
        """The round the list's date and countdown are about: the next one, else the last."""
        return focus_round(Company(self.name, rounds=self.round_list()), now)

    def next_round(self, now: datetime) -> Round | None:
        return next_round(Company(self.name, rounds=self.round_list()), now)

    @property
    def when(self) -> datetime | None:
        return datetime.fromisoformat(self.interview_at) if self.interview_at else None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def progress(self) -> str:
        return progress_text(self.answered, self.questions, self.researched, self.checklist)

    @property
    def orphan_text(self) -> str:
        return f"{self.orphans} answer{'s' if self.orphans != 1 else ''} to questions no longer in any pack" \
            if self.orphans else ""

    @property
    def ready(self) -> str:
        return readiness_text(self.ready_passed, self.ready_total)

    @property
    def error_text(self) -> str:
        return (f"line {self.error_line}: " if self.error_line else "") + (self.error or "")


def _fingerprint(catalog: Catalog, wpm: int) -> list[object]:
    sources = [p.source for p in catalog.packs] + [e.source for e in catalog.errors]
    out: list[object] = [VERSION, wpm]
    for path in sources:
        try:
            out.append([str(path), *file_stamp(path.stat())])
        except OSError:
            out.append([str(path)])
    return out


def _summarize(store: NotesStore, catalog: Catalog, slug: str, wpm: int) -> Summary:
    from tui.core.checks import company_readiness

    entry = store.read(slug, with_digest=False)
    if entry.company is None:
        error = entry.error
        return Summary(slug, str(entry.path), error=error.reason if error else "unreadable",
                       error_line=error.line if error else None, error_fix=error.fix if error else "")
    company = entry.company
    done = progress(catalog, company)
    ready = company_readiness(catalog, company, wpm)
    return Summary(
        slug, str(entry.path), name=company.name, role=company.role,
        interview_at=company.interview_at.isoformat() if company.interview_at else None,
        answered=done.answered, questions=done.questions, researched=done.researched, checklist=done.checklist,
        ready_passed=ready.passed, ready_total=ready.total, orphans=len(orphan_answers(catalog, company)),
        rounds=json.dumps([[r.name, r.at.isoformat() if r.at else None, r.interviewers, r.debrief is not None]
                           for r in rounds_of(company)]),
    )


def _unreachable(store: NotesStore, slug: str, error: OSError) -> Summary:
    path = store.path_for(slug)
    if os.path.islink(path):
        reason = f"a link to {os.readlink(path)}, which does not exist"
        fix = "Restore the file it points to, or delete the link."
    else:
        reason, fix = f"cannot read: {error.strerror or error}", "Check the file's permissions."
    return Summary(slug, str(path), error=reason, error_fix=fix)


class Leftover(NamedTuple):
    """A file beside the notes that needs the user: a conflict copy or a recovery file."""

    path: str
    kind: str
    advice: str
    slug: str = ""
    """The company the file is a copy of."""


_LEFTOVERS = (
    (".toml.conflict-", "conflict copy", "your version from a save that met a change on disk: compare it with "
                                         "the notes file, merge what you need, then delete it"),
    (".toml.recover", "recovery file", "text rescued after a failed save: copy what you need, then delete it"),
)


def leftovers(store: NotesStore) -> list[Leftover]:
    """Conflict copies and recovery files in the companies folder, listed until the user deletes them."""
    try:
        names = sorted(p.name for p in store.companies.iterdir())
    except OSError:
        return []
    out = []
    for name in names:
        for marker, kind, advice in _LEFTOVERS:
            if marker in name and not name.startswith("."):
                out.append(Leftover(str(store.companies / name), kind, advice, name.split(".toml.")[0]))
    for slug, copies in store.sync_copies().items():
        for copy in copies:
            out.append(Leftover(str(store.path_for(copy.stem)), f"{copy.tool} conflict copy of {slug}.toml",
                                "a version of the company another machine saved: open the company to compare "
                                "and keep what you need", slug))
    return out


def sort_key(summary: Summary, now: datetime) -> tuple[object, ...]:
    focus = summary.focus(now) if summary.ok else None
    return soonest_first(focus.at if focus else None, summary.name if summary.ok else summary.slug, now, broken=not summary.ok)


# Each field's type as written ("str | None"): NamedTuple keeps the postponed annotations as ForwardRefs.
_FIELDS: dict[str, str] = {name: getattr(kind, "__forward_arg__", str(kind)) for name, kind in Summary.__annotations__.items()}
_KINDS = {"str": (str,), "int": (int,), "str | None": (str, type(None)), "int | None": (int, type(None))}


def _trusted(row: object) -> Summary | None:
    """A Summary from a cache row, or None when any field is missing or of the wrong type."""
    if not isinstance(row, dict) or set(row) != set(_FIELDS):
        return None
    for name, kind in _FIELDS.items():
        value = row[name]
        if isinstance(value, bool) or not isinstance(value, _KINDS[kind]):
            return None
    summary = Summary(**row)
    try:
        _ = summary.when  # an interview_at that is not ISO text would fail later, in the picker
        summary.round_list()  # so are rounds that are not the JSON this module writes
    except (ValueError, TypeError):
        return None
    return summary


def _cache_path(store: NotesStore) -> Path:
    return store.root / "cache" / "index.json"


def known_names(store: NotesStore, slugs: list[str]) -> dict[str, str]:
    """Each company's name (casefolded) by slug, for the files the cache holds unchanged.

    Names do not depend on the packs, so any cache row whose file stamp still
    matches is trusted; a file missing from the result must be read to learn its name.
    """
    try:
        files = json.loads(read_regular(_cache_path(store))).get("files", {})
    except (OSError, ValueError, AttributeError, RecursionError):
        return {}
    out: dict[str, str] = {}
    for slug in slugs:
        row = files.get(slug) if isinstance(files, dict) else None
        try:
            if isinstance(row, dict) and row.get("stamp") == file_stamp(store.path_for(slug).stat()):
                summary = row.get("summary")
                if isinstance(summary, dict) and summary.get("error") is None and isinstance(summary.get("name"), str):
                    out[slug] = summary["name"].casefold()
        except OSError:
            continue
    return out


def summaries(store: NotesStore, catalog: Catalog, now: datetime, wpm: int = DEFAULT_WPM) -> list[Summary]:
    cache_path = _cache_path(store)
    fingerprint = _fingerprint(catalog, wpm)
    try:
        cached = json.loads(read_regular(cache_path))
        if cached.get("fingerprint") != fingerprint:
            cached = {}
    except (OSError, ValueError, AttributeError, RecursionError):
        cached = {}
    known = cached.get("files", {}) if isinstance(cached, dict) else {}
    if not isinstance(known, dict):
        known = {}
    clean_stale_temps(store.companies)  # left by a save that was killed; an hour old, so not in use

    fresh: dict[str, dict[str, Any]] = {}
    out: list[Summary] = []
    changed = False
    for slug in store.slugs():
        try:
            st = store.path_for(slug).stat()
        except OSError as error:
            out.append(_unreachable(store, slug, error))  # a dangling link is shown, never skipped
            continue
        stamp = file_stamp(st)
        row = known.get(slug)
        summary = None
        if isinstance(row, dict) and row.get("stamp") == stamp:
            summary = _trusted(row.get("summary"))
        if summary is None:
            summary = _summarize(store, catalog, slug, wpm)
            changed = True
        fresh[slug] = {"stamp": stamp, "summary": summary._asdict()}
        out.append(summary)
    if changed or set(fresh) != set(known):
        try:
            private_dir(cache_path.parent)
            atomic_write(cache_path, json.dumps({"fingerprint": fingerprint, "files": fresh}).encode("utf-8"))
        except OSError:
            pass  # a read-only data folder still lists; it just cannot remember
    return sorted(out, key=lambda s: sort_key(s, now))

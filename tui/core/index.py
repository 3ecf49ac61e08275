"""One line of facts per company for the picker and `finale list`, cached between runs.

Reading and checking 500 notes files takes most of a second; a stat of each
takes milliseconds. The cache keeps each file's summary under its
(mtime, size, inode) and the packs it was computed with, so only files that
changed are read again. It is a derived copy: a missing, stale or corrupt
cache is rebuilt, and the notes files stay the only source of truth.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from tui.core.atomic import atomic_write, private_dir
from tui.core.packs import Catalog
from tui.core.store import NotesStore

VERSION = 2  # bumped when what a summary holds changes: old caches are rebuilt


@dataclass
class Summary:
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

    @property
    def when(self) -> datetime | None:
        return datetime.fromisoformat(self.interview_at) if self.interview_at else None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def progress(self) -> str:
        return f"answers {self.answered}/{self.questions}  research {self.researched}/{self.checklist}"

    @property
    def ready(self) -> str:
        percent = round(100 * self.ready_passed / self.ready_total) if self.ready_total else 0
        return f"{self.ready_passed}/{self.ready_total} ({percent}%)"

    @property
    def error_text(self) -> str:
        return (f"line {self.error_line}: " if self.error_line else "") + (self.error or "")


def _fingerprint(catalog: Catalog, wpm: int) -> list:
    sources = [p.source for p in catalog.packs] + [e.source for e in catalog.errors]
    out: list = [VERSION, wpm]
    for path in sources:
        try:
            st = path.stat()
            out.append([str(path), st.st_mtime_ns, st.st_size])
        except OSError:
            out.append([str(path), 0, 0])
    return out


def _summarize(store: NotesStore, catalog: Catalog, slug: str, wpm: int) -> Summary:
    from tui.core.checks import company_readiness
    from tui.core.progress import progress

    entry = store.read(slug, with_digest=False)
    summary = Summary(slug, str(entry.path))
    if entry.company is None:
        error = entry.error
        summary.error = error.reason if error else "unreadable"
        summary.error_line = error.line if error else None
        summary.error_fix = error.fix if error else ""
        return summary
    company = entry.company
    done = progress(catalog, company)
    ready = company_readiness(catalog, company, wpm)
    summary.name, summary.role = company.name, company.role
    summary.interview_at = company.interview_at.isoformat() if company.interview_at else None
    summary.answered, summary.questions = done.answered, done.questions
    summary.researched, summary.checklist = done.researched, done.checklist
    summary.ready_passed, summary.ready_total = ready.passed, ready.total
    return summary


def sort_key(summary: Summary, now: datetime) -> tuple:
    """Upcoming interviews soonest first, then companies with no date, then past ones, then broken files."""
    if not summary.ok:
        return (3, 0.0, summary.slug)
    when = summary.when
    name = summary.name.casefold()
    if when is None:
        return (1, 0.0, name)
    if when >= now:
        return (0, when.timestamp(), name)
    return (2, -when.timestamp(), name)


def summaries(store: NotesStore, catalog: Catalog, now: datetime, wpm: int = 140) -> list[Summary]:
    cache_path = store.root / "cache" / "index.json"
    fingerprint = _fingerprint(catalog, wpm)
    try:
        cached = json.loads(cache_path.read_text(encoding="utf-8"))
        if cached.get("fingerprint") != fingerprint:
            cached = {}
    except (OSError, ValueError, AttributeError):
        cached = {}
    known: dict = cached.get("files", {}) if isinstance(cached, dict) else {}

    fresh: dict[str, dict] = {}
    out: list[Summary] = []
    changed = False
    for slug in store.slugs():
        try:
            st = store.path_for(slug).stat()
        except OSError:
            continue
        stamp = [st.st_mtime_ns, st.st_size, st.st_ino]
        row = known.get(slug)
        summary = None
        if isinstance(row, dict) and row.get("stamp") == stamp:
            try:
                summary = Summary(**row["summary"])
            except (TypeError, KeyError):
                summary = None
        if summary is None:
            summary = _summarize(store, catalog, slug, wpm)
            changed = True
        fresh[slug] = {"stamp": stamp, "summary": asdict(summary)}
        out.append(summary)
    if changed or set(fresh) != set(known):
        try:
            private_dir(cache_path.parent)
            atomic_write(cache_path, json.dumps({"fingerprint": fingerprint, "files": fresh}).encode("utf-8"))
        except OSError:
            pass  # a read-only data folder still lists; it just cannot remember
    return sorted(out, key=lambda s: sort_key(s, now))

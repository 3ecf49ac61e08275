"""Copies a sync tool makes of a notes file when two machines changed it: conflict copies, not companies.

Each tool names its copy after the file. Beside ``acme.toml`` they write:

- Syncthing:    ``acme.sync-conflict-20261126-140312-ABCDEF7.toml`` (the local file moved aside)
- Dropbox:      ``acme (conflicted copy 2026-11-26).toml``, ``acme (Jane's conflicted copy 2026-11-26).toml``
- Nextcloud:    ``acme (conflicted copy 2026-11-26 140312).toml``
- Google Drive: ``acme (1).toml``
- OneDrive:     ``acme-DESKTOP-4F2K9.toml`` (the machine's name, in capitals)

A name is read as a copy only while the file it copies is there: without it,
the copy is the only version and is listed as a company of its own. finale's
own slugs are lower case and never hold a space or brackets, so none of its
files matches the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

# (tool, pattern on the name without ".toml"): the first match wins, most specific first.
SYNC_TOOLS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Syncthing", re.compile(r"^(?P<base>.+)\.sync-conflict-(?P<stamp>\d{8}-\d{6})-[A-Z0-9]{7}$")),
    ("Nextcloud", re.compile(r"^(?P<base>.+?) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)$")),
    ("Dropbox", re.compile(r"^(?P<base>.+?) \((?:[^()]*'s )?conflicted copy(?: [^()]*)?\)$")),
    ("Google Drive", re.compile(r"^(?P<base>.+?) \(\d{1,3}\)$")),
    ("OneDrive", re.compile(r"^(?P<base>.+?)-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{0,14}$")),
)


class SyncCopy(NamedTuple):
    stem: str
    """The copy's name without ``.toml``."""
    base: str
    """The stem of the file it copies: a company's slug."""
    tool: str
    at: datetime | None = None
    """When the tool made it, if the name says (Syncthing's does)."""


def sync_copy_of(stem: str) -> SyncCopy | None:
    """Which tool's copy ``stem`` looks like, and of what; None for an ordinary name."""
    for tool, pattern in SYNC_TOOLS:
        match = pattern.match(stem)
        if match:
            at = None
            stamp = match.groupdict().get("stamp")
            if stamp:
                try:
                    at = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
                except ValueError:
                    pass
            return SyncCopy(stem, match["base"], tool, at)
    return None


def split_copies(stems: Iterable[str]) -> tuple[list[str], dict[str, list[SyncCopy]]]:
    """The stems that are companies, and each company's sync-tool copies.

    A copy of a copy (Syncthing's conflict of Dropbox's) belongs to the company at its root.
    """
    names = set(stems)
    copies: dict[str, list[SyncCopy]] = {}
    companies = []
    for stem in sorted(names):
        found = _root_copy(stem, names)
        if found is None:
            companies.append(stem)
        else:
            copies.setdefault(found.base, []).append(found)
    return companies, copies


def _root_copy(stem: str, names: set[str]) -> SyncCopy | None:
    found = sync_copy_of(stem)
    seen = 0
    while found is not None and found.base not in names and seen < 8:
        deeper = sync_copy_of(found.base)
        if deeper is None:
            return None
        found, seen = found._replace(base=deeper.base), seen + 1
    if found is None or found.base not in names:
        return None
    root = _root_copy(found.base, names)  # the base itself may be a copy of the company
    return found._replace(base=root.base) if root is not None else found

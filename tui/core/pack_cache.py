"""Parsed pack documents kept between runs, so a command does not parse TOML it parsed before.

tomllib takes about 20 ms (some 25 M instructions) to parse the built-in pack,
on every `finale review`, `list` and `check` and on every start of the app;
reading the same document back as JSON takes well under a millisecond.

The cache holds the parsed document, never a verdict: every load still runs
the pack through the same validation as a file just read, so a cache edited
by hand can say nothing a pack file could not. A pack whose stamp (size,
times, inode, device) differs, a cache of the wrong shape, one that cannot
be read or one written by another version is simply parsed again. A
document JSON cannot hold exactly (a TOML date, say) is not cached.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.core.bounded import read_regular

VERSION = 1
FILE_NAME = "packs.json"


class PackCache:
    """One JSON file of ``{path: {"stamp": [...], "doc": {...}}}``, read once and written once."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / FILE_NAME if folder is not None else None
        self._known: dict[str, Any] | None = None
        self._fresh: dict[str, Any] = {}

    def _entries(self) -> dict[str, Any]:
        if self._known is None:
            self._known = {}
            if self.path is not None:
                try:
                    cached = json.loads(read_regular(self.path))
                except (OSError, ValueError, RecursionError):
                    cached = None
                if isinstance(cached, dict) and cached.get("version") == VERSION and isinstance(cached.get("packs"), dict):
                    self._known = cached["packs"]
        return self._known

    def get(self, source: Path, stamp: list[int]) -> dict[str, Any] | None:
        """The document parsed from ``source`` when its stamp has not changed since."""
        if self.path is None:
            return None
        row = self._entries().get(str(source))
        if isinstance(row, dict) and row.get("stamp") == stamp and isinstance(row.get("doc"), dict):
            self._fresh[str(source)] = row
            doc: dict[str, Any] = row["doc"]
            return doc
        return None

    def put(self, source: Path, stamp: list[int], doc: dict[str, Any]) -> None:
        if self.path is None:
            return
        try:
            exact = json.loads(json.dumps(doc)) == doc
        except (TypeError, ValueError):  # dates and times: JSON cannot hold them
            exact = False
        if exact:
            self._fresh[str(source)] = {"stamp": stamp, "doc": doc}

    def save(self) -> None:
        """Write the cache when what was loaded differs from what it held; quietly give up on failure."""
        if self.path is None or self._fresh == self._entries():
            return
        from tui.core.atomic import atomic_write, private_dir

        if not self.path.parent.parent.is_dir():
            return  # no data folder yet: a listing command must not create one
        try:
            private_dir(self.path.parent)
            atomic_write(self.path, json.dumps({"version": VERSION, "packs": self._fresh}).encode("utf-8"))
        except OSError:
            pass  # a read-only data folder still works; it just parses again next time

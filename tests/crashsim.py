"""A power cut at every point of a save: record the OS calls, then rebuild what a disk could hold.

In the spirit of the ALICE study of application crash consistency (Pillai et al., OSDI 2014) and
SQLite's crash tests. ``record`` wraps the OS calls finale's writers make (``os.open``,
``os.fsync``, ``os.replace``, ``os.rename``, ``os.link``, ``os.unlink``, ``os.mkdir``,
``os.rmdir``, ``os.close``) while a block runs; after each call it reads the folder tree
under ``root``: which name holds which file, and what each file holds. Writes through a file
object need no hook of their own: what they wrote is seen at the next recorded call (the fsync).

``crash_states`` then cuts the power after every prefix of those calls. What survives a cut:

- Folder changes (a create, rename, link, unlink, mkdir) reach the disk in the order they were
  made, as a journaling file system (ext4, XFS) commits them, so a cut keeps some prefix of them;
  a cross-folder rename is one change. Only an fsync of a folder makes its changes up to then
  durable; fsyncing a file does not make its name durable.
- A file's bytes are durable as of its last fsync. Bytes written since may be on the disk in
  full, not at all, or torn (the first half of the newer bytes over the durable ones); a file
  never fsynced may be empty.
The files present before the block count as durable.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

RECORDED = ("open", "fsync", "replace", "rename", "link", "unlink", "mkdir", "rmdir", "close")
MAX_STATES = 20_000  # a bound on the work, far above what any writer here needs


@dataclass(frozen=True)
class Step:
    """The tree after one recorded call (``call`` is "start" for the tree before the block)."""

    call: str
    names: dict[str, int]  # file path relative to root -> logical file id
    folders: frozenset[str]
    data: dict[int, bytes]  # logical file id -> its bytes now
    synced_file: int | None = None  # fsync on a file
    synced_folder: str | None = None  # fsync on a folder


@dataclass
class Recording:
    root: Path
    steps: list[Step] = field(default_factory=list)
    _ids: dict[tuple[int, int], int] = field(default_factory=dict)
    _next: int = 0

    def snapshot(self, call: str, fd: int | None = None) -> None:
        names: dict[str, int] = {}
        data: dict[int, bytes] = {}
        folders: set[str] = set()
        seen: dict[tuple[int, int], int] = {}
        for folder, _subfolders, files in os.walk(self.root):
            rel_folder = os.path.relpath(folder, self.root)
            folders.add(rel_folder)
            for name in files:
                path = os.path.join(folder, name)
                st = os.lstat(path)
                if not stat.S_ISREG(st.st_mode):
                    continue
                key = (st.st_dev, st.st_ino)
                if key not in seen:
                    # A file id lives while some name holds it; an inode number reused later is a new file.
                    seen[key] = self._ids[key] if key in self._ids else self._fresh()
                    with open(path, "rb") as handle:
                        data[seen[key]] = handle.read()
                names[os.path.relpath(path, self.root)] = seen[key]
        self._ids = seen
        synced_file = synced_folder = None
        if fd is not None:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                where = os.readlink(f"/proc/self/fd/{fd}")
                if Path(where) == self.root or Path(where).is_relative_to(self.root):
                    synced_folder = os.path.relpath(where, self.root)
            else:
                synced_file = seen.get((st.st_dev, st.st_ino))
        self.steps.append(Step(call, names, frozenset(folders), data, synced_file, synced_folder))

    def _fresh(self) -> int:
        self._next += 1
        return self._next

    @property
    def calls(self) -> list[str]:
        return [step.call for step in self.steps]


@contextmanager
def record(root: Path, monkeypatch) -> Iterator[Recording]:
    """Run the block with the OS calls of ``RECORDED`` recorded under ``root``."""
    recording = Recording(Path(root).resolve())
    recording.snapshot("start")

    def wrap(name: str, real: Callable) -> Callable:
        def recorded(*args, **kwargs):
            result = real(*args, **kwargs)
            shown = name
            if name in ("open", "mkdir") and isinstance(args[0], str | Path):
                shown = f"{name} {os.path.relpath(args[0], recording.root)}"
            recording.snapshot(shown, fd=args[0] if name == "fsync" else None)
            return result

        return recorded

    with monkeypatch.context() as patch:
        for name in RECORDED:
            patch.setattr(os, name, wrap(name, getattr(os, name)))
        yield recording


def _changed_folders(before: Step, after: Step) -> set[str]:
    changed = {os.path.dirname(p) or "." for p in before.names.keys() ^ after.names.keys()}
    changed |= {os.path.dirname(p) or "." for p in before.names.keys() & after.names.keys()
                if before.names[p] != after.names[p]}
    changed |= {os.path.dirname(f) or "." for f in before.folders ^ after.folders}
    return changed


def _durable_prefix(steps: list[Step], cut: int) -> int:
    """The earliest step whose folder changes must all survive a cut after step ``cut``."""
    last_change: dict[str, int] = {}
    durable = 0
    for i in range(1, cut + 1):
        for folder in _changed_folders(steps[i - 1], steps[i]):
            last_change[folder] = i
        if steps[i].synced_folder is not None:
            durable = max(durable, last_change.get(steps[i].synced_folder, 0))
    return durable


def _torn(newer: bytes, durable: bytes) -> bytes:
    half = len(newer) // 2
    return newer[:half] + durable[half:]


def _contents(steps: list[Step], file_id: int, cut: int) -> set[bytes]:
    """Every content file ``file_id`` may hold after a cut following step ``cut``."""
    synced = None
    if file_id in steps[0].data:
        synced = 0
    for i in range(1, cut + 1):
        if steps[i].synced_file == file_id:
            synced = i
    durable = steps[synced].data[file_id] if synced is not None else b""
    since = synced if synced is not None else 0
    newer = {steps[i].data[file_id] for i in range(since, cut + 1) if file_id in steps[i].data}
    return {durable} | newer | {_torn(n, durable) for n in newer if n != durable} | (
        {b""} if synced is None else set())


def crash_states(steps: list[Step]) -> Iterator[tuple[int, dict[str, bytes]]]:
    """(cut, files) for a power cut after each step: each file path under root and the bytes it holds."""
    produced = 0
    for cut in range(len(steps)):
        seen: set[tuple] = set()
        for kept in range(_durable_prefix(steps, cut), cut + 1):
            names = steps[kept].names
            key = tuple(sorted(names.items()))
            if key in seen:
                continue
            seen.add(key)
            paths = sorted(names)
            choices = [sorted(_contents(steps, names[p], cut)) for p in paths]
            for combo in product(*choices):
                produced += 1
                assert produced <= MAX_STATES, "the crash simulation outgrew its budget: narrow the scenario"
                yield cut, dict(zip(paths, combo, strict=True))


def check_every_crash(recording: Recording, check: Callable[[dict[str, bytes], bool], str | None]) -> int:
    """Call ``check(files, finished)`` on every crash state; ``finished`` is the cut after the last call.

    ``check`` returns a problem or None; the first problem fails the test, naming the call it followed.
    Returns how many states were checked.
    """
    steps = recording.steps
    count = 0
    for cut, files in crash_states(steps):
        count += 1
        problem = check(files, cut == len(steps) - 1)
        if problem:
            trail = " → ".join(steps[i].call for i in range(1, cut + 1))
            raise AssertionError(f"power cut after call {cut} ({trail or 'nothing'}): {problem}\n"
                                 f"files then: { {p: d[:60] for p, d in files.items()} }")
    return count


def assert_durable_write(recording: Recording, target: Path, content: bytes) -> None:
    """The file got its name only after its bytes were fsynced, and the folder was fsynced after."""
    steps = recording.steps
    rel = os.path.relpath(Path(target).resolve(), recording.root)
    named = [i for i in range(1, len(steps)) if steps[i].names.get(rel) != steps[i - 1].names.get(rel)]
    assert named, f"{rel} kept the same file: written in place, never renamed into place: {recording.calls}"
    at = named[-1]
    file_id = steps[at].names[rel]
    assert steps[-1].data.get(steps[-1].names.get(rel, -1)) == content, f"{rel} does not hold what was written"
    synced = [i for i in range(1, at) if steps[i].synced_file == file_id and steps[i].data[file_id] == content]
    assert synced, f"{rel} got its name (call {at}, {steps[at].call}) before its bytes were fsynced: {recording.calls}"
    folder = os.path.dirname(rel) or "."
    assert any(steps[i].synced_folder == folder for i in range(at, len(steps))), (
        f"the folder of {rel} was not fsynced after it got its name (call {at}, {steps[at].call}): {recording.calls}")

"""Copies written beside a notes file when the file itself cannot take the text, or further off."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import paths
from tui.core.atomic import write_new
from tui.core.fsguard import make_dirs
from tui.core.notes import Company
from tui.core.save_status import SaveState, SaveStatus
from tui.core.store import SerializeError, serialize

if TYPE_CHECKING:
    from tui.core.store import NotesStore


class NowhereToWrite(OSError):
    """Not one of the places a rescue copy can go took it; ``str()`` names each place and why."""


def _state_folder() -> Path:
    return make_dirs(paths.state_dir() / "rescued")


def _temp_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="finale-rescue-"))  # 0700, ours alone


def write_rescue(path: Path, kind: str, stamp: str, data: bytes,
                 further: tuple[Callable[[], Path], ...] = (_state_folder, _temp_folder)) -> Path:
    """``data`` beside ``path`` (``write_beside``), else in finale's state folder, else a private temp folder.

    The first place that takes it wins; the path returned is where the words are.
    NowhereToWrite when none does (a full disk with no tmpfs, everything read-only).
    """
    failures: list[str] = []
    try:
        return write_beside(path, kind, stamp, data)
    except OSError as error:
        failures.append(f"{path.parent}: {error.strerror or error}")
    for place in further:
        try:
            folder = place()
            return write_new(folder / f"{path.name}.{kind}-{stamp}", data)
        except OSError as error:
            failures.append(f"{getattr(error, 'filename', None) or place.__name__}: {error.strerror or error}")
    raise NowhereToWrite(0, "nowhere could take a copy (" + "; ".join(failures) + ")")


def write_beside(path: Path, kind: str, stamp: str, data: bytes) -> Path:
    """Write ``data`` to a new file ``<name>.<kind>-<stamp>`` next to ``path`` and return it.

    Never replaces a file: a name that exists gets ``-2``, ``-3``... (``write_new``:
    the name appears complete or not at all, and only once).
    """
    return write_new(path.with_name(f"{path.name}.{kind}-{stamp}"), data)


def recovery_files(path: Path) -> list[Path]:
    """The recovery files ``write_beside`` left next to ``path``, oldest first (their names sort by time)."""
    try:
        return sorted(p for p in path.parent.glob(f"{path.name}.recovery-*") if p.is_file())
    except OSError:
        return []


def plain_text(company: Company) -> bytes:
    """Every answer and note as readable text, for when the notes cannot be written as TOML.

    Characters UTF-8 cannot hold (a lone surrogate) are written as escapes
    rather than dropped, so the words around them survive.
    """
    lines = [f"# {company.name}: notes finale could not save as TOML", ""]
    for qid, answer in company.answers.items():
        lines += [f"## {qid}", answer.text, ""]
    for item, entry in company.checklist.items():
        if entry.note:
            lines += [f"## research: {item}", entry.note, ""]
    for ask in company.asks:
        lines.append(f"- ask: {ask.text}")
    return "\n".join(lines).encode("utf-8", "backslashreplace")


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


class RescuingSession:
    """What CompanySession does when its notes cannot go where they belong: the last resort."""

    store: NotesStore
    company: Company
    edits: int
    saved_edits: int
    digest: str | None
    _status: SaveStatus
    _lock: threading.Lock

    @property
    def path(self) -> Path:
        return self.store.path_for(self.slug)  # type: ignore[attr-defined]

    @property
    def dirty(self) -> bool:
        return self.edits > self.saved_edits

    def save_now(self) -> SaveStatus:
        raise NotImplementedError

    def save_for_exit(self) -> SaveStatus:
        """Quit, a signal or a crash: every word ends up in the notes file or a rescue copy.

        Writes nothing to the terminal. If the normal save fails, the notes go to
        ``<slug>.toml.recovery-<time>`` beside the file, else in the state folder, else
        a private temp folder (``write_rescue``); only if all fail is FAILED returned.
        """
        try:
            status = self.save_now()
        except Exception as error:  # noqa: BLE001 - a crash path: whatever broke, still try the copy below
            status = SaveStatus(SaveState.FAILED, _reason(error))
        if not self.dirty:
            return status
        try:
            return self._recover(blocked=status.state is SaveState.BLOCKED)
        except OSError as error:
            return SaveStatus(SaveState.FAILED, _reason(error))

    def _recover(self, blocked: bool) -> SaveStatus:
        """Write the notes in memory to a rescue copy; they count as saved."""
        edits = self.edits
        try:
            data = serialize(self.company)
        except SerializeError:
            data = plain_text(self.company)
        copy_path = write_rescue(self.path, "recovery", self.store.clock().strftime("%Y%m%d-%H%M%S"), data)
        with self._lock:
            self.saved_edits = max(self.saved_edits, edits)
            state = SaveState.BLOCKED if blocked else SaveState.CONFLICT
            reason = self._status.reason if blocked else "saved beside the notes file"
            self._status = SaveStatus(state, reason, copy=copy_path)
        return self._status

    def _folder_gone(self) -> SaveStatus | None:
        """The notes folder removed, moved or unmounted (not a broken file): FAILED until a save makes it again."""
        if self.store.companies.is_dir():
            return None
        self.digest = None  # the next save makes the folder again (see NotesStore.save)
        self._status = SaveStatus(SaveState.FAILED, f"the notes folder {self.store.companies} is gone (removed or "
                                  "moved); ctrl+s makes it again")
        return self._status

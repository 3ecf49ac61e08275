"""Copies written beside a notes file when the file itself cannot take the text, or further off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.core.atomic import write_new
from tui.core.fsguard import make_dirs
from tui.core.notes import Company


class NowhereToWrite(OSError):
    """Not one of the places a rescue copy can go took it; ``str()`` names each place and why."""


def _state_folder() -> Path:
    from tui.core import paths

    return make_dirs(paths.state_dir() / "rescued")


def _temp_folder() -> Path:
    import tempfile

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

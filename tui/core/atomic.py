"""Crash-safe file writes: a reader sees the old file or the new one, never a torn one."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.fsguard import make_dirs, write_target


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600, within: Path | None = None) -> None:
    """Write ``data`` to ``path``: temp file in the same folder, fsync, rename, fsync the folder.

    The temp file is created 0600 by mkstemp, so private notes are never
    readable by others, even for the moment before the rename. Only a regular
    file is ever replaced; a symlink is written through to its target when
    that lies inside ``within`` (see fsguard), anything else raises
    UnsafePathError.
    """
    import tempfile  # here, not at the top: `finale review` never writes and starts faster

    path = write_target(path, within)

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents 0700 whatever the umask; existing ones keep their mode."""
    return make_dirs(folder)

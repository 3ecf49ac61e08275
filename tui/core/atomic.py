"""Crash-safe file writes: a reader sees the old file or the new one, never a torn one."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from tui.core.fsguard import make_dirs, temp_affixes, write_target


class ReadOnlyFile(PermissionError):
    """The file's owner took away its write permission (``chmod 444``): finale does not save over it.

    A save is a rename of a new file, which the read-only bit does not stop, so it is checked here.
    """


def refuse_read_only(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not mode & stat.S_IWUSR:
        raise ReadOnlyFile(errno.EACCES, "the file is read-only", str(path))


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(folder: Path, name: str, data: bytes, mode: int) -> str:
    """A fsynced private temp file in ``folder`` holding ``data``; the caller renames or removes it."""
    import tempfile  # here, not at the top: `finale review` never writes and starts faster

    prefix, suffix = temp_affixes(name)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
    except BaseException:
        _remove(tmp_name)
        raise
    return tmp_name


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass


def atomic_write(path: Path, data: bytes, mode: int = 0o600,
                 before_replace: Callable[[], None] | None = None, within: Path | None = None) -> None:
    """Write ``data`` to ``path``: temp file in the same folder, fsync, rename, fsync the folder.

    The temp file is created 0600 by mkstemp, so private notes are never
    readable by others, even for the moment before the rename. Only a regular
    file is ever replaced; a symlink is written through to its target when
    that lies inside ``within`` (see fsguard), anything else raises
    UnsafePathError. A file made read-only is never replaced: ReadOnlyFile.
    ``before_replace`` runs after the temp file is on disk and just before
    the rename, the latest moment to check the target; if it raises, the
    temp file is removed and the target is not touched.
    """
    path = write_target(path, within)
    refuse_read_only(path)
    tmp_name = _write_temp(path.parent, path.name, data, mode)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(tmp_name, path)
    except BaseException:
        _remove(tmp_name)
        raise
    fsync_dir(path.parent)


def write_new(path: Path, data: bytes, mode: int = 0o600) -> Path:
    """Write ``data`` to a file that did not exist: ``path``, else ``path-2``, ``path-3``...

    Exclusive and atomic at once: the full temp file is hard-linked to the
    name, and a link never replaces an existing file, so two writers racing
    for the same name get different ones and no reader sees a partial file.
    Returns the path written.
    """
    tmp_name = _write_temp(path.parent, path.name, data, mode)
    try:
        n = 1
        while True:
            target = path if n == 1 else path.with_name(f"{path.name}-{n}")
            if _claim(tmp_name, target):
                break
            n += 1
    finally:
        _remove(tmp_name)
    fsync_dir(path.parent)
    return target


def _claim(tmp_name: str, target: Path) -> bool:
    """Give ``tmp_name``'s content the name ``target`` unless it exists; False when taken."""
    try:
        os.link(tmp_name, target)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
    # A filesystem without hard links: reserve the name exclusively, then rename the full file over it.
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return False
    os.replace(tmp_name, target)
    return True


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents 0700 whatever the umask; existing ones keep their mode."""
    return make_dirs(folder)

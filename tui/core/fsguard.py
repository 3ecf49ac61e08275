"""Rules for what finale may create and replace on disk.

- Folders finale creates are 0700, parents included, whatever the umask.
  Folders that already exist are left as their owner set them: a ``chmod 500``
  on the data folder is a choice, not something to undo.
- A write never replaces what is not a regular file. A symlink is written
  through to its target only when the target is inside the data folder;
  devices, FIFOs, sockets and folders are refused.
- Every refusal is an ``UnsafePathError`` (an OSError, so callers that already
  report write failures report these too) whose text names the path and what
  to do.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from pathlib import Path


class UnsafePathError(OSError):
    """finale will not write here; ``str()`` is one line saying why and what to do."""

    def __init__(self, path: Path, message: str):
        super().__init__(errno.EPERM, message, str(path))
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message


def file_stamp(st: os.stat_result) -> list[int]:
    """What changes when a file does, even within one mtime tick or by an editor's rename:
    size, mtime, ctime, inode, device. Caches keep it beside what they derived from the file."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def make_dirs(folder: Path) -> Path:
    """Create ``folder`` and each missing parent with mode 0700; existing ones are left alone.

    ``Path.mkdir(parents=True)`` gives parents ``0777 & ~umask`` (0777 under
    umask 000), so each level is made and chmod-ed here instead.
    """
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not os.path.lexists(probe):
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, 0o700)
        except FileExistsError:
            continue  # another finale made it first: it is theirs now, leave it
        except OSError as error:
            raise UnsafePathError(level, describe_os_error(error, level)) from None
        os.chmod(level, 0o700)  # mkdir's mode is filtered by the umask
    if not folder.is_dir():
        kind = "a file" if folder.exists() else "a broken link"
        raise UnsafePathError(folder, f"{folder} is {kind}, not a folder: move it away or choose another --data-dir.")
    return folder


VANISHED = ("The notes folder {folder} was gone (removed or moved): finale made it again and saved {name} there "
            "with everything you typed.")


def remake_vanished(folder: Path, root: Path) -> bool:
    """Make ``folder`` (in the data folder ``root``) again, 0700, if it vanished while finale ran; True if so.

    Only while the folder that held ``root`` is still there: when that is gone
    too (an unmounted drive, a removed tree), making a chain of folders would
    hide the notes somewhere nobody looks, so FileNotFoundError says so instead.
    """
    if folder.is_dir():
        return False
    if not root.is_dir() and not root.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the data folder {root} and the folder that held it are gone", str(root))
    make_dirs(folder)
    return True


def check_data_dir(root: Path) -> Path:
    """``root`` if it is a folder or does not exist yet; UnsafePathError naming the problem otherwise."""
    try:
        info = os.stat(root)
    except FileNotFoundError:
        return root
    except OSError as error:
        raise UnsafePathError(root, describe_os_error(error, root)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafePathError(root, f"{root} is a file, not a folder: move it away or choose another --data-dir.")
    return root


def describe_os_error(error: OSError, path: Path | str) -> str:
    """One line naming ``path``, what went wrong in plain words, and what to do."""
    where = str(path)
    code = error.errno
    if isinstance(error, UnsafePathError):
        return error.message
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = Path(where) if os.path.isdir(where) else Path(where).parent
        return (f"{where}: permission denied (the folder {folder} is not writable or readable by you). "
                f"Check its permissions (chmod u+rwx) or choose another --data-dir.")
    if code == errno.ENAMETOOLONG:
        return f"{where[:80]}...: the path is too long for the file system. Choose a shorter --data-dir."
    if code == errno.ENOTDIR:
        return f"{where}: part of this path is a file, not a folder. Move it away or choose another --data-dir."
    if code == errno.ENOSPC:
        return f"{where}: the disk is full. Free some space and try again."
    if code == errno.ENOENT:
        return f"{where}: no such file or folder."
    return f"{where}: {error.strerror or error}."


def _inside(target: Path, root: Path) -> bool:
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


def write_target(path: Path, within: Path | None = None) -> Path:
    """The file a write to ``path`` should replace, or UnsafePathError.

    A missing path or a regular file is itself. A symlink is followed when
    ``within`` is given and its target resolves inside ``within`` (and is a
    regular file or missing); any other symlink, and anything that is not a
    regular file, is refused.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    if stat.S_ISREG(info.st_mode):
        return path
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if within is None or not _inside(target, Path(within).resolve()):
            where = f"outside the data folder {within}" if within is not None else "a link"
            raise UnsafePathError(path, (
                f"{path} is a link to {target}, {where}: finale does not write through it. "
                f"Replace the link with the file itself, or move the file into the data folder."))
        if os.path.lexists(target) and not target.is_file():
            raise UnsafePathError(path, f"{path} links to {target}, which is not a regular file: finale will not replace it.")
        return target
    kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, FIFO or socket"
    raise UnsafePathError(path, f"{path} is {kind}, not a regular file: finale will not replace it. Choose another file name.")


# Every temp file finale writes is ``.<file name>.finale-<8 random>.tmp`` (mkstemp's
# alphabet): the only names cleanup may remove. A sync tool's partial download
# (``.syncthing.<name>.tmp``) or anything else that merely ends in ``.tmp`` is not ours.
TEMP_MARK = "finale-"
_OUR_TEMP = re.compile(r"^\..+\.finale-[a-z0-9_]{8}\.tmp$")


def temp_affixes(name: str) -> tuple[str, str]:
    """mkstemp's prefix and suffix for a temp file standing in for ``name``."""
    return f".{name}.{TEMP_MARK}", ".tmp"


def is_our_temp(name: str) -> bool:
    return _OUR_TEMP.match(name) is not None


def clean_stale_temps(folder: Path, max_age: float = 3600.0, now: float | None = None) -> list[Path]:
    """Remove finale's own temp files left in ``folder`` by a killed save, if older than ``max_age``.

    A younger one may belong to a save that is still running in another process;
    a name finale does not write (see ``is_our_temp``) is never touched.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if is_our_temp(p.name)]
    except OSError:
        return removed
    for candidate in candidates:
        try:
            info = os.lstat(candidate)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > max_age:
                os.unlink(candidate)
                removed.append(candidate)
        except OSError:
            continue
    return removed

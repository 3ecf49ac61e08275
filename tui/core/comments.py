"""Comments in a hand-edited notes file: finding them, and keeping the file that had them.

finale writes its files with tomli-w, which keeps every key and value but not
comments (a style-preserving library, tomlkit, parsed a 78 KB notes file in
1.5 s against tomllib's 23 ms: too slow for a save a second after typing).
So before the first save over a file that has comments, the file as the user
wrote it is kept beside it as ``<slug>.toml.bak-comments`` and the user is
told once.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.atomic import write_new

# Strings first, so a "#" inside one is skipped; any "#" left over starts a comment.
_TOKENS = re.compile(
    rb'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#',
    re.DOTALL,
)


def has_comments(data: bytes) -> bool:
    if b"#" not in data:
        return False
    return any(match.group(0) == b"#" for match in _TOKENS.finditer(data))


def backup_name(path: Path) -> Path:
    return path.with_name(f"{path.name}.bak-comments")


def keep_commented(path: Path, data: bytes) -> Path | None:
    """Before ``data`` (the file at ``path``) is replaced: keep it if it has comments; the copy's path.

    A copy identical to one kept before is not made again.
    """
    if not has_comments(data):
        return None
    base = backup_name(path)
    for existing in sorted(path.parent.glob(base.name + "*")):
        try:
            if existing.read_bytes() == data:
                return None
        except OSError:
            continue
    return write_new(base, data)

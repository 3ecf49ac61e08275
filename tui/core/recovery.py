"""Copies written beside a notes file when the file itself cannot take the text."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.atomic import fsync_dir
from tui.core.notes import Company


def write_beside(path: Path, kind: str, stamp: str, data: bytes) -> Path:
    """Write ``data`` to a new file ``<name>.<kind>-<stamp>`` next to ``path`` and return it.

    Never replaces a file: a name that exists gets ``-2``, ``-3``... The data
    is fsynced in a temp file first and then hard-linked to its name, so the
    name appears complete or not at all, and only once.
    """
    import tempfile

    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        base = path.with_name(f"{path.name}.{kind}-{stamp}")
        target, n = base, 2
        while True:
            try:
                os.link(tmp_name, target)
                break
            except FileExistsError:
                target, n = base.with_name(f"{base.name}-{n}"), n + 1
    finally:
        os.unlink(tmp_name)
    fsync_dir(path.parent)
    return target


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

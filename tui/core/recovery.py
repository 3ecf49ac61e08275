"""Copies written beside a notes file when the file itself cannot take the text."""

from __future__ import annotations

from pathlib import Path

from tui.core.atomic import write_new
from tui.core.notes import Company


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

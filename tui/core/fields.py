"""Short fields ("13 w", "coach 2/6", "in 10 min") laid out in lines that break between fields, never inside one."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.sanitize import cells

SEP = " · "


def pack_fields(fields: Iterable[str], width: int, sep: str = SEP) -> list[str]:
    """``fields`` joined by ``sep``, a new line wherever the next field would pass ``width`` columns.

    A field wider than ``width`` gets a line of its own, whole: cutting it ("answers 2/" + "5")
    is exactly what this is for. ``width`` 0 or less means one line.
    """
    lines: list[str] = []
    for field in (f for f in fields if f):
        if lines and (width <= 0 or cells(lines[-1]) + cells(sep) + cells(field) <= width):
            lines[-1] += sep + field
        else:
            lines.append(field)
    return lines


def fit_words(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut at a word to at most ``width`` columns, with ``ellipsis``; whole when it fits.

    Returns "" when not even the first word fits: a half word reads as a different word.
    """
    if cells(text) <= width:
        return text
    kept = ""
    for word in text.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if cells(candidate) + cells(ellipsis) > width:
            break
        kept = candidate
    return kept.rstrip(",;:·- ") + ellipsis if kept else ""


HEADER_CHROME = 18
"""Columns of Textual's Header that are not its title: the icon (8) and the space of the clock (10)."""


def header_subtitle(name: str, role: str, soon: str, width: int) -> str:
    """What follows "name — " in the header: the role, then the countdown.

    The role gives way first, at a word: ten minutes before, "in 10 min" is what the header is
    for (a long role used to push it off the edge). ``width`` is the whole screen's.
    """
    room = width - HEADER_CHROME - cells(name) - cells(" — ")
    if not soon:
        return fit_words(role, room) if role else ""
    if role and (shown := fit_words(role, room - cells(SEP) - cells(soon))):
        return shown + SEP + soon
    return soon


def list_lines(rows: list[tuple[str, str, list[str]]], width: int) -> list[str]:
    """`finale list`: each (name, one-line form, its fields) as one line, or, when one is wider than
    ``width``, every company as its name and then its fields wrapped between fields.

    The terminal used to split "answers 2/5" across lines. ``width`` 0 (piped, no COLUMNS) keeps
    one line each for scripts; a row without fields (a broken file) is always its one line.
    """
    if not width or all(cells(line) <= width for _, line, fields in rows if fields):
        return [line for _, line, _ in rows]
    out: list[str] = []
    for name, line, fields in rows:
        if not fields:
            out.append(line)
            continue
        out.append(name.rstrip())
        out += [f"  {part}" for part in pack_fields(fields, width - 3)]
    return out

"""Finding a company from what a person types on the command line."""

from __future__ import annotations

from typing import NamedTuple

from tui.core.store import Entry, NotesStore


class Match(NamedTuple):
    entry: Entry | None
    candidates: list[Entry]
    message: str = ""
    ambiguous: bool = False


def _names(entry: Entry) -> list[str]:
    names = [entry.slug.casefold()]
    if entry.company:
        names.append(entry.company.name.casefold())
    return names


def find_company(entries: list[Entry], query: str) -> Match:
    """Exact name or slug (any case) first, then a unique prefix; otherwise say why.

    An unknown or ambiguous query lists the closest names, so the person can
    type one of them next.
    """
    wanted = query.strip().casefold()
    exact = [e for e in entries if wanted in _names(e)]
    if len(exact) == 1:
        return Match(exact[0], exact)
    prefixed = exact or [e for e in entries if any(n.startswith(wanted) for n in _names(e))]
    if len(prefixed) == 1 and wanted:
        return Match(prefixed[0], prefixed)
    if len(prefixed) > 1 and wanted:
        names = ", ".join(label(e) for e in prefixed)
        return Match(None, prefixed, f'"{query}" matches more than one company: {names}', ambiguous=True)
    import difflib  # only for a name that matched nothing

    pool = {n: e for e in entries for n in _names(e)}
    close = difflib.get_close_matches(wanted, list(pool), n=3, cutoff=0.5)
    nearest: list[Entry] = []
    for name in close:
        if pool[name] not in nearest:
            nearest.append(pool[name])
    hint = f" Closest: {', '.join(label(e) for e in nearest)}." if nearest else ""
    return Match(None, nearest, f'No company matches "{query}".{hint}')


def label(entry: Entry) -> str:
    return entry.company.name if entry.company else entry.slug


def find_in_store(store: NotesStore, query: str) -> Match:
    """``find_company`` over a store, reading one file when the query is a file's exact slug.

    That shortcut keeps `finale review acme-robotics` fast with hundreds of
    companies; anything else reads them all, since names live inside the files.
    """
    wanted = query.strip().casefold()
    if wanted in store.slugs():
        entry = store.read(wanted, with_digest=False)
        return Match(entry, [entry])
    return find_company(store.list(), query)

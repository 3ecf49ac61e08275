"""Finding a company from what a person types on the command line."""

from __future__ import annotations

from typing import NamedTuple

from tui.core.index import known_names
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
    """A company's exact name (any case) first, then its file's slug, then a unique prefix; otherwise say why.

    A name wins over a slug: a company named "acme-2" opens by its name even
    when a second "Acme" was given the file acme-2.toml (that one still opens by
    its slug whenever its name is shared and no company is named like its slug).
    An unknown or ambiguous query lists the closest names, so the person can
    type one of them next.
    """
    wanted = query.strip().casefold()
    named = [e for e in entries if e.company is not None and e.company.name.casefold() == wanted]
    if len(named) == 1:
        return Match(named[0], named)
    by_slug = [e for e in entries if e.slug.casefold() == wanted]
    if len(by_slug) == 1:
        return Match(by_slug[0], by_slug)
    exact = named + [e for e in by_slug if e not in named]
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
    """``find_company`` over a store, reading few files when the query is a file's exact slug.

    That shortcut keeps `finale review acme-robotics` fast with hundreds of
    companies: the index cache (``tui.core.index``) knows the other files'
    names, and only a file it does not know, or one whose company is named like
    the query (its name wins), is read. Anything else reads every file, since
    names live inside the files.
    """
    wanted = query.strip().casefold()
    slugs = store.slugs()
    if wanted in slugs:
        names = known_names(store, slugs)
        maybe = [s for s in slugs if s != wanted and names.get(s, wanted) == wanted]
        entries = [store.read(slug, with_digest=False) for slug in [wanted, *maybe]]
        if not maybe:
            return Match(entries[0], entries[:1])
        return find_company(entries, query)
    return find_company(store.list(), query)

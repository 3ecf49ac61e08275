"""Question packs: reading TOML files of questions, tips, checks, starter asks and research items, and merging them.

The format is documented in content/README.md; checking a pack's fields is in pack_build.py.
Loading never raises for a bad user pack: the catalog collects the error and carries on with the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.bounded import TooDeepError, loads, read_regular
from tui.core.fsguard import file_stamp
from tui.core.pack_build import SLUG, build_pack  # re-exported (in __all__): checking a pack's fields
from tui.core.pack_cache import PackCache
from tui.core.pack_model import (  # re-exported (in __all__): the rest of finale imports them from here
    QUESTION_KINDS,
    Check,
    ChecklistItem,
    Pack,
    PackError,
    Question,
    StarterAsk,
    Tip,
)
from tui.core.record import Record
from tui.core.schema import Problem, syntax_position

__all__ = [  # what pack_model and pack_build hold, re-exported, and what this module adds
    "QUESTION_KINDS", "Check", "ChecklistItem", "Pack", "PackError", "Question", "StarterAsk", "Tip",
    "DEFAULT_PACK_FILE", "SLUG", "Catalog", "build_pack", "default_pack_path", "load_catalog", "load_pack_file",
    "parse_pack",
]

DEFAULT_PACK_FILE = "closing-senior-pm.toml"


def parse_pack(text: str, source: Path, builtin: bool = False) -> Pack:
    """Validate a pack's TOML text; raise PackError listing every problem found."""
    return build_pack(_toml(text, source), source, builtin)


def _toml(text: str, source: Path) -> dict[str, Any]:
    import tomllib

    try:
        return loads(text)
    except TooDeepError as error:
        raise PackError(source, [Problem("", str(error))]) from None
    except tomllib.TOMLDecodeError as error:
        line, column, reason = syntax_position(str(error))
        raise PackError(source, [Problem("", f"TOML syntax error: {reason}")], line, column) from None


def load_pack_file(path: Path, builtin: bool = False, cache: PackCache | None = None) -> Pack:
    """A pack file, validated; through ``cache`` its parsed document is reused while the file is unchanged."""
    try:
        # Stat before reading: a file changed in between is stored under its old stamp and parsed again next time.
        stamp = file_stamp(path.stat()) if cache is not None else []
        doc = cache.get(path, stamp) if cache is not None else None
        if doc is not None:
            return build_pack(doc, path, builtin)
        data = read_regular(path)
    except OSError as error:
        raise PackError(path, [Problem("", f"cannot read the file: {error.strerror or error}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PackError(path, [Problem("", f"not UTF-8 text (byte {error.start})")]) from None
    doc = _toml(text, path)
    if cache is not None:
        cache.put(path, stamp, doc)
    return build_pack(doc, path, builtin)


class Catalog(Record):
    """Every usable pack merged: the questions, asks and checklist the app works with."""

    _fields = ("packs", "errors", "replaced")

    def __init__(self, packs: list[Pack] | None = None, errors: list[PackError] | None = None,
                 replaced: list[Pack] | None = None) -> None:
        self.packs: list[Pack] = [] if packs is None else packs
        self.errors: list[PackError] = [] if errors is None else errors
        self.replaced: list[Pack] = [] if replaced is None else replaced
        """Built-in packs a pack of the user's with the same pack id replaced."""

    @property
    def questions(self) -> list[Question]:
        return [q for p in self.packs for q in p.questions]

    @property
    def asks(self) -> list[StarterAsk]:
        return [a for p in self.packs for a in p.asks]

    @property
    def checklist(self) -> list[ChecklistItem]:
        return [c for p in self.packs for c in p.checklist]

    @property
    def role(self) -> str:
        """The role the first pack that names one is written for: a new company's starting role."""
        return next((p.role for p in self.packs if p.role), "")

    @property
    def takeaways(self) -> list[str]:
        return [t for p in self.packs for t in p.takeaways]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def add(self, pack: Pack) -> None:
        """Add a pack unless it clashes with one already in; a clash becomes an error.

        A user's pack with a built-in pack's id replaces that pack, as a user's file overrides a
        default: copying the built-in pack to adjust its tips is the natural way to start.
        """
        builtin = self.builtin_twin(pack)
        problems = self.clashes(pack, [p for p in self.packs if p is not builtin])
        if problems:
            self.errors.append(PackError(pack.source, problems))
        elif builtin is not None:
            self.packs[self.packs.index(builtin)] = pack
            self.replaced.append(builtin)
        else:
            self.packs.append(pack)

    def builtin_twin(self, pack: Pack) -> Pack | None:
        """The built-in pack a user's ``pack`` would replace: the one with its pack id, if any."""
        if pack.builtin:
            return None
        return next((p for p in self.packs if p.builtin and p.id == pack.id and p.source != pack.source), None)

    def check(self, pack: Pack) -> tuple[list[Problem], Pack | None]:
        """`finale packs check`: what would keep ``pack`` out, and the built-in pack it would replace.

        The pack's own file, already installed, is no clash; nor is the built-in pack it replaces.
        """
        replaces = None if pack.builtin else next(
            (p for p in [*self.packs, *self.replaced] if p.builtin and p.id == pack.id), None)
        others = [p for p in self.packs if p.source.resolve() != pack.source.resolve()
                  and not (replaces is not None and p.builtin and p.id == pack.id)]
        return self.clashes(pack, others), replaces

    @staticmethod
    def clashes(pack: Pack, others: list[Pack]) -> list[Problem]:
        """Every id in ``pack`` that one of ``others`` already uses."""
        problems: list[Problem] = []
        for other in others:
            if other.id == pack.id:
                problems.append(Problem("pack.id", f'pack id "{pack.id}" is already used by {other.source}'))
            clash = {q.id for q in other.questions} & {q.id for q in pack.questions}
            for qid in sorted(clash):
                problems.append(Problem("questions", f'question id "{qid}" is already used by {other.source}'))
            clash = {c.id for c in other.checklist} & {c.id for c in pack.checklist}
            for cid in sorted(clash):
                problems.append(Problem("checklist", f'checklist id "{cid}" is already used by {other.source}'))
        return problems


def default_pack_path() -> Path:
    return paths.builtin_content_dir() / DEFAULT_PACK_FILE


def load_catalog(user_packs: Path | None = None, cache_dir: Path | None = None) -> Catalog:
    """The built-in packs, then every *.toml in the user's packs folder, by name.

    With ``cache_dir`` (the data folder's cache/), packs parsed before are read
    back from there instead of parsed again (see pack_cache).
    """
    catalog = Catalog()
    cache = PackCache(cache_dir)
    sources: list[tuple[Path, bool]] = [(p, True) for p in sorted(paths.builtin_content_dir().glob("*.toml"))]
    try:
        if user_packs is not None and user_packs.is_dir():
            sources += [(p, False) for p in sorted(user_packs.glob("*.toml"))]
    except OSError as error:  # an unreadable packs folder costs the user's packs, not the app
        assert user_packs is not None
        catalog.errors.append(PackError(user_packs, [Problem("", f"cannot read the folder: {error.strerror or error}")]))
    for path, builtin in sources:
        try:
            catalog.add(load_pack_file(path, builtin, cache))
        except PackError as error:
            catalog.errors.append(error)
    cache.save()
    return catalog

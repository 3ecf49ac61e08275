"""Question packs: reading and checking TOML files of questions, tips, checks, starter asks and research items.

The format is documented in content/README.md. Loading never raises for a
bad user pack: the catalog collects the error and carries on with the rest.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.bounded import read_regular
from tui.core.fsguard import file_stamp
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
from tui.core.schema import (
    Problem,
    check_keys,
    did_you_mean,
    expect,
    expect_str_list,
    join,
    syntax_position,
    type_name,
)

__all__ = [  # what pack_model holds, re-exported, and what this module adds
    "QUESTION_KINDS", "Check", "ChecklistItem", "Pack", "PackError", "Question", "StarterAsk", "Tip",
    "DEFAULT_PACK_FILE", "SLUG", "Catalog", "build_pack", "default_pack_path", "load_catalog", "load_pack_file",
    "parse_pack",
]

DEFAULT_PACK_FILE = "closing-senior-pm.toml"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Each check kind and its parameters: name -> (type, required).
CHECK_KINDS: dict[str, dict[str, tuple[type, bool]]] = {
    "length": {},
    "mentions_company": {},
    "uses_research": {"items": (list, True), "min": (int, False), "ordinary": (list, False), "praise": (list, False),
                      "about_them": (bool, False)},
    "includes_any": {"words": (list, True), "min": (int, False), "found": (str, False), "done": (bool, False),
                     "unless": (list, False), "ignore": (list, False), "part": (str, False), "aimed": (bool, False), "not_planned": (bool, False),
                     "targets": (list, False), "generic": (list, False)},
    "past_event": {"markers": (list, False), "found": (str, False), "part": (str, False)},
    "has_number": {"idioms": (list, False)},
    "avoid": {"words": (list, True), "max": (int, False), "not_before_quantity": (list, False),
              "not_after_determiner": (list, False)},
    "asks_chosen": {"min": (int, False), "categories": (list, False), "topics": (dict, False)},
}


def _slug_ok(table: dict[str, Any], key: str, path: str, problems: list[Problem]) -> None:
    value = table.get(key)
    if isinstance(value, str) and not SLUG.match(value):
        problems.append(
            Problem(join(path, key), f'"{value}" is not a slug: use lowercase letters, digits and single dashes')
        )


def _text(table: dict[str, Any], key: str, default: str = "") -> str:
    value = table.get(key, default)
    return value if isinstance(value, str) else default


def _check_check(raw: Any, path: str, tip_titles: set[str], checklist_ids: set[str], problems: list[Problem]) -> Check | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, f"expected a table, got {type_name(raw)}"))
        return None
    kind = raw.get("kind")
    params = CHECK_KINDS.get(kind, {}) if isinstance(kind, str) else {}
    required = [name for name, (_, needed) in params.items() if needed]
    optional = [name for name, (_, needed) in params.items() if not needed]
    check_keys(raw, path, ["id", "kind", "message", *required], ["tip", *optional], problems)
    for key in ("id", "kind", "message", "tip"):
        expect(raw, key, str, path, problems)
    if isinstance(kind, str) and kind not in CHECK_KINDS:
        known = ", ".join(sorted(CHECK_KINDS))
        problems.append(
            Problem(join(path, "kind"), f'unknown kind "{kind}"{did_you_mean(kind, CHECK_KINDS)}; known kinds: {known}')
        )
        return None
    for name, (kind_type, needed) in params.items():
        if needed and name not in raw:
            continue  # already reported as missing
        if kind_type is list:
            expect_str_list(raw, name, path, problems)
        elif kind_type is dict:
            if expect(raw, name, dict, path, problems) and name in raw:
                for topic in raw[name]:
                    expect_str_list(raw[name], topic, join(path, name), problems)
        elif kind_type in (str, bool):
            expect(raw, name, kind_type, path, problems)
        else:
            if expect(raw, name, kind_type, path, problems) and name in raw and raw[name] < 0:
                problems.append(Problem(join(path, name), "must be 0 or more"))
    tip = raw.get("tip")
    if isinstance(tip, str) and tip_titles and tip not in tip_titles:
        problems.append(Problem(join(path, "tip"), f'no tip titled "{tip}" in this question{did_you_mean(tip, tip_titles)}'))
    if kind == "uses_research" and checklist_ids and isinstance(raw.get("items"), list):
        for i, item in enumerate(raw["items"]):
            if isinstance(item, str) and item not in checklist_ids:
                problems.append(Problem(join(join(path, "items"), i), f'no checklist item "{item}" in this pack'))
    if not all(isinstance(raw.get(k), str) for k in ("id", "kind", "message")):
        return None
    extra = {k: raw[k] for k in params if k in raw}
    return Check(raw["id"], raw["kind"], raw["message"], _text(raw, "tip"), extra)


def _check_question(raw: Any, path: str, checklist_ids: set[str], pack_id: str, problems: list[Problem]) -> Question | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, f"expected a table, got {type_name(raw)}"))
        return None
    check_keys(raw, path, ["id", "prompt", "why_they_ask", "target_seconds"], ["tips", "examples", "checks", "kind"], problems)
    for key in ("id", "prompt", "why_they_ask"):
        expect(raw, key, str, path, problems)
    kind = raw.get("kind", "answer")
    if expect(raw, "kind", str, path, problems) and kind not in QUESTION_KINDS:
        problems.append(Problem(join(path, "kind"), f'unknown question kind "{kind}"; known kinds: '
                                f'{", ".join(QUESTION_KINDS)}'))
        kind = "answer"
    _slug_ok(raw, "id", path, problems)
    target = (60, 120)
    if "target_seconds" in raw and expect(raw, "target_seconds", list, path, problems):
        value = raw["target_seconds"]
        tpath = join(path, "target_seconds")
        if len(value) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            problems.append(Problem(tpath, "expected [min, max]: two whole numbers of seconds"))
        elif not 0 < value[0] <= value[1]:
            problems.append(Problem(tpath, f"expected 0 < min <= max, got [{value[0]}, {value[1]}]"))
        else:
            target = (value[0], value[1])
    tips: list[Tip] = []
    if expect(raw, "tips", list, path, problems):
        for i, tip in enumerate(raw.get("tips", [])):
            tpath = join(join(path, "tips"), i)
            if not isinstance(tip, dict):
                problems.append(Problem(tpath, f"expected a table, got {type_name(tip)}"))
                continue
            check_keys(tip, tpath, ["title", "body"], [], problems)
            if expect(tip, "title", str, tpath, problems) & expect(tip, "body", str, tpath, problems):
                if "title" in tip and "body" in tip:
                    tips.append(Tip(tip["title"], tip["body"]))
    expect_str_list(raw, "examples", path, problems)
    checks: list[Check] = []
    seen: set[str] = set()
    if expect(raw, "checks", list, path, problems):
        titles = {t.title for t in tips}
        for i, check in enumerate(raw.get("checks", [])):
            cpath = join(join(path, "checks"), i)
            made = _check_check(check, cpath, titles, checklist_ids, problems)
            if made:
                if made.id in seen:
                    problems.append(Problem(join(cpath, "id"), f'check id "{made.id}" is used twice in this question'))
                seen.add(made.id)
                checks.append(made)
    if not all(isinstance(raw.get(k), str) for k in ("id", "prompt")):
        return None
    examples = tuple(e for e in raw.get("examples", []) if isinstance(e, str)) if isinstance(raw.get("examples"), list) else ()
    return Question(
        id=raw["id"],
        prompt=raw["prompt"],
        why_they_ask=_text(raw, "why_they_ask").strip(),
        target_seconds=target,
        tips=tuple(tips),
        examples=examples,
        checks=tuple(checks),
        pack_id=pack_id,
        kind="asks" if kind == "asks" else "answer",
    )


def parse_pack(text: str, source: Path, builtin: bool = False) -> Pack:
    """Validate a pack's TOML text; raise PackError listing every problem found."""
    return build_pack(_toml(text, source), source, builtin)


def _toml(text: str, source: Path) -> dict[str, Any]:
    import tomllib

    from tui.core.bounded import TooDeepError, loads

    try:
        return loads(text)
    except TooDeepError as error:
        raise PackError(source, [Problem("", str(error))]) from None
    except tomllib.TOMLDecodeError as error:
        line, column, reason = syntax_position(str(error))
        raise PackError(source, [Problem("", f"TOML syntax error: {reason}")], line, column) from None


def build_pack(doc: dict[str, Any], source: Path, builtin: bool = False) -> Pack:
    """Validate a parsed pack document; raise PackError listing every problem found."""
    problems: list[Problem] = []
    check_keys(doc, "", ["pack", "questions"], ["asks", "checklist"], problems)
    head = doc.get("pack", {})
    pack_id = ""
    if expect(doc, "pack", dict, "", problems):
        check_keys(head, "pack", ["id", "title", "description", "version"], ["takeaways", "role"], problems)
        for key in ("id", "title", "description", "version", "role"):
            expect(head, key, str, "pack", problems)
        _slug_ok(head, "id", "pack", problems)
        expect_str_list(head, "takeaways", "pack", problems)
        pack_id = _text(head, "id")
    else:
        head = {}

    checklist: list[ChecklistItem] = []
    if expect(doc, "checklist", list, "", problems):
        for i, item in enumerate(doc.get("checklist", [])):
            ipath = join("checklist", i)
            if not isinstance(item, dict):
                problems.append(Problem(ipath, f"expected a table, got {type_name(item)}"))
                continue
            check_keys(item, ipath, ["id", "label"], ["hint"], problems)
            for key in ("id", "label", "hint"):
                expect(item, key, str, ipath, problems)
            _slug_ok(item, "id", ipath, problems)
            if isinstance(item.get("id"), str) and isinstance(item.get("label"), str):
                if any(c.id == item["id"] for c in checklist):
                    problems.append(Problem(join(ipath, "id"), f'checklist id "{item["id"]}" is used twice'))
                checklist.append(ChecklistItem(item["id"], item["label"], _text(item, "hint")))
    checklist_ids = {c.id for c in checklist}

    questions: list[Question] = []
    if expect(doc, "questions", list, "", problems):
        if "questions" in doc and not doc["questions"]:
            problems.append(Problem("questions", "a pack needs at least one question"))
        for i, raw in enumerate(doc.get("questions", [])):
            made = _check_question(raw, join("questions", i), checklist_ids, pack_id, problems)
            if made:
                if any(q.id == made.id for q in questions):
                    problems.append(Problem(join(join("questions", i), "id"), f'question id "{made.id}" is used twice'))
                questions.append(made)

    asks: list[StarterAsk] = []
    if expect(doc, "asks", list, "", problems):
        for i, item in enumerate(doc.get("asks", [])):
            apath = join("asks", i)
            if not isinstance(item, dict):
                problems.append(Problem(apath, f"expected a table, got {type_name(item)}"))
                continue
            check_keys(item, apath, ["text", "category"], [], problems)
            if expect(item, "text", str, apath, problems) & expect(item, "category", str, apath, problems):
                if "text" in item and "category" in item:
                    asks.append(StarterAsk(item["text"], item["category"]))

    if problems:
        raise PackError(source, problems)
    return Pack(
        id=pack_id,
        title=head["title"],
        description=head["description"].strip(),
        version=head["version"],
        questions=tuple(questions),
        asks=tuple(asks),
        checklist=tuple(checklist),
        takeaways=tuple(head.get("takeaways", ())),
        source=source,
        builtin=builtin,
        role=_text(head, "role"),
    )


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

"""Building a Pack from a parsed TOML document: every field checked, every problem collected.

The format is documented in content/README.md; reading files and merging packs is in packs.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tui.core.pack_model import QUESTION_KINDS, Check, ChecklistItem, Pack, PackError, Question, StarterAsk, Tip
from tui.core.schema import Problem, check_keys, did_you_mean, expect, expect_str_list, join, type_name

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Each check kind and its parameters: name -> (type, required).
CHECK_KINDS: dict[str, dict[str, tuple[type, bool]]] = {
    "length": {},
    "mentions_company": {},
    "uses_research": {"items": (list, True), "min": (int, False), "ordinary": (list, False), "praise": (list, False),
                      "about_them": (bool, False), "together": (bool, False)},
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

"""Every import inside a function in tui/ is on the list of deliberate ones, with its reason.

The list is deferred-imports.toml at the top of the repository; its ``[why]`` table
says what each reason means. A function-level import missing from it fails here
(move it to the top of its module, or list it with a reason), and so does an entry
that no code has any more, so the list stays the truth about the code.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import tui

ROOT = Path(tui.__file__).parent.parent
LIST = ROOT / "deferred-imports.toml"


def deferred_imports(source: str) -> set[str]:
    """The modules ``source`` imports inside a function (a method counts; a class body at the top does not)."""
    found: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                visit(child, True)
            elif isinstance(child, ast.Import) and in_function:
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and in_function:
                found.add("." * child.level + (child.module or ""))
            else:
                visit(child, in_function)

    visit(ast.parse(source), False)
    return found


def in_the_code() -> set[tuple[str, str]]:
    return {(path.relative_to(ROOT).as_posix(), module) for path in sorted((ROOT / "tui").rglob("*.py"))
            for module in deferred_imports(path.read_text(encoding="utf-8"))}


def on_the_list() -> tuple[dict[str, str], set[tuple[str, str]], dict[tuple[str, str], str]]:
    data = tomllib.loads(LIST.read_text(encoding="utf-8"))
    reasons = {(file, module): why for file, modules in data["deferred"].items() for module, why in modules.items()}
    return data["why"], set(reasons), reasons


def test_the_walk_finds_imports_in_functions_and_methods_only():
    source = '''
import os
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from tui.core.notes import Company
class Box:
    import json
    def method(self):
        from tui.core import paths
        def inner():
            import difflib
async def run():
    import asyncio.subprocess
def relative():
    from . import sibling
'''
    assert deferred_imports(source) == {"tui.core", "difflib", "asyncio.subprocess", "."}


def test_every_function_level_import_is_listed_with_a_reason():
    _, listed, _ = on_the_list()
    unlisted = sorted(in_the_code() - listed)
    assert len(in_the_code()) > 30  # the walk found the code
    assert not unlisted, ("imported inside a function but not in deferred-imports.toml (move each to the top "
                          "of its module, or list it with its reason): "
                          + ", ".join(f"{file}: {module}" for file, module in unlisted))


def test_every_listed_import_is_still_in_the_code():
    _, listed, _ = on_the_list()
    stale = sorted(listed - in_the_code())
    assert not stale, "deferred-imports.toml lists imports no function has: " + ", ".join(
        f"{file}: {module}" for file, module in stale)


def test_every_reason_is_one_the_list_explains():
    why, _, reasons = on_the_list()
    unexplained = sorted(f"{file}: {module} ({reason})" for (file, module), reason in reasons.items()
                         if reason not in why)
    assert not unexplained, "reasons missing from [why]: " + ", ".join(unexplained)
    assert all(len(text) > 40 for text in why.values())  # a reason says why, not just a name

"""One record idiom in the core: NamedTuple when immutable, ``tui.core.record.Record`` when mutable.

benchmarks/README.md ("One record idiom") has the numbers: a dataclass costs each
printing command its definition and ``inspect``'s imports. A third idiom creeping
back into tui/core/ fails here, naming the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tui.core

CORE = Path(tui.core.__file__).parent


def dataclass_uses(source: str) -> list[int]:
    """The lines of ``source`` that import ``dataclasses`` in any form."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "dataclasses" for a in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "dataclasses":
            lines.append(node.lineno)
    return lines


def test_the_check_sees_every_spelling():
    source = "import dataclasses\nfrom dataclasses import dataclass\ndef f():\n    import dataclasses as d\n"
    assert dataclass_uses(source) == [1, 2, 4]
    assert dataclass_uses("from typing import NamedTuple\nimport dataclasses_json_like_name_is_not_it\n") == []


def test_the_core_defines_no_dataclass():
    found = [f"{path.relative_to(CORE.parent.parent)}:{line}" for path in sorted(CORE.rglob("*.py"))
             for line in dataclass_uses(path.read_text(encoding="utf-8"))]
    assert len(list(CORE.rglob("*.py"))) > 40  # the walk found the core
    assert found == [], "tui/core uses dataclasses (records there are NamedTuple or Record): " + ", ".join(found)

"""What a question pack holds, once loaded: plain frozen data, no parsing (that is packs.py).

The records are NamedTuples, not frozen dataclasses: every printing command and
every start of the app defines them, and a frozen dataclass costs some 4 M
instructions to define (six generated methods compiled at import) against
under 1 M for a NamedTuple, with the same immutability, equality and repr.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, get_args

from tui.core.schema import Problem

QuestionKind = Literal["answer", "asks"]
"""answer: written and spoken; asks: the questions to ask them, chosen from starters and your own."""
QUESTION_KINDS: tuple[str, ...] = get_args(QuestionKind)


class Tip(NamedTuple):
    title: str
    body: str


class Check(NamedTuple):
    id: str
    kind: str
    message: str
    tip: str = ""
    params: Mapping[str, Any] = MappingProxyType({})


class Question(NamedTuple):
    id: str
    prompt: str
    why_they_ask: str = ""
    target_seconds: tuple[int, int] = (60, 120)
    tips: tuple[Tip, ...] = ()
    examples: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    pack_id: str = ""
    custom: bool = False
    kind: QuestionKind = "answer"

    @property
    def asks(self) -> bool:
        """Whether this is the question whose answer is the list of questions to ask them."""
        return self.kind == "asks"


class StarterAsk(NamedTuple):
    text: str
    category: str


class ChecklistItem(NamedTuple):
    id: str
    label: str
    hint: str = ""


class Pack(NamedTuple):
    id: str
    title: str
    description: str
    version: str
    questions: tuple[Question, ...]
    asks: tuple[StarterAsk, ...]
    checklist: tuple[ChecklistItem, ...]
    takeaways: tuple[str, ...]
    source: Path
    builtin: bool = False
    role: str = ""
    """The role the prompts are written for; a company's own role replaces it in them."""


class PackError(Exception):
    """A pack that cannot be used, with every problem found in it."""

    def __init__(self, source: Path, problems: list[Problem], line: int | None = None, column: int | None = None):
        self.source = source
        self.problems = problems
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.source)
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        return "\n".join(f"{where}: {p}" for p in self.problems)

"""Mutable records (the notes model) with the equality and repr of a dataclass, defined at no cost.

Python 3.11's dataclasses compile three to six generated methods per class when
the module is imported, some 2-5 M instructions a class, and importing
``dataclasses`` pulls in ``inspect`` with ``ast``, ``dis`` and ``tokenize``
(about 30 M more). `finale review` paid for both on every run, for classes it
only reads. Immutable records are NamedTuples; the mutable ones write their
``__init__`` by hand and take equality and repr from here, in field order.
"""

from __future__ import annotations

from typing import ClassVar


class Record:
    """Equality and repr over ``_fields``; unhashable, like a dataclass with ``eq``."""

    _fields: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({values})"


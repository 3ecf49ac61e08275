"""The pty tests guard promises (typed keys kept, bytes that are not UTF-8 typed): they fail, never skip."""

from __future__ import annotations

import pytest

from tests.e2e.terminal import missing_finale


@pytest.fixture(autouse=True)
def _finale_installed() -> None:
    if problem := missing_finale():
        pytest.fail(problem, pytrace=False)

"""finale at a phone's size in a browser tab (390x844 CSS pixels is about 44x40 cells): one pane at a time.

Frozen clock, no blink, fixed data, as in test_snapshots.py.
"""

from __future__ import annotations

import pytest

from tests.test_snapshots import open_first, open_then, settle, with_companies

PHONE = (44, 40)


def test_picker_on_a_phone(snap_compare, tmp_path):
    assert snap_compare(with_companies(tmp_path), terminal_size=PHONE, run_before=settle)


@pytest.mark.parametrize("keys", [(), ("enter",), ("3",), ("4",)], ids=["list", "answer", "tips", "research"])
def test_prepare_on_a_phone_shows_one_pane(snap_compare, tmp_path, keys):
    run = open_then(*keys) if keys else open_first
    assert snap_compare(with_companies(tmp_path), terminal_size=PHONE, run_before=run)


@pytest.mark.parametrize("key", ["r", "m", "v"], ids=["rehearse", "mock", "review"])
def test_modes_on_a_phone(snap_compare, tmp_path, key):
    assert snap_compare(with_companies(tmp_path), terminal_size=PHONE, run_before=open_then(key))

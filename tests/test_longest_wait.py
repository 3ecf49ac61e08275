"""Issue 28.1: a longest wait. Steady typing saves within LONGEST_WAIT_SECONDS of the first unsaved key;
when typing stops, the save still comes AUTOSAVE_SECONDS after the last key."""

from __future__ import annotations

from tests.helpers import saved
from tests.test_prepare import type_text
from tui.saving import AUTOSAVE_SECONDS, LONGEST_WAIT_SECONDS


async def _settle(opened) -> None:
    await opened.app.workers.wait_for_complete()
    await opened.pilot.pause()


async def test_steady_typing_is_saved_within_the_longest_wait(opened):
    app, pilot = opened.app, opened.pilot
    await pilot.press("enter")
    original = saved(app.store, "acme-robotics")["answers"]["why-here"]["text"]
    typed, saves_seen, started = "", [], opened.fake.seconds
    for n in range(40):  # a key every 0.25 s for 10 s: the one-second pause never comes
        key = "abcdefghij"[n % 10]
        await type_text(pilot, key)
        typed += key
        opened.fake.advance(0.25)
        await _settle(opened)
        on_disk = saved(app.store, "acme-robotics")["answers"]["why-here"]["text"]
        saves_seen.append(on_disk)
        # Every key typed more than the longest wait ago is in the file (a save's worker is awaited).
        old_enough = int((opened.fake.seconds - started - LONGEST_WAIT_SECONDS) / 0.25)
        assert on_disk.startswith(original + typed[:max(old_enough, 0)])
    assert len(set(saves_seen)) >= 40 * 0.25 / LONGEST_WAIT_SECONDS - 1


async def test_when_typing_stops_the_save_comes_a_second_after_the_last_key(opened):
    app, pilot = opened.app, opened.pilot
    await pilot.press("enter")
    await type_text(pilot, "Short")
    opened.fake.advance(AUTOSAVE_SECONDS - 0.1)
    await _settle(opened)
    assert not saved(app.store, "acme-robotics")["answers"]["why-here"]["text"].endswith("Short")
    opened.fake.advance(0.2)
    await _settle(opened)
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"].endswith("Short")

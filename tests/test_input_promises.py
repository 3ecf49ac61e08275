"""The two input promises the pty tests guard, checked in-process too, so no missing command can skip them.

- Keys that arrive in one read with the key that opens a screen reach that screen, in the order typed.
- A byte that is not UTF-8 never stops the input thread: it is typed as the character it most likely meant.

Both feed the app the way its driver does, through Textual's own parser, with nothing run in between.
"""

from __future__ import annotations

import os
import threading
import time

from textual import events
from textual._xterm_parser import XTermParser
from textual.screen import Screen
from textual.widgets import Input

from tests.helpers import make_app, make_store
from tui.dialogs.company_form import CompanyFormDialog
from tui.driver import TolerantLinuxDriver
from tui.typeahead import HOLD_AT_MOST_SECONDS, TypeAheadApp, hold_keys, typed_ahead


def burst(app, text: str) -> None:
    """``text`` as one read from the terminal (one SSH packet): parsed and queued before any key is handled."""
    for event in XTermParser(False).feed(text):
        app._driver.process_message(event)


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    for _ in range(5):
        await pilot.pause()


async def test_a_name_typed_with_the_key_that_opens_the_form_lands_in_the_form(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "nInitech")
        await settle(pilot)
        assert isinstance(app.screen, CompanyFormDialog)
        assert app.screen.query_one("#name", Input).value == "Initech"


async def test_a_whole_form_typed_in_one_burst_puts_each_value_in_its_field_in_order(tmp_path):
    make_store(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "nInitech\tSenior PM\t2026-12-03")
        await settle(pilot)
        assert isinstance(app.screen, CompanyFormDialog)
        values = [app.screen.query_one(f"#{field}", Input).value for field in ("name", "role", "date")]
        assert values == ["Initech", "Senior PM", "2026-12-03"]


class _KeysFromPipe(TolerantLinuxDriver):
    """finale's driver with its real input loop reading a pipe instead of a terminal; keys are recorded."""

    def __init__(self, fileno: int) -> None:  # no app, no terminal: only what run_input_thread reads
        self.fileno = fileno
        self.exit_event = threading.Event()
        self._debug = False
        self.typed: list[str] = []
        self.error: BaseException | None = None

    def process_message(self, message) -> None:
        if isinstance(message, events.Key) and message.character:
            self.typed.append(message.character)

    def run(self) -> None:
        try:
            self.run_input_thread()
        except BaseException as error:  # noqa: BLE001 - the test reports whatever ended the thread
            self.error = error


def typed_through_the_driver(data: bytes, expect: int) -> tuple[str, BaseException | None]:
    read_end, write_end = os.pipe()
    driver = _KeysFromPipe(read_end)
    thread = threading.Thread(target=driver.run, daemon=True)
    thread.start()
    try:
        os.write(write_end, data)
        deadline = time.monotonic() + 10
        while len(driver.typed) < expect and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        driver.exit_event.set()
        thread.join(5)
        os.close(write_end)
        os.close(read_end)
    return "".join(driver.typed), driver.error


def test_the_driver_types_a_latin1_byte_and_keeps_reading():
    typed, error = typed_through_the_driver(b"caf\xe9 ok \xff\xfe end", expect=len("café ok ÿþ end"))
    assert error is None, f"the input thread died: {error!r}"
    assert typed == "café ok ÿþ end"


def test_the_driver_still_reads_utf8_exactly():
    typed, error = typed_through_the_driver("naïve ✓ 🎉".encode(), expect=len("naïve ✓ 🎉"))
    assert error is None and typed == "naïve ✓ 🎉"


# -- the typeahead API, on a small app of its own -------------------------------


class _Recording(Input):
    def on_key(self, event: events.Key) -> None:
        self.app.ahead.append((event.key, typed_ahead(self)))


class _Form(Screen):
    def compose(self):
        yield _Recording(id="a")
        yield Input(id="b")


class _TwoScreens(TypeAheadApp):
    def __init__(self) -> None:
        super().__init__()
        self.ahead: list[tuple[str, bool]] = []

    def on_mount(self) -> None:
        self.push_screen(_Form())


async def test_keys_typed_after_a_switch_land_in_the_new_screen_and_the_switch_can_be_awaited():
    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.switch_screen(_Form())
        burst(app, "xy")
        await settle(pilot)
        assert app.screen.query_one("#a", Input).value == "xy"


async def test_a_widget_that_opens_something_holds_the_keys_until_released():
    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.screen.query_one("#a", Input)
        hold_keys(field)
        burst(app, "held")
        await settle(pilot)
        assert field.value == ""
        await pilot.pause(HOLD_AT_MOST_SECONDS + 0.3)  # nothing opened: the hold lapses, nothing is lost
        await settle(pilot)
        assert field.value == "held"


async def test_focusing_for_typeahead_never_moves_focus_on_a_screen_underneath():
    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        under = app.screen
        first, second = under.query_one("#a", Input), under.query_one("#b", Input)
        assert under.focused is first
        await app.push_screen(_Form())
        app.hold_keys_until_focused(second)
        await settle(pilot)
        assert under.focused is first


async def test_only_a_key_read_while_another_is_handled_counts_as_typed_ahead():
    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("a")
        burst(app, "bc")
        await settle(pilot)
        assert app.ahead == [("a", False), ("b", False), ("c", True)]


async def test_after_keys_runs_once_every_key_read_so_far_is_handled():
    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.screen.query_one("#a", Input)
        seen: list[str] = []
        for event in XTermParser(False).feed("abc"):  # queued on the app at once, as one read
            app.post_message(event)
        app.call_later(app.after_keys, lambda: seen.append(field.value))  # arrives while "a" is handled
        await settle(pilot)
        assert seen == ["abc"]


async def test_the_timer_of_an_earlier_hold_never_releases_a_later_one(monkeypatch):
    import tui.typeahead as typeahead

    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        field = app.screen.query_one("#a", Input)
        monkeypatch.setattr(typeahead, "HOLD_AT_MOST_SECONDS", 0.3)
        app.hold_keys_until_focused(field)  # a first hold, released as soon as the field has focus
        await pilot.pause(0.05)
        monkeypatch.setattr(typeahead, "HOLD_AT_MOST_SECONDS", 3.0)
        hold_keys(field)  # a second hold, lapsing 3 s from now (a wide margin on a loaded machine)
        burst(app, "xy")
        await pilot.pause(0.5)
        assert field.value == ""  # the first hold's timer has fired by now, and released nothing
        await pilot.pause(3.0)
        await settle(pilot)
        assert field.value == "xy"


async def test_keys_typed_as_a_screen_comes_back_reach_it_at_once(monkeypatch):
    import tui.typeahead as typeahead

    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.install_screen(_Form(), "one")
        app.install_screen(_Form(), "two")
        await app.switch_screen("one")
        await settle(pilot)
        await app.switch_screen("two")
        await settle(pilot)
        monkeypatch.setattr(typeahead, "HOLD_AT_MOST_SECONDS", 30.0)  # only the focus it kept can release
        await app.switch_screen("one")
        burst(app, "back")
        await settle(pilot)
        assert app.screen.query_one("#a", Input).value == "back"


async def test_push_screen_passes_every_argument_on():
    from textual.screen import ModalScreen

    class Ask(ModalScreen[int]):
        def compose(self):
            yield Input(id="q")

    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause()
        results: list[int] = []
        await app.push_screen(Ask(), callback=results.append)
        await settle(pilot)
        app.screen.dismiss(42)
        await settle(pilot)
        assert results == [42]


async def test_a_hold_that_nothing_releases_lapses_on_its_own_timer(monkeypatch):
    import tui.typeahead as typeahead

    app = _TwoScreens()
    async with app.run_test() as pilot:
        await pilot.pause(HOLD_AT_MOST_SECONDS + 0.3)  # every timer from opening the app has fired
        field = app.screen.query_one("#a", Input)
        monkeypatch.setattr(typeahead, "HOLD_AT_MOST_SECONDS", 0.3)
        hold_keys(field)
        burst(app, "late")
        await pilot.pause(1.0)
        await settle(pilot)
        assert field.value == "late"

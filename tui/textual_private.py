"""Every private Textual name finale uses, in one place, and why no public way serves.

A private name can move in any Textual release. ``tests/test_textual_private.py``
checks each name here against the installed Textual and fails, naming the feature
that depends on it, when one has moved; ``pyproject.toml`` allows only the Textual
versions that test has passed on. Use nothing private from Textual outside this
module: add it here, with its reason and a line in ``PRIVATE_NAMES``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.message_pump import MessagePump
from textual.notifications import Notification
from textual.screen import Screen
from textual.widgets import Footer, TextArea
from textual.widgets._footer import FooterKey  # not exported by textual.widgets; FitFooter measures each key

__all__ = ["PRIVATE_NAMES", "FooterKey", "adopt_first_screen", "app_of", "close_without_traceback", "footer_ready",
           "input_loop_with", "mark_footer_ready", "parent_of", "withdraw_notice"]


def adopt_first_screen(screen: Screen[Any]) -> None:
    """Set up a mode's first screen as ``push_screen`` would, which Textual does only for pushed screens.

    The result callback lets ``switch_screen`` (``c``, to the picker) pop it. Its CSS is left to
    Textual: marking the screen as styled already (a copy of the app's private CSS count) saved a
    restyle before the first frame, but left every colour a widget inherits from the app unset,
    so the question above the answer was drawn in the background's colour.
    """
    screen._push_result_callback(screen, None)


def close_without_traceback(app: App[Any]) -> None:
    """End the app as ``App._fatal_error`` does, without adding Rich's traceback to what it prints on
    exit: the only public way out, ``exit()``, waits for the messages a crashed app may never process."""
    app._close_messages_no_wait()


def mark_footer_ready(footer: Footer) -> None:
    """``Footer.compose`` shows nothing until this flag is set; the only public setter,
    ``Footer.bindings_changed``, also queues the rebuild on every focus change FitFooter avoids."""
    footer._bindings_ready = True


def footer_ready(footer: Footer) -> bool:
    return bool(footer._bindings_ready)


def withdraw_notice(app: App[Any], notification: Notification) -> None:
    """End one notice before its time, if it is still showing: Textual's public API clears all
    notices at once (``clear_notifications``), and "saving is back on" must end only the notice it
    answers."""
    if notification in app._notifications:
        app._unnotify(notification)


def parent_of(node: MessagePump) -> MessagePump | None:
    """The node a message bubbles to: ``DOMNode.parent`` is public, but the app's queue walk starts
    from a ``MessagePump``, which has only the private attribute."""
    return node._parent


def app_of(driver: Driver) -> App[Any]:
    """The app a driver serves: Textual keeps it only in the private ``Driver._app``."""
    return driver._app


def input_loop_with(**names: object) -> Callable[[LinuxDriver], None]:
    """Textual's own ``LinuxDriver.run_input_thread``, with module globals it looks up swapped for ``names``.

    tui/driver.py swaps ``getincrementaldecoder`` so no byte from the terminal can stop the
    input thread (upstream Textual issue 6456): the loop is Textual's, not a copy.
    """
    original = LinuxDriver.run_input_thread
    loop = types.FunctionType(original.__code__, {**original.__globals__, **names}, original.__name__,
                              original.__defaults__, original.__closure__)
    return loop


PRIVATE_NAMES: list[tuple[object, str, str]] = [
    (Screen, "_push_result_callback", "the first screen can be switched for the picker (c)"),
    (Footer, "_bindings_ready", "FitFooter shows its keys"),
    (TextArea, "_on_key", "AnswerEditor takes a pane key (1-4) before the editor types it"),
    (App, "_handle_exception", "every open company is saved before a crash ends the app"),
    (App, "_fatal_error", "a crash prints a few plain lines, not Rich's traceback (tui/crash.py)"),
    (App, "_close_messages_no_wait", "a crash prints a few plain lines, not Rich's traceback (tui/crash.py)"),
    (Driver, "_app", "a paste with control characters says what it left out (tui/driver.py)"),
    (App, "_notifications", "a notice on the same topic replaces the older one (tui/notices.py)"),
    (App, "_unnotify", "a notice on the same topic replaces the older one (tui/notices.py)"),
    (App, "_refresh_notifications", "only the newest notice shows (tui/notices.py overrides it)"),
    (MessagePump, "_parent", "a key is done only once every queue it bubbled through is (tui/typeahead.py)"),
]
"""(owner, private name, what finale loses if it moves): what the test checks, besides the input loop."""

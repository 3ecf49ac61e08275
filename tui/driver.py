"""Terminal input that no byte can kill: an adaptation of Textual 8.2.8's Linux driver.

Textual's ``LinuxDriver.run_input_thread`` decodes what the terminal sends
with a strict UTF-8 decoder. One byte that is not UTF-8 (a Latin-1 terminal
typing ``é`` as 0xE9, PuTTY set to the wrong character set, line noise)
raises ``UnicodeDecodeError`` in the input thread and the app exits with
whatever was typed in the last second unsaved (upstream Textual issue 6456;
the fix proposed there passes ``errors="replace"`` to that decoder).

We go one step further than the upstream proposal: a byte that is not part
of valid UTF-8 is read as the Windows-1252 / Latin-1 character the terminal
most likely meant (0xE9 is ``é``, 0xFF 0xFE are ``ÿþ``), and a byte with no
printable meaning becomes U+FFFD. Valid UTF-8 is decoded exactly as before,
and a multi-byte character split across two reads still waits for its rest.

Rather than copying Textual's input loop, we run Textual's own function with
one name swapped in its globals: ``getincrementaldecoder``, which it calls
to build the decoder (``tui.textual_private.input_loop_with``).
``tests/test_textual_private.py`` fails if an upgrade of Textual stops looking
that name up, so the adaptation cannot silently lapse.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

from textual.drivers.linux_driver import LinuxDriver

from tui.paste_guard import PasteGuard, describe
from tui.textual_private import app_of, input_loop_with

ERROR_HANDLER = "finale-terminal"
_C1_UNDEFINED = "\ufffd"


def _as_meant(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each byte that is not UTF-8 as the cp1252/Latin-1 character it is there."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chars = []
    for byte in error.object[error.start:error.end]:
        char = bytes([byte]).decode("cp1252", errors="replace")
        # A C0/C1 control byte would reach the key parser as a control key: keep it visible instead.
        chars.append(char if char.isprintable() else _C1_UNDEFINED)
    return "".join(chars), error.end


codecs.register_error(ERROR_HANDLER, _as_meant)


def tolerant_decoder_factory(encoding: str) -> Any:
    """Stands in for ``codecs.getincrementaldecoder`` inside Textual's input loop."""
    decoder_class = codecs.getincrementaldecoder(encoding)

    def make(errors: str = ERROR_HANDLER) -> codecs.IncrementalDecoder:
        return decoder_class(errors=ERROR_HANDLER if errors == "strict" else errors)

    return make


def decode_terminal_bytes(data: bytes, final: bool = True) -> str:
    """Decode as the driver does (for tests and for anything else reading raw terminal bytes)."""
    return tolerant_decoder_factory("utf-8")().decode(data, final=final)


class _GuardedDecoder:
    """The tolerant decoder, then the paste guard (see tui.paste_guard): what Textual's loop calls."""

    def __init__(self, inner: codecs.IncrementalDecoder, guard: PasteGuard) -> None:
        self._inner, self._guard = inner, guard

    def decode(self, data: bytes, final: bool = False) -> str:
        return self._guard.feed(self._inner.decode(data, final))


def guarded_decoder_factory(removed: Callable[[str], None]) -> Any:
    """Like ``tolerant_decoder_factory``, with control characters taken out of pastes and handed to ``removed``."""

    def factory(encoding: str) -> Any:
        make_inner = tolerant_decoder_factory(encoding)

        def make(errors: str = ERROR_HANDLER) -> _GuardedDecoder:
            return _GuardedDecoder(make_inner(errors), PasteGuard(removed))

        return make

    return factory


def _input_loop(removed: Callable[[str], None]) -> Any:
    """Textual's own input loop with our decoder swapped in (see the module docstring)."""
    return input_loop_with(getincrementaldecoder=guarded_decoder_factory(removed))


class TolerantLinuxDriver(LinuxDriver):
    """Textual's Linux driver, decoding terminal input with ``_as_meant`` instead of strictly,
    and keeping pastes whole (control characters left out, with a message)."""

    def run_input_thread(self) -> None:
        _input_loop(self._paste_cleaned)(self)

    def _paste_cleaned(self, removed: str) -> None:
        app = app_of(self)
        # The input thread: notify posts a message, which Textual makes thread-safe.
        app.notify(describe(removed), title="Paste", severity="warning", timeout=10, markup=False)


def driver_for(default: type) -> type:
    """The driver finale runs with: ours where Textual would use its Linux driver."""
    return TolerantLinuxDriver if default is LinuxDriver else default

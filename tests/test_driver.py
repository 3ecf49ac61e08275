"""Terminal input decoding: no byte from the terminal can stop Textual's input thread."""

from __future__ import annotations

import codecs

from textual.drivers.linux_driver import LinuxDriver

from tui.driver import TolerantLinuxDriver, decode_terminal_bytes, driver_for, tolerant_decoder_factory


def test_textual_still_builds_its_decoder_through_the_name_we_swap():
    # If an upgrade of Textual stops calling getincrementaldecoder, the adaptation would lapse silently.
    assert "getincrementaldecoder" in LinuxDriver.run_input_thread.__code__.co_names


def test_the_strict_decoder_textual_uses_fails_on_a_latin1_byte():
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(b"caf\xe9 ok", final=False)
    except UnicodeDecodeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the upstream bug this module works around is gone: drop tui/driver.py")


def test_a_latin1_byte_reads_as_the_character_the_terminal_meant():
    assert decode_terminal_bytes(b"caf\xe9 ok") == "café ok"
    assert decode_terminal_bytes(b"a\xff\xfeb") == "aÿþb"
    assert decode_terminal_bytes(b"\x80 euro") == "€ euro"


def test_control_and_undefined_bytes_become_a_visible_replacement():
    assert decode_terminal_bytes(b"x\x81y\x9dz") == "x\ufffdy\ufffdz"


def test_valid_utf8_is_unchanged_even_when_split_across_reads():
    decode = tolerant_decoder_factory("utf-8")().decode
    assert decode("naïve ✓ 🎉".encode()) == "naïve ✓ 🎉"
    decode = tolerant_decoder_factory("utf-8")().decode
    data = "é🎉".encode()
    assert decode(data[:1], final=False) == ""
    assert decode(data[1:3], final=False) == "é"
    assert decode(data[3:], final=False) == "🎉"


def test_any_byte_sequence_decodes_without_raising():
    decode = tolerant_decoder_factory("utf-8")().decode
    for first in range(256):
        for second in (0x20, 0x41, 0x80, 0xBF, 0xC3, 0xFF):
            decode(bytes([first, second]), final=False)
    assert isinstance(decode(b"\xf0\x9f", final=True), str)


def test_the_app_runs_on_the_tolerant_driver(tmp_path):
    from tests.helpers import make_app

    assert driver_for(LinuxDriver) is TolerantLinuxDriver
    assert make_app(tmp_path).driver_class is TolerantLinuxDriver

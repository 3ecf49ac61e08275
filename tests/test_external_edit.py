"""$EDITOR round trips: text that is not UTF-8 is read with a notice, never a crash, no temp file left."""

from __future__ import annotations

from contextlib import nullcontext

from textual.widgets import TextArea

from tests.helpers import acme, make_app, make_store, open_company, saved
from tui.core.external_edit import decode_edited, edit_externally

LATIN1_EDITOR = """sh -c 'printf "Caf\\351 au lait, na\\357ve.\\n" > "$0"'"""


def test_utf8_is_read_exactly_and_latin1_with_a_notice():
    assert decode_edited("a\r\nb é".encode()) == ("a\r\nb é", "")
    text, notice = decode_edited(b"Caf\xe9")
    assert text == "Café" and "Latin-1" in notice and "offset 3" in notice


def test_the_temp_file_is_removed_whatever_the_editor_does(tmp_path):
    folder = tmp_path / "tmp"

    def crash(argv):
        raise FileNotFoundError(2, "No such file", argv[0])

    assert edit_externally("nope", folder, "x-", "old", crash).severity == "error"
    assert edit_externally("false", folder, "x-", "old", lambda argv: 1).text is None
    result = edit_externally("keep", folder, "x-", "same\r\n", lambda argv: 0)
    assert result.text is None and result.notice == ""
    assert list(folder.iterdir()) == []


async def test_an_editor_saving_latin1_is_read_with_a_notice(tmp_path, monkeypatch):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    monkeypatch.setenv("VISUAL", LATIN1_EDITOR)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "suspend", lambda: nullcontext())
        screen = await open_company(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == "Café au lait, naïve.\n"
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "not UTF-8" in notes and "Latin-1" in notes
    assert saved(app.store, "acme-robotics")["answers"]["why-here"]["text"] == "Café au lait, naïve.\n"
    assert list((tmp_path / "tmp").iterdir()) == []

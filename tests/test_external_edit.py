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


def _saves_then_fails(text: str, status: int):
    def run(argv):
        with open(argv[-1], "w", encoding="utf-8") as handle:
            handle.write(text)
        return status
    return run


def test_an_edit_saved_before_a_non_zero_exit_is_kept_with_its_status(tmp_path):
    result = edit_externally("vim", tmp_path / "tmp", "x-", "old", _saves_then_fails("new words", 1))
    assert (result.text, result.status) == ("new words", 1)
    unchanged = edit_externally("vim", tmp_path / "tmp", "x-", "old", lambda argv: 1)
    assert unchanged.text is None and "status 1" in unchanged.notice
    assert list((tmp_path / "tmp").iterdir()) == []


def test_an_editor_that_cannot_start_is_one_line_naming_it(tmp_path):
    def missing(argv):
        raise FileNotFoundError(2, "No such file or directory", argv[0])

    result = edit_externally("/no/such/editor", tmp_path / "tmp", "x-", "old", missing)
    assert result.text is None and result.severity == "error"
    assert "\n" not in result.notice and "Could not start /no/such/editor: No such file or directory" in result.notice


async def _non_zero_editor(tmp_path, monkeypatch, keys):
    make_store(tmp_path).create(acme())
    app = make_app(tmp_path)
    monkeypatch.setenv("VISUAL", """sh -c 'printf "Edited, then a warning." > "$0"; exit 3'""")
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "suspend", lambda: nullcontext())
        screen = await open_company(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        from tui.dialogs.basic import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog) and "status 3" in app.screen.question
        await pilot.press(*keys)
        await pilot.pause()
        shown = screen.query_one("#answer", TextArea).text
    return shown, saved(app.store, "acme-robotics")["answers"].get("why-here", {}).get("text")


async def test_a_non_zero_exit_after_saving_asks_and_keeps_by_default(tmp_path, monkeypatch):
    shown, on_disk = await _non_zero_editor(tmp_path, monkeypatch, ["escape"])
    assert shown == on_disk == "Edited, then a warning."


async def test_a_non_zero_exit_after_saving_can_be_discarded(tmp_path, monkeypatch):
    shown, on_disk = await _non_zero_editor(tmp_path, monkeypatch, ["y"])
    assert shown != "Edited, then a warning." and on_disk != "Edited, then a warning."

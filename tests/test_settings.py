"""Settings in config.toml: defaults, overrides, and errors that name the key."""

from __future__ import annotations

import pytest

from tui.core import paths
from tui.core.settings import Settings, SettingsError, load_settings
from tui.terminal import terminal_problem


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_there_is_no_file(tmp_path):
    assert load_settings(tmp_path / "missing.toml") == Settings()
    assert Settings().cursor_blink is False and Settings().mouse is True and Settings().words_per_minute == 140


def test_values_are_read(tmp_path):
    path = write(tmp_path, 'theme = "nord"\ncursor_blink = true\nmouse = false\nwords_per_minute = 160\npacks_dir = "~/p"\n')
    assert load_settings(path) == Settings("nord", True, False, 160, "~/p")


@pytest.mark.parametrize("text, message", [
    ("mouse = 1\n", "mouse: expected true or false, got an integer"),
    ('words_per_minute = "fast"\n', "words_per_minute: expected an integer, got a string"),
    ("words_per_minute = 20\n", "words_per_minute: expected 60 to 300 words a minute, got 20"),
    ("cursor_blnk = true\n", 'unknown key "cursor_blnk" (did you mean "cursor_blink"?)'),
    ("theme = \n", "TOML syntax error"),
])
def test_bad_values_name_the_key(tmp_path, text, message):
    with pytest.raises(SettingsError) as caught:
        load_settings(write(tmp_path, text))
    assert message in str(caught.value) and "config.toml" in str(caught.value)


def test_config_file_override_order(tmp_path, monkeypatch):
    monkeypatch.setenv("FINALE_CONFIG", str(tmp_path / "env.toml"))
    assert paths.config_file() == tmp_path / "env.toml"
    assert paths.config_file(str(tmp_path / "flag.toml")) == tmp_path / "flag.toml"
    monkeypatch.delenv("FINALE_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert paths.config_file() == tmp_path / "xdg" / "finale" / "config.toml"


def test_words_per_minute_reaches_the_review(tmp_path, capsys):
    from tests.helpers import acme, make_store
    from tui.cli import main

    store = make_store(tmp_path / "d")
    store.create(acme())
    config = write(tmp_path, "words_per_minute = 60\n")
    assert main(["--data-dir", str(store.root), "--config", str(config), "review", "acme-robotics"]) == 0
    assert "~0:13 spoken" in capsys.readouterr().out  # 13 words at 60 a minute


def test_a_bad_config_is_reported_and_the_defaults_used(tmp_path, capsys):
    from tests.helpers import acme, make_store
    from tui.cli import main

    store = make_store(tmp_path / "d")
    store.create(acme())
    config = write(tmp_path, "mouse = 3\n")
    assert main(["--data-dir", str(store.root), "--config", str(config), "review", "acme-robotics"]) == 0
    captured = capsys.readouterr()
    assert "mouse: expected true or false" in captured.err and "Using the default settings" in captured.err
    assert "~0:06 spoken" in captured.out


class FakeStream:
    def __init__(self, tty=True, encoding="utf-8"):
        self._tty, self.encoding = tty, encoding

    def isatty(self):
        return self._tty


@pytest.mark.parametrize("env, stream, expected", [
    ({"TERM": "xterm-256color"}, FakeStream(), ""),
    ({"TERM": "dumb"}, FakeStream(), "TERM=dumb cannot draw"),
    ({}, FakeStream(), "TERM=(unset)"),
    ({"TERM": "xterm"}, FakeStream(encoding="ascii"), "Set a UTF-8 locale"),
    ({"TERM": "xterm"}, FakeStream(tty=False), "not one"),
])
def test_terminal_problem(env, stream, expected):
    problem = terminal_problem(env, stream)
    assert (expected in problem) if expected else problem == ""


async def test_blink_is_off_by_default_and_a_setting_turns_it_on(tmp_path):
    from textual.widgets import Input, TextArea

    from tests.helpers import acme, make_app, make_store, open_company

    make_store(tmp_path).create(acme())
    for blink in (False, True):
        app = make_app(tmp_path, settings=Settings(cursor_blink=blink))
        async with app.run_test(size=(80, 24)) as pilot:
            await open_company(pilot)
            assert app.screen.query_one("#answer", TextArea).cursor_blink is blink
            await pilot.press("a")
            await pilot.pause()
            assert app.screen.query_one(Input).cursor_blink is blink

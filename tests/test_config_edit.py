"""Remembering the theme rewrites one line of config.toml and keeps everything else."""

from __future__ import annotations

import pytest

from tui.core.config_edit import write_setting
from tui.core.settings import load_settings


def test_the_theme_line_changes_and_the_rest_stays(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\nmouse = false   # no mouse\ntheme = "nord"  # cosy\n\n[later]\nx = 1\n', encoding="utf-8")
    write_setting(path, "theme", "gruvbox")
    assert path.read_text(encoding="utf-8") == ('# mine\nmouse = false   # no mouse\ntheme = "gruvbox"  # cosy\n'
                                                '\n[later]\nx = 1\n')


def test_a_missing_theme_is_added_before_the_first_table_and_a_new_file_is_private(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# words\nwords_per_minute = 150", encoding="utf-8")
    write_setting(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == '# words\nwords_per_minute = 150\ntheme = "nord"\n'
    fresh = tmp_path / "new" / "config.toml"
    write_setting(fresh, "theme", "nord")
    assert load_settings(fresh).theme == "nord" and fresh.stat().st_mode & 0o777 == 0o600


def test_a_file_that_does_not_parse_is_left_alone(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = \n", encoding="utf-8")
    with pytest.raises(ValueError):
        write_setting(path, "theme", "nord")
    assert path.read_text(encoding="utf-8") == "theme = \n"


async def test_a_theme_picked_in_the_app_is_written_to_config(tmp_path):
    """Problem 10: the theme chosen in the palette is there at the next start."""
    from tests.helpers import make_app

    path = tmp_path / "config.toml"
    path.write_text("# my settings\nmouse = false\n", encoding="utf-8")
    app = make_app(tmp_path / "data", config_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == '# my settings\nmouse = false\ntheme = "nord"\n'
    assert load_settings(path).theme == "nord"

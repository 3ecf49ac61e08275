"""Where finale keeps its files. Functions, never import-time side effects."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "finale"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir flag, then FINALE_HOME, then the platform's."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("FINALE_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Where finale puts what the user must find again but is not notes: crash logs, and rescued
    text when the data folder fails."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file(override: str | os.PathLike[str] | None = None) -> Path:
    """The settings file: --config, then FINALE_CONFIG, then config.toml in the config folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("FINALE_CONFIG")
    if env:
        return Path(env).expanduser()
    return config_dir() / "config.toml"


def packs_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's own question packs: --packs-dir, then FINALE_PACKS, then <config>/packs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("FINALE_PACKS")
    if env:
        return Path(env).expanduser()
    return config_dir() / "packs"


def builtin_content_dir() -> Path:
    """The packs shipped with finale.

    In a wheel they sit in tui/content; in an editable checkout they are the
    repo's top-level content/ folder, which is where a developer edits them.
    """
    here = Path(__file__).resolve().parent.parent
    packaged = here / "content"
    if packaged.is_dir():
        return packaged
    return here.parent / "content"

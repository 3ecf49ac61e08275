"""User settings from config.toml, validated with messages that name the key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.core.bounded import TooDeepError, loads, read_regular
from tui.core.schema import Problem, check_keys, expect, syntax_position
from tui.core.speech import DEFAULT_WPM

if TYPE_CHECKING:
    from tui.core.schedule import QuietHours


class Settings(NamedTuple):
    theme: str = "textual-dark"
    cursor_blink: bool = False
    mouse: bool = True
    words_per_minute: int = DEFAULT_WPM
    packs_dir: str = ""
    quiet_hours: str = "23:00-07:00"
    """No rehearsal falls due inside these hours, unless the interview does."""

    @property
    def quiet(self) -> QuietHours:
        from tui.core.schedule import parse_quiet

        return parse_quiet(self.quiet_hours)


class SettingsError(ValueError):
    def __init__(self, path: Path, problems: list[Problem], line: int | None = None):
        self.path = path
        self.problems = problems
        where = f"{path}:{line}" if line else str(path)
        super().__init__("\n".join(f"{where}: {p}" for p in problems))


_TYPES = {"theme": str, "cursor_blink": bool, "mouse": bool, "words_per_minute": int, "packs_dir": str, "quiet_hours": str}


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; defaults when it does not exist. Raises SettingsError."""
    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(path, [Problem("", f"cannot read: {error}")]) from None
    import tomllib  # only when there is a config file

    try:
        doc = loads(text)
    except TooDeepError as error:
        raise SettingsError(path, [Problem("", str(error))]) from None
    except tomllib.TOMLDecodeError as error:
        line, _, reason = syntax_position(str(error))
        raise SettingsError(path, [Problem("", f"TOML syntax error: {reason}")], line) from None
    problems: list[Problem] = []
    check_keys(doc, "", [], _TYPES, problems)
    for key, kind in _TYPES.items():
        expect(doc, key, kind, "", problems)
    wpm = doc.get("words_per_minute")
    if isinstance(wpm, int) and not isinstance(wpm, bool) and not 60 <= wpm <= 300:
        problems.append(Problem("words_per_minute", f"expected 60 to 300 words a minute, got {wpm}"))
    quiet = doc.get("quiet_hours")
    if isinstance(quiet, str):
        from tui.core.schedule import parse_quiet

        try:
            parse_quiet(quiet)
        except ValueError as error:
            problems.append(Problem("quiet_hours", str(error)))
    if problems:
        raise SettingsError(path, problems)
    return Settings(**{k: v for k, v in doc.items() if k in _TYPES})

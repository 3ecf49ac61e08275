"""Can this terminal show the app? Said plainly before Textual starts, never as a garbled screen."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

# Textual waits this long after ESC for the rest of an escape sequence. Its
# default, 100 ms, is shorter than a slow SSH link can split an arrow key,
# which then types "[D" into an answer; ESCDELAY (as in ncurses) overrides it.
DEFAULT_ESCDELAY_MS = "300"


def in_browser(env: Mapping[str, str] = os.environ) -> bool:
    """Whether this finale is a browser tab of `finale serve` (textual-serve picks Textual's web driver)."""
    return env.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def terminal_problem(env: Mapping[str, str], stream: TextIO) -> str:
    """Why the app cannot run here, with what to set; "" when it can."""
    if in_browser(env):
        return ""  # textual-serve is the terminal, over a pipe, in UTF-8
    if not stream.isatty():
        return ("finale's screens need a terminal, and its output is not one. "
                "For text you can pipe, use `finale review NAME` or `finale list`.")
    term = env.get("TERM", "")
    if term in ("", "dumb", "unknown"):
        shown = term or "(unset)"
        return (f"TERM={shown} cannot draw finale's screens. Set TERM to your terminal's type, for example: "
                "TERM=xterm-256color finale. `finale review NAME` prints the cheat sheet on any terminal.")
    encoding = (stream.encoding or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8":
        return (f"finale draws with Unicode, but this terminal's encoding is {stream.encoding}. "
                "Set a UTF-8 locale, for example: LANG=C.UTF-8 finale.")
    return ""


def prepare_environment(env: dict[str, str] | os._Environ = os.environ) -> None:
    env.setdefault("ESCDELAY", DEFAULT_ESCDELAY_MS)

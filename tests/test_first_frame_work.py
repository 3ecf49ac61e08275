"""What `finale open`'s first frame costs depends on (issue 17), checked without a clock.

Opening a company runs launch() and the app headless at 80x24 in a fresh interpreter,
then reports what the first frame did: the modules it imported (dialogs and other
screens load on the key that opens them), how often Textual re-parsed all the CSS (once, as for
any first screen; the first screen's stylesheet used to bring two more), how many footer keys were
built (the footer used to be rebuilt for every focus change), which option lists were
mounted (the research and the questions to ask are hidden at 80x24 and built on first
show), and whether the garbage collector is back on, with start-up frozen.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import acme, make_store

FIRST_FRAME = """
import asyncio, gc, json, sys
import textual.app
import tui.terminal
from textual.css.stylesheet import Stylesheet
from textual.widgets._footer import FooterKey

seen = {"reparse": 0, "footer_keys": 0}
reparse = Stylesheet.reparse
def counting_reparse(self):
    seen["reparse"] += 1
    return reparse(self)
Stylesheet.reparse = counting_reparse
key_init = FooterKey.__init__
def counting_key(self, *args, **kwargs):
    seen["footer_keys"] += 1
    key_init(self, *args, **kwargs)
FooterKey.__init__ = counting_key

async def first_frame(app):
    async with app.run_test(headless=True, size=(80, 24)) as pilot:
        await pilot.pause()
        seen["widgets"] = sorted({type(w).__name__ for w in app.screen.walk_children()})
        seen["modules"] = sorted(sys.modules)
        seen["gc_on"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()

textual.app.App.run = lambda self, *a, **k: asyncio.run(first_frame(self))
tui.terminal.terminal_problem = lambda env, stream: ""  # stdout is a pipe here; headless needs none
from tui.cli import main
status = main(sys.argv[1:])
print("SEEN:" + json.dumps(seen))
raise SystemExit(status)
"""

# Loaded by a key, never by opening a company.
NOT_AT_START = [
    "tui.dialogs.basic", "tui.dialogs.company_form", "tui.dialogs.compare", "tui.dialogs.orphan_answers",
    "tui.dialogs.note_dialog", "tui.screens.external_editor", "tui.core.external_edit", "tui.screens.rehearse",
    "tui.screens.mock", "tui.screens.review", "tui.screens.help", "tui.screens.picker",
    "textual.widgets._markdown", "markdown_it",
]


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    home = tmp_path_factory.mktemp("first-frame")
    make_store(home / "data").create(acme())
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.update(FINALE_CONFIG=str(home / "config.toml"), FINALE_PACKS=str(home / "packs"), TERM="xterm-256color")
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME, "--data-dir", str(home / "data"), "open", "acme"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("SEEN:"))
    return json.loads(line.removeprefix("SEEN:"))


def test_opening_a_company_imports_no_dialog_and_no_other_screen(seen):
    assert "tui.screens.prepare" in seen["modules"]  # the harness did open the company
    assert [m for m in NOT_AT_START if m in seen["modules"]] == []


def test_the_css_is_parsed_again_once_for_the_first_screen_not_more(seen):
    # Once, as Textual does for any first screen: skipping it (by copying the app's private CSS
    # count onto the screen) left inherited colours unset, and the question above the answer was
    # drawn in the background's colour (tests/test_first_screen_colours.py). More than once is waste.
    assert seen["reparse"] == 1


def test_the_footer_keys_are_built_once(seen):
    # Eight keys fit at 80 columns; each rebuild for a focus change made eight more.
    assert seen["footer_keys"] == 8


def test_hidden_panes_mount_no_option_lists(seen):
    assert "QuestionList" in seen["widgets"] and "CheckList" in seen["widgets"]
    assert "ChecklistList" not in seen["widgets"]
    assert "AsksList" not in seen["widgets"]


def test_the_collector_is_back_on_after_the_first_frame_with_start_up_frozen(seen):
    assert seen["gc_on"] is True
    assert seen["frozen"] > 10_000


def test_what_start_up_froze_is_thawed_once_the_user_is_reading(tmp_path, monkeypatch):
    """Frozen for the first frame only: a screen closed later in the session must stay collectable."""
    from tests.helpers import make_app
    from tui.app import THAW_AFTER_SECONDS

    app = make_app(tmp_path)
    timers: list[tuple[float, object]] = []
    monkeypatch.setattr(app, "set_timer", lambda delay, callback: timers.append((delay, callback)))
    gc.disable()  # as launch() leaves it
    try:
        app._collector_on()
        assert gc.isenabled() and gc.get_freeze_count() > 0
        assert timers == [(THAW_AFTER_SECONDS, gc.unfreeze)]
        timers.pop()[1]()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
        gc.enable()
    app._collector_on()  # in-process, the collector was on: nothing is frozen, nothing to thaw
    assert timers == [] and gc.get_freeze_count() == 0

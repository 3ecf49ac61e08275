"""The Textual application: wires the core (store, packs, settings) to the screens."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import messages, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.events import Resize
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import WorkerFailed

from tui.core.packs import Catalog
from tui.core.recovery import plain_text
from tui.core.save_status import SaveState
from tui.core.session import CompanySession
from tui.core.settings import Settings
from tui.core.store import Loaded, NotesStore
from tui.crash import CalmCrashApp
from tui.driver import driver_for
from tui.notices import OneNoticeApp
from tui.saving import Schedule
from tui.screens.too_small import TooSmallScreen
from tui.terminal import in_browser
from tui.textual_private import adopt_first_screen
from tui.typeahead import TypeAheadApp
from tui.widgets.control_filter import ControlFilter

CONTROL_FILTER = ControlFilter()

MIN_SIZE = (40, 20)
THAW_AFTER_SECONDS = 10.0


class FinaleApp(TypeAheadApp, CalmCrashApp, OneNoticeApp):
    # The first screen's styles are read with the app's: a first screen bringing its own
    # CSS_PATH made Textual parse every stylesheet twice more and restyle the app before
    # the first frame. (Screens keep their CSS_PATH; a file already read is not read again.)
    CSS_PATH = ["app.tcss", "screens/prepare.tcss", "screens/picker.tcss"]
    TITLE = "finale"
    DEFAULT_MODE = "finale"  # its base screen is the first screen (see _first_screen)
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        # On every screen (Rehearse included); screens that list it in their footer bind it too.
        Binding("question_mark", "help", "Help", show=False),
    ]

    def __init__(
        self,
        store: NotesStore,
        catalog: Catalog,
        settings: Settings | None = None,
        clock: Callable[[], datetime] = datetime.now,
        open_loaded: Loaded | None = None,
        create_name: str | None = None,
        notices: Iterable[tuple[str, SeverityLevel]] = (),
        start_rehearsal: bool = False,
        rehearse_minutes: float | None = None,
        start_mock: bool = False,
        config_path: Path | None = None,
    ):
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.settings = settings or Settings()
        self.clock = clock
        self.monotonic: Callable[[], float] = time.monotonic
        self.open_loaded = open_loaded
        self.create_name = create_name
        self.notices = list(notices)
        self.start_rehearsal = start_rehearsal
        self.rehearse_minutes = rehearse_minutes
        """`finale rehearse NAME --minutes N`: the time box for R."""
        self.start_mock = start_mock
        self.sessions: list[CompanySession] = []
        """Every company open on a screen: what quitting, a signal or a crash saves."""
        self.farewell: list[str] = []
        """Lines for stderr once the terminal is back: where words went that are not in the notes file."""
        self._leaving = False
        """Set once _quit has saved and lets the app end."""
        self.served = in_browser()
        """A browser tab of `finale serve`: its ExitApp (the tab stopped) goes through _quit first."""
        self.config_path = config_path
        """Where a theme picked in the palette is remembered; None when the file did not load."""
        self.places: dict = {}
        """Per company slug, where the user was (question, pane, cursors): for this session only."""
        self.last_company: str | None = None
        """The company opened last: the picker selects it when the user comes back."""
        self.schedule: Schedule | None = None
        """Where screens' debounce timers go; None for Textual's own. Tests put a fake clock here."""
        self.add_mode(self.DEFAULT_MODE, self._first_screen)

    def get_driver_class(self):
        """Textual's driver, except that on Linux no byte from the terminal can stop its input thread."""
        default = super().get_driver_class()
        if default.__name__ != "LinuxDriver":
            return default
        return driver_for(default)

    def get_line_filters(self):
        # Every rendered line loses control characters: no file or pack text can drive the terminal.
        return [*super().get_line_filters(), CONTROL_FILTER]

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notices.append((f'Unknown theme "{self.settings.theme}" in settings; using the default. '
                                 f"Themes: {', '.join(sorted(self.available_themes))}", "warning"))
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for error in self.catalog.errors:
            self.notify(str(error), title="Skipped a question pack", severity="warning", timeout=15, markup=False)
        for message, severity in self.notices:
            self.notify(message, severity=severity, timeout=15, markup=False)
        first: Any = self.screen  # the PrepareScreen or PickerScreen _first_screen made
        if self.open_loaded is not None and self.start_rehearsal:
            # Now, before the first frame: the Prepare screen (the draft the rehearsal hides)
            # is never drawn before the mode's own screen.
            (first.action_mock if self.start_mock else first.action_rehearse_due)()
        elif self.open_loaded is None and self.create_name is not None:
            self.notify(f'No company named "{self.create_name}" yet: fill in the form to create it.', timeout=8, markup=False)
            first.action_new(self.create_name)
        self._watch_signals()
        self.call_after_refresh(self._check_size)
        self.call_after_refresh(self._collector_on)

    def _collector_on(self) -> None:
        """After the first frame: the collector back on, without walking what start-up built.

        launch() turns it off; turning it straight back on ran one collection over the
        whole heap (the same work, only later). Frozen, the start-up objects (about 60,000,
        3,600 of them garbage) stay out of collections until they are thawed a little
        later, once the user is reading, so a screen closed later in the session can still
        be collected. Only when launch() turned it off: an app run in-process by tests
        must not freeze everything the process ever made.
        """
        if gc.isenabled():
            return
        gc.freeze()
        gc.enable()
        self.set_timer(THAW_AFTER_SECONDS, gc.unfreeze)

    def _first_screen(self) -> Screen:
        """The first screen is the bottom of the stack, not pushed over Textual's blank one.

        Every screen under the top one is repainted on each resize, and any change there
        redraws the whole top screen: with a blank screen underneath, start-up sent a
        second full frame. ``finale open`` starts in the company; the picker is built
        only if the user goes back to it.
        """
        screen: Screen
        if self.open_loaded is not None:
            screen = self._prepare_screen(self.open_loaded)
        else:
            from tui.screens.picker import PickerScreen

            screen = PickerScreen()
        # As push_screen does: `c` switches this screen for the picker.
        adopt_first_screen(screen)
        return screen

    def _remember_theme(self, theme) -> None:
        """A theme picked in the palette is written to config.toml, so the next start uses it."""
        if theme.name == self.settings.theme or self.config_path is None:
            return

        from tui.core.config_edit import write_setting

        try:
            write_setting(self.config_path, "theme", theme.name)
        except (OSError, ValueError) as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", timeout=8, markup=False)
            return
        self.settings = self.settings._replace(theme=theme.name)

    # -- leaving: quit, a signal, a crash --------------------------------------

    def _watch_signals(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, self._terminal_gone, 128 + sig)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread (tests)
            pass

    def _terminal_gone(self, code: int) -> None:
        """SIGHUP (the SSH link dropped), SIGTERM or SIGINT: save everything, then leave at once.

        Textual's own shutdown writes to the terminal, and a dead terminal can make
        that hang; so the notes are saved first, and the exit does not wait on it.
        """
        from tui.leaving import leave_now

        self.save_all()
        leave_now(self._driver, code, restore=code != 128 + signal.SIGHUP, lines=self.farewell)

    def save_all(self) -> list[CompanySession]:
        """Save every open company, or write a copy beside it; return those whose words are on no disk."""
        lost = []
        self._hand_over_text()
        for session in self.sessions:
            status = session.save_for_exit()
            for notice in self.store.notices:  # a notes folder made again: the terminal says where
                if f"finale: {notice}" not in self.farewell:
                    self.farewell.append(f"finale: {notice}")
            if status.copy is not None and status.state is not SaveState.SAVED:
                line = f"finale: {session.slug}: your latest words are in {status.copy}"
                if line not in self.farewell:
                    self.farewell.append(line)
            if session.dirty:
                lost.append(session)
                self._keep_for_the_terminal(session, status.reason)
        return lost

    def _keep_for_the_terminal(self, session: CompanySession, reason: str) -> None:
        """Nothing could be written anywhere: the text itself goes to stderr at exit, for the user to copy."""
        head = f"finale: {session.slug}: nothing could be written"
        text = plain_text(session.company).decode("utf-8")
        self.farewell[:] = [line for line in self.farewell if not line.startswith(head)]
        self.farewell.append(f"{head} ({reason}). Your notes as they were, to copy:\n{text}")

    def _hand_over_text(self) -> None:
        """Text an editor holds but has not passed on (keys typed just before quitting) reaches its session."""
        if not self.sessions:
            return
        from tui.screens.prepare import PrepareScreen

        for screen in self.screen_stack:
            if isinstance(screen, PrepareScreen):
                # Deliberately blind: on a crash path a broken screen must not stop the notes being saved.
                with contextlib.suppress(Exception):
                    screen.hand_over_text()

    @on(messages.ExitApp)
    def _leave_as_ctrl_q_does(self, message: messages.ExitApp) -> None:
        # textual-serve stops a browser tab with ExitApp (its "quit"): that goes the way ctrl+q
        # does, after the keys that arrived before it, saving first.
        if not self._leaving and self.served:
            message.prevent_default()
            self.after_keys(lambda: self.call_later(self.action_quit))

    def _handle_exception(self, error: Exception) -> None:
        # Any unhandled exception, in a handler or a worker: the notes go to disk before the app ends.
        from tui.core.crashlog import crash_line, log_crash

        cause = error.error if isinstance(error, WorkerFailed) else error
        first = not self.crash
        self.crash = self.crash or crash_line(cause)
        self.crash_unsaved = bool(self.save_all())
        if first:
            self.crash_log = log_crash(cause, datetime.now())
        super()._handle_exception(error)

    def panic(self, *renderables) -> None:
        # Textual's input thread ends the app through panic(): save first there too.
        self.crash = self.crash or "the terminal input stopped"
        self.save_all()
        # An error with its own rendering (Rich's __rich__) comes here too: it is in the crash log.
        super().panic(*(() if self.crash_log is not None else renderables))

    def close_session(self, session: CompanySession) -> None:
        if session in self.sessions:
            self.sessions.remove(session)

    def _prepare_screen(self, loaded: Loaded):
        from tui.screens.prepare import PrepareScreen

        session = CompanySession(self.store, loaded)
        self.sessions.append(session)
        return PrepareScreen(session)

    def open_company(self, loaded: Loaded) -> None:
        self.push_screen(self._prepare_screen(loaded))

    def show_picker(self) -> None:
        """Back to the companies: the one underneath, or a new picker when we started in a company."""
        from tui.screens.picker import PickerScreen

        if any(isinstance(s, PickerScreen) for s in self.screen_stack[:-1]):
            self.pop_screen()
        else:
            self.switch_screen(PickerScreen())

    async def action_quit(self) -> None:
        # ctrl+q is a priority binding, handled the moment it arrives, while keys typed just
        # before it (one burst over SSH, or a fast typist) may still wait in the focused
        # widget's queue. Quitting from that queue, after them, puts every one in the notes.
        target = self.focused
        if target is None:
            self.call_later(self._quit)
        else:
            target.call_later(self._quit)

    def _quit(self) -> None:
        lost = self.save_all()
        if not lost:
            self._leave()
            return
        from tui.dialogs.basic import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._leave()

        reason = lost[0].status.text
        self.push_screen(ConfirmDialog("Quit without your last changes?",
                                       f"They could not be saved anywhere: {reason}. If you quit, finale prints "
                                       "them on the terminal for you to copy.", yes="Quit anyway"), answer)

    def _leave(self) -> None:
        self._leaving = True
        self.exit(self.return_value, self.return_code or 0)

    # -- size ----------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        if width is None or height is None:
            width, height = self.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        top = self.screen_stack[-1] if self.screen_stack else None
        if small and not isinstance(top, TooSmallScreen):
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif small and isinstance(top, TooSmallScreen):
            top.show_size(width, height)
        elif not small and isinstance(top, TooSmallScreen):
            self.pop_screen()
            for event in top.kept:  # what was typed meanwhile, for the screen that reads it
                self.post_message(event)

    def show_review(self, company) -> None:
        from tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(company))

    # -- help and palette ------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, binding_groups

        screen = self.screen
        where = getattr(screen, "title", "") or type(screen).__name__
        self.push_screen(HelpScreen(binding_groups(screen), where))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.screens.help import is_ours

        seen = set()
        # finale's keys first, and only those: the palette opened on Textual's "Copy selected text".
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if (not binding.description or binding.action in seen or binding.action in {"quit", "command_palette"}
                    or not is_ours(active.node, key)):
                continue
            seen.add(binding.action)
            node = active.node

            def run(node=node, action=binding.action) -> None:
                self.call_later(node.run_action, action)

            # The key goes in the title; a help line only when it says more than the title
            # (each help line costs the palette a row: repeating the title fitted only seven).
            # The palette parses both strings as markup: a key shown as "[" must stay a bracket.
            yield SystemCommand(escape(f"{binding.description} ({self.get_key_display(binding)})"),
                                escape(binding.tooltip or ""), run)
        # Textual's own after ours; not its "Keys" panel, which lists every generic key again.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")

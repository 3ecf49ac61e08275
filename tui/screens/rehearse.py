"""Rehearse: answer out loud (or typed) against the clock, reveal the draft, rate yourself."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Digits, Header, Static, TextArea

from tui.core.notes import Rehearsal
from tui.core.packs import Question
from tui.core.progress import chosen_texts, questions_for
from tui.core.rounds import focus_at
from tui.core.sanitize import for_terminal
from tui.core.schedule import status
from tui.core.session import CompanySession
from tui.core.speech import band, target_text, too_short
from tui.core.timebox import Box, cost, default_minutes, fit, overrun
from tui.core.timefmt import mmss
from tui.dialogs.basic import ConfirmDialog
from tui.plain import plain
from tui.screens.recording import record
from tui.screens.rehearse_rows import Attempt, reveal_rows, summary_rows
from tui.widgets.fit_footer import FitFooter
from tui.widgets.hanging import Hanging

if TYPE_CHECKING:
    from tui.app import FinaleApp


Phase = Literal["ready", "say", "type", "reveal", "summary"]
"""ready: before the clock starts; say: the clock runs; type: recall typed; reveal: draft shown; summary: the end."""


class Stage(Vertical, can_focus=True):
    """Takes focus while the clock view shows, so focus never stays on a view the switcher hid.

    Screen keys fire with or without a focused widget; what this prevents is the
    hidden recall editor (or a hidden scroll view) keeping focus and eating keys.
    """


# Rating and leaving, the same keys on every rehearsal screen.
RATE_AND_LEAVE = [
    Binding("1", "rate(1)", "Again"),
    Binding("2", "rate(2)", "Hard"),
    Binding("3", "rate(3)", "Good"),
    Binding("4", "rate(4)", "Easy"),
    Binding("enter", "finish", "Close", show=False),
    Binding("escape", "leave", "Leave"),
]


class RehearseScreen(Screen):
    """A queue of questions, one at a time. Nothing is recorded until it is rated."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    CSS_PATH = "rehearse.tcss"
    BINDINGS = [
        Binding("space", "start_or_stop", "Start/stop", priority=True),
        Binding("y", "type_instead", "Type it instead"),
        Binding("p", "pause", "Pause"),
        Binding("ctrl+s", "done_typing", "Done", priority=True),
        *RATE_AND_LEAVE,
    ]

    # var, not reactive: a reactive on a Screen repaints the whole screen when it
    # changes (8 KB a second over SSH while the timer ran); watchers update the widgets.
    phase: var[Phase] = var("ready", init=False)
    """ready, say, type, reveal or summary: which view shows and which keys work."""
    elapsed: var[int] = var(0, init=False)
    """Whole seconds on the clock for the current question."""

    def __init__(self, session: CompanySession, queue: list[str], box: Box | None = None) -> None:
        super().__init__()
        self.session = session
        self.queue = list(queue)
        self.box = box or Box(list(queue))
        self.index = 0
        self.attempts: list[Attempt] = []
        self.current: Attempt | None = None
        self._ticker: Timer | None = None
        self._run_start: float | None = None  # monotonic time the clock last resumed
        self._banked = 0.0  # seconds run before the last pause
        self._band_text = ""

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for q in questions_for(self.app.catalog, self.session.company)}

    @property
    def question(self) -> Question:
        return self.questions[self.queue[self.index]]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        with Vertical(id="rehearse"):
            yield Static("", id="rh-prompt")
            yield Static("", id="rh-why")
            with ContentSwitcher(id="rh-views", initial="rh-clock"):
                with Stage(id="rh-clock"):
                    with Horizontal(id="rh-timer-row"):
                        yield Digits("0:00", id="rh-timer")
                        yield Static("", id="rh-band")
                    yield Static("", id="rh-hint")
                with Vertical(id="rh-type"):
                    yield TextArea(id="rh-recall", soft_wrap=True, compact=True)
                    yield Static("", id="rh-type-hint")
                with VerticalScroll(id="rh-reveal", can_focus=True):
                    yield Hanging(id="rh-reveal-text")
                with VerticalScroll(id="rh-summary", can_focus=True):
                    yield Hanging(id="rh-summary-text")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one("#rh-recall", TextArea).cursor_blink = self.app.settings.cursor_blink
        self._show_question()
        self.watch_phase(self.phase)
        self._say_left_out()

    # -- the clock ----------------------------------------------------------

    def _now_seconds(self) -> float:
        running = self.app.monotonic() - self._run_start if self._run_start is not None else 0.0
        return self._banked + running

    def _tick(self) -> None:
        self.elapsed = int(self._now_seconds())

    def _start_clock(self) -> None:
        self._banked = 0.0
        self._run_start = self.app.monotonic()
        self.elapsed = 0
        # Once a second and no more: over SSH each repaint costs bytes.
        self._ticker = self.set_interval(1.0, self._tick)

    def _stop_clock(self) -> int:
        seconds = int(round(self._now_seconds()))
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self._run_start = None
        self._banked = 0.0
        return seconds

    def watch_elapsed(self, seconds: int) -> None:
        if self.phase == "type":
            # Typing has its own clock and no spoken band: typing is slower than talking.
            self._paint_type_hint()
            return
        self.query_one("#rh-timer", Digits).update(mmss(seconds))
        self._paint_band(seconds)

    def _paint_type_hint(self) -> None:
        paused = "paused · p to go on" if self.paused else "p pauses"
        self.query_one("#rh-type-hint", Static).update(
            f"typing {mmss(self.elapsed)} · {paused} · ctrl+s when done", layout=False)

    @property
    def paused(self) -> bool:
        return self._ticker is not None and self._run_start is None

    def _paint_band(self, seconds: int) -> None:
        target = self.question.target_seconds
        where = band(seconds, target)
        timer = self.query_one("#rh-timer", Digits)
        for name in ("under", "in", "over"):
            timer.set_class(where == name, f"-{name}")
        words = {"under": "under the band", "in": "in the band", "over": "over: wrap up"}[where]
        text = f"target {target_text(target)}\n{words}"
        if text != self._band_text:
            # Only when it changes, and without a relayout: this runs every second while
            # the user speaks, and a relayout repaints the whole screen over SSH.
            self._band_text = text
            self.query_one("#rh-band", Static).update(Content(text), layout=False)

    # -- phases -------------------------------------------------------------

    def _show_question(self) -> None:
        question = self.question
        self.title = for_terminal(f"Rehearse · {self.session.company.name}", one_line=True)
        self.sub_title = f"{self.index + 1} of {len(self.queue)}"
        self.query_one("#rh-prompt", Static).update(plain(question.prompt))
        self.query_one("#rh-why", Static).update(plain(question.why_they_ask))
        self.current, self.elapsed = None, 0
        self.watch_elapsed(0)
        self.query_one("#rh-hint", Static).update(
            "Your draft is hidden. Say your answer out loud.\n"
            "space starts the clock · y to type it instead · escape leaves"
        )
        self.query_one("#rh-timer", Digits).remove_class("-paused")
        self.phase = "ready"

    def _say_left_out(self) -> None:
        """Say what the time box left out, once, as the session starts."""
        if self.box.overrun is not None:
            self.notify(f"{self.box.overrun.text('This rehearsal')} Rehearsing what fits.",
                        title="Time box", severity="warning", timeout=12, markup=False)
        if self.box.left_out:
            names = ", ".join(self.questions[q].prompt for q in self.box.left_out if q in self.questions)
            n = len(self.queue)
            self.notify(f"{n} question{'s' * (n != 1)} fit{'s' * (n == 1)} {mmss(self.box.seconds or 0)} min. Left out: {names}",
                        title="Time box", timeout=12, markup=False)

    def watch_phase(self, phase: Phase) -> None:
        views = {"ready": "rh-clock", "say": "rh-clock", "type": "rh-type", "reveal": "rh-reveal",
                 "summary": "rh-summary"}
        self.query_one("#rh-views", ContentSwitcher).current = views[phase]
        for name in ("#rh-prompt", "#rh-why"):
            self.query_one(name).display = phase != "summary"
        focus = {"type": "#rh-recall", "reveal": "#rh-reveal", "summary": "#rh-summary"}.get(phase, "#rh-clock")
        # The keys typed straight after the one that changed the view (`y` and a sentence,
        # in one burst) belong to the view it shows.
        self.app.hold_keys_until_focused(self.query_one(focus))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = {
            "start_or_stop": ("ready", "say"),
            "type_instead": ("ready",),
            "pause": ("say", "type"),
            "done_typing": ("type",),
            "rate": ("reveal",),
            "finish": ("summary",),
        }
        if action in allowed:
            return self.phase in allowed[action]
        return True

    def action_start_or_stop(self) -> None:
        if self.phase == "ready":
            self.current = Attempt(self.question, self.app.clock().replace(microsecond=0), 0, "spoken")
            self._start_clock()
            self.query_one("#rh-hint", Static).update("Speak now · space stops the clock · p pauses")
            self.phase = "say"
        elif self.phase == "say":
            self._finish_attempt()

    def action_type_instead(self) -> None:
        self.current = Attempt(self.question, self.app.clock().replace(microsecond=0), 0, "typed")
        self.query_one("#rh-recall", TextArea).load_text("")
        self.phase = "type"
        self._start_clock()
        self._paint_type_hint()

    def action_pause(self) -> None:
        if self._run_start is not None:
            self._banked = self._now_seconds()
            self._run_start = None
            if self._ticker is not None:
                self._ticker.pause()
        else:
            self._run_start = self.app.monotonic()
            if self._ticker is not None:
                self._ticker.resume()
        self._paint_paused()

    def _paint_paused(self) -> None:
        """A paused clock says so for as long as it is paused, not in a toast that fades."""
        if self.phase == "type":
            self._paint_type_hint()
            return
        self.query_one("#rh-timer", Digits).set_class(self.paused, "-paused")
        self.query_one("#rh-hint", Static).update(
            "Paused · p to go on · escape leaves" if self.paused else "Speak now · space stops the clock · p pauses")

    def action_done_typing(self) -> None:
        if self.current is not None:
            self.current.recall = self.query_one("#rh-recall", TextArea).text
        self._finish_attempt()

    def _finish_attempt(self) -> None:
        assert self.current is not None
        self.current.seconds = self._stop_clock()
        self.elapsed = self.current.seconds
        self.query_one("#rh-reveal-text", Hanging).show_rows(reveal_rows(self.current, self._draft(self.current.question.id)))
        self.phase = "reveal"
        # Each reveal opens at the top: the time and the points covered come first.
        self.query_one("#rh-reveal", VerticalScroll).scroll_home(animate=False, immediate=True)

    def _draft(self, question_id: str) -> str:
        """The answer to rehearse against; for the questions to ask, the ones chosen."""
        company = self.session.company
        if self.questions[question_id].asks:
            return "\n".join(f"- {text}" for text in chosen_texts(company.asks))
        return company.answer_text(question_id)

    def action_rate(self, rating: int, sure: bool = False) -> None:
        attempt = self.current
        if attempt is None:
            return
        if not sure and attempt.mode == "spoken" and too_short(attempt.seconds, target := attempt.question.target_seconds):
            # A stray space can stop the clock at 0:03; a rating would then move the question's schedule.
            self.app.push_screen(ConfirmDialog(f"Only {mmss(attempt.seconds)}: rate it anyway?",
                                               f"The band is {target_text(target)}. No records nothing: "
                                               "press a rating again, or escape to leave without one.", yes="Rate", no="No"),
                                 lambda yes: self.action_rate(rating, True) if yes else None)
            return
        attempt.rating = rating
        self.attempts.append(attempt)
        record(self, self.session, [Rehearsal(attempt.question.id, attempt.started, attempt.seconds, rating, attempt.mode)])
        if rating == 1:
            # "again" comes back in this session, if it still fits the time box.
            spent = sum(a.seconds for a in self.attempts)
            pending = sum(cost(self.questions[q]) for q in self.queue[self.index + 1:])
            if self.box.fits_again(attempt.question, spent, pending):
                self.queue.append(attempt.question.id)
        self.index += 1
        if self.index < len(self.queue):
            self._show_question()
        else:
            self._show_summary()

    def _show_summary(self) -> None:
        company, now = self.session.company, self.app.clock()
        ids = [q.id for q in questions_for(self.app.catalog, company)]
        upcoming = sorted((status(company, qid, now, self.app.settings.quiet) for qid in ids), key=lambda s: s.due)
        rows = summary_rows(self.attempts, self.box, self.questions, upcoming, now)
        self.query_one("#rh-summary-text", Hanging).show_rows(rows)
        self.sub_title = "done"
        self.phase = "summary"

    def action_finish(self) -> None:
        self.dismiss(len(self.attempts))

    def action_leave(self) -> None:
        typed = self.phase == "type" and self.query_one("#rh-recall", TextArea).text.strip()
        if not typed:
            self._leave()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._leave()

        self.app.push_screen(ConfirmDialog("Leave and lose what you typed?",
                                           "Your typed recall is not saved until you rate it.", yes="Leave"), answer)

    def _leave(self) -> None:
        self._stop_clock()
        self.dismiss(len(self.attempts))


def plan(session: CompanySession, app, now: datetime, minutes: float | None = None) -> Box:
    """Every due question weakest first, fitted to ``minutes``, or in the last hour to the time left.

    Minutes asked for (``--minutes``) that would run into the interview are cut to what
    fits before it, and the box says so.
    """
    if minutes is None:
        minutes = getattr(app, "rehearse_minutes", None)
    over = None
    if minutes is None:
        minutes = default_minutes(focus_at(session.company, now), now)
    elif (over := overrun(focus_at(session.company, now), now, minutes)) is not None:
        minutes = over.room
    box = fit(session.company, questions_for(app.catalog, session.company), now, minutes, app.settings.quiet)
    box.overrun = over
    return box

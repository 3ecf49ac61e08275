"""Mock close: the closing questions in a row, as the interviewer asks them, on one clock."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer, Header, Static

from tui.core.mock import MockRun, draft_points
from tui.core.sanitize import for_terminal
from tui.core.schedule import RATINGS
from tui.core.session import CompanySession
from tui.core.speech import target_text
from tui.core.timefmt import mmss
from tui.dialogs.basic import ConfirmDialog
from tui.plain import plain
from tui.screens.recording import record
from tui.screens.rehearse import RATE_AND_LEAVE, Stage

if TYPE_CHECKING:
    from tui.app import FinaleApp


class MockScreen(Screen):
    """ready, run (an interviewer line or one of your asks at a time), then one review of the run."""

    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session

    CSS_PATH = "mock.tcss"
    BINDINGS = [
        Binding("space", "next", "Start/next", priority=True),
        *RATE_AND_LEAVE,
    ]

    # var, not reactive: see RehearseScreen; only the Digits repaint each second.
    phase: var[str] = var("ready", init=False)
    elapsed: var[int] = var(0, init=False)

    def __init__(self, session: CompanySession) -> None:
        super().__init__()
        self.session = session
        self.run: MockRun | None = None
        self._ticker: Timer | None = None
        self._t0 = 0.0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        with Vertical(id="mock"):
            with Stage(id="mk-stage"):
                yield Static("", id="mk-step")
                yield Static("", id="mk-line")
                with Horizontal(id="mk-clock-row"):
                    yield Digits("0:00", id="mk-timer")
                    yield Static("", id="mk-hint")
            with VerticalScroll(id="mk-review", can_focus=True):
                yield Static("", id="mk-review-text")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.run = MockRun.of(self.app.catalog, self.session.company)
        self.title = for_terminal(f"Mock close · {self.session.company.name}", one_line=True)
        self.sub_title = f"{len(self.run.questions)} questions, one clock"
        lines = "\n".join(f"  {n}. {q.prompt}" for n, q in enumerate(self.run.questions, 1))
        self.query_one("#mk-step", Static).update("The close, the way the interviewer runs it")
        # The prompts may be a pack's or the user's own: never markup (a "[/]" ended the close).
        self.query_one("#mk-line", Static).update(plain(
            f"{lines}\n\nNo draft, no notes, no stops: answer each one aloud as if they had just asked it."))
        self.query_one("#mk-hint", Static).update("space starts the clock\nand moves on · escape leaves")
        self._show_phase()

    # -- the clock: one for the whole close ----------------------------------

    def _tick(self) -> None:
        self.elapsed = int(self.app.monotonic() - self._t0)

    def watch_elapsed(self, seconds: int) -> None:
        self.query_one("#mk-timer", Digits).update(mmss(seconds))

    def _stop(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    # -- the run --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allowed = {"next": ("ready", "run"), "rate": ("review",), "finish": ("done",)}
        return self.phase in allowed[action] if action in allowed else True

    def action_next(self) -> None:
        run = self.run
        assert run is not None
        now = self.app.monotonic()
        if self.phase == "ready":
            run.start(self.app.clock(), now)
            self._t0 = now
            self.elapsed = 0
            # Once a second: one Digits repaint, the least a running clock can send.
            self._ticker = self.set_interval(1.0, self._tick)
            self.phase = "run"
        else:
            run.advance(now)
        if run.finished:
            self._stop()
            self._show_review()
            self.phase = "review"
        else:
            self._show_step()
        self._show_phase()

    def _show_step(self) -> None:
        run = self.run
        assert run is not None
        question = run.question
        step, line, hint = self.query_one("#mk-step", Static), self.query_one("#mk-line", Static), self.query_one("#mk-hint", Static)
        if question.asks and run.ask >= 0:
            step.update(f"Your questions for them · {run.ask + 1} of {len(run.asks)}")
            line.update(plain(run.asks[run.ask]))
            hint.update("Ask it aloud\nspace for the next")
            return
        step.update(f"The interviewer · {run.index + 1} of {len(run.questions)}")
        line.update(plain(f"“{question.prompt}”"))
        last = run.index == len(run.questions) - 1 and not (question.asks and run.asks)
        hint.update("Answer aloud\n" + ("space ends the close" if last else "space moves on"))

    def _show_phase(self) -> None:
        review = self.phase in ("review", "done")
        self.query_one("#mk-stage").display = not review
        self.query_one("#mk-review").display = review
        self.app.hold_keys_until_focused(self.query_one("#mk-review" if review else "#mk-stage"))
        self.refresh_bindings()

    # -- the review -----------------------------------------------------------

    def _show_review(self) -> None:
        run = self.run
        assert run is not None
        company = self.session.company
        current = run.next_to_rate
        # Wrapped here, with a hanging indent, so a long prompt or point lines up under its start.
        width = max(40, self.app.size.width - 6)

        def hang(text: str, indent: int, first: int = 0) -> str:
            lines = textwrap.wrap(text, width, initial_indent=" " * first,
                                  subsequent_indent=" " * indent) or [""]
            return "\n".join(lines)[first:] + "\n"

        parts: list[tuple[str, str] | str] = [(f"The close took {mmss(run.total)}. ", "bold")]
        parts.append(("Rate each answer: 1 again · 2 hard · 3 good · 4 easy\n"
                      if current is not None else "Saved to your rehearsals. enter or escape to go back.\n",
                      "$accent"))
        for i, question in enumerate(run.questions):
            where = run.where(i)
            rated = RATINGS.get(run.ratings.get(i, 0), "")
            marker = "▶ " if i == current else "  "
            parts += [
                (f"\n{marker}{mmss(run.split(i)):>5} ", "bold"),
                (f"{where:<5} ", "$success" if where == "in" else "$warning"),
                (f"{target_text(question.target_seconds)}", "$text-muted"),
                (f"  {rated}\n" if rated else "\n", "$accent"),
                ("        " + hang(question.prompt, 8, 8), "bold" if i == current else ""),
            ]
            points = draft_points(company, question)
            if not points:
                parts.append(("        (no draft to check against)\n", "$text-muted"))
            parts += ["        • " + hang(p, 10, 10) for p in points]
        content = Content.assemble(*parts)
        self.query_one("#mk-review-text", Static).update(content)
        # Keep the question being rated in view as the ratings move down the run.
        focus_at = content.plain.find("▶")
        y = content.plain.count("\n", 0, focus_at) if focus_at >= 0 else 0
        scroll = self.query_one("#mk-review", VerticalScroll)
        height = scroll.size.height or 20
        top = 0 if y < height * 2 // 3 else y - height // 3
        self.call_after_refresh(scroll.scroll_to, y=top, animate=False)

    def on_resize(self) -> None:
        if self.phase in ("review", "done"):
            self._show_review()

    def action_rate(self, rating: int) -> None:
        run = self.run
        assert run is not None
        row = run.rate(rating)
        if row is None:
            return
        record(self, self.session, [row])
        if run.next_to_rate is None:
            self.phase = "done"
            self.sub_title = "done"
        self._show_review()
        self._show_phase()

    def action_finish(self) -> None:
        self.dismiss(len(self.run.ratings) if self.run else 0)

    def action_leave(self) -> None:
        if self.phase != "run":
            self._leave()
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._leave()

        # A stray escape must not throw away a close half run, as it must not in typed recall.
        self.app.push_screen(ConfirmDialog("Leave the mock close?",
                                           "The clock is running: this run is not saved until you rate it.",
                                           yes="Leave"), answer)

    def _leave(self) -> None:
        self._stop()
        self.action_finish()

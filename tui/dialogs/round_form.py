"""The round form: a round's name, date and time, and its interviewers with a note on each.

A calendar invite fills it: type the .ics path and press enter in that field.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from tui.core.invite import InviteError, read_invite, shown
from tui.core.rounds import Round, parse_people
from tui.core.timefmt import parse_when
from tui.dialogs.basic import ConfirmDialog
from tui.dialogs.form_dialog import FormDialog
from tui.plain import plain


class RoundResult(NamedTuple):
    round: Round
    notes: dict[str, str]
    """A note per interviewer ("" clears one)."""


class RoundFormDialog(FormDialog["RoundResult | None"]):
    CSS_PATH = "rounds.tcss"
    KEYS_HINT = "ctrl+s saves · escape cancels · enter in the invite field reads it"

    def __init__(self, start: Round | None = None, people: str = "", new: bool = True,
                 now: datetime | None = None) -> None:
        super().__init__()
        self.start = start or Round()
        self.people = people
        self.new = new
        self.now = now
        self.SAVE_LABEL = "Add" if new else "Save"

    def compose(self) -> ComposeResult:
        start = self.start
        with Vertical(id="round-form"):
            yield Static("New round" if self.new else "Edit round", classes="title")
            with self.scrolling_fields():
                yield Label("From a calendar invite (optional): path to the .ics file, then enter")
                yield Input(placeholder="~/Downloads/invite.ics", id="ics", compact=True)
                yield Label("Round name")
                yield Input(start.name, placeholder="Hiring manager", id="name", compact=True)
                yield Label("Date and time (local)")
                with Horizontal(classes="when"):
                    yield Input(f"{start.at:%Y-%m-%d}" if start.at else "", placeholder="YYYY-MM-DD", id="date",
                                compact=True)
                    yield Input(f"{start.at:%H:%M}" if start.at else "", placeholder="HH:MM", id="time", compact=True)
                yield Label("Interviewers, one a line; a note after a colon")
                people = TextArea(self.people, id="people", compact=True, soft_wrap=True, show_line_numbers=False)
                people.cursor_blink = False
                people.placeholder = "Dana Lee (VP Product): owns the roadmap"
                yield people
            yield from self.actions()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ics" if self.new else "#name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "ics":
            event.stop()
            if event.value.strip():
                self.show_error("Reading the invite…")
                self._read_invite(event.value.strip())
            else:
                self.query_one("#name", Input).focus()
            return
        super().on_input_submitted(event)

    @work(thread=True, exclusive=True, group="invite", exit_on_error=False)
    def _read_invite(self, path_text: str) -> None:
        try:
            invite = read_invite(Path(path_text).expanduser())
        except InviteError as error:
            self.app.call_from_thread(self.show_error, str(error))
            return
        self.app.call_from_thread(self._fill, invite.to_round(), shown(invite.at, invite.zone))

    def _fill(self, one: Round, when: str) -> None:
        self.query_one("#name", Input).value = one.name
        self.query_one("#date", Input).value = f"{one.at:%Y-%m-%d}" if one.at else ""
        self.query_one("#time", Input).value = f"{one.at:%H:%M}" if one.at else ""
        self.query_one("#people", TextArea).text = "\n".join(one.interviewers)
        self.query_one("#error", Static).update(plain(f"From the invite: {when}"))
        self._invite_at = one.at
        self.query_one("#name", Input).focus()

    _invite_at: datetime | None = None

    def action_submit(self) -> None:
        values = {i.id: i.value for i in self.query(Input)}
        name = " ".join(values["name"].split())
        if not name:
            self.show_error("Give the round a name, like Recruiter screen or Hiring manager.")
            return
        try:
            at = parse_when(values["date"], values["time"])
        except ValueError as problem:
            self.show_error(str(problem))
            return
        if self._invite_at is not None and at is not None and (at.date(), at.time()) == (
                self._invite_at.date(), self._invite_at.time().replace(second=0)):
            at = self._invite_at  # unchanged: keep the invite's own zone for the file
        names, notes = parse_people(self.query_one("#people", TextArea).text)
        result = RoundResult(Round(name, at, names), notes)
        if self.now is None or at is None or at >= self.now or at == self.start.at:
            self.dismiss(result)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(result)

        self.app.push_screen(ConfirmDialog(f"{at:%Y-%m-%d %H:%M} has passed. Save it anyway?",
                                           "A round that has passed is offered for a debrief.",
                                           yes="Save anyway", no="Fix the date"), answer)

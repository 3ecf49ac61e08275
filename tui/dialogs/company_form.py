"""The company form: a new company, or the interview details of one (`i`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from tui.core.slug import clean_name
from tui.core.timefmt import parse_when
from tui.dialogs.basic import ConfirmDialog
from tui.dialogs.form_dialog import FormDialog


@dataclass
class CompanyForm:
    name: str = ""
    role: str = ""
    interview_at: datetime | None = None
    interviewers: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    start_from: str | None = None


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class CompanyFormDialog(FormDialog["CompanyForm | None"]):
    """New company (with a name and "start from") or details (without)."""

    DEFAULT_CSS = """
    CompanyFormDialog Input, CompanyFormDialog Select { margin-bottom: 0; }
    CompanyFormDialog .when { height: auto; }
    CompanyFormDialog .when Input { width: 1fr; }
    CompanyFormDialog .when Input#date { margin-right: 1; }
    """

    def __init__(self, form: CompanyForm | None = None, new: bool = True,
                 others: list[tuple[str, str]] | None = None, now: datetime | None = None):
        super().__init__()
        self.form = form or CompanyForm()
        self.new = new
        self.others = others or []
        self.now = now
        self.SAVE_LABEL = "Create" if new else "Save"

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical():
            yield Static("New company" if self.new else "Interview details", classes="title")
            with self.scrolling_fields():
                if self.new:
                    yield Label("Company name")
                    yield Input(form.name, placeholder="Acme Robotics", id="name", compact=True)
                yield Label("Role (the questions use it)")
                yield Input(form.role, id="role", compact=True)
                yield Label("Interview date and time (optional)")
                with Horizontal(classes="when"):
                    yield Input(f"{form.interview_at:%Y-%m-%d}" if form.interview_at else "",
                                placeholder="YYYY-MM-DD", id="date", compact=True)
                    yield Input(f"{form.interview_at:%H:%M}" if form.interview_at else "",
                                placeholder="HH:MM", id="time", compact=True)
                yield Label("Interviewers (comma-separated)")
                yield Input(", ".join(form.interviewers), placeholder="VP Product, Head of Design",
                            id="interviewers", compact=True)
                yield Label("Links (comma-separated)")
                yield Input(", ".join(form.links), placeholder="https://…", id="links", compact=True)
                if self.new and self.others:
                    yield Label("Start from another company's answers")
                    yield Select(self.others, prompt="Start from scratch", id="start-from", compact=True)
            yield from self.actions()

    def on_mount(self) -> None:
        super().on_mount()
        first = self.query(Input).first()
        first.focus()
        # Typing replaces what the first field holds, as tab into any other field does. Not
        # after a refresh: that selected (and so replaced) the letters typed in between.
        first.select_all()

    def current(self) -> dict:
        values = super().current()
        if self.new and self.others:
            values["start-from"] = self.query_one("#start-from", Select).value
        return values

    def action_submit(self) -> None:
        values = {i.id: i.value for i in self.query(Input)}
        form = CompanyForm(
            name=values.get("name", self.form.name),
            role=values["role"].strip(),
            interviewers=_split_list(values.get("interviewers", "")),
            links=_split_list(values.get("links", "")),
        )
        try:
            if self.new:
                form.name = clean_name(form.name)
            form.interview_at = parse_when(values["date"], values["time"])
        except ValueError as problem:
            self.show_error(str(problem))
            return
        if self.new and self.others:
            choice = self.query_one("#start-from", Select).value
            form.start_from = choice if isinstance(choice, str) else None
        past = (self.now is not None and form.interview_at is not None and form.interview_at < self.now
                and form.interview_at != self.form.interview_at)
        if not past:
            self.dismiss(form)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss(form)

        self.app.push_screen(ConfirmDialog(f"{form.interview_at:%Y-%m-%d %H:%M} is in the past. Save it anyway?",
                                           "Check the date: the countdown and the rehearsal schedule use it.",
                                           yes="Save anyway", no="Fix the date"), answer)

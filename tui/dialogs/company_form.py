"""The company form: a new company, or the interview details of one (`i`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tui.core.slug import clean_name
from tui.core.timefmt import parse_when
from tui.dialogs.basic import Dialog


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


class CompanyFormDialog(Dialog["CompanyForm | None"]):
    """New company (with a name and "start from") or details (without)."""

    DEFAULT_CSS = """
    CompanyFormDialog VerticalScroll { height: auto; max-height: 20; }
    CompanyFormDialog Label { color: $text-muted; }
    CompanyFormDialog Input, CompanyFormDialog Select { margin-bottom: 0; }
    CompanyFormDialog .when { height: auto; }
    CompanyFormDialog .when Input { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "submit", "Save", priority=True)]

    def __init__(self, form: CompanyForm | None = None, new: bool = True,
                 others: list[tuple[str, str]] | None = None):
        super().__init__()
        self.form = form or CompanyForm()
        self.new = new
        self.others = others or []

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical():
            yield Static("New company" if self.new else "Interview details", classes="title")
            with VerticalScroll(can_focus=False):
                if self.new:
                    yield Label("Company name")
                    yield Input(form.name, placeholder="Acme Robotics", id="name")
                yield Label("Role")
                yield Input(form.role, placeholder="Senior Product Manager", id="role")
                yield Label("Interview date and time (optional)")
                with Horizontal(classes="when"):
                    yield Input(f"{form.interview_at:%Y-%m-%d}" if form.interview_at else "",
                                placeholder="YYYY-MM-DD", id="date")
                    yield Input(f"{form.interview_at:%H:%M}" if form.interview_at else "",
                                placeholder="HH:MM", id="time")
                if not self.new:
                    yield Label("Interviewers (comma-separated)")
                    yield Input(", ".join(form.interviewers), id="interviewers")
                    yield Label("Links (comma-separated)")
                    yield Input(", ".join(form.links), id="links")
                if self.new and self.others:
                    yield Label("Start from another company's answers")
                    yield Select(self.others, prompt="Start from scratch", id="start-from")
            yield Static("", classes="error", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Create" if self.new else "Save", id="save", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query(Input).first().focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_submit(self) -> None:
        error = self.query_one("#error", Static)
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
            error.update(str(problem))
            return
        if self.new and self.others:
            choice = self.query_one("#start-from", Select).value
            form.start_from = choice if isinstance(choice, str) else None
        self.dismiss(form)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

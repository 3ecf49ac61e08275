"""The company picker: every company, soonest interview first, with its progress."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.fields import pack_fields
from tui.core.index import Leftover, Summary, leftovers, summaries
from tui.core.notes import Company
from tui.core.sanitize import for_terminal
from tui.core.slug import clean_name
from tui.core.store import Loaded, NotesError
from tui.core.timefmt import countdown, when_text
from tui.dialogs.basic import ConfirmDialog, TextDialog
from tui.dialogs.company_form import CompanyForm, CompanyFormDialog
from tui.plain import plain
from tui.typeahead import hold_keys
from tui.widgets.fit_footer import FitFooter
from tui.widgets.hanging import hang

if TYPE_CHECKING:
    from tui.app import FinaleApp

FIRST_BATCH = 40
EMPTY_HINT = (
    "No companies yet. Press n to add the company you are interviewing with.\n"
    "Want to look around first? Quit and run  finale --demo  for a sample company."
)


def _name_problem(text: str) -> str:
    try:
        clean_name(text)
    except ValueError as error:
        return str(error)
    return ""


class PickerScreen(Screen):
    app: FinaleApp  # typed: a renamed app attribute fails mypy, not a session
    CSS_PATH = "picker.tcss"
    BINDINGS = [
        # Ours, not the list's select: so help and the palette name it (the list's enter was hidden).
        Binding("enter", "open", "Open", show=False, priority=True),
        Binding("n", "new", "New", priority=True),
        Binding("e", "rename", "Rename", priority=True),
        Binding("d", "delete", "Delete", priority=True),
        Binding("v", "review", "Review", priority=True),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Summary] = []
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="§")
        yield Static("", id="picker-hint")
        yield OptionList(id="companies")
        yield FitFooter()

    def on_mount(self) -> None:
        self.title = "finale"
        self.sub_title = "companies"
        self.query_one("#companies").border_title = "Companies · enter to open"

    def on_screen_resume(self) -> None:
        self.refresh_companies()

    def on_resize(self) -> None:
        if self.entries:
            self.refresh_companies()  # each row's details are wrapped for the width

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def refresh_companies(self, select: str | None = None) -> None:
        # Off the UI thread, and from the index cache: only changed files are read again.
        entries = summaries(self.app.store, self.app.catalog, self.app.clock(), self.app.settings.words_per_minute)
        self.app.call_from_thread(self._show, entries, select, leftovers(self.app.store))

    def _entry_prompt(self, entry: Summary) -> Content:
        # The list's border, padding and this indent: the details wrap between fields, never inside one;
        # a field wider than the row (a long role) wraps under itself, not under the company's name.
        room = self.app.size.width - 7
        if not entry.ok:
            return Content("\n").join([Content.assemble(("⚠ ", "$error"), (for_terminal(f"{entry.slug}.toml", True), "bold")),
                                       *hang([("  ", Content.styled(for_terminal(entry.error_text, True), "$error"))], room + 2)])
        now = self.app.clock()
        focus = entry.focus(now)
        when = focus.at if focus else None
        soon = countdown(when, now)
        details = [entry.role, focus.name if focus else "", when_text(when) if when else "no date yet", soon, *entry.progress.split("  "), f"ready {entry.ready}",
                   entry.orphan_text]
        lines = pack_fields([for_terminal(d, True) for d in details if d], room)
        return Content("\n").join([Content.styled(for_terminal(entry.name, True), "bold"),
                                   *hang([("  ", Content.styled(line, "$text-muted")) for line in lines], room + 2)])

    def _show(self, entries: list[Summary], select: str | None = None, extra: list[Leftover] | None = None) -> None:
        listing = self.query_one("#companies", OptionList)
        # Once, after coming back from a company: that company, so `d` aims where the user thinks.
        last, self.app.last_company = self.app.last_company, None
        keep = select or last or (self.entries[listing.highlighted].slug if self.entries and listing.highlighted is not None
                          and listing.highlighted < len(self.entries) else None)
        self.entries = entries
        slugs = [e.slug for e in entries]
        target = slugs.index(keep) if keep in slugs else 0
        # A screenful first, the rest after that frame: 500 companies appear as fast as 5.
        first = max(FIRST_BATCH, target + 1)
        listing.clear_options()
        listing.add_options([Option(self._entry_prompt(e), id=e.slug) for e in entries[:first]])
        if slugs:
            listing.highlighted = target
        self._generation += 1
        if len(entries) > first:
            rest, generation = entries[first:], self._generation

            def add_rest() -> None:
                if generation == self._generation:  # a newer refresh already rebuilt the list
                    listing.add_options([Option(self._entry_prompt(e), id=e.slug) for e in rest])

            self.call_after_refresh(add_rest)
        hint = self.query_one("#picker-hint", Static)
        # Conflict copies and recovery files stay in view until the user deals with them.
        extra = extra or []
        notes = "\n".join(for_terminal(f"⚠ {x.path}: {x.kind}, {x.advice}.", True) for x in extra)
        hint.update(EMPTY_HINT if not entries else plain(notes))
        hint.set_class(not entries, "-empty")
        hint.display = not entries or bool(extra)
        listing.display = bool(entries)
        listing.focus()

    @property
    def current(self) -> Summary | None:
        listing = self.query_one("#companies", OptionList)
        if listing.highlighted is None or not self.entries:
            return None
        return self.entries[listing.highlighted]

    def action_cursor(self, direction: str) -> None:
        listing = self.query_one("#companies", OptionList)
        listing.action_cursor_down() if direction == "down" else listing.action_cursor_up()

    @on(OptionList.OptionSelected, "#companies")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(self.entries[event.option_index].slug)

    def action_open(self) -> None:
        if self.current is not None:
            self._open(self.current.slug)

    def action_review(self) -> None:
        if self.current is not None:
            self._open(self.current.slug, review=True)

    def _open(self, slug: str, review: bool = False) -> None:
        # The notes load in a worker, so the screen is pushed a moment after the key: the rest of
        # the burst ("enter, enter, a sentence" in one read) waits for it instead of reaching the picker.
        hold_keys(self)
        self.open_company(slug, review)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_company(self, slug: str, review: bool = False) -> None:
        try:
            loaded = self.app.store.load(slug)
        except NotesError as error:
            self.app.call_from_thread(
                self.notify, f"{error.reason}.\n{error.fix}", title=f"Cannot open {error.path.name}",
                severity="error", timeout=20, markup=False,
            )
            return
        if review:
            self.app.call_from_thread(self.app.show_review, loaded.company)
        else:
            self.app.call_from_thread(self._open_loaded, loaded)

    def _open_loaded(self, loaded: Loaded) -> None:
        self.app.open_company(loaded)

    # -- new, rename, delete ------------------------------------------------

    def action_new(self, name: str = "") -> None:
        others = [(e.name, e.slug) for e in self.entries if e.ok]
        # The role is a value the user sees and can change, not a placeholder that saves as "".
        form = CompanyForm(name=name, role=self.app.catalog.role)
        self.app.push_screen(CompanyFormDialog(form, new=True, others=others, now=self.app.clock()), self._form_done)

    def _form_done(self, form: CompanyForm | None) -> None:
        self._create(form)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _create(self, form: CompanyForm | None) -> None:
        if form is None:
            return
        company = Company(name=form.name, role=form.role, interview_at=form.interview_at,
                          interviewers=form.interviewers, links=form.links)
        try:
            if form.start_from:
                source = self.app.store.load(form.start_from).company
                company.answers = copy.deepcopy(source.answers)
                company.custom_questions = copy.deepcopy(source.custom_questions)
                company.asks = copy.deepcopy(source.asks)
            loaded = self.app.store.create(company)
        except (OSError, ValueError, NotesError) as error:
            self.app.call_from_thread(self.notify, f"Could not create it: {error}", severity="error", timeout=15,
                                      markup=False)
            return
        self.app.call_from_thread(self._open_loaded, loaded)

    def action_rename(self) -> None:
        entry = self.current
        if entry is None or not entry.ok:
            self.notify("Pick a company that opens to rename it.", severity="warning")
            return

        def rename(name: str | None) -> None:
            if name is None or name.strip() == entry.name:
                return
            try:
                loaded = self.app.store.rename(entry.slug, name)
            except (OSError, ValueError, NotesError) as error:
                self.notify(f"Could not rename: {error}", severity="error", markup=False)
                return
            self.refresh_companies(loaded.slug)

        self.app.push_screen(TextDialog("Rename company", entry.name, validate=_name_problem), rename)

    def action_delete(self) -> None:
        entry = self.current
        if entry is None:
            return
        name = entry.name if entry.ok else f"{entry.slug}.toml"

        def delete(yes: bool | None) -> None:
            if not yes:
                return
            try:
                target = self.app.store.delete(entry.slug)
            except OSError as error:
                self.notify(f"Could not delete: {error}", severity="error", markup=False)
                return
            self.notify(f"Moved to {target}", title=f"Deleted {name}", timeout=8, markup=False)
            self.refresh_companies()

        self.app.push_screen(
            ConfirmDialog(f"Delete {name}?", "The file moves to finale's trash folder; nothing is erased.", yes="Delete"),
            delete,
        )

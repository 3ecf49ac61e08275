"""Start the Textual app from parsed command-line options."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from tui.core import paths
from tui.core.clock import now
from tui.core.matching import find_in_store
from tui.core.packs import load_catalog
from tui.core.settings import Settings, SettingsError, load_settings
from tui.core.store import NotesError, NotesStore, company_from
from tui.terminal import prepare_environment, terminal_problem


def _demo_store() -> tuple[NotesStore, str]:
    """A throwaway folder with the sample company, its interview three days from now."""
    root = Path(tempfile.mkdtemp(prefix="finale-demo-"))
    store = NotesStore(root)
    source = paths.builtin_content_dir() / "demo" / "northwind-robotics.toml"
    loaded = store.create(store_company_from(source))
    soon = (datetime.now() + timedelta(days=3)).replace(hour=15, minute=0, second=0, microsecond=0)
    loaded.company.interview_at = soon
    store.save(loaded.slug, loaded.company, loaded.digest)
    return store, loaded.slug


def store_company_from(path: Path):
    company, _ = company_from(path.read_bytes(), path)
    return company


def launch(args: argparse.Namespace) -> int:
    # The cyclic garbage collector is off until the first frame is drawn (FinaleApp turns it
    # back on then): start-up allocates hundreds of thousands of objects that all live on,
    # and the collector walked the growing heap again and again, a twentieth of the first
    # frame's work for no garbage worth having.
    gc.disable()
    try:
        return _launch(args)
    finally:
        gc.enable()


def _launch(args: argparse.Namespace) -> int:
    notices: list[tuple[str, Literal["information", "warning", "error"]]] = []
    config_file = paths.config_file(getattr(args, "config", None))
    config_path: Path | None = config_file
    try:
        settings = load_settings(config_file)
    except SettingsError as error:
        config_path = None  # a file we cannot read is never written, not even to remember a theme
        print(f"finale: {error}\nUsing the default settings.", file=sys.stderr)
        notices.append((f"Settings not loaded: {error}", "error"))
        settings = Settings()
    packs = getattr(args, "packs_dir", None) or settings.packs_dir or None

    open_slug = create_name = None
    open_loaded = None
    demo = getattr(args, "demo", False)
    if demo:
        store, open_slug = _demo_store()
        notices.append((f"Demo: {store.root}, deleted on quit; your notes are untouched.", "information"))
    else:
        store = NotesStore(paths.data_dir(getattr(args, "data_dir", None)))
    catalog = load_catalog(paths.packs_dir(packs), store.root / "cache")
    query = getattr(args, "company", None)
    if query is not None:
        match = find_in_store(store, query)
        if match.entry is not None and match.entry.error is not None:
            print(f"finale: {match.entry.error}", file=sys.stderr)
            return 1
        if match.entry is not None:
            open_slug = match.entry.slug
        elif match.ambiguous:
            print(f"finale: {match.message}", file=sys.stderr)
            return 1
        else:
            create_name = query

    problem = terminal_problem(os.environ, sys.__stderr__ or sys.stderr)
    if problem:
        print(f"finale: {problem}", file=sys.stderr)
        return 1
    prepare_environment()  # before Textual is imported: it reads ESCDELAY once

    from tui.app import FinaleApp

    if open_slug is not None:
        try:
            open_loaded = store.load(open_slug)
        except NotesError as error:
            print(f"finale: {error}", file=sys.stderr)
            return 1
    rehearse = getattr(args, "command", None) == "rehearse"
    if rehearse and open_slug is None:
        print(f'finale: no company named "{query}". Create it with `finale open "{query}"` first.', file=sys.stderr)
        return 1

    app = FinaleApp(store, catalog, settings, clock=now, open_loaded=open_loaded, create_name=create_name, notices=notices,
                    start_rehearsal=rehearse, rehearse_minutes=getattr(args, "minutes", None),
                    start_mock=getattr(args, "mock", False), config_path=config_path)
    mouse = settings.mouse and not getattr(args, "no_mouse", False)
    try:
        app.run(mouse=mouse)
    finally:
        if demo:
            shutil.rmtree(store.root, ignore_errors=True)
    for line in app.farewell:
        print(line, file=sys.stderr)
    if app.crash:
        # A few plain lines, never a traceback: the whole story is in the crash log.
        print(f"finale: stopped by an error: {app.crash}", file=sys.stderr)
        if app.crash_unsaved:
            print("finale: some of your latest words could not be saved (see above)", file=sys.stderr)
        else:
            print(f"finale: your notes are safe in {store.companies}", file=sys.stderr)
        if app.crash_log is not None:
            print(f"finale: the details are in {app.crash_log}", file=sys.stderr)
    return app.return_code or 0

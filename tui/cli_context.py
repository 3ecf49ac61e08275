"""What the subcommands share: the data folder's notes, the packs, the settings, the company named, the terminal."""

from __future__ import annotations

import argparse
import os
import sys


def option(args: argparse.Namespace, name: str) -> str | None:
    return getattr(args, name, None)


def store(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.fsguard import check_data_dir
    from tui.core.store import NotesStore

    return NotesStore(check_data_dir(paths.data_dir(option(args, "data_dir"))))


def catalog(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.packs import load_catalog

    # The same order as the app: --packs-dir, then packs_dir in config.toml, then FINALE_PACKS.
    chosen = option(args, "packs_dir") or settings(args, quiet=True).packs_dir or None
    return load_catalog(paths.packs_dir(chosen), paths.data_dir(option(args, "data_dir")) / "cache")


def raw(stream):
    """The stream under the sanitiser, for output that is already safe or must stay exact."""
    return getattr(stream, "raw", stream)


def print_json(rows) -> None:
    import json

    from tui.core.sanitize import json_for_terminal

    # JSON escapes C0 controls itself; the rest are escaped too, so the data stays exact.
    raw(sys.stdout).write(json_for_terminal(json.dumps(rows, indent=2, ensure_ascii=False)) + "\n")


def resolve(args: argparse.Namespace):
    """The company the user named, or None after saying why on stderr."""
    from tui.core.matching import find_in_store

    notes = store(args)
    match = find_in_store(notes, args.company)
    if match.entry is None:
        print(f"finale: {match.message}", file=sys.stderr)
        return notes, None
    if match.entry.error is not None:
        print(f"finale: {match.entry.error}", file=sys.stderr)
        return notes, None
    return notes, match.entry


def settings(args: argparse.Namespace, quiet: bool = False):
    from tui.core import paths
    from tui.core.settings import Settings, SettingsError, load_settings

    try:
        return load_settings(paths.config_file(option(args, "config")))
    except SettingsError as error:
        if not quiet:  # said once per command, by whichever caller is not quiet
            print(f"finale: {error}\nUsing the default settings.", file=sys.stderr)
        return Settings()


def review_of(args: argparse.Namespace, entry):
    from tui.core.clock import now
    from tui.core.review import review_for

    return review_for(catalog(args), entry.company, now(), settings(args).words_per_minute)


def terminal_size():
    """The size of the terminal stdout is, or None when it is a pipe or a file."""
    try:
        size = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError):
        return None
    # A pty nobody sized (`script`, some CI runners) reports 0x0: unknown, not zero columns to wrap at.
    return size if size.columns > 0 else None

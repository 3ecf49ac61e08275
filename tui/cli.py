"""The finale command. Subcommands that print stay in the core and never import Textual."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Sequence

from tui import __version__

SUPPRESS = argparse.SUPPRESS


def _global_options() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subparser from overwriting a value given before the
    # subcommand, so `finale --data-dir D list` and `finale list --data-dir D` agree.
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("global options")
    group.add_argument("--data-dir", metavar="DIR", default=SUPPRESS,
                       help="where company notes live (env FINALE_HOME; default: your platform's data folder)")
    group.add_argument("--packs-dir", metavar="DIR", default=SUPPRESS,
                       help="your own question packs (env FINALE_PACKS; default: <config folder>/packs)")
    group.add_argument("--config", metavar="FILE", default=SUPPRESS,
                       help="settings file (env FINALE_CONFIG; default: <config folder>/config.toml)")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _global_options()
    parser = argparse.ArgumentParser(
        prog="finale",
        parents=[common],
        description="Rehearse the close of a job interview. With no command, opens the company picker.",
    )
    parser.add_argument("--version", action="version", version=f"finale {__version__}")
    parser.add_argument("--demo", action="store_true", default=SUPPRESS,
                        help="open a sample company in a throwaway folder")
    parser.add_argument("--no-mouse", action="store_true", default=SUPPRESS,
                        help="turn mouse tracking off (quieter over slow SSH links)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    packs = sub.add_parser("packs", parents=[common], help="list question packs, or check pack files")
    packs_sub = packs.add_subparsers(dest="packs_command", metavar="check")
    check = packs_sub.add_parser("check", parents=[common], help="validate pack files")
    check.add_argument("files", nargs="+", metavar="FILE")

    listing = sub.add_parser("list", parents=[common], help="list companies, soonest interview first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    opener = sub.add_parser("open", parents=[common], help="open a company in the app")
    opener.add_argument("company", help="name or file slug; a unique prefix is enough")
    return parser


def _option(args: argparse.Namespace, name: str) -> str | None:
    return getattr(args, name, None)


def _store(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.store import NotesStore

    return NotesStore(paths.data_dir(_option(args, "data_dir")))


def _catalog(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.packs import load_catalog

    return load_catalog(paths.packs_dir(_option(args, "packs_dir")))


def cmd_packs(args: argparse.Namespace) -> int:
    from tui.core.packs import PackError, load_pack_file

    if getattr(args, "packs_command", None) == "check":
        status = 0
        for name in args.files:
            try:
                pack = load_pack_file(Path(name))
            except PackError as error:
                print(error, file=sys.stderr)
                status = 1
            else:
                print(f"{name}: ok ({pack.id} {pack.version}, {len(pack.questions)} questions)")
        return status
    catalog = _catalog(args)
    for pack in catalog.packs:
        origin = "built-in" if pack.builtin else "yours"
        print(f"{pack.id}  {pack.version}  {len(pack.questions)} questions  {origin}  {pack.source}")
    for error in catalog.errors:
        print(f"skipped: {error}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tui.core.progress import progress
    from tui.core.timefmt import countdown, when_text

    store, catalog = _store(args), _catalog(args)
    now = datetime.now()
    rows = []
    for entry in store.list():
        if entry.company is None:
            rows.append({"slug": entry.slug, "path": str(entry.path), "error": str(entry.error)})
            continue
        company = entry.company
        done = progress(catalog, company)
        rows.append({
            "slug": entry.slug,
            "name": company.name,
            "role": company.role,
            "interview_at": company.interview_at.isoformat() if company.interview_at else None,
            "countdown": countdown(company.interview_at, now),
            "answered": done.answered,
            "questions": done.questions,
            "researched": done.researched,
            "checklist": done.checklist,
            "summary": done.summary,
        })
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"No companies yet in {store.companies}. Run `finale` and press n to add one.")
        return 0
    width = max(len(r.get("name", r["slug"])) for r in rows)
    for row in rows:
        if "error" in row:
            print(f"{row['slug']:<{width}}  BROKEN  {row['error']}")
            continue
        when = when_text(datetime.fromisoformat(row["interview_at"])) if row["interview_at"] else "no date"
        soon = f" ({row['countdown']})" if row["countdown"] else ""
        role = f"  {row['role']}" if row["role"] else ""
        print(f"{row['name']:<{width}}{role}  {when}{soon}  {row['summary']}")
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from tui.launch import launch

    return launch(args)


COMMANDS = {"packs": cmd_packs, "list": cmd_list, "open": cmd_tui, None: cmd_tui}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `finale list | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0

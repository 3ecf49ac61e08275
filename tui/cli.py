"""The finale command. Subcommands that print stay in the core and never import Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

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


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a number of minutes') from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("give between 1 and 600 minutes")
    return value


def build_parser(only: str | None = "", kind: type[argparse.ArgumentParser] = argparse.ArgumentParser,
                 ) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` one subcommand's (None: none), which parses that command the same."""
    common = _global_options()

    def want(name: str) -> bool:
        return only == "" or only == name

    parser = kind(
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

    if want("packs"):
        packs = sub.add_parser("packs", parents=[common], help="list question packs, or check pack files")
        packs_sub = packs.add_subparsers(dest="packs_command", metavar="check")
        check = packs_sub.add_parser("check", parents=[common], help="validate pack files")
        check.add_argument("files", nargs="+", metavar="FILE")

    if want("list"):
        listing = sub.add_parser("list", parents=[common], help="list companies, soonest interview first")
        listing.add_argument("--json", action="store_true", help="machine-readable output")

    if want("open"):
        opener = sub.add_parser("open", parents=[common], help="open a company in the app")
        opener.add_argument("company", help="name or file slug; a unique prefix is enough")

    if want("rehearse"):
        rehearse = sub.add_parser("rehearse", parents=[common], help="rehearse the due answers, weakest first")
        rehearse.add_argument("company", help="name or file slug; a unique prefix is enough")
        rehearse.add_argument("--minutes", type=_minutes, metavar="N",
                              help="only the questions that fit N minutes (by target time), weakest first")
        rehearse.add_argument("--mock", action="store_true",
                              help="a mock close: every closing question in interview order, one clock")

    if want("review"):
        review = sub.add_parser("review", parents=[common], help="print the last-minute cheat sheet")
        review.add_argument("company", help="name or file slug; a unique prefix is enough")
        review.add_argument("--width", type=int, metavar="N", help="wrap at N columns (default: the terminal's)")
        review.add_argument("--brief", action="store_true",
                            help="one screen (80x24): gaps, a line per question, the questions to ask")

    if want("check"):
        check = sub.add_parser("check", parents=[common], help="run the answer coach on every answer")
        check.add_argument("company", help="name or file slug; a unique prefix is enough")
        check.add_argument("--json", action="store_true", help="a list of objects, for scripts")

    if want("export"):
        export = sub.add_parser("export", parents=[common], help="write the notes as Markdown or TOML")
        export.add_argument("company", help="name or file slug; a unique prefix is enough")
        export.add_argument("--format", choices=["md", "toml"], default="md", help="md (default) or toml")
        export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
        export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def _option(args: argparse.Namespace, name: str) -> str | None:
    return getattr(args, name, None)


def _store(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.fsguard import check_data_dir
    from tui.core.store import NotesStore

    return NotesStore(check_data_dir(paths.data_dir(_option(args, "data_dir"))))


def _catalog(args: argparse.Namespace):
    from tui.core import paths
    from tui.core.packs import load_catalog

    # The same order as the app: --packs-dir, then packs_dir in config.toml, then FINALE_PACKS.
    chosen = _option(args, "packs_dir") or _settings(args, quiet=True).packs_dir or None
    return load_catalog(paths.packs_dir(chosen))


def cmd_packs(args: argparse.Namespace) -> int:
    from tui.core.packs import PackError, load_pack_file

    if getattr(args, "packs_command", None) == "check":
        status = 0
        installed = _catalog(args)
        for name in args.files:
            try:
                pack = load_pack_file(Path(name))
                # A pack that clashes with one already installed would be skipped at start.
                others = [p for p in installed.packs if p.source.resolve() != Path(name).resolve()]
                problems = installed.clashes(pack, others)
                if problems:
                    raise PackError(pack.source, problems)
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
    for skipped in catalog.errors:
        print(f"skipped: {skipped}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tui.core.index import summaries
    from tui.core.timefmt import countdown, when_text

    store, catalog = _store(args), _catalog(args)
    now = datetime.now()
    rows: list[dict[str, Any]] = []
    for summary in summaries(store, catalog, now, _settings(args).words_per_minute):
        if not summary.ok:
            rows.append({"slug": summary.slug, "path": summary.path,
                         "error": f"{summary.path}:{summary.error_line or ''}: {summary.error}. {summary.error_fix}".replace(":: ", ": ")})
            continue
        when = summary.when
        rows.append({
            "slug": summary.slug,
            "name": summary.name,
            "role": summary.role,
            "interview_at": summary.interview_at,
            "countdown": countdown(when, now),
            "answered": summary.answered,
            "questions": summary.questions,
            "researched": summary.researched,
            "checklist": summary.checklist,
            "readiness_passed": summary.ready_passed,
            "readiness_total": summary.ready_total,
            "summary": f"{summary.progress}  ready {summary.ready_passed}/{summary.ready_total}",
            "orphan_answers": summary.orphans,
        })
    from tui.core.index import leftovers

    extra = leftovers(store)
    if args.json:
        rows += [{"slug": "", "path": x.path, "leftover": x.kind, "advice": x.advice} for x in extra]
        _print_json(rows)
        return 0
    for leftover in extra:
        print(f"finale: {leftover.path}: {leftover.kind}, {leftover.advice}.", file=sys.stderr)
    if not rows:
        print(f"No companies yet in {store.companies}. Run `finale` and press n to add one.")
        return 0
    width = max(len(r.get("name", r["slug"])) for r in rows)
    for row in rows:
        if "error" in row:
            print(f"{row['slug']:<{width}}  BROKEN  {row['error']}")
            continue
        date = when_text(datetime.fromisoformat(row["interview_at"])) if row["interview_at"] else "no date"
        soon = f" ({row['countdown']})" if row["countdown"] else ""
        role = f"  {row['role']}" if row["role"] else ""
        orphans = f"  ({row['orphan_answers']} old answers: open the company and press o)" if row["orphan_answers"] else ""
        print(f"{row['name']:<{width}}{role}  {date}{soon}  {row['summary']}{orphans}")
    return 0


def _raw(stream):
    """The stream under the sanitiser, for output that is already safe or must stay exact."""
    return getattr(stream, "raw", stream)


def _print_json(rows) -> None:
    import json

    from tui.core.sanitize import json_for_terminal

    # JSON escapes C0 controls itself; the rest are escaped too, so the data stays exact.
    _raw(sys.stdout).write(json_for_terminal(json.dumps(rows, indent=2, ensure_ascii=False)) + "\n")


def _resolve(args: argparse.Namespace):
    """The company the user named, or None after saying why on stderr."""
    from tui.core.matching import find_in_store

    store = _store(args)
    match = find_in_store(store, args.company)
    if match.entry is None:
        print(f"finale: {match.message}", file=sys.stderr)
        return store, None
    if match.entry.error is not None:
        print(f"finale: {match.entry.error}", file=sys.stderr)
        return store, None
    return store, match.entry


def _settings(args: argparse.Namespace, quiet: bool = False):
    from tui.core import paths
    from tui.core.settings import Settings, SettingsError, load_settings

    try:
        return load_settings(paths.config_file(_option(args, "config")))
    except SettingsError as error:
        if not quiet:  # said once per command, by whichever caller is not quiet
            print(f"finale: {error}\nUsing the default settings.", file=sys.stderr)
        return Settings()


def _review_of(args: argparse.Namespace, entry):
    from tui.core.checks import company_readiness
    from tui.core.review import build_review

    settings, catalog = _settings(args), _catalog(args)
    ready = company_readiness(catalog, entry.company, settings.words_per_minute)
    return build_review(catalog, entry.company, datetime.now(), settings.words_per_minute,
                        readiness=ready.text)


def cmd_check(args: argparse.Namespace) -> int:
    from tui.core.checks import company_results

    _, entry = _resolve(args)
    if entry is None:
        return 1
    catalog = _catalog(args)
    results = company_results(catalog, entry.company, _settings(args).words_per_minute)
    if args.json:

        rows = [{"question": r.question, "check": r.check.id, "kind": r.check.kind, "passed": r.passed,
                 "message": r.message} for r in results]
        _print_json(rows)
        return 0
    from tui.core.progress import questions_for

    prompts = {q.id: q.prompt for q in questions_for(catalog, entry.company)}  # in the company's role
    current = None
    for result in results:
        if result.question != current:
            current = result.question
            mine = [r for r in results if r.question == current]
            print(f"{'' if current == results[0].question else chr(10)}{prompts.get(current, current)}"
                  f"  [{sum(r.passed for r in mine)}/{len(mine)}]")
        print(f"  {result.mark} {result.message}")
    passed = sum(r.passed for r in results)
    print(f"\n{passed} of {len(results)} checks pass.")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    import os

    from tui.core.review import render_markdown, render_plain

    _, entry = _resolve(args)
    if entry is None:
        return 1
    review = _review_of(args, entry)
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        columns = 80
    width = args.width or int(os.environ.get("COLUMNS", 0) or columns)
    if args.brief:
        from tui.core.brief import render_brief

        sys.stdout.write(render_brief(review, width))
        return 0
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        # Rich is imported only here, for a person at a terminal; pipes get plain text.
        from rich.console import Console
        from rich.markdown import Markdown

        from tui.core.sanitize import for_terminal

        # The Markdown source is sanitised; Rich then adds its own colours on the raw stream.
        text = for_terminal(render_markdown(review, full_answers=False))
        Console(width=width, file=_raw(sys.stdout)).print(Markdown(text))
    else:
        sys.stdout.write(render_plain(review, width))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from tui.core.review import render_markdown

    _, entry = _resolve(args)
    if entry is None:
        return 1
    if args.format == "toml":
        data = entry.path.read_bytes()
    else:
        data = render_markdown(_review_of(args, entry), relative=False).encode("utf-8")
    if not args.output or args.output == "-":
        if sys.stdout.isatty():
            # At a terminal the export is read, not kept: show controls instead of running them.
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            sys.stdout.buffer.write(data)  # a pipe or a file gets the exact text
        sys.stdout.flush()
        return 0
    from tui.core.atomic import atomic_write
    from tui.core.fsguard import describe_os_error, write_target

    target = Path(args.output)
    try:
        # Devices, FIFOs and folders are refused even with --force; a link is
        # followed only to a regular file.
        write_target(target, within=Path(target.anchor or "/"))
    except OSError as error:
        print(f"finale: {describe_os_error(error, target)}", file=sys.stderr)
        return 1
    if target.exists() and not args.force:
        print(f"finale: {target} exists; add --force to overwrite it.", file=sys.stderr)
        return 1
    try:
        atomic_write(target, data, within=Path(target.anchor or "/"))
    except OSError as error:
        print(f"finale: cannot write {describe_os_error(error, target)}", file=sys.stderr)
        return 1
    print(f"Wrote {target}", file=sys.stderr)
    return 0


def cmd_tui(args: argparse.Namespace) -> int:
    from tui.core import paths
    from tui.core.fsguard import check_data_dir
    from tui.launch import launch

    if not getattr(args, "demo", False):
        check_data_dir(paths.data_dir(_option(args, "data_dir")))  # a clean line now, not a failed save later

    return launch(args)


COMMANDS = {
    "packs": cmd_packs,
    "list": cmd_list,
    "review": cmd_review,
    "export": cmd_export,
    "check": cmd_check,
    "open": cmd_tui,
    "rehearse": cmd_tui,
    None: cmd_tui,
}


class _Refused(Exception):
    pass


class _QuietParser(argparse.ArgumentParser):
    """Raises instead of printing: the whole parser then says what is wrong."""

    def error(self, message: str) -> NoReturn:
        raise _Refused(message)


_GLOBAL_VALUES = ("--data-dir", "--packs-dir", "--config")
_GLOBAL_FLAGS = ("--demo", "--no-mouse")


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand argv names, None for none, or "" when only the whole parser can tell."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in COMMANDS:
            return token
        if token in _GLOBAL_VALUES:
            i += 2
            continue
        if token not in _GLOBAL_FLAGS and not token.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUES)):
            return ""  # --help, --version, an abbreviation, a typo: the whole parser answers
        i += 1
    return None


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse with only the named subcommand's parser: building all of them cost 20 M instructions.

    Anything the small parser refuses goes to the whole parser, so help and every
    error message are the ones the whole parser gives.
    """
    tokens = sys.argv[1:] if argv is None else list(argv)
    command = _command_in(tokens)
    if command != "":
        try:
            return build_parser(only=command, kind=_QuietParser).parse_args(tokens)
        except _Refused:
            pass
    return build_parser().parse_args(tokens)


def main(argv: Sequence[str] | None = None) -> int:
    from tui.core.sanitize import SafeStream

    args = parse_args(argv)
    # Every print goes through the sanitiser: names, answers and pack text are
    # untrusted and must not reach the terminal as escape sequences. The app
    # (open, rehearse, no command) owns the terminal itself.
    saved = sys.stdout, sys.stderr
    sys.stderr = SafeStream(sys.stderr)  # Textual draws on sys.__stderr__, so the app is unaffected
    if args.command not in ("open", "rehearse", None):
        sys.stdout = SafeStream(sys.stdout)
    try:
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # a full disk is reported here, not as a traceback at exit
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `finale list | head` closed the pipe: not an error worth a traceback.
        _silence_stdout()
        sys.stderr.close()
        return 0
    except OSError as error:
        from tui.core.fsguard import describe_os_error

        if error.filename is None:  # stdout itself failed (a full disk, /dev/full)
            _silence_stdout()
            print(f"finale: cannot write the output: {error.strerror or error}. "
                  "Send it somewhere with free space.", file=saved[1])
        else:
            print(f"finale: {describe_os_error(error, error.filename)}", file=sys.stderr)
        return 1
    finally:
        sys.stdout, sys.stderr = saved


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(null)
    except (OSError, AttributeError, ValueError):
        pass

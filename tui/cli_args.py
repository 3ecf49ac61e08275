"""The finale command line: the parser, built for only the subcommand named when it can be."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Container, Sequence
from typing import NoReturn

from tui import __version__

SUPPRESS = argparse.SUPPRESS


def _path(text: str) -> str:
    # An empty path would fall through to the default folder: the user meant some other place.
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path; give a folder or file, or leave the option out")
    return text


def _global_options() -> argparse.ArgumentParser:
    # SUPPRESS keeps a subparser from overwriting a value given before the
    # subcommand, so `finale --data-dir D list` and `finale list --data-dir D` agree.
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("global options")
    group.add_argument("--data-dir", metavar="DIR", default=SUPPRESS, type=_path,
                       help="where company notes live (env FINALE_HOME; default: your platform's data folder)")
    group.add_argument("--packs-dir", metavar="DIR", default=SUPPRESS, type=_path,
                       help="your own question packs (env FINALE_PACKS; default: <config folder>/packs)")
    group.add_argument("--config", metavar="FILE", default=SUPPRESS, type=_path,
                       help="settings file (env FINALE_CONFIG; default: <config folder>/config.toml)")
    return common


def _company(parser: argparse.ArgumentParser) -> None:
    action = parser.add_argument("company", help="name or file slug; a unique prefix is enough")
    action.completer = _complete_company  # type: ignore[attr-defined]  # read by argcomplete on a tab


def _complete_company(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    from tui.completion import companies

    return companies(prefix, parsed_args)


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
        _company(opener)

    if want("rehearse"):
        rehearse = sub.add_parser("rehearse", parents=[common], help="rehearse the due answers, weakest first")
        _company(rehearse)
        rehearse.add_argument("--minutes", type=_minutes, metavar="N",
                              help="only the questions that fit N minutes (by target time), weakest first")
        rehearse.add_argument("--mock", action="store_true",
                              help="a mock close: every closing question in interview order, one clock")

    if want("review"):
        review = sub.add_parser("review", parents=[common], help="print the last-minute cheat sheet")
        _company(review)
        review.add_argument("--width", type=int, metavar="N", help="wrap at N columns (default: the terminal's)")
        review.add_argument("--brief", action="store_true",
                            help="one screen (80x24): gaps, a line per question, the questions to ask")

    if want("check"):
        check = sub.add_parser("check", parents=[common], help="run the answer coach on every answer")
        _company(check)
        check.add_argument("--json", action="store_true", help="a list of objects, for scripts")

    if want("export"):
        export = sub.add_parser("export", parents=[common], help="write the notes as Markdown or TOML")
        _company(export)
        export.add_argument("--format", choices=["md", "toml"], default="md", help="md (default) or toml")
        export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
        export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
        export.add_argument("--follow-up", action="store_true",
                            help="a thank-you and follow-up draft after the last round, as plain text")

    if want("round"):
        rounds = sub.add_parser("round", parents=[common], help="add an interview round to a company")
        rounds_sub = rounds.add_subparsers(dest="round_command", metavar="add", required=True)
        add = rounds_sub.add_parser("add", parents=[common], help="add a round, from a calendar invite or by hand")
        _company(add)
        add.add_argument("--ics", metavar="FILE", type=_path, help="the calendar invite (.ics) to read it from")
        add.add_argument("--name", metavar="TEXT", help='the round\'s name, like "Hiring manager" (default: the invite\'s title)')
        add.add_argument("--at", metavar="WHEN", help='"YYYY-MM-DD HH:MM" in local time (without --ics)')
        add.add_argument("--with", dest="people", metavar="NAMES", help='interviewers, comma-separated')

    if want("serve"):
        serve = sub.add_parser(
            "serve", parents=[common], help="run finale in a browser tab, behind a one-time token",
            description="Serve finale to a browser. Prints one URL holding a fresh token; without it nothing "
                        "is served. Each tab is its own finale with the same notes folder; ctrl+c stops every "
                        "tab and saves its notes. From another machine, prefer an SSH tunnel: "
                        "ssh -L 8123:127.0.0.1:8123 HOST, then finale serve --port 8123 on HOST.")
        serve.add_argument("--host", default="127.0.0.1",
                           help="address to listen on (default 127.0.0.1: this machine only)")
        serve.add_argument("--port", type=_port, default=0, metavar="N",
                           help="port to listen on (default: a free one)")
        serve.add_argument("--lan", action="store_true",
                           help="allow a --host other machines can reach (plain HTTP: prefer an SSH tunnel)")

    if want("completion"):
        completion = sub.add_parser("completion", parents=[common],
                                    help="print a shell completion script: bash, zsh or fish")
        completion.add_argument("shell", choices=["bash", "zsh", "fish"])
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a port number') from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("give a port from 0 (any free one) to 65535")
    return value


class _Refused(Exception):
    pass


class _AnyWidth(argparse.HelpFormatter):
    """A formatter that never asks the terminal its width.

    argparse builds a formatter for every argument added, to check its metavar;
    without a width each one imports shutil (with bz2 and lzma, 5 M instructions)
    and queries the terminal. The quiet parser never prints, so any width will do.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


class _QuietParser(argparse.ArgumentParser):
    """Raises instead of printing: the whole parser then says what is wrong."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _AnyWidth)
        super().__init__(*args, **kwargs)

    def print_help(self, file=None) -> None:
        raise _Refused("help")  # `finale review --help`: the whole parser prints it, at the terminal's width

    def print_usage(self, file=None) -> None:
        raise _Refused("usage")

    def error(self, message: str) -> NoReturn:
        raise _Refused(message)


_GLOBAL_VALUES = ("--data-dir", "--packs-dir", "--config")
_GLOBAL_FLAGS = ("--demo", "--no-mouse")


def _command_in(argv: Sequence[str], commands: Container[str | None]) -> str | None:
    """The subcommand argv names, None for none, or "" when only the whole parser can tell."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in commands:
            return token
        if token in _GLOBAL_VALUES:
            i += 2
            continue
        if token not in _GLOBAL_FLAGS and not token.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUES)):
            return ""  # --help, --version, an abbreviation, a typo: the whole parser answers
        i += 1
    return None


def parse_command_line(argv: Sequence[str] | None, commands: Container[str | None]) -> argparse.Namespace:
    """Parse with only the named subcommand's parser: building all of them cost 20 M instructions.

    Anything the small parser refuses goes to the whole parser, so help and every
    error message are the ones the whole parser gives.
    """
    tokens = sys.argv[1:] if argv is None else list(argv)
    command = _command_in(tokens, commands)
    if command != "":
        try:
            return build_parser(only=command, kind=_QuietParser).parse_args(tokens)
        except _Refused:
            pass
    return build_parser().parse_args(tokens)

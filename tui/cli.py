"""The finale command: parse the line, run the subcommand. Those that print (cli_print.py) never import Textual."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from tui import cli_context
from tui.cli_args import parse_command_line
from tui.cli_print import cmd_check, cmd_export, cmd_list, cmd_packs, cmd_review
from tui.cli_rounds import cmd_round


def cmd_tui(args: argparse.Namespace) -> int:
    from tui.core import paths
    from tui.core.fsguard import check_data_dir
    from tui.launch import launch

    if not getattr(args, "demo", False):
        check_data_dir(paths.data_dir(cli_context.option(args, "data_dir")))  # a clean line now, not a failed save later

    return launch(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from tui.core import paths
    from tui.core.fsguard import check_data_dir

    if not getattr(args, "demo", False):
        check_data_dir(paths.data_dir(cli_context.option(args, "data_dir")))
    from tui.serve import serve

    return serve(args)


def cmd_completion(args: argparse.Namespace) -> int:
    from tui.completion import script

    print(script(args.shell), end="")
    return 0


COMMANDS = {
    "packs": cmd_packs,
    "serve": cmd_serve,
    "completion": cmd_completion,
    "list": cmd_list,
    "review": cmd_review,
    "export": cmd_export,
    "check": cmd_check,
    "round": cmd_round,
    "open": cmd_tui,
    "rehearse": cmd_tui,
    None: cmd_tui,
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return parse_command_line(argv, COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions on a tab: answer and exit
        from tui.completion import complete

        complete()
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
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(null)
    except (OSError, AttributeError, ValueError):
        pass

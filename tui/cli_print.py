"""The subcommands that print (packs, list, check, review, export): they never import Textual."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from tui import cli_context


def cmd_packs(args: argparse.Namespace) -> int:
    from tui.core.packs import PackError, load_pack_file

    if getattr(args, "packs_command", None) == "check":
        status = 0
        installed = cli_context.catalog(args)
        for name in args.files:
            try:
                pack = load_pack_file(Path(name))
                # A pack that clashes with one already installed would be skipped at start.
                problems, replaces = installed.check(pack)
                if problems:
                    raise PackError(pack.source, problems)
            except PackError as error:
                print(error, file=sys.stderr)
                status = 1
            else:
                note = f"; it will override the built-in pack {pack.id}" if replaces is not None else ""
                print(f"{name}: ok ({pack.id} {pack.version}, {len(pack.questions)} questions){note}")
        return status
    catalog = cli_context.catalog(args)
    for pack in catalog.packs:
        origin = "built-in" if pack.builtin else "yours"
        print(f"{pack.id}  {pack.version}  {len(pack.questions)} questions  {origin}  {pack.source}")
    for builtin in catalog.replaced:
        print(f"{builtin.id}: yours overrides the built-in pack ({builtin.source})")
    for skipped in catalog.errors:
        print(f"skipped: {skipped}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from tui.core.index import leftovers, summaries
    from tui.core.timefmt import countdown, when_text

    store, catalog = cli_context.store(args), cli_context.catalog(args)
    from tui.core.clock import now as clock_now

    now = clock_now()
    rows: list[dict[str, Any]] = []
    extra = leftovers(store)
    copies = Counter(x.slug for x in extra if "conflict copy" in x.kind)
    for summary in summaries(store, catalog, now, cli_context.settings(args).words_per_minute):
        if not summary.ok:
            rows.append({"slug": summary.slug, "path": summary.path,
                         "error": f"{summary.path}:{summary.error_line or ''}: {summary.error}. {summary.error_fix}".replace(":: ", ": ")})
            continue
        focus, upcoming = summary.focus(now), summary.next_round(now)
        when = focus.at if focus else None
        rows.append({
            "slug": summary.slug,
            "name": summary.name,
            "role": summary.role,
            "interview_at": when.isoformat() if when else None,
            "round": focus.name if focus else "",
            "next_round": None if upcoming is None else {
                "name": upcoming.name, "at": upcoming.at.isoformat() if upcoming.at else None,
                "interviewers": upcoming.interviewers},
            "countdown": countdown(when, now),
            "answered": summary.answered,
            "questions": summary.questions,
            "researched": summary.researched,
            "checklist": summary.checklist,
            "readiness_passed": summary.ready_passed,
            "readiness_total": summary.ready_total,
            "summary": f"{summary.progress}  ready {summary.ready_passed}/{summary.ready_total}",
            "orphan_answers": summary.orphans,
            "conflict_copies": copies[summary.slug],
        })
    if args.json:
        rows += [{"slug": "", "path": x.path, "leftover": x.kind, "advice": x.advice} for x in extra]
        cli_context.print_json(rows)
        return 0
    for leftover in extra:
        print(f"finale: {leftover.path}: {leftover.kind}, {leftover.advice}.", file=sys.stderr)
    if not rows:
        print(f"No companies yet in {store.companies}. Run `finale` and press n to add one.")
        return 0
    from tui.core.sanitize import cells, for_terminal

    def column(texts: list[str]) -> list[str]:
        """Each text as shown, padded to the widest by terminal columns: an emoji or CJK name keeps the columns straight."""
        sized = [(shown, cells(shown)) for shown in (for_terminal(t, one_line=True) for t in texts)]
        width = max((n for _, n in sized), default=0)
        return [shown + " " * (width - n) for shown, n in sized]

    def when_of(row: dict[str, Any]) -> str:
        date = when_text(datetime.fromisoformat(row["interview_at"])) if row["interview_at"] else "no date"
        named = f"{row['round']}: " if row["round"] else ""
        return named + date + (f" ({row['countdown']})" if row["countdown"] else "")

    good = [r for r in rows if "error" not in r]
    details = iter(zip(column([r["role"] or "" for r in good]), column([when_of(r) for r in good]), strict=True))
    lines: list[tuple[str, str, list[str]]] = []
    for row, name in zip(rows, column([r.get("name", r["slug"]) for r in rows]), strict=True):
        if "error" in row:
            lines.append((name, f"{name}  BROKEN  {row['error']}", []))
            continue
        role, when_shown = next(details)
        role = f"  {role}" if role else ""  # empty only when no company has a role
        orphans = f"  ({row['orphan_answers']} old answers: open the company and press o)" if row["orphan_answers"] else ""
        n = row["conflict_copies"]
        conflict = f"  CONFLICT ({n} other version{'s' if n > 1 else ''}: open it to compare)" if n else ""
        fields = [for_terminal(f, one_line=True)
                  for f in [row["role"] or "", when_of(row), *row["summary"].split("  "), orphans.strip(), conflict.strip()]]
        lines.append((name, f"{name}{role}  {when_shown}  {row['summary']}{orphans}{conflict}", fields))

    from tui.core.fields import list_lines

    width = int(os.environ.get("COLUMNS", 0) or 0) or getattr(cli_context.terminal_size(), "columns", 0)
    print("\n".join(list_lines(lines, width)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from tui.core.checks import company_results

    _, entry = cli_context.resolve(args)
    if entry is None:
        return 1
    catalog = cli_context.catalog(args)
    results = company_results(catalog, entry.company, cli_context.settings(args).words_per_minute)
    if args.json:

        rows = [{"question": r.question, "check": r.check.id, "kind": r.check.kind, "passed": r.passed,
                 "message": r.message} for r in results]
        cli_context.print_json(rows)
        return 0
    from tui.core.progress import questions_for

    prompts = {q.id: q.prompt for q in questions_for(catalog, entry.company)}  # in the company's role
    import textwrap

    # At a terminal (or with COLUMNS) a long line wraps at a word, under its mark; piped, one line each.
    columns = int(os.environ.get("COLUMNS", 0) or 0) or getattr(cli_context.terminal_size(), "columns", 0)

    def say(line: str, indent: str = "") -> None:
        if columns:
            line = "\n".join(textwrap.wrap(line, columns - 1, subsequent_indent=indent, break_on_hyphens=False))
        print(line)

    current = None
    for result in results:
        if result.question != current:
            current = result.question
            mine = [r for r in results if r.question == current]
            if current != results[0].question:
                print()
            say(f"{prompts.get(current, current)}  [{sum(r.passed for r in mine)}/{len(mine)}]")
        say(f"  {result.mark} {result.message}", "    ")
    passed = sum(r.passed for r in results)
    print(f"\n{passed} of {len(results)} checks pass.")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from tui.core.review import render_markdown, render_plain

    _, entry = cli_context.resolve(args)
    if entry is None:
        return 1
    review = cli_context.review_of(args, entry)
    size = cli_context.terminal_size()
    # A terminal that reports 0 columns (a fresh pty, some serial consoles) gets 80, not an empty page.
    width = args.width or int(os.environ.get("COLUMNS", 0) or (size.columns if size and size.columns else 80))
    if args.brief:
        from tui.core.brief import render_brief

        rows = size.lines if size else 24
        # One line short of the screen: the shell's prompt after it must not push the title off the top.
        sys.stdout.write(render_brief(review, width, int(os.environ.get("LINES", 0) or rows) - 1))
        return 0
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        # Rich is imported only here, for a person at a terminal; pipes get plain text.
        from rich.console import Console
        from rich.markdown import Markdown

        from tui.core.sanitize import for_terminal

        # The Markdown source is sanitised; Rich then adds its own colours on the raw stream.
        text = for_terminal(render_markdown(review, full_answers=False))
        # hyperlinks=False: a link in an answer is printed as text, never sent as an OSC 8 hyperlink.
        Console(width=width, file=cli_context.raw(sys.stdout)).print(Markdown(text, hyperlinks=False))
    else:
        sys.stdout.write(render_plain(review, width))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from tui.core.review import render_markdown

    _, entry = cli_context.resolve(args)
    if entry is None:
        return 1
    if args.follow_up:
        from tui.core.clock import now
        from tui.core.follow_up import draft, round_to_thank

        one = round_to_thank(entry.company, now())
        if one is None:
            print(f"finale: no round of {entry.company.name} has passed yet: nothing to follow up.", file=sys.stderr)
            return 1
        data = draft(entry.company, one).encode("utf-8")
    elif args.format == "toml":
        from tui.core.bounded import read_regular

        data = read_regular(entry.path)
    else:
        data = render_markdown(cli_context.review_of(args, entry), relative=False).encode("utf-8")
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

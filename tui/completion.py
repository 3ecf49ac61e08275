"""Shell completion for the finale command, with argcomplete.

argcomplete was chosen over shtab because it writes bash, zsh *and* fish scripts
(shtab has no fish) and completes company names at the moment of the tab, from the
data folder of that command line. A tab runs ``finale`` with ``_ARGCOMPLETE`` set;
``main`` hands that run here before anything else is imported, so it costs a Python
start, the argument parser and one directory listing (benchmarks/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui.cli_args import build_parser
from tui.core import paths


def company_names(data_dir: Path) -> list[str]:
    """Each company's file slug, and its display name where the picker's index already knows it."""
    companies = data_dir / "companies"
    try:
        slugs = sorted(p.stem for p in companies.iterdir() if p.suffix == ".toml" and not p.name.startswith("."))
    except OSError:
        return []
    names: list[str] = []
    try:  # the index is a cache: read it if it is there, never build it for a tab
        rows = json.loads((data_dir / "cache" / "index.json").read_text(encoding="utf-8")).get("files", {})
        for slug in slugs:
            name = rows.get(slug, {}).get("summary", {}).get("name")
            if isinstance(name, str) and name and name != slug:
                names.append(name)
    except (OSError, ValueError, AttributeError):
        pass
    return slugs + names


def companies(prefix: str, parsed_args: Any) -> list[str]:
    found = company_names(paths.data_dir(getattr(parsed_args, "data_dir", None)))
    low = prefix.lower()
    return [name for name in found if name.lower().startswith(low)]


def complete() -> None:
    """Answer the shell's completion request (argcomplete exits the process when it is done)."""
    import argcomplete

    argcomplete.autocomplete(build_parser())


def script(shell: str) -> str:
    import argcomplete

    return argcomplete.shellcode(["finale"], shell=shell)

"""Start the Textual app from parsed command-line options."""

from __future__ import annotations

import argparse


def launch(args: argparse.Namespace) -> int:
    from tui.app import FinaleApp

    app = FinaleApp()
    app.run()
    return app.return_code or 0

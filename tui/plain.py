"""The one way finale shows text it did not write itself: never as markup.

Textual reads a ``str`` handed to ``Static``, ``Label``, ``Button``, ``update``,
an ``Option`` prompt, a ``TextArea`` placeholder or the palette as *markup*: in a
company name, a role or a pack's question, ``[/]`` raised ``MarkupError`` and
``[link="..."]`` sent an OSC 8 hyperlink to the terminal. Text from a notes file,
a pack, config, a form or the terminal goes through ``plain`` instead, which
makes a ``Content`` (never parsed) of the text with its control characters made
visible. Markup stays in literals written in the code; a literal that needs a
value inside it uses ``Content.from_markup("Delete [b]$name[/b]?", name=...)``,
which inserts the value as plain text, or ``Content.assemble``.

``tests/test_no_markup_from_data.py`` fails on any display call given a string
that is neither a literal nor wrapped here.
"""

from __future__ import annotations

from textual.content import Content

from tui.core.sanitize import for_terminal


def plain(text: object, one_line: bool = False) -> Content:
    """``text`` exactly as written, brackets and all, with control characters shown as ``^X``."""
    return Content(for_terminal(str(text), one_line))

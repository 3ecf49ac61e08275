"""Textual's private surface, fenced: every private name finale uses is in tui/textual_private.py, and
this fails, saying which feature breaks, when an installed Textual has moved one of them."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
import textual
from textual.drivers.linux_driver import LinuxDriver

import tui
from tui.textual_private import PRIVATE_NAMES

FENCE = "textual_private.py"
UPGRADE = (f"Textual {textual.__version__} moved {{name}}: {{feature}} no longer works. Find the new way, "
           "change tui/textual_private.py, and widen the textual pin in pyproject.toml only once this passes.")


def _sets(owner: type, name: str) -> bool:
    """Whether Textual sets ``name`` on instances (in ``__init__``) rather than on the class."""
    return any(f"self.{name} =" in inspect.getsource(cls) or f"self.{name}:" in inspect.getsource(cls)
               for cls in owner.__mro__ if cls.__module__.startswith("textual"))


@pytest.mark.parametrize(("owner", "name", "feature"), PRIVATE_NAMES, ids=[f"{o.__name__}.{n}" for o, n, _ in PRIVATE_NAMES])
def test_each_private_name_is_still_where_finale_reaches_for_it(owner, name, feature):
    found = hasattr(owner, name) or _sets(owner, name)
    assert found, UPGRADE.format(name=f"{owner.__name__}.{name}", feature=feature)


def test_the_input_loop_still_builds_its_decoder_through_the_name_finale_swaps():
    names = LinuxDriver.run_input_thread.__code__.co_names
    assert "getincrementaldecoder" in names, UPGRADE.format(
        name="getincrementaldecoder in LinuxDriver.run_input_thread",
        feature="a byte that is not UTF-8 no longer stops the input thread (tui/driver.py)")


def test_footer_key_is_still_in_the_private_footer_module():
    from textual.widgets import _footer

    assert inspect.isclass(getattr(_footer, "FooterKey", None)), UPGRADE.format(
        name="textual.widgets._footer.FooterKey", feature="FitFooter fitting its keys")


def _private_uses(path: Path) -> list[str]:
    """Private Textual modules imported, and private names PRIVATE_NAMES lists, reached outside the fence."""
    listed = {name for _, name, _ in PRIVATE_NAMES}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual"):
            if any(part.startswith("_") for part in node.module.split(".")):
                found.append(f"{path.name}:{node.lineno} imports {node.module}")
        elif isinstance(node, ast.Attribute) and node.attr in listed and node.attr not in ("_on_key", "_handle_exception",
                                                                                   "_refresh_notifications"):
            found.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    return found


def test_nothing_private_from_textual_outside_the_fence():
    """Overriding _on_key, _handle_exception and _refresh_notifications is allowed where the subclass is;
    the fence checks them."""
    root = Path(tui.__file__).parent
    uses = [use for path in sorted(root.rglob("*.py")) if path.name != FENCE for use in _private_uses(path)]
    assert uses == [], "use tui/textual_private.py for these: " + "; ".join(uses)

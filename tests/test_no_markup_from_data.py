"""Issue 22's guard: no string that did not come from our code reaches a place where Textual reads markup.

Textual parses a ``str`` as markup in ``Static``, ``Label``, ``Button``, ``update``,
``notify``, an ``Option`` prompt, palette hits, ``border_title`` and a
``TextArea`` placeholder. This test reads every UI module's syntax tree and fails
on any such call given something other than:

- a string literal (markup we wrote), or a name/constant bound only to literals;
- ``plain(...)`` (``tui/plain.py``), ``Content(...)``, ``Text(...)``,
  ``Content.assemble``/``Text.assemble``, or ``from_markup`` of a literal with
  ``$variables`` (which Textual substitutes as plain text);
- a call to one of our functions annotated to return ``Content`` or ``Text``;
- a local bound only to any of those, or a parameter annotated ``Content``/``Text``;
- a call passing ``markup=False``.

Anything else is reported with its file and line. An f-string is never safe: the
value inside it would be parsed as markup.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parent.parent / "tui"

# callee name -> (positional indexes, keyword names) that Textual parses as markup
CALL_SINKS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Static": ((0,), ("content",)),
    "Label": ((0,), ("content",)),
    "Button": ((0,), ("label",)),
    "Checkbox": ((0,), ("label",)),
    "RadioButton": ((0,), ("label",)),
    "Option": ((0,), ("prompt",)),
    "Tab": ((0,), ("label",)),
    "TabPane": ((0,), ("title",)),
    "Collapsible": ((), ("title",)),
    "TextArea": ((), ("placeholder",)),
    "Hit": ((1, 4), ("match_display", "help")),
    "DiscoveryHit": ((0, 3), ("display", "help")),
    "SystemCommand": ((0, 1), ("title", "help")),
    "Binding": ((2,), ("description", "tooltip")),
    "from_markup": ((), ()),  # checked on its own: the markup must be a literal
    "update": ((0,), ("content",)),
    "notify": ((0,), ("message", "title")),  # FinaleApp.notify puts the title into the message
    "replace_option_prompt": ((1,), ("prompt",)),
    "replace_option_prompt_at_index": ((1,), ("prompt",)),
    "add_row": ((0, 1, 2, 3, 4, 5), ()),  # a Rich Table cell given a str is Rich markup
}
ATTRIBUTE_SINKS = {"title", "sub_title", "border_title", "border_subtitle", "tooltip", "placeholder", "label"}
# Not markup in Textual 8.2.8: Header shows them through App.format_title as Content(title).
# tests/test_markup_bugs.py checks that a "[/]" title shows literally, so a Textual that starts
# parsing titles fails there; where a title is shown elsewhere (help's heading) it goes through plain().
PLAIN_TITLES = {"title", "sub_title"}
# escape: textual.markup's, for the palette, whose help line is parsed as markup whatever its type.
SAFE_CALLS = {"plain", "Content", "Text", "assemble", "Table", "escape"}
RICH_TYPES = {"Content", "Text", "Table"}
# Receivers whose update() takes no markup: Digits shows digits, Markdown parses Markdown (see TipsPane).
PLAIN_UPDATERS = {"Digits", "Markdown"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


# Calls that run their first argument later with the rest: checked as that call.
DEFERRING = {"call_from_thread", "call_later", "call_after_refresh", "call_next"}


def _callee_of(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


class _Module:
    """What one module's tree says about names: which are bound only to safe values."""

    def __init__(self, tree: ast.Module, rich_functions: set[str], literal_attributes: set[str]):
        self.tree = tree
        self.rich_functions = rich_functions
        self.literal_attributes = literal_attributes
        self.parents: dict[ast.AST, ast.AST] = {}
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
        # UPPER_CASE names imported from our own modules are constants written in the code.
        self.constants_from_code = {alias.asname or alias.name for node in tree.body
                                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tui")
                                    for alias in node.names}
        self.module_names: dict[str, list[ast.expr]] = {}
        for node in tree.body:
            for target, value in _bindings(node):
                self.module_names.setdefault(target, []).append(value)

    def _function(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None

    def _local(self, name: ast.Name) -> list[ast.expr] | None:
        function = self._function(name)
        if function is None:
            return None
        found = [value for node in ast.walk(function) for target, value in _bindings(node) if target == name.id]
        return found or None

    def ours(self, expr: ast.expr, depth: int = 0) -> bool:
        """A value inside an f-string that is a count or a literal of ours: never text from a file."""
        if depth > 6:
            return False
        if _counted(expr):
            return True
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.IfExp):
            return self.ours(expr.body, depth + 1) and self.ours(expr.orelse, depth + 1)
        if isinstance(expr, ast.Name):
            values = self._local(expr) or self.module_names.get(expr.id)
            return bool(values) and all(self.ours(v, depth + 1) for v in values)
        if isinstance(expr, ast.JoinedStr):
            return all(isinstance(v, ast.Constant) or (isinstance(v, ast.FormattedValue) and self.ours(v.value, depth + 1))
                       for v in expr.values)
        return False

    def safe(self, expr: ast.expr | None, depth: int = 0) -> bool:
        if expr is None or depth > 6:
            return expr is None
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.JoinedStr):
            return all(isinstance(v, ast.Constant) or (isinstance(v, ast.FormattedValue) and self.ours(v.value))
                       for v in expr.values)
        if isinstance(expr, ast.IfExp):
            return self.safe(expr.body, depth + 1) and self.safe(expr.orelse, depth + 1)
        if isinstance(expr, ast.BoolOp):
            return all(self.safe(v, depth + 1) for v in expr.values)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return self.safe(expr.left, depth + 1) and self.safe(expr.right, depth + 1)
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
            # A module constant indexed: DONE[choice] where DONE maps to literals.
            values = self.module_names.get(expr.value.id)
            return bool(values) and all(_literal_container(v) for v in values)
        if isinstance(expr, ast.Call):
            name = _callee(expr)
            if name == "from_markup":
                return bool(expr.args) and isinstance(expr.args[0], ast.Constant)
            if name in SAFE_CALLS or name in self.rich_functions:
                return True
            if name in CALL_SINKS and name not in ("update", "notify", "from_markup"):
                return True  # a widget or Option made here: checked where it is made
            return False
        if isinstance(expr, ast.Attribute):
            return (isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls")
                    and expr.attr.isupper() and expr.attr in self.literal_attributes)
        if isinstance(expr, ast.Name) and expr.id.isupper() and expr.id in self.constants_from_code:
            return True
        if isinstance(expr, ast.Name):
            function = self._function(expr)
            if function is not None:
                for arg in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs):
                    if arg.arg == expr.id:
                        return arg.annotation is not None and _annotation(arg.annotation) in RICH_TYPES
                local = [value for node in ast.walk(function) for target, value in _bindings(node) if target == expr.id]
                if local:
                    return all(self.safe(v, depth + 1) for v in local)
            values = self.module_names.get(expr.id)
            return bool(values) and all(self.safe(v, depth + 1) for v in values)
        return False


# Calls whose result is a number or a time we format ourselves: safe inside an f-string.
NUMBERS = {"len", "mmss", "int", "round", "target_text", "sum"}


def _counted(expr: ast.expr) -> bool:
    """A count or a time, never text from a file: "{run.index + 1} of {len(run.questions)}"."""
    if isinstance(expr, ast.Constant):
        return isinstance(expr.value, (int, float))
    if isinstance(expr, ast.Call):
        return _callee(expr) in NUMBERS
    if isinstance(expr, ast.BinOp):
        sides = (expr.left, expr.right)
        return all(_counted(s) for s in sides) or (
            isinstance(expr.op, (ast.Sub, ast.FloorDiv))
            or any(isinstance(s, ast.Constant) and isinstance(s.value, int) for s in sides))
    return False


def _annotation(node: ast.expr) -> str:
    text = ast.unparse(node).strip("'\"")
    return text.split("[")[0].split(".")[-1]


def _literal_container(node: ast.expr) -> bool:
    if isinstance(node, ast.Dict):
        return all(isinstance(v, ast.Constant) for v in node.values)
    return isinstance(node, (ast.List, ast.Tuple)) and all(isinstance(v, ast.Constant) for v in node.elts)


def _bindings(node: ast.AST):
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name):
                yield target.id, node.value
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        if node.value is not None:
            yield node.target.id, node.value
        elif _annotation(node.annotation) in RICH_TYPES:
            yield node.target.id, ast.Call(func=ast.Name(id="Content"), args=[], keywords=[])


def _own_field(target: ast.Attribute) -> bool:
    """``self.placeholder = ...`` in a dialog's __init__ stores an argument; it is checked where it is shown."""
    return (isinstance(target.value, ast.Name) and target.value.id == "self"
            and target.attr in ("placeholder", "label"))


def _receiver_is_plain(call: ast.Call) -> bool:
    func = call.func
    if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Call):
        return False
    query = func.value
    return any(isinstance(a, ast.Name) and a.id in PLAIN_UPDATERS for a in query.args)


def _passes_through(call: ast.Call) -> bool:
    """``super().notify(...)`` in an override: it hands on what its own callers, each checked here, gave it."""
    func = call.func
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
            and _callee(func.value) == "super")


def _markup_off(call: ast.Call) -> bool:
    return any(k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
               for k in call.keywords)


def check_source(source: str, path: str = "<snippet>", rich_functions: set[str] | None = None,
                 literal_attributes: set[str] | None = None) -> list[Finding]:
    """Every place in ``source`` where a value that may come from data reaches a markup parser."""
    tree = ast.parse(source)
    rich_functions = rich_functions if rich_functions is not None else _rich_functions([tree])
    literal_attributes = literal_attributes if literal_attributes is not None else _literal_attributes([tree])
    module = _Module(tree, rich_functions, literal_attributes)
    found: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _callee(node)
            if name == "from_markup":
                if not (node.args and isinstance(node.args[0], ast.Constant)):
                    found.append(Finding(path, node.lineno, "from_markup of a value that is not a literal"))
                continue
            if name in DEFERRING and node.args and _callee_of(node.args[0]) in CALL_SINKS:
                # call_from_thread(self.notify, message, ...): the sink called later with the rest.
                node = ast.Call(func=node.args[0], args=node.args[1:], keywords=node.keywords,
                                lineno=node.lineno, col_offset=node.col_offset)
                name = _callee(node)
            if name not in CALL_SINKS or _markup_off(node) or _passes_through(node):
                continue
            if name == "update" and _receiver_is_plain(node):
                continue
            positions, keywords = CALL_SINKS[name]
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in keywords]
            for arg in args:
                if not module.safe(arg):
                    found.append(Finding(path, node.lineno, f"{name}({ast.unparse(arg)[:60]})"))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr in ATTRIBUTE_SINKS:
                    if _own_field(target):
                        continue
                    value = node.value
                    if target.attr in PLAIN_TITLES:
                        continue
                    if isinstance(node, ast.AugAssign) or not module.safe(value):
                        found.append(Finding(path, node.lineno,
                                             f".{target.attr} = {ast.unparse(node.value)[:60]}"))
    return found


def _rich_functions(trees: list[ast.Module]) -> set[str]:
    return {node.name for tree in trees for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None
            and _annotation(node.returns) in RICH_TYPES}


def _literal_attributes(trees: list[ast.Module]) -> set[str]:
    """Upper-case class attributes every definition of which is a string literal (KEYS_HINT, SAVE_LABEL)."""
    values: dict[str, list[ast.expr]] = {}
    for tree in trees:
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in cls.body:
                for target, value in _bindings(node):
                    values.setdefault(target, []).append(value)
    return {name for name, vs in values.items()
            if name.isupper() and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in vs)}


def ui_modules() -> list[Path]:
    return sorted(p for p in TUI.rglob("*.py") if "core" not in p.relative_to(TUI).parts)


def check_tree() -> list[Finding]:
    files = ui_modules()
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in files}
    rich, literal = _rich_functions(list(trees.values())), _literal_attributes(list(trees.values()))
    found: list[Finding] = []
    for path in files:
        found += check_source(path.read_text(encoding="utf-8"), str(path.relative_to(TUI.parent)), rich, literal)
    return found


def test_no_display_call_is_given_text_that_may_be_markup():
    findings = check_tree()
    assert not findings, "Text that may come from a file reaches a markup parser; wrap it in plain():\n" + "\n".join(
        map(str, findings))


def test_the_guard_reads_every_ui_module():
    names = {p.relative_to(TUI).as_posix() for p in ui_modules()}
    assert {"screens/mock.py", "screens/picker.py", "dialogs/basic.py", "screens/help.py", "app.py"} <= names
    assert not any(n.startswith("core/") for n in names)


# The lines that carried issue 22's bugs, as they stood: the guard must flag each.
TODAYS_BUGS = {
    "mock close: an ask shown as markup": "line.update(run.asks[run.ask])",
    "mock close: a custom prompt in an f-string": 'line.update(f"“{question.prompt}”")',
    "confirm dialog: the question": "def compose(self):\n    yield Static(self.question, classes='title')",
    "confirm dialog: the detail (a prompt, an ask)": "def compose(self):\n    yield Static(self.detail)",
    "help: the screen's title (a company name)": 'def compose(self):\n    yield Static(f"Keys · {self.where}")',
    "a toast from an error": 'self.notify(f"Could not delete: {error}", severity="error")',
    "a placeholder from a pack": 'self.editor.placeholder = f"Empty. {question.why_they_ask}"',
    "a palette entry from data": "SystemCommand(entry.name, entry.help, run)",
    "from_markup of a value": "Content.from_markup(name)",
    "a starter's text as an option": "Option(starter.text)",
    "a notice from a worker thread": 'self.app.call_from_thread(self.notify, f"{error.reason}", title=name)',
}


@pytest.mark.parametrize("snippet", TODAYS_BUGS.values(), ids=TODAYS_BUGS.keys())
def test_the_guard_flags_the_lines_that_carried_the_bugs(snippet):
    assert check_source(snippet), f"not flagged: {snippet}"


SAFE = {
    "a literal": 'yield Static("Saved.", classes="hint")',
    "markup off": "yield Static(text, markup=False)",
    "plain()": "line.update(plain(run.asks[run.ask]))",
    "assemble": 'step.update(Content.assemble(("x", "bold"), name))',
    "from_markup with variables": 'Static(Content.from_markup("Delete [b]$name[/b]?", name=name))',
    "a local bound to Content": "def f(name):\n    c = plain(name)\n    w.update(c)",
    "a Digits": 'self.query_one("#t", Digits).update(mmss(s))',
    "notify with markup off": 'self.notify(f"Could not delete: {error}", markup=False)',
}


@pytest.mark.parametrize("snippet", SAFE.values(), ids=SAFE.keys())
def test_the_guard_passes_plain_text(snippet):
    assert not check_source(snippet)

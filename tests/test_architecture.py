"""The package tree is the architecture: imports point down the layers, never up.

Layers, bottom to top: errors < model < datafile < analysis < output < cli. Every import a module
makes (at the top or inside a function) is read from its source, so lazy imports count too.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ganxian_cli"
RANK = {"errors": 0, "model": 1, "datafile": 2, "analysis": 3, "output": 4, "cli": 5}
TOP_LEVEL_ALLOWED = {"__init__", "__main__", "cli", "errors"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts)


def _layer(dotted: str) -> str | None:
    parts = dotted.split(".")
    if len(parts) < 2:
        return None
    return "cli" if parts[1] in {"cli", "__main__"} else parts[1]


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The parsed source of *path*: each file is read and parsed once a run."""
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def _imports(path: Path) -> tuple[tuple[str, int], ...]:
    """Absolute names of everything *path* imports, with the line."""
    return tuple(_imports_in(_tree(path), _dotted(path)))


def _imports_of(source: str, dotted: str) -> list[tuple[str, int]]:
    return _imports_in(ast.parse(source), dotted)


def _imports_in(tree: ast.Module, dotted: str) -> list[tuple[str, int]]:
    package = dotted.removesuffix(".__init__") if dotted.endswith("__init__") else dotted
    package = package if dotted.endswith("__init__") else dotted.rsplit(".", 1)[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((module, node.lineno))
            if module.count(".") <= 1 and module.startswith("ganxian_cli"):
                found.extend((f"{module}.{alias.name}", node.lineno) for alias in node.names)
    return found


def test_every_module_sits_in_a_layer() -> None:
    for path in _modules():
        dotted = _dotted(path)
        layer = _layer(dotted)
        if dotted.count(".") == 1:
            assert path.stem in TOP_LEVEL_ALLOWED, f"{dotted}: put it in a layer package"
        else:
            assert layer in RANK, f"{dotted}: unknown package"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: _dotted(p))
def test_imports_point_down(path: Path) -> None:
    own = _layer(_dotted(path))
    if own is None or own not in RANK:
        return  # the package's own __init__
    for name, line in _imports(path):
        target = _layer(name) if name.startswith("ganxian_cli.") else None
        if target is None or target not in RANK:
            continue
        assert RANK[target] <= RANK[own], f"{_dotted(path)}:{line} imports {name} (upwards)"


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("typer", {"ganxian_cli.cli"}),
        ("click", {"ganxian_cli.cli"}),
        ("rich", set()),  # tables are drawn by output.grid
        ("xlsxwriter", {"ganxian_cli.output.xlsx"}),
        ("pygal", set()),  # the HTML charts are drawn as plain SVG
        ("orjson", {"ganxian_cli.output.jsonout"}),
        ("openpyxl", set()),
    ],
)
def test_libraries_stay_in_their_layer(library: str, allowed: set[str]) -> None:
    users = {
        _dotted(path)
        for path in _modules()
        for name, _ in _imports(path)
        if name == library or name.startswith(library + ".")
    }
    users = {"ganxian_cli.cli" if u.startswith("ganxian_cli.cli.") else u for u in users}
    assert users <= allowed, f"{library} imported by {sorted(users - allowed)}"
    if library not in ("click", "openpyxl", "rich", "pygal"):
        assert users, f"nothing imports {library}: update this test"


def _upward(source: str, dotted: str) -> list[str]:
    own = _layer(dotted)
    assert own is not None
    return [
        name
        for name, _ in _imports_of(source, dotted)
        if name.startswith("ganxian_cli.") and RANK.get(_layer(name) or "", -1) > RANK[own]
    ]


def test_the_checker_finds_upward_imports() -> None:
    """Relative, absolute and function-level imports are all resolved and judged."""
    model = "ganxian_cli.model.fake"
    assert _upward("from ..output.table import make_console\n", model) == [
        "ganxian_cli.output.table"
    ]
    assert _upward("def f():\n    from ganxian_cli.analysis import checks\n", model) == [
        "ganxian_cli.analysis",
        "ganxian_cli.analysis.checks",
    ]
    assert _upward("from .units import get_unit\nfrom ..errors import Problem\n", model) == []


# --- a thin command line ----------------------------------------------------------------------

CLI = PACKAGE / "cli"
COMMAND_LINES, COMMAND_BRANCHES = 30, 6
HELPER_LINES, HELPER_BRANCHES = 50, 12


def _branches(node: ast.AST) -> int:
    """if/for/while/try/match, conditional expressions, and each `and`/`or`."""
    count = 0
    for child in ast.walk(node):
        if isinstance(child, ast.If | ast.For | ast.While | ast.Try | ast.Match | ast.IfExp):
            count += 1
        elif isinstance(child, ast.BoolOp):
            count += len(child.values) - 1
    return count


def _body_lines(func: ast.FunctionDef) -> int:
    body = func.body
    first = body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and len(body) > 1:
        body = body[1:]  # the docstring is the help text, not logic
    return (body[-1].end_lineno or body[-1].lineno) - body[0].lineno + 1


def _is_command(func: ast.FunctionDef) -> bool:
    """Decorated with `@app.command(...)`."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for d in func.decorator_list
    )


def _functions() -> list[tuple[str, ast.FunctionDef]]:
    return [
        (f"{path.stem}.{node.name}", node)
        for path in sorted(CLI.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
    ]


def test_the_cli_is_a_package_of_commands() -> None:
    assert not (PACKAGE / "cli.py").exists()
    commands = [name for name, func in _functions() if _is_command(func)]
    assert len(commands) == 13, commands


@pytest.mark.parametrize(
    ("name", "func"), _functions(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_cli_functions_are_thin(name: str, func: ast.FunctionDef) -> None:
    command = _is_command(func)
    lines, branches = _body_lines(func), _branches(func)
    most_lines = COMMAND_LINES if command else HELPER_LINES
    most_branches = COMMAND_BRANCHES if command else HELPER_BRANCHES
    assert lines <= most_lines, f"{name}: {lines} lines (at most {most_lines})"
    assert branches <= most_branches, f"{name}: {branches} branches (at most {most_branches})"


def test_branches_are_counted() -> None:
    source = (
        "def f(a, b, c):\n"
        "    if a and b or c:\n"
        "        return 1 if a else 2\n"
        "    for _ in a:\n"
        "        pass\n"
    )
    func = ast.parse(source).body[0]
    assert _branches(func) == 5  # if, and, or, the conditional expression, for


def test_the_cli_writes_no_json_itself() -> None:
    for path in sorted(CLI.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        names = {name for name, _line in _imports_of(source, _dotted(path))}
        assert not {n for n in names if n.split(".")[0] in ("json", "orjson")}, path.name
        assert "jsonout" not in source and "schema_version" not in source, path.name


# --- one name, one class -----------------------------------------------------------------------


def test_no_class_name_is_defined_twice() -> None:
    where: dict[str, list[str]] = {}
    for path in _modules():
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(_dotted(path))
    twice = {name: places for name, places in where.items() if len(places) > 1}
    assert not twice, twice

"""The layer rules, read from the source (pyproject's import-linter contracts say the same for
`lint-imports`): the web app, the CLI and the exporters read through the query layer and
hold no SQL; export does not import the web app; the query layer imports none of them; the
layers above the store keep no module-level caches."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .conftest import imported_modules

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "claimgraph"
ABOVE_QUERY = sorted([*PACKAGE.joinpath("present").rglob("*.py"), *PACKAGE.joinpath("export").rglob("*.py"),
                      *PACKAGE.joinpath("brief").rglob("*.py"), *PACKAGE.glob("cli*.py")])
QUERY = sorted(PACKAGE.joinpath("query").rglob("*.py"))
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.IGNORECASE | re.DOTALL)


def _within(module: str, *packages: str) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", ABOVE_QUERY, ids=_name)
def test_the_web_app_cli_and_exporters_read_through_the_query_layer(path: Path) -> None:
    imported = imported_modules(path)
    assert not [m for m in imported if _within(m, "claimgraph.store", "claimgraph.resolve")], "read through claimgraph.query"
    source = path.read_text(encoding="utf-8")
    strings = [node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    assert not [s for s in strings if SQL.search(s)], "no SQL outside the query layer"
    assert ".connection" not in source, "no SQL outside the query layer"


@pytest.mark.parametrize("path", sorted([*PACKAGE.joinpath("export").rglob("*.py"), *PACKAGE.joinpath("brief").rglob("*.py")]), ids=_name)
def test_export_does_not_import_the_web_app(path: Path) -> None:
    assert not [m for m in imported_modules(path) if _within(m, "claimgraph.present")]


@pytest.mark.parametrize("path", QUERY, ids=_name)
def test_the_query_layer_is_below_its_callers(path: Path) -> None:
    callers = ("claimgraph.present", "claimgraph.export", "claimgraph.brief", "claimgraph.cli", "claimgraph.cli_analysis", "claimgraph.cli_support",
               "claimgraph.cli_outputs")
    assert not [m for m in imported_modules(path) if _within(m, *callers)]


@pytest.mark.parametrize("path", [*ABOVE_QUERY, *QUERY], ids=_name)
def test_no_module_level_caches(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            decorators = [ast.unparse(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
            assert not [d for d in decorators if "cache" in d], f"{node.name}: {decorators}"

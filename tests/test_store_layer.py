"""The store is below resolve, read from the source: it imports no other stage (only the
shared records and errors), holds resolution's SQL, and resolve's modules import each other
without a cycle."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import imported_modules

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "claimgraph"
STORE = sorted(PACKAGE.joinpath("store").rglob("*.py"))
RESOLVE = sorted(PACKAGE.joinpath("resolve").rglob("*.py"))


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The claimgraph modules a file imports, at its top or inside a function."""
    return {name for name in imported_modules(path) if name.startswith("claimgraph")}


@pytest.mark.parametrize("path", STORE, ids=_module)
def test_the_store_imports_no_other_stage(path: Path) -> None:
    allowed = ("claimgraph.store", "claimgraph.records", "claimgraph.errors")
    assert not [m for m in _imports(path) if not m.startswith(allowed)]


@pytest.mark.parametrize("path", RESOLVE, ids=_module)
def test_resolve_reads_and_writes_through_the_stores_api(path: Path) -> None:
    assert ".connection" not in path.read_text(encoding="utf-8"), "SQL belongs in store/"


def test_resolve_has_no_import_cycle() -> None:
    modules = {_module(path): path for path in RESOLVE}
    imports = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        if name not in done:
            for imported in imports[name]:
                visit(imported, (*path, name))
            done.add(name)

    for name in imports:
        visit(name, ())

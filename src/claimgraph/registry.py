"""Registries for what grows: contradiction comparators, exporters and input readers.

Each is a `catalogue` registry (the mechanism behind spaCy's own registries). A built-in
member is a module in its layer's folder (`resolve/comparators/`, `export/formats/`,
`ingest/readers/`) that registers itself with a decorator; `discover()` imports such a
folder when a run first needs it, so adding a comparator, a format or a reader is adding
one module. Another package can register members through the entry-point groups
`claimgraph_comparators`, `claimgraph_exporters` and `claimgraph_readers`.
"""

from __future__ import annotations

import importlib
import pkgutil

import catalogue  # type: ignore[import-untyped]

comparators = catalogue.create("claimgraph", "comparators", entry_points=True)
exporters = catalogue.create("claimgraph", "exporters", entry_points=True)
readers = catalogue.create("claimgraph", "readers", entry_points=True)


def discover(package: str) -> None:
    """Import every module of `package` so that its members register themselves."""
    module = importlib.import_module(package)
    for info in pkgutil.iter_modules(module.__path__, prefix=f"{package}."):
        importlib.import_module(info.name)

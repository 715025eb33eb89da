"""claimgraph: a sourced knowledge base of who did what, where and when - and according to whom.

The public API is what this module exports (`__all__`)::

    import claimgraph

    claimgraph.build(["articles/"], store="kb.db")      # read articles into a database
    with claimgraph.open("kb.db") as kb:                # then query it
        for claim in kb.claims(entity="Zorov", stance="deny"):
            print(claim.source_name, claim.text)

`build` adds articles to a database (incrementally); `open` returns a `KnowledgeBase` whose
methods read documents, entities, claims, events, facts and contradictions, search the
texts, and count everything. The records they return are typed dataclasses (see
`claimgraph.query`). Errors claimgraph raises on purpose derive from `ClaimgraphError`.

Importing this module is cheap: the pipeline (and spaCy) is imported when `build` is first
called, or when `BuildTools` or `BuildReport` is first used.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from claimgraph.config import BuildOptions
from claimgraph.errors import (
    BudgetExceeded,
    ClaimgraphError,
    CorrectionRefused,
    InputRejected,
    InvalidQuery,
    ModelNotAvailable,
    StoreError,
    UnknownFormat,
)
from claimgraph.progress import SILENT, Progress
from claimgraph.query.knowledge_base import KnowledgeBase
from claimgraph.store import Store

if TYPE_CHECKING:
    from claimgraph.pipeline import BuildReport, BuildTools

__version__ = "0.1.0"

__all__ = [
    "BudgetExceeded",
    "BuildOptions",
    "BuildReport",
    "BuildTools",
    "ClaimgraphError",
    "CorrectionRefused",
    "InputRejected",
    "InvalidQuery",
    "KnowledgeBase",
    "ModelNotAvailable",
    "Store",
    "StoreError",
    "UnknownFormat",
    "__version__",
    "build",
    "open",
]

_LAZY = frozenset({"BuildReport", "BuildTools"})  # from claimgraph.pipeline, which imports spaCy


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store | KnowledgeBase | str | os.PathLike[str],
    options: BuildOptions | None = None,
    tools: BuildTools | None = None,
    on_input: Callable[[str], None] | None = None,
    on_message: Callable[[str], None] = lambda _: None,
    progress: Progress = SILENT,
) -> BuildReport:
    """Add the articles under `paths` to a database: folders, .txt, .html/.htm, .json, .jsonl,
    RSS/Atom feeds (.rss, .atom, .xml), .pdf, .docx, and "-" for standard input.

    `store`: an open `Store` or `KnowledgeBase`, or the path of a database (created when
    missing, closed again at the end). Builds are incremental: unchanged inputs are passed
    over, changed ones replaced. `options`: `BuildOptions()` when not given; `tools`: the
    parser, lexicons and gazetteer loaded once (`BuildTools.load(options)`) when building
    several times in one process; `on_input` is called with each input's key, `on_message`
    with notices (such as the gazetteer being built on first use); `progress` (a
    `claimgraph.progress.Progress`) sees each step with its total. Inputs that cannot be
    read are listed in the report's `skipped`, feed entries whose article is stored already
    in its `already_stored`; `ModelNotAvailable` is raised when the spaCy model is not
    installed.
    """
    from claimgraph.pipeline import build as _build

    options = options if options is not None else BuildOptions()
    if isinstance(store, KnowledgeBase):
        store = store.store
    if isinstance(store, Store):
        return _build(paths, store=store, options=options, tools=tools, on_input=on_input, on_message=on_message, progress=progress)
    with Store.open(store, wait=options.lock_wait) as opened:
        return _build(paths, store=opened, options=options, tools=tools, on_input=on_input, on_message=on_message, progress=progress)


def open(path: str | os.PathLike[str]) -> KnowledgeBase:
    """Open a built database for reading; use it in a `with` block (or close it).

    Raises `StoreError` when there is no database at `path` or it is not claimgraph's."""
    return KnowledgeBase.open(path)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from claimgraph import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

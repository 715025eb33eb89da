"""claimgraph: a sourced knowledge base of who did what, where and when - and according to whom.

The pipeline's stages are subpackages (ingest, analyze, extract, resolve, store, export);
this module re-exports the few entry points a script needs.
"""

from claimgraph.config import BuildOptions
from claimgraph.errors import (
    BudgetExceeded,
    ClaimgraphError,
    InputRejected,
    ModelNotAvailable,
    StoreError,
)
from claimgraph.pipeline import BuildReport, BuildTools, build
from claimgraph.store import Store

__version__ = "0.1.0"

__all__ = [
    "BudgetExceeded",
    "BuildOptions",
    "BuildReport",
    "BuildTools",
    "ClaimgraphError",
    "InputRejected",
    "ModelNotAvailable",
    "Store",
    "StoreError",
    "__version__",
    "build",
]

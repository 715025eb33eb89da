"""Named exceptions. Stages raise these; only the CLI turns them into messages."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error claimgraph raises on purpose."""


class InputRejected(ClaimgraphError):
    """An input (file or record) cannot become a document; the message says why."""


class BudgetExceeded(InputRejected):
    """Processing one input took longer than its time budget."""


class ModelNotAvailable(ClaimgraphError):
    """The configured spaCy model is not installed."""


class StoreError(ClaimgraphError):
    """The database cannot be opened or is not a claimgraph database."""


class CorrectionRefused(ClaimgraphError):
    """An analyst's correction cannot be made as asked; the message says why."""


class UnknownRecord(CorrectionRefused):
    """A correction names an entity or a claim the store does not hold."""

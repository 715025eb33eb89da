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
    """An analyst's correction cannot be made as asked (an unknown id, entities that are one
    already, a spelling the entity lacks); the message says why. Nothing was changed."""


class InvalidQuery(ClaimgraphError):
    """A search query is not valid full-text syntax; the message is the search engine's."""


class UnknownFormat(ClaimgraphError):
    """No export format has that name; the message lists the known ones."""


class UnknownRecord(CorrectionRefused):
    """A correction names an entity or a claim the store does not hold."""


class OverLimit(InputRejected):
    """An input is over a configured limit (bytes, characters, line length); a higher limit reads it."""


class DatabaseBusy(StoreError):
    """Another process held the database past the wait; the message names it when it can."""


class DatabaseFull(StoreError):
    """The disk holding the database is full; what was written before stays consistent."""


class DatabaseReadOnly(StoreError):
    """The database, or the folder it is in, cannot be written."""


class DatabaseCorrupt(StoreError):
    """The database file is damaged (not what SQLite wrote)."""


def internal_error_reason(exc: BaseException) -> str:
    """An unexpected failure while reading one input, as that input's skip reason."""
    return f"internal error ({type(exc).__name__}: {exc}); please report this input"


class EngineNotAvailable(ClaimgraphError):
    """The engine asked for cannot run: its optional package is not installed, or its cluster cannot be reached."""

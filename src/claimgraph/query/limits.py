"""Bounds on what one read may cost: a time limit on the statements run inside a block, and
cancellation from another thread (the web app stops a query when its client goes away)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from claimgraph.errors import ClaimgraphError
from claimgraph.store import Store

__all__ = ["QueryCancelled", "check_deadline", "interrupt", "time_limit"]

_STEPS = 2_000  # virtual-machine instructions between two looks at the clock


class QueryCancelled(ClaimgraphError):
    """A read ran past its time limit, or was cancelled; nothing was changed."""


@contextmanager
def time_limit(store: Store, seconds: float) -> Iterator[float]:
    """Statements run inside the block stop after `seconds` with `QueryCancelled` (as does an
    `interrupt` from another thread). Yields the deadline (a `time.monotonic` value) for
    Python loops over the results to check with `check_deadline`."""
    deadline = time.monotonic() + seconds
    store.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), _STEPS)
    try:
        yield deadline
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise QueryCancelled("the query took too long and was stopped") from None
        raise
    finally:
        store.connection.set_progress_handler(None, 0)


def check_deadline(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise QueryCancelled("the query took too long and was stopped")


def interrupt(store: Store) -> None:
    """Stop the statement running on this store's connection now (safe from another thread)."""
    store.connection.interrupt()

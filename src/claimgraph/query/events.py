"""Events: who did what to whom, where and when, as told, with the claims that report them."""

from __future__ import annotations

from claimgraph.store import StoredEvent, iter_events

__all__ = ["StoredEvent", "iter_events"]

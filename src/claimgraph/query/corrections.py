"""The analyst's corrections, as the web app and the CLI make them: merge two entities, take
spellings out of one, mark a claim as reviewed.

Each opens the gazetteer (to geocode again what a correction changes; built on first use as
for `claimgraph build`) and hands the correction to `claimgraph.resolve.corrections`. Raises
`claimgraph.errors.CorrectionRefused` when a correction cannot be made as asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from claimgraph.store import Store

if TYPE_CHECKING:
    from claimgraph.gazetteer import Gazetteer

__all__ = ["merge_entities", "review_claim", "split_entity", "unreview_claim"]

Notify = Callable[[str], None]


def merge_entities(store: Store, first: str, second: str, *, note: str | None = None, gazetteer_path: Path | None = None,
                   on_message: Notify | None = None) -> str:
    """Merge two entities (ids) for good: later builds keep them one. Returns the id of the
    merged entity. `gazetteer_path`: as `claimgraph build`'s; `on_message` hears notices
    (such as the gazetteer being built)."""
    with _gazetteer(gazetteer_path, on_message) as gazetteer:
        return _resolve().merge_entities(store, first, second, note=note, gazetteer=gazetteer)


def split_entity(store: Store, entity_id: str, aliases: Sequence[str], *, note: str | None = None,
                 gazetteer_path: Path | None = None, on_message: Notify | None = None) -> list[str]:
    """Take spellings out of an entity for good: they never join it again. Returns the ids of
    the entities that hold its spellings afterwards."""
    with _gazetteer(gazetteer_path, on_message) as gazetteer:
        return _resolve().split_entity(store, entity_id, aliases, note=note, gazetteer=gazetteer)


def review_claim(store: Store, claim_id: str) -> None:
    """Mark a claim as reviewed by an analyst."""
    _resolve().review_claim(store, claim_id)


def unreview_claim(store: Store, claim_id: str) -> None:
    """Take back the review of a claim (undo `review_claim`)."""
    _resolve().unreview_claim(store, claim_id)


def _resolve() -> ModuleType:
    """resolve.corrections, imported when a correction is made: the CLI and the web app start
    without the resolution stage (and its libraries) loaded."""
    from claimgraph.resolve import corrections

    return corrections


@contextmanager
def _gazetteer(path: Path | None, on_message: Notify | None) -> Iterator[Gazetteer]:
    from claimgraph.gazetteer import open_gazetteer

    gazetteer = open_gazetteer(path, on_build=on_message or (lambda _: None))
    try:
        yield gazetteer
    finally:
        gazetteer.close()

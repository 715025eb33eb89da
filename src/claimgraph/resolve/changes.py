"""What a build changed, for the corpus-level stages to recompute from.

Entities are regrouped from every mention form (in memory: the grouping rules look at the
whole corpus) and only those that differ are written again; places are geocoded with the
close spellings matched by earlier builds (FuzzyMatches), which were most of their time. The
facts stage receives what changed (`resolve_facts(..., changed=...)`), the boundary at which it
can recompute only the blocks of events whose members changed (see the README's plan).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Documents stored by this build, and entities added, removed or regrouped by it (ids).
    `documents` is None when it is not known (a resolution asked for outside a build, or
    documents were removed): everything counts as changed."""

    documents: frozenset[str] | None
    entities: frozenset[str]

"""Which side of a front a count of harm counts.

A happening that crosses a front line (a flood over both banks of a river two armies hold,
shelling of towns on both sides of a border) is counted by parts: "12 dead in Ruvia", "35
dead in Kessan-held areas". Two counts of two parts are two tolls, not two accounts of one.
A count tells its part by a scope that names one country ("in Ruvia", "on the Kessan
side"); a count that tells none counts the part of the same figure told with a part in its
article ("35 died in Kessan-held areas", and later "a local official said 35 had died");
and where the counts of the happening name two parts or more (a front is told), a state's
own count that names no part, or only a container ("80 died in the region"), counts that
state's part ("Kessa reported 14 dead"). A count of a town names no side: a town on one
side of the front may be held by the other, and only a country named tells which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from claimgraph.records import StoredQuantity
from claimgraph.resolve.accounts import Account
from claimgraph.resolve.figures import container_only

CountryOf = Callable[[str], "str | None"]


def figure_parts(figures: Iterable[tuple[Account, StoredQuantity]], country_of: CountryOf) -> dict[str, str]:
    """The part (a country's ISO code) each figure of one slot of one happening counts, by
    quantity id; figures that tell no part are left out."""
    figures = list(figures)
    parts = {quantity.id: part for _, quantity in figures if (part := named_part(quantity.scope, country_of))}
    for account, quantity in figures:
        if quantity.id not in parts:
            told = {parts[other.id] for mine, other in figures
                    if other.id in parts and mine.doc == account.doc and _same_figure(other, quantity)}
            if len(told) == 1:
                parts[quantity.id] = told.pop()
    named = set(parts.values())
    if len(named) < 2:
        return parts
    for account, quantity in figures:
        if quantity.id in parts or not _no_particular_part(quantity.scope):
            continue
        states = {anchor.removeprefix("country:") for anchor in account.tellers if anchor.startswith("country:")}
        if len(states) == 1 and states <= named:
            parts[quantity.id] = states.pop()
    return parts


def named_part(scope: str | None, country_of: CountryOf) -> str | None:
    """The one country a scope names, by its name or its people's ("in Ruvia", "in
    Ruvian-held areas"); None for none, or for two ("on both the Ruvian and Kessan banks")."""
    if not scope:
        return None
    countries = {code for word in re.findall(r"[^\W\d_]+", scope) if word[0].isupper() and (code := country_of(word))}
    return countries.pop() if len(countries) == 1 else None


def _no_particular_part(scope: str | None) -> bool:
    """A scope that names no part: none, or a container noun alone ("in the territory")."""
    return not scope or container_only(scope)


def _same_figure(a: StoredQuantity, b: StoredQuantity) -> bool:
    return a.slot == b.slot and a.value == b.value and a.value_max == b.value_max

"""Two counts of one slot of one incident, by two tellers, that describe the people counted
apart: one as combatants ("the army said 203 militants were killed"), the other as people who
took no part in the fighting ("a rights group said 300 civilians were killed").

Counts of different groups are never compared as figures (tolls.py: "12 soldiers" and "30
civilians" may both hold). But where one teller counts only fighters and another only
civilians, the two accounts say who the dead were, and that is the disagreement: the
contradiction names both counts with their groups. The groups are the magnitudes lexicons'
`standing_nouns` (a closed class: whether the people counted took part in the fighting). A
teller counting both ("20 militants and three civilians") tells them apart and disputes
nothing; nor do counts of two sides of a front (fronts.py). Pairs are chosen as tolls.py
chooses them: in one article first, then the earliest across articles, one per incident and
slot across articles.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.records import Contradiction, StoredQuantity
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import Account
from claimgraph.resolve.comparators.tolls import (
    Figure,
    harm_figures,
    one_teller,
    states_none,
)
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_accounts, one_pair_each
from claimgraph.resolve.lexicons import lexicon_classes

_FOUGHT, _SPARED = "combatant", "civilian"


@comparators.register("victims")
class VictimsDescribedApart:
    name = "victims"
    kind = "numeric"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident, slot, figures, parts in harm_figures(comparison):
            for a, b in described_apart(figures, parts):
                yield between_accounts(self.kind, a[0], b[0], values=(f"{a[1].text} {a[1].unit}", f"{b[1].text} {b[1].unit}"),
                                       slot=slot, about=f"who the people {slot} in the {incident.label} were")


def described_apart(figures: list[Figure], parts: dict[str, str]) -> list[tuple[Figure, Figure]]:
    """Pairs of a count of combatants and a count of civilians by two tellers who each count
    only one of the two."""
    # a count of none says who was not killed, not who the dead were: existence.py's
    standing = {q.id: s for _, q in figures if (s := standing_of(q)) is not None and not states_none(q)}
    fought = [f for f in figures if standing.get(f[1].id) == _FOUGHT]
    spared = [f for f in figures if standing.get(f[1].id) == _SPARED]
    pairs = []
    for a in fought:
        for b in spared:
            if a[0].id == b[0].id or one_teller(a[0], b[0]):
                continue
            if not (a[0].sourced or b[0].sourced or a[0].doc != b[0].doc):
                continue  # an outlet's own two counts count two groups
            if a[1].id in parts and b[1].id in parts and parts[a[1].id] != parts[b[1].id]:
                continue
            if _counts_both(a[0], figures, standing) or _counts_both(b[0], figures, standing):
                continue
            pairs.append((a, b))
    inside = one_pair_each([p for p in pairs if p[0][0].doc == p[1][0].doc], lambda pair: (pair[0][0], pair[1][0]))
    across = one_pair_each([p for p in pairs if p[0][0].doc != p[1][0].doc], lambda pair: (pair[0][0], pair[1][0]))
    return inside + (across[:1] if not inside else [])


def standing_of(quantity: StoredQuantity) -> str | None:
    """Whether a count names combatants or civilians, by the noun it counts."""
    return lexicon_classes("magnitudes", "standing_nouns").get((quantity.unit or "").casefold())


def _counts_both(account: Account, figures: list[Figure], standing: dict[str, str]) -> bool:
    """Whether the teller of an account counts both groups in the incident (in any of its claims:
    an outlet's own voice is one teller in its article)."""
    own = {standing[q.id] for other, q in figures if q.id in standing and _same_teller(other, account)}
    return len(own) > 1


def _same_teller(a: Account, b: Account) -> bool:
    """One claim, one teller (tolls.one_teller), or one outlet's own voice in one article."""
    return a.id == b.id or one_teller(a, b) or (not a.sourced and not b.sourced and a.doc == b.doc)

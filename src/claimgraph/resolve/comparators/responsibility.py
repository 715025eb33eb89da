"""Two accounts of one incident that hold different parties responsible for it: "X struck
the clinic" against "the blast was a shell misfired by Y"; and an account holding a party
responsible against that party's denial ("Z denied any involvement").

Whom an account holds responsible is read from its events (resolve/accounts.py): those it
accuses, and the doers of the harm it tells. Two accounts conflict when their parties do not
overlap. An analyst reads the conflict where an article sets it (both accounts in one
article: once per article, however often it restates the two positions), else once across
articles: the earliest pair. A denial stands against the nearest
account that blames the one denying.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import Account, Incident, sides
from claimgraph.resolve.comparators.denial_of_preceding import points_back
from claimgraph.resolve.comparison import DENIED, Comparison
from claimgraph.resolve.contradictions import between_accounts, one_pair_each


@comparators.register("responsibility")
class ResponsibilityForOneIncident:
    name = "responsibility"
    kind = "responsibility"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident in comparison.incidents:
            for a, b in blames_against(incident):
                names = _names(a.blamed, comparison.name_of), _names(b.blamed, comparison.name_of)
                yield between_accounts(self.kind, a, b, about=f"who is responsible for the {incident.label}", slot="responsible",
                                       values=names)


@comparators.register("responsibility_denied")
class ResponsibilityDenied:
    name = "responsibility_denied"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident in comparison.incidents:
            blaming = _blaming(incident)
            # A denial pointing back ("denied it") denies what precedes it (denial_of_preceding.py).
            denying = [d for d in incident.accounts if d.denies and d.tellers and not points_back(d.claim, comparison.entity_names)]
            candidates = [(b, d) for d in denying for b in blaming if b.blamed & d.tellers and b.id != d.id]
            for b, d in one_pair_each(candidates, lambda pair: pair, one_voice_first=True):
                named = _names(b.blamed & d.tellers, comparison.name_of)
                yield between_accounts(self.kind, b, d, about=f"whether {named} is responsible for the {incident.label}",
                                       slot="responsible", values=(f"{named} is responsible", DENIED))


def _blaming(incident: Incident) -> list[Account]:
    # A denial's own events are the accusation it rejects, not whom it blames.
    return [a for a in incident.accounts if a.blamed and not a.denies]


def blames_against(incident: Incident) -> list[tuple[Account, Account]]:
    """One pair inside each article for each two sides it sets against each other (an
    article restating both positions tells one disagreement), then one pair across articles
    for each two sides no article sets against each other."""
    blaming = _blaming(incident)
    against = [(a, b) for i, a in enumerate(blaming) for b in blaming[i + 1:] if not a.blamed & b.blamed]
    side = sides(a.blamed for a in blaming)

    def positions(pair: tuple[Account, Account]) -> frozenset[frozenset[str]]:
        return frozenset((side[pair[0].blamed], side[pair[1].blamed]))

    # a pair restating a kept one's positions leaves its claims free for another disagreement
    kept = one_pair_each([p for p in against if p[0].doc == p[1].doc], lambda pair: pair, one_voice_first=True,
                         told_as=lambda pair: (pair[0].doc, positions(pair)))
    told = {positions(pair) for pair in kept}
    for pair in one_pair_each([p for p in against if p[0].doc != p[1].doc], lambda pair: pair, one_voice_first=True):
        if positions(pair) not in told:
            told.add(positions(pair))
            kept.append(pair)
    return kept


def _names(anchors: frozenset[str], name_of: Callable[[str], str]) -> str:
    return " and ".join(sorted(name_of(a) for a in anchors)) or "someone"

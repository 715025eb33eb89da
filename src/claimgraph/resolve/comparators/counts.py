"""Two counts of one named group at one scene that cannot both hold: "thousands of
protesters" against "several hundred protesters" outside one embassy, "four flights"
against "seven flights" of one evacuation.

The accounts of an incident carry the groups they count at its scene (resolve/accounts.py);
counts are of one group when they name it by one noun ("protesters", "flights"), and are
compared like figures of harm (tolls.py): as the intervals their qualifiers allow, a pair a
source sets against each other first, then the nearest disagreement between outlets. Counts
limited to different parts ("from the north", "from the south") are not set against each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from claimgraph.records import Contradiction
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import Incident
from claimgraph.resolve.comparators.tolls import Figure, figure_conflicts
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_accounts
from claimgraph.resolve.figures import counted_group


@comparators.register("count")
class CountsOfOneGroup:
    name = "count"
    kind = "numeric"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident in comparison.incidents:
            for group, figures in sorted(_counts_by_group(incident).items()):
                for a, b in figure_conflicts(figures, comparison.rates):
                    yield between_accounts(self.kind, a[0], b[0], about=f"the number of {a[1].unit} at the {incident.label}",
                                           slot=group, values=(a[1].text, b[1].text))


def _counts_by_group(incident: Incident) -> dict[str, list[Figure]]:
    found: dict[str, list[Figure]] = defaultdict(list)
    for account in incident.accounts:
        for quantity in account.counts:
            found[counted_group(quantity)].append((account, quantity))
    return found

"""A denied tie against the best supported fact, told in another article, that ties the
denier to what it denies (or to anyone, when it names no one: "has denied any such links"):
one contradiction per denial fact, never one per report, told with the denier's own words
where a quotation gives them (resolve/relations.py makes the facts of ties)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from claimgraph.records import Contradiction, Fact, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.relations import Tie, certainty, denied_party


@comparators.register("denied_tie")
class DeniedTie:
    name = "denied_tie"
    kind = "assert_vs_deny"
    precedence = 3  # its ids are its own ("tie" and the fact): an event contradiction may pair the same two claims

    def find(self, comparison: Comparison) -> list[Contradiction]:
        return relation_contradictions(comparison.ties, comparison.fact_of_tie, comparison.claims, name_of=comparison.name_of)


def relation_contradictions(relations: list[Tie], fact_of: dict[str, Fact], claims: dict[str, StoredClaim], *,
                            name_of: Callable[[str], str]) -> list[Contradiction]:
    """Each denial fact against the best supported fact, told elsewhere, of the tie it denies."""
    # Only an affiliation is denied: "strained ties" between two parties is no tie a denial meets.
    asserted = [r for r in relations if r.polarity == "asserted" and r.kind == "affiliation" and r.object and r.id in fact_of]
    denials: dict[str, list[Tie]] = defaultdict(list)
    for relation in relations:
        if relation.polarity == "denied" and relation.id in fact_of:
            denials[fact_of[relation.id].id].append(relation)
    found = []
    for denial_group in denials.values():
        matching: dict[str, list[tuple[Tie, Tie]]] = defaultdict(list)
        for denial in denial_group:
            for relation in asserted:
                if relation.doc != denial.doc and _meets(denial, relation):
                    matching[fact_of[relation.id].id].append((denial, relation))
        if not matching:
            continue
        pairs = max(matching.values(), key=lambda group: (len(fact_of[group[0][1].id].independent_origins),
                                                          len(fact_of[group[0][1].id].claims), fact_of[group[0][1].id].id))
        relation = min((r for _, r in pairs), key=lambda r: (certainty(r, claims), r.id))
        # The denier's own words first (a quotation), then the most firmly told.
        denial = min((d for d, _ in pairs), key=lambda d: (not d.quoted, certainty(d, claims), d.id))
        fact = fact_of[relation.id]
        claim_a, claim_b = relation.claims[0], denial.claims[0]
        # Its own key ("tie" and the fact): an event contradiction may pair the same two claims.
        identifier = contradiction_id("tie", fact.id, *sorted((claim_a, claim_b)))
        denied = "any tie of " + name_of(denial.subject[0]) if not denial.object else "the tie"
        explanation = (f"{fact.about[0].upper()}{fact.about[1:]}: one source states the tie, the other denies {denied}; "
                       "the denial may concern another time or another kind of tie than the report.")
        found.append(Contradiction(identifier, "assert_vs_deny", claim_a, claim_b, explanation, fact.id))
    return found


def _meets(denial: Tie, relation: Tie) -> bool:
    """Whether an asserted tie is one the denial denies: the denier is one party, and the
    other is what it denies a tie with (anyone, when it names no one)."""
    for mine, theirs in ((relation.subject, relation.object), (relation.object, relation.subject)):
        if denial.subject[0] in mine and (not denial.object or denied_party(denial) in theirs or denial.object[0] in theirs):
            return True
    return False

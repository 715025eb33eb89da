"""A denial that names nothing of its own against what the article told just before it:
"X said 120 were killed. Y disputes this figure."; "charges were planted, which Y denied".

Such a denial ("denied it", "disputes this", "which ... denied") takes its object from the
text before it, so its other side is the nearest claim before it in the same article that a
named source tells (a denial answers someone), by someone else and not itself a denial.
Only a denial that is an account of an incident (resolve/accounts.py), a denial in a report
of harm, is read so. A denial that names what it denies (entities,
figures) is compared as an event or a responsibility instead (denial.py, responsibility.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import ASSERTED, DENIED, Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import data_words

_REACH = 400  # characters: the sentence or two before the denial, where "it" and "this" point


@comparators.register("denial_of_preceding")
class DenialOfWhatPrecedes:
    name = "denial_of_preceding"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        # Only the denials that are accounts of an incident: a denial in a report of harm.
        denying = {a.id for incident in comparison.incidents for a in incident.accounts if a.denies}
        by_doc = comparison.claims_by_doc
        for doc in sorted(by_doc):
            claims = sorted(by_doc[doc], key=lambda c: (c.start, -c.end, c.id))
            denials = [c for c in claims if c.stance == "deny"]
            for denial in claims:
                if denial.id not in denying or not points_back(denial, comparison.entity_names):
                    continue
                before = [c for c in claims if c.start < denial.start and denial.start - c.start <= _REACH and c.stance != "deny"
                          and (c.end <= denial.end or _ends_with(c, denial))
                          and c.source_kind != "outlet" and not one_voice(c, denial)
                          and not any(_holds(c, d) and not _ends_with(c, d) for d in denials)]
                if not before:
                    continue
                told = max(before, key=lambda c: (c.start, c.id))
                a, b = sorted((told.id, denial.id))
                yield Contradiction(contradiction_id(self.kind, a, b), self.kind, told.id, denial.id,
                                    f"{denial.source_name} denies what {told.source_name} says just before",
                                    None, slot="statement", value_a=ASSERTED, value_b=DENIED, caveat="both in one article",
                                    strength=1.0)


def points_back(claim: StoredClaim, entity_names: Mapping[str, str]) -> bool:
    """A denial whose own words name no one and no figure but its speaker ("the Ruvian
    government"), and point back with a pronoun ("denied it", "disputes this figure")."""
    speaker = claim.source_name.casefold()
    if claim.stance != "deny" or claim.quantities or any(
            e != claim.source_entity and not _in_name(entity_names.get(e, ""), speaker) for e in claim.entities):
        return False
    words = re.findall(r"\w+", claim.text.casefold())
    pointing = [i for i, word in enumerate(words) if word in data_words("anaphors")]
    # The pronoun is what is denied ("denied it", "disputes this figure", "which the ministry
    # has denied"), not the subject of a clause that says what is denied ("denied this was
    # linked to the elections": the link is denied, not what was said before).
    return bool(pointing) and not (pointing[-1] + 1 < len(words) and words[pointing[-1] + 1] in data_words("clause_verbs"))


def _in_name(name: str, speaker: str) -> bool:
    """Whether an entity is named inside the speaker's name ("Ruvia" in "the Ruvian army")."""
    return bool(name) and (name.casefold() in speaker or speaker in name.casefold())


def _ends_with(claim: StoredClaim, denial: StoredClaim) -> bool:
    """Whether a denial is the clause a claim ends with ("X said charges were planted, which Y
    denied."): the claim's words before it are what it denies."""
    return claim.start < denial.start and denial.end <= claim.end and len(claim.text[denial.end - claim.start:].strip(" .\"'”’)")) == 0


def _holds(claim: StoredClaim, inner: StoredClaim) -> bool:
    """Whether a claim holds a denial inside it (its words are then the denier's, not its object)."""
    return claim.id != inner.id and claim.start <= inner.start and inner.end <= claim.end


def one_voice(a: StoredClaim, b: StoredClaim) -> bool:
    """Whether two claims are told by one source (one entity, or one name)."""
    return (a.source_entity is not None and a.source_entity == b.source_entity) or a.source_name.casefold() == b.source_name.casefold()

"""A statement that names the side it contradicts: "contrary to what the rebels claim, no
civilians were killed", "contrairement à ce que prétendent les chefs rebelles, aucun
hélicoptère n'a survolé Kidal".

The sentence sets itself against what someone else says, and names them after a contrast
phrase that names someone's words (the attribution lexicons' `contrast_phrases`: "contrary to
what", "contrairement aux affirmations de"; not "on the contrary", nor "contrary to the
popular view that ..."). Its other side is a claim told by
that source: the nearest before it in the same article, else the earliest in another article
of one incident with it (resolve/accounts.py). A source is the one named when every word of
its name is among the words after the phrase ("les chefs rebelles" in "ce que prétendent
les chefs rebelles de l'Azawad").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import ASSERTED, DENIED, Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_words

_NAME_WORD = 4  # the words that name a source: not "the", "de", "ce"


@comparators.register("contrary")
class ContraryToWhatIsSaid:
    name = "contrary"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        by_doc = comparison.claims_by_doc
        told_with: dict[str, set[str]] = defaultdict(set)  # doc -> the other docs of its incidents
        for incident in comparison.incidents:
            docs = {account.doc for account in incident.accounts}
            for doc in docs:
                told_with[doc] |= docs - {doc}
        naming = {claim.id: named for claim in comparison.claims.values() if (named := named_after_contrast(claim.text))}
        for doc in sorted(by_doc):
            spans: set[tuple[int, int]] = set()  # one sentence said by two speakers is one side
            for claim in sorted(by_doc[doc], key=lambda c: (c.start, c.id)):
                named = naming.get(claim.id, frozenset())
                if not named or (claim.start, claim.end) in spans:
                    continue
                spans.add((claim.start, claim.end))
                before = [c for c in by_doc[doc] if c.start < claim.start and c.id not in naming and _told_by(c, named)]
                if before:
                    other, caveat = max(before, key=lambda c: (c.start, c.id)), "both in one article"
                else:
                    elsewhere = [c for d in sorted(told_with[doc]) for c in by_doc.get(d, ()) if c.id not in naming and _told_by(c, named)]
                    if not elsewhere:
                        continue
                    other = min(elsewhere, key=lambda c: (comparison.published(c.doc)[1] or "~", c.doc, c.start))
                    caveat = None
                a, b = sorted((other.id, claim.id))
                yield Contradiction(contradiction_id(self.kind, a, b), self.kind, other.id, claim.id,
                                    f"{claim.source_name} says the contrary of what {other.source_name} says",
                                    None, slot="statement", value_a=ASSERTED, value_b=DENIED, caveat=caveat, strength=1.0)


def named_after_contrast(text: str) -> frozenset[str]:
    """The words naming the side a sentence contradicts, after its contrast phrase and up to
    the end of that phrase ("contrary to what the rebels claim, ..."); empty without one."""
    found = _contrast_pattern().search(text.casefold().replace("’", "'"))
    if found is None:
        return frozenset()
    return frozenset(w for w in re.findall(r"[^\W\d_]+", found.group(1)) if len(w) >= _NAME_WORD)


@cache
def _contrast_pattern() -> re.Pattern[str]:
    phrases = sorted(lexicon_words("attribution", "contrast_phrases"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")([^,;:.!?«»\"“”]*)")


def _told_by(claim: StoredClaim, named: frozenset[str]) -> bool:
    """Whether a claim is told by the source named: every word of its name is named."""
    if claim.source_kind == "outlet":
        return False
    words = {w for w in re.findall(r"[^\W\d_]+", claim.source_name.casefold()) if len(w) >= _NAME_WORD}
    return bool(words) and words <= named

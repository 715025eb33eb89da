"""A source that says it never gave a figure, against the accounts that give the figure as
its own: "'we never published any number of wounded,' the hospital board said" against
"according to the hospital board, 65 people were wounded" in another article, and against
"the governor said his count came from the hospital board" before the denial.

The denial speaks of the source's own doing: it is a denial by negation (a speaker saying
they did not do something, extract/claims.py), not by a denying verb about what others
say ("denied that the toll was as high as 70" disputes a figure, it disowns none); it is
told by a named source in a report of harm (an account of an incident, resolve/accounts.py)
and names figures (the attribution lexicons' `figure_nouns`: "toll", "figure", "count").
What it disowns is told in two ways, each kept once per denial:
- in another article, a figure of harm the same source gives of the incident the denial is
  told of (accounts of one incident), the earliest published;
- in the denial's own article, before it, a claim by someone else that names the source
  and speaks of figures, holding one or naming them (the one who cites the source for
  them), the nearest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import denies_by_cue
from claimgraph.resolve.comparators.accusation_answered import negates
from claimgraph.resolve.comparison import DISOWNED, GIVEN, Comparison
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_words

_WORD = re.compile(r"[^\W\d_]+")


@comparators.register("disowned_figure")
class FigureDisownedByItsSource:
    name = "disowned_figure"
    kind = "assert_vs_deny"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        figures_by: dict[tuple[str, str], list[StoredClaim]] = {}  # (incident, speaker) -> claims giving figures
        incident_of: dict[str, list[str]] = {}  # claim -> the incidents it is an account of
        for incident in comparison.incidents:
            for account in incident.accounts:
                incident_of.setdefault(account.id, []).append(incident.id)
                if account.figures and not account.denies and account.speaker is not None:
                    figures_by.setdefault((incident.id, account.speaker), []).append(account.claim)
        by_doc = comparison.claims_by_doc
        for doc in sorted(by_doc):
            claims = sorted(by_doc[doc], key=lambda c: (c.start, c.id))
            for denial in claims:
                if denial.id not in incident_of or not _disowns(denial):
                    continue
                source = comparison.anchor_of(denial.source_entity or "")
                elsewhere = [c for incident in incident_of[denial.id] for c in figures_by.get((incident, source), ())
                             if c.doc != denial.doc]
                if elsewhere:
                    told = min(elsewhere, key=lambda c: (comparison.published(c.doc)[0] or "~", c.doc, c.start))
                    yield _disowned(self.kind, told, denial, "in another article")
                citing = [c for c in claims if c.start < denial.start and c.stance != "deny" and c.source_entity is not None
                          and comparison.anchor_of(c.source_entity) != source
                          and source in {comparison.anchor_of(e) for e in c.entities} and _of_figures(c)]
                if citing:
                    told = max(citing, key=lambda c: (c.start, c.id))
                    yield _disowned(self.kind, told, denial, "both in one article")


def _disowns(claim: StoredClaim) -> bool:
    """A named source's denial by negation, not by a denying verb, that names figures."""
    return (claim.stance == "deny" and claim.source_entity is not None and not denies_by_cue(claim) and negates(claim)
            and _names_figures(claim))


def _names_figures(claim: StoredClaim) -> bool:
    return bool(set(_WORD.findall(claim.text.casefold())) & _figure_words())


def _of_figures(claim: StoredClaim) -> bool:
    """Whether a claim speaks of figures: it holds one, or a word naming one."""
    return bool(claim.quantities) or _names_figures(claim)


@cache
def _figure_words() -> frozenset[str]:
    return frozenset(form for word in lexicon_words("attribution", "figure_nouns") for form in (word, word + "s"))


def _disowned(kind: str, told: StoredClaim, denial: StoredClaim, caveat: str) -> Contradiction:
    a, b = sorted((told.id, denial.id))
    return Contradiction(contradiction_id(kind, a, b), kind, told.id, denial.id,
                         f"{denial.source_name} says it never gave the figures {told.source_name} tells ({caveat})",
                         None, slot="figure", value_a=GIVEN, value_b=DISOWNED, caveat=caveat, strength=1.0)

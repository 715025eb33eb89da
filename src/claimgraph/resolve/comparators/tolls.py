"""Two figures for one slot of one incident that cannot both hold: "at least 420 killed"
against "386 killed", "3,000 missing" against "7,000 missing"; a figure of none against one
of some is existence.py's.

The accounts of an incident (resolve/accounts.py) are grouped by the figure they give each
slot; two groups whose figures cannot both hold (resolve/figures.py: qualifiers as
intervals) conflict. An analyst reads a conflict where a source sets it: one article giving
two figures, or one speaker giving two over time (a revision). Each claim stands in at most
one such conflict of a slot, with the nearest claim that conflicts with it, so that an
article listing five tolls shows the disagreements it tells and not every pair of them.
Between outlets, two neighbouring figures (in value) that no source sets against each other
are shown once, by their earliest pair: 12 against 45 killed, not every outlet's 12 against
every outlet's 45 and 80.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping

from claimgraph.records import Contradiction, StoredQuantity
from claimgraph.registry import comparators
from claimgraph.resolve.accounts import HARM_SLOTS, Account, Incident
from claimgraph.resolve.comparison import Comparison
from claimgraph.resolve.contradictions import between_accounts, one_pair_each
from claimgraph.resolve.figures import (
    compare_quantities,
    counted_group,
    different_scopes,
    floors_apart,
    interval,
)
from claimgraph.resolve.fronts import figure_parts
from claimgraph.resolve.incident_facts import agreeing_figures, local_office
from claimgraph.resolve.lexicons import lexicon_words

Figure = tuple[Account, StoredQuantity]


@comparators.register("toll")
class TollsOfOneIncident:
    name = "toll"
    kind = "numeric"
    precedence = 1

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for incident, slot, figures, parts in harm_figures(comparison):
            # whether any, not how many, is existence.py's: a count of none is not paired here,
            # where it would keep a claim from the pair of figures it stands in
            some = [figure for figure in figures if not states_none(figure[1])]
            for a, b in figure_conflicts(some, comparison.rates, parts):
                yield between_accounts(self.kind, a[0], b[0], about=f"people {slot} in the {incident.label}", slot=slot,
                                       values=(a[1].text, b[1].text))


def harm_figures(comparison: Comparison) -> Iterator[tuple[Incident, str, list[Figure], dict[str, str]]]:
    """Each incident's figures of each slot of harm it has, with the side of a front each
    counts where known (fronts.py)."""
    for incident in comparison.incidents:
        for slot in HARM_SLOTS:
            if figures := incident.figures(slot):
                yield incident, slot, figures, figure_parts(figures, comparison.country_of)


def states_none(quantity: StoredQuantity) -> bool:
    """Whether a figure says there were none ("no civilians were killed")."""
    return quantity.value == 0 and quantity.value_max is None


def figure_conflicts(figures: list[Figure], rates: dict[str, float],
                     parts: Mapping[str, str] | None = None) -> list[tuple[Figure, Figure]]:
    """Of figures of one thing: the pairs a source sets against each other (one article, one
    speaker), each claim in one at most; then, for two neighbouring figures (in value) that
    no source sets against each other, the earliest pair across articles: the nearest
    disagreement between outlets. `parts`: the side of a front each figure counts, where
    known, by quantity id (resolve/fronts.py); figures of two sides are not compared."""
    parts = parts or {}
    groups = agreeing_figures(figures)
    set_against: list[tuple[Figure, Figure]] = []
    across: dict[tuple[int, int], list[tuple[Figure, Figure]]] = {}
    for i, first in enumerate(groups):
        for j in range(i + 1, len(groups)):
            # Each pair of figures is compared, not the groups' first ones: "more than 500"
            # stands beside "500" in one group, and only the latter conflicts with 900.
            conflicting: list[tuple[Figure, Figure]] = []
            for a in first:
                for b in groups[j]:
                    # An outlet's own two figures count different things; in one article a
                    # conflict has a named source. Two outlets' own figures disagree with each other.
                    if a[0].id == b[0].id or not (a[0].sourced or b[0].sourced or a[0].doc != b[0].doc) or not one_group(a[1], b[1], parts):
                        continue
                    if compare_quantities(a[1], b[1], rates) is not None and not _part_within_whole(a, b, parts):
                        conflicting.append((a, b))
                    elif floors_apart(a[1], b[1]) and a[0].doc == b[0].doc and a[0].sourced and b[0].sourced and a[0].speaker != b[0].speaker:
                        # "at least 80 dead", by one source, and "more than 140", by another: two floors
                        # can both hold, but an article setting them side by side tells two estimates
                        set_against.append((a, b))
            set_against += [(a, b) for a, b in conflicting if _set_against(a[0], b[0])]
            if j == i + 1:
                across[(i, j)] = [(a, b) for a, b in conflicting if a[0].doc != b[0].doc]
    # An article setting two figures side by side and one teller revising a figure across
    # articles are two disagreements: a claim may stand in one of each.
    kept = (one_pair_each([p for p in set_against if p[0][0].doc == p[1][0].doc], lambda pair: (pair[0][0], pair[1][0]))
            + one_pair_each([p for p in set_against if p[0][0].doc != p[1][0].doc], lambda pair: (pair[0][0], pair[1][0])))
    told = {(_group(groups, a), _group(groups, b)) for a, b in kept}
    for key, pairs in sorted(across.items()):
        if key not in told and pairs:
            kept += one_pair_each(pairs, lambda pair: (pair[0][0], pair[1][0]))[:1]
    return kept


def one_group(a: StoredQuantity, b: StoredQuantity, parts: Mapping[str, str] | None = None) -> bool:
    """Whether two figures may count one group: the same unit ("people killed", "soldiers"),
    or people in general against a group larger than them. "41 Britons" among "150,000 dead"
    and "12 children" beside "40 soldiers" count different people, however they differ; so do
    counts limited to different parts ("16 in the north" and "29 in the south", "30 a day"),
    or of two sides of a front (`parts`, by quantity id)."""
    if different_scopes(a, b):
        return False
    if parts and a.id in parts and b.id in parts and parts[a.id] != parts[b.id]:
        return False
    if counted_group(a) == counted_group(b):  # one noun, in the singular or the plural ("no civilian died")
        return True
    general, specific = (a, b) if _general(a) else (b, a) if _general(b) else (None, None)
    if general is None or specific is None or _general(specific):
        return False
    return specific.value > (general.value_max or general.value)  # more of a group than of all: a conflict


def _general(quantity: StoredQuantity) -> bool:
    return quantity.unit is not None and quantity.unit.split()[0] == "people"


def _part_within_whole(a: Figure, b: Figure, parts: Mapping[str, str]) -> bool:
    """Whether one figure is a local official's count of their own town or region ("five
    died", the mayor said) and the other a count of the whole that holds it: a mayor's five
    and a country's ten can both hold. A local count above the whole's still conflicts."""
    local = [figure for figure in (a, b) if _local_count(figure)]
    if len(local) != 1:
        return False
    part, whole = (a, b) if local[0] is a else (b, a)
    # a whole told of a town itself ("10 in Tessalit") may be the mayor's town: compared; one
    # told of a country or a side of a front (`parts`) holds the town
    holds = whole[1].scope is None or whole[1].id in parts
    return holds and interval(part[1])[0] <= interval(whole[1])[1]


def _local_count(figure: Figure) -> bool:
    """A count told by a local office holder (the lexicons' `local_offices`: "the mayor of
    the town", "the regional governor") that names no part of its own."""
    account, quantity = figure
    return not quantity.scope and account.sourced and local_office(account.claim) is not None


def _group(groups: list[list[Figure]], figure: Figure) -> int:
    return next(index for index, group in enumerate(groups) if figure in group)


def _set_against(a: Account, b: Account) -> bool:
    """Whether a source sets the two figures against each other: one article gives both, or
    one teller gave both (a revision)."""
    return a.doc == b.doc or one_teller(a, b)


def one_teller(a: Account, b: Account) -> bool:
    """Whether two accounts are told by one teller: one speaker, or one unnamed body described
    alike and in particular ("civil protection officials" and "the civil protection officials
    in the north": the description without its article and from its first `description_ends`
    word on, of two words at least; "officials" or "witnesses" alone may be anyone)."""
    if a.speaker is not None and a.speaker == b.speaker:
        return True
    described = _description(a)
    return described is not None and described == _description(b)


def _description(account: Account) -> str | None:
    if account.claim.source_kind != "anonymous":
        return None
    # elided articles and prepositions ("l'", "d'") are words of their own
    words = re.findall(r"[^\W\d_]+'|[^\W\d_][\w-]*|,", account.claim.source_name.casefold().replace("’", "'"))
    while words and words[0] in lexicon_words("attribution", "articles"):
        words.pop(0)
    ends = lexicon_words("attribution", "description_ends")
    head = list(itertools.takewhile(lambda word: word not in ends and word != ",", words))
    return " ".join(head) if len(head) >= 2 else None

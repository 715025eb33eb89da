"""Facts of an incident: the accounts that say the same thing of it, with their independent
origins.

Within one incident, accounts agree when they give one figure for one slot ("at least 386
killed" and "386 dead"), when one accuser holds the same parties responsible (each
accuser's ascription is a position of its own: "Mali blames Niger", and a rights group
blaming Niger, are two facts), or when they are denials by one party. Each such group is a
fact; its origins are counted as for any fact (resolve/origins.py: relayed agency copy is
one origin), and an accuser's voices (its government, its officials, its capital) are one.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from claimgraph.records import Fact, StoredClaim, StoredQuantity
from claimgraph.resolve.accounts import HARM_SLOTS, Account, Incident, sides
from claimgraph.resolve.facts import narrowest_claims
from claimgraph.resolve.figures import interval, numerals
from claimgraph.resolve.lexicons import lexicon_words
from claimgraph.resolve.origins import Agencies, ToldClaim, count_origins

_SAME_FIGURE = 0.05  # one figure, told rounded or exact: within 5% of each other


def incident_facts(incident: Incident, claims: Mapping[str, StoredClaim], outlet_of: Callable[[str], str], agencies: Agencies,
                   name_of: Callable[[str], str], cites: Mapping[str, frozenset[str]] | None = None) -> list[Fact]:
    """The incident's facts: its agreeing figures, its agreeing ascriptions of blame and its
    denials by one party."""
    facts = []
    repeated = _repeated_figures(incident)
    for slot in HARM_SLOTS:
        for group in agreeing_figures(incident.figures(slot)):
            value = min(group, key=lambda pair: pair[1].value)[1]
            counted = slot if value.value == 0 else "people " + slot if slot != "killed" else "killed"  # "no civilians killed"
            about = f"{value.text} {counted} in the {incident.label}"
            repeats = {account.id: repeated[quantity.id] for account, quantity in group if quantity.id in repeated}
            facts.append(_fact(f"{slot}:{value.value:g}", about, [account for account, _ in group], claims, outlet_of, agencies, cites,
                               repeats=repeats))
    blame: dict[tuple[frozenset[str], frozenset[str]], list[Account]] = defaultdict(list)
    blaming_accounts = [a for a in incident.accounts if a.blamed and not a.denies]
    side = sides(a.blamed for a in blaming_accounts)
    accuser_side = sides(a.tellers for a in blaming_accounts if a.tellers)
    for account in blaming_accounts:
        # "Kessa's forces and Kessa" and "Kessa": one ascription; each accuser's, one fact
        blame[(side[account.blamed], accuser_side.get(account.tellers) or _unresolved_teller(account))].append(account)
    for (blamed, accusers), blaming in blame.items():
        names = ", ".join(sorted(name_of(a) for a in blamed))
        named = sorted(name_of(a) for a in accusers if not a.startswith(_UNRESOLVED))
        # an accuser no entity stands for is named as its source is ("by the statement"),
        # the article's own voice not at all
        told = [] if named or not any(a.startswith(_UNRESOLVED + _SOURCE) for a in accusers) else [blaming[0].claim.source_name]
        by = f" by {', '.join(named or told)}" if named or told else ""
        # One party's voices (its government, its officials, its capital) tell one position:
        # one origin, unless an agency relays it.
        party = _Party(f"party:{sorted(accusers)}", ", ".join(named)) if named else None
        facts.append(_fact(f"blame:{sorted(blamed)}:{sorted(accusers)}", f"the {incident.label} ascribed to {names}{by}", blaming,
                           claims, outlet_of, agencies, cites, speaker_key=party.key if party else local_office,
                           speaker_name=party.name if party else None))
    denials: dict[frozenset[str], list[Account]] = defaultdict(list)
    denying_accounts = [a for a in incident.accounts if a.denies and a.deniers]
    denier_side = sides(a.deniers for a in denying_accounts)
    for account in denying_accounts:
        denials[denier_side[account.deniers]].append(account)  # "Bamako" (its state, and the capital) and "Mali": one party
    for deniers, denying in denials.items():
        names = ", ".join(sorted(name_of(a) for a in deniers))
        facts.append(_fact(f"denial:{sorted(deniers)}", f"{names} denies what is said of the {incident.label}", denying, claims,
                           outlet_of, agencies, cites))
    return [replace_id(fact, incident.id) for fact in facts if fact.claims]


@dataclass(frozen=True)
class _Party:
    """An accuser whose every voice counts as one origin of its ascriptions."""

    origin: str
    called: str

    def key(self, claim: StoredClaim) -> str:
        return self.origin

    def name(self, key: str) -> str:
        return self.called


_UNRESOLVED = "told:"


_SOURCE = "source:"


def _unresolved_teller(account: Account) -> frozenset[str]:
    """Who tells an account no entity stands for: its source as named ("the statement",
    "local officials"), else its article's own voice."""
    told = _SOURCE + account.claim.source_name.casefold() if account.sourced else f"article {account.doc}"
    return frozenset({_UNRESOLVED + told})


def _repeated_figures(incident: Incident) -> dict[str, str]:
    """Each figure told as another's ("Radio Sahel broadcast the Red Cross's toll of 120", "its
    toll of 120 was repeated by the radio"), by quantity id, with the claim of its article that
    tells the same figure of the same slot as no one's, by another source: the figure's origin
    is that claim's, not the source that repeats it. A pronoun's is the nearest such claim
    before it; a name's, the one its source shares a word with, else the article's first. A
    source's own figure ("the Red Cross said its toll of 120 was provisional") repeats no one."""
    found: dict[str, str] = {}
    for account in incident.accounts:
        for slot, quantity in account.figures:
            told = numerals(quantity.text)
            if quantity.owner is None or not told or _own_figure(account, quantity):
                continue
            tellers = [other for other in incident.accounts
                       if other.doc == account.doc and other.id != account.id and other.claim.source_name != account.claim.source_name
                       and any(s == slot and q.owner is None and numerals(q.text) == told for s, q in other.figures)]
            if _pronoun(quantity.owner):
                before = [other for other in tellers if other.claim.start < account.claim.start]
                first = max(before, key=lambda other: (other.claim.start, other.id), default=None)
            else:
                owner = _name_words(quantity.owner)
                first = min(tellers, key=lambda other: (not owner & _name_words(other.claim.source_name), other.claim.start, other.id),
                            default=None)
            if first is not None:
                found[quantity.id] = first.id
    return found


def _pronoun(owner: str) -> bool:
    return " " not in owner and owner.islower()  # extract/magnitudes.figure_owner writes a pronoun in lower case


def _name_words(name: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{4,}", name.casefold()))


def _own_figure(account: Account, quantity: StoredQuantity) -> bool:
    """Whether the owner of a figure is the claim's own source: a pronoun after the source
    ("the Red Cross said its toll of 120"), or a name sharing a word with it."""
    owner, source = quantity.owner or "", account.claim.source_name
    if _pronoun(owner):
        at = account.claim.text.find(source)
        return 0 <= at < quantity.start - account.claim.start
    return bool(_name_words(owner) & _name_words(source))


def local_office(claim: StoredClaim) -> str | None:
    """The office a speaker holds in a town or region, when their description names one
    (the lexicons' `local_offices`): in the accounts of one incident, one place, "the local
    mayor" and "the mayor of Gao" are one mayor."""
    words = set(re.findall(r"[^\W\d_]+", claim.source_name.casefold()))
    office = min(words & lexicon_words("attribution", "local_offices"), default=None)
    return f"office:{office}" if office else None


def agreeing_figures(figures: list[tuple[Account, StoredQuantity]]) -> list[list[tuple[Account, StoredQuantity]]]:
    """The figures of one slot grouped by the value they give, each group within 5% of its
    smallest value and of one kind (a count, or an interval such as a range or a floor)."""
    groups: list[list[tuple[Account, StoredQuantity]]] = []
    for account, quantity in sorted(figures, key=lambda pair: (pair[1].value, pair[1].id)):
        last = groups[-1] if groups else None
        if last is not None and _one_figure(last[0][1], quantity):
            last.append((account, quantity))
        else:
            groups.append([(account, quantity)])
    return groups


def _one_figure(a: StoredQuantity, b: StoredQuantity) -> bool:
    if (a.value_max is None) != (b.value_max is None):
        return False
    if a.value_max is not None and b.value_max is not None and abs(a.value_max - b.value_max) > _SAME_FIGURE * max(a.value_max, 1):
        return False
    return abs(a.value - b.value) <= _SAME_FIGURE * max(a.value, b.value, 1) and interval(a)[1] >= interval(b)[0]


def _fact(aspect: str, about: str, accounts: Iterable[Account], claims: Mapping[str, StoredClaim], outlet_of: Callable[[str], str],
          agencies: Agencies, cites: Mapping[str, frozenset[str]] | None = None,
          speaker_key: Callable[[StoredClaim], str | None] | None = None,
          speaker_name: Callable[[str], str | None] | None = None, repeats: Mapping[str, str] | None = None) -> Fact:
    members = list(dict.fromkeys(accounts))
    told = [ToldClaim.of(claims[account.id]) for account in members if account.id in claims]
    # the fact's own claims (and those they repeat): counting reads no other (copying every
    # claim per fact costs a corpus)
    own = {c: claims[c] for c in [t.claims[0] for t in told] + list((repeats or {}).values()) if c in claims}
    origins = count_origins(told, own, outlet_of, agencies, lambda a, b: True,
                            speaker_key=speaker_key or local_office, cites=cites,
                            speaker_name=speaker_name or (lambda key: None), repeats=repeats)
    status = "corroborated" if len(origins) >= 2 else "single_source"
    claim_ids = narrowest_claims((account.id for account in members if account.id in claims), claims)
    key = "fct_" + hashlib.sha1(f"{aspect}:{':'.join(sorted(claim_ids))}".encode()).hexdigest()[:16]
    return Fact(key, about, claim_ids, tuple(dict.fromkeys(e.id for a in members for e in a.events)), origins, status)


def replace_id(fact: Fact, incident: str) -> Fact:
    """The fact's id made stable for its incident and what it gathers."""
    key = "fct_" + hashlib.sha1(f"{incident}:{fact.id}".encode()).hexdigest()[:16]
    return Fact(key, fact.about, fact.claims, fact.events, fact.independent_origins, fact.status)

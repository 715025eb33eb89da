"""Facts of one statement quoted in several articles.

Two claims of two articles that quote one passage ("no trace of heavy weapons near the
school": a run of five words in a row at least, and four fifths of the shorter quotation)
report one statement, however each outlet introduces it ("the report found", "inspectors
saw, according to the mission"): the quoted words are what the source said. Five words alone are
not enough ("if you look at the" is how people speak); a passage two outlets carry is most
of what either quotes. Each such group is a fact, with its independent origins counted as
for any fact (resolve/origins.py). Left out: two claims already told by one fact (an
event's or an incident's), two claims of opposite stance (a denial quoting the words it
denies), two claims of two people named apart (a phrase both use), and two claims that are one text run twice (agency copy, an article stored twice:
the same sentence printed by two outlets is one telling, not two accounts). A run quoted by
very many claims is a slogan or a title, not a statement.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from difflib import SequenceMatcher

from claimgraph.records import Fact, StoredClaim
from claimgraph.resolve.origins import (
    Agencies,
    ToldClaim,
    count_origins,
    restates,
    text_words,
    word_list,
)

_QUOTED = re.compile(r"[\"“«]\s*([^\"“”«»]+?)\s*[\"”»]")
_RUN = 5  # words in a row two quotations share to be one statement
_PASSAGE = 0.8  # share of the shorter quotation the shared run covers at least
_COMMON = 20  # a run quoted by more claims than this is a slogan, a title or boilerplate
_ABOUT_WORDS = 12  # words of the quotation the fact is described by


def statement_facts(claims: Mapping[str, StoredClaim], facts: Iterable[Fact], outlet_of: Callable[[str], str],
                    agencies: Agencies, state_of: Callable[[StoredClaim], str | None] = lambda claim: None,
                    cites: Mapping[str, frozenset[str]] | None = None) -> list[Fact]:
    """Facts of the statements that claims of two articles or more quote alike. `state_of`:
    the state a claim's source stands for when it is a place speaking ("Bamako", "the
    palace": its government), or None; one statement quoted under two names of one state is
    one communiqué, one origin."""
    runs: dict[tuple[str, ...], list[str]] = defaultdict(list)
    quoted: dict[str, str] = {}
    quotation_words: dict[str, list[list[str]]] = {}
    for claim in claims.values():
        quotations = [q for q in _QUOTED.findall(claim.text) if len(q.split()) >= _RUN]
        if not quotations:
            continue
        quoted[claim.id] = max(quotations, key=len)
        quotation_words[claim.id] = [word_list(q) for q in quotations]
        for run in {tuple(words[i:i + _RUN]) for words in quotation_words[claim.id] for i in range(len(words) - _RUN + 1)}:
            runs[run].append(claim.id)
    together: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        for claim_id in fact.claims:
            together[claim_id].add(fact.id)
    parent = {claim_id: claim_id for claim_id in quoted}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # two claims sharing a long passage share many runs: each pair is weighed once
    pairs = {(a, b) for run, quoting in runs.items() if len(quoting) <= _COMMON
             for index, a in enumerate(quoting) for b in quoting[:index]}
    for a, b in sorted(pairs):
        first, second = claims[a], claims[b]
        if (find(a) == find(b) or first.doc == second.doc or first.stance != second.stance or together[a] & together[b]
                or _one_text(first, second) or _two_people(first, second) or not _quote_alike(quotation_words[a], quotation_words[b])):
            continue
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for claim_id in sorted(quoted):
        groups[find(claim_id)].append(claim_id)
    found = []
    for members in groups.values():
        if len({claims[c].doc for c in members}) < 2:
            continue
        members.sort(key=lambda c: (claims[c].doc, claims[c].start))
        told = [ToldClaim.of(claims[c]) for c in members]
        origins = count_origins(told, {c: claims[c] for c in members}, outlet_of, agencies, lambda a, b: True, speaker_key=state_of,
                                cites=cites)
        words = quoted[members[0]].split()
        excerpt = " ".join(words[:_ABOUT_WORDS]).rstrip(",;:") + ("…" if len(words) > _ABOUT_WORDS else "")
        key = "fct_" + hashlib.sha1(f"statement:{':'.join(sorted(members))}".encode()).hexdigest()[:16]
        found.append(Fact(key, f"the statement “{excerpt}”", tuple(members), (), origins,
                          "corroborated" if len(origins) >= 2 else "single_source"))
    return found


def _two_people(first: StoredClaim, second: StoredClaim) -> bool:
    """Whether two claims are two people's, named apart: the same words in two mouths ("we
    will stay the course") are a phrase both use, not one statement quoted twice. One entity
    is one person however named ("President Keita", "Amadou Keita"); else two names ending in
    two surnames ("President Amadou Keita", "President Fatou Diallo") are two people, and a
    description that ends in no name ("Ruvia's foreign minister") may be anyone."""
    if first.source_kind != "person" or second.source_kind != "person":
        return False
    if first.source_entity is not None and first.source_entity == second.source_entity:
        return False
    mine, theirs = _surname(first.source_name), _surname(second.source_name)
    return mine is not None and theirs is not None and mine != theirs


def _surname(name: str) -> str | None:
    """The last word of a name that ends in one ("Amadou Keita", "Mr Keita"), case-folded."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    last = re.sub(r"['’]s?$", "", words[-1]) if words else ""
    return last.casefold() if last[:1].isupper() else None


def _quote_alike(first: list[list[str]], second: list[list[str]]) -> bool:
    """Whether two claims quote one passage: a run of words in a row that is four fifths of the shorter
    quotation at least. Five common words ("if you look at the", "by the end of the") are
    how people speak; a passage two outlets carry is most of what either quotes."""
    for a in first:
        for b in second:
            match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
            if match.size >= max(_RUN, _PASSAGE * min(len(a), len(b))):
                return True
    return False


def _one_text(first: StoredClaim, second: StoredClaim) -> bool:
    """One sentence run twice (agency copy, an article stored twice): the same words, or four
    fifths of them."""
    words_a, words_b = text_words(first.text), text_words(second.text)
    return words_a == words_b or restates(words_a, words_b)


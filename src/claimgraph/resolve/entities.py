"""Group mention keys into entities across documents.

Keys are already normalized names (extract/) and, within a document, short forms carry the
key of their long form. Here keys meet across documents: a key seen under several types
becomes one entity of its majority type, and a one-word key joins the single longer key
it abbreviates corpus-wide (a surname to the one full name ending with it).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from claimgraph.extract.mentions import EntityLexicon


@dataclass(frozen=True)
class MentionForm:
    """How often one surface text occurs under one (key, type)."""

    key: str
    type: str
    text: str
    count: int


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    keys: tuple[tuple[str, str], ...]  # the (key, type) pairs of its mentions


def resolve_entities(forms: Iterable[MentionForm], lexicon: EntityLexicon) -> list[Entity]:
    by_key: dict[str, list[MentionForm]] = defaultdict(list)
    for form in forms:
        by_key[form.key].append(form)
    parent = {key: key for key in by_key}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    type_of = {key: _majority_type(items) for key, items in by_key.items()}
    for short, long in _abbreviations(type_of, lexicon):
        parent[find(short)] = find(long)

    clusters: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        clusters[find(key)].append(key)
    return sorted((_entity(keys, by_key) for keys in clusters.values()), key=lambda e: e.id)


def _majority_type(items: list[MentionForm]) -> str:
    counts: Counter[str] = Counter()
    for item in items:
        counts[item.type] += item.count
    return max(sorted(counts), key=lambda t: counts[t])


def _abbreviations(type_of: dict[str, str], lexicon: EntityLexicon) -> list[tuple[str, str]]:
    """(short key, long key) pairs where the short key abbreviates exactly one long key."""
    by_last: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_first: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, kind in type_of.items():
        words = key.split()
        if len(words) < 2:
            continue
        if kind == "PERSON":
            by_last[(words[-1], kind)].append(key)
        elif kind == "ORG" and all(w in lexicon.org_designators for w in words[1:]):
            by_first[(words[0], kind)].append(key)
    pairs = []
    for key, kind in type_of.items():
        if " " in key:
            continue
        candidates = by_last.get((key, kind), []) + by_first.get((key, kind), [])
        if len(candidates) == 1:
            pairs.append((key, candidates[0]))
    return pairs


def _entity(keys: list[str], by_key: dict[str, list[MentionForm]]) -> Entity:
    forms = [form for key in keys for form in by_key[key]]
    type_counts: Counter[str] = Counter()
    text_counts: Counter[str] = Counter()
    for form in forms:
        type_counts[form.type] += form.count
        text_counts[form.text] += form.count
    kind = max(sorted(type_counts), key=lambda t: type_counts[t])
    # The canonical key is the longest one (the full name); the name its most frequent spelling.
    canonical = max(sorted(keys), key=lambda k: (len(k.split()), sum(f.count for f in by_key[k])))
    spellings: Counter[str] = Counter()
    for form in by_key[canonical]:
        spellings[form.text] += form.count
    name = max(sorted(spellings), key=lambda t: (spellings[t], len(t)))
    entity_id = "ent_" + hashlib.sha1(f"{kind}:{canonical}".encode()).hexdigest()[:12]
    aliases = tuple(sorted(text_counts, key=lambda t: (-text_counts[t], t)))
    return Entity(id=entity_id, name=name, type=kind, aliases=aliases, keys=tuple(sorted({(f.key, f.type) for f in forms})))

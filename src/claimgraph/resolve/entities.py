"""Group mention keys into entities across documents, and say why each group holds.

Keys are already normalized names (extract/) and, within a document, short forms carry the
key of their long form. Here keys meet across documents. Candidate merges come from
blocking keys, never from comparing all pairs:

1. an analyst's merge (`claimgraph entities merge`);
2. the same skeleton: one name transliterated or spelled differently ("Dmitriy"/"Dmitry",
   "Зоров"/"Zorov"), a plural demonym;
3. the same core: an organisation with and without its designator ("X Group", "X PMC",
   "ChVK X", "X"), a country's institution named by possessive or demonym with synonymous
   heads ("Ruvia's army", "the Ruvian military");
4. the same country in the gazetteer ("Kingdom of Spain", "Spain", "Испания"), or the same
   great capital (one of a million people or more: "Peking", "Beijing");
5. an acronym written in capitals and the one name with those initials ("EU");
6. a surname and the one full name ending with it;
7. a close spelling (rapidfuzz ratio) within blocks of the same first letters and type.

An analyst's split (`claimgraph entities split`) forbids a pair of keys to meet, whatever the
rules say. Every merge is kept with its reason.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from claimgraph.records import Correction, Entity, MentionForm, Merge
from claimgraph.resolve.entity_names import (
    NameRules,
    ascii_words,
    core,
    domain_core,
    facility_core,
    initials,
    load_name_rules,
    skeleton,
)

_SURNAME_HOLDERS = frozenset({"PERSON", "ORG", "NORP", "MEDIA"})  # types a lone surname may be mislabelled as
_BODY_TYPES = frozenset({"ORG", "GPE"})
_ACRONYM_TARGETS = frozenset({"ORG", "GPE", "LOC", "NORP", "MEDIA"})
_FUZZY_TYPES = frozenset({"PERSON", "ORG", "MEDIA"})










@dataclass
class _Groups:
    """Union-find over keys, with cannot-link pairs and the reason of every union."""

    keys: Iterable[str]
    cannot: dict[str, set[str]] = field(default_factory=dict)
    parent: dict[str, str] = field(init=False)
    members: dict[str, set[str]] = field(init=False)
    merges: list[Merge] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parent = {key: key for key in self.keys}
        self.members = {key: {key} for key in self.parent}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, key: str, other: str, reason: str) -> bool:
        a, b = self.find(key), self.find(other)
        if a == b or self._forbidden(a, b):
            return False
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] |= self.members.pop(b)
        self.merges.append(Merge(key, other, reason))
        return True

    def _forbidden(self, a: str, b: str) -> bool:
        return any(self.cannot.get(x, set()) & self.members[b] for x in self.members[a])


def resolve_entities(
    forms: Iterable[MentionForm],
    *,
    rules: NameRules | None = None,
    country_of: Callable[[str], str | None] | None = None,
    corrections: Iterable[Correction] = (),
    docs_of: dict[str, frozenset[str]] | None = None,
    is_major_place: Callable[[str], bool] | None = None,
    capital_of: Callable[[str], str | None] | None = None,
) -> list[Entity]:
    """Entities from all mention forms. `country_of` names the country (ISO code) a name or
    demonym stands for, from the gazetteer; `corrections` are the analyst's merges and splits;
    `docs_of` the documents each key occurs in; `is_major_place` tells a region or large city
    ("South Yorkshire" in "a South Yorkshire company" is a place, not the company);
    `capital_of` the gazetteer entry of the great capital a name stands for ("Peking", "Beijing")."""
    rules = rules or load_name_rules()
    by_key: dict[str, list[MentionForm]] = defaultdict(list)
    for form in forms:
        by_key[form.key].append(form)
    type_of = {key: _majority_type(items) for key, items in by_key.items()}
    count_of = {key: sum(f.count for f in items) for key, items in by_key.items()}
    corrections = [c for c in corrections if c.key in by_key and c.other in by_key]
    cannot: dict[str, set[str]] = defaultdict(set)
    for correction in (c for c in corrections if c.action == "split"):
        cannot[correction.key].add(correction.other)
        cannot[correction.other].add(correction.key)
    groups = _Groups(by_key, cannot)
    for correction in (c for c in corrections if c.action == "merge"):
        groups.union(correction.key, correction.other, "merged by an analyst")
    _join_blocks(groups, _blocks(type_of, lambda k, t: skeleton(k, t)), "the same name spelled or transliterated differently")
    _join_cores(groups, type_of, rules, country_of, is_major_place)
    _join_blocks(groups, _blocks(type_of, rules.same_name_in_languages), "one organisation's names in two languages")
    if country_of is not None:
        _join_blocks(groups, _blocks(type_of, lambda k, t: country_of(k) if t == "GPE" else None), "names of the same country")
    if capital_of is not None:
        _join_blocks(groups, _blocks(type_of, lambda k, t: capital_of(k) if t == "GPE" else None), "names of the same capital")
    _join_acronyms(groups, by_key, type_of, rules, docs_of)
    _join_defined_acronyms(groups, by_key)
    _join_surnames(groups, type_of, rules)
    _join_close_spellings(groups, type_of, count_of, rules)
    _join_facilities(groups, type_of, count_of, rules)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        clusters[groups.find(key)].append(key)
    merges_of: dict[str, list[Merge]] = defaultdict(list)
    for merge in groups.merges:
        merges_of[groups.find(merge.key)].append(merge)
    return sorted((_entity(keys, by_key, merges_of[groups.find(keys[0])]) for keys in clusters.values()), key=lambda e: e.id)


# On a tie in mention counts, the type that names the most specific thing wins.
_TYPE_PRIORITY = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "MEDIA", "EQUIPMENT", "EVENT")


def _majority_type(items: list[MentionForm]) -> str:
    counts: Counter[str] = Counter()
    for item in items:
        counts[item.type] += item.count
    return _most_common_type(counts)


def _most_common_type(counts: Counter[str]) -> str:
    rank = {kind: index for index, kind in enumerate(_TYPE_PRIORITY)}
    return min(counts, key=lambda t: (-counts[t], rank.get(t, len(rank)), t))


def _blocks(type_of: dict[str, str], block_key: Callable[[str, str], str | None]) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, kind in sorted(type_of.items()):
        value = block_key(key, kind)
        if value:
            blocks[value].append(key)
    return blocks


def _join_blocks(groups: _Groups, blocks: dict[str, list[str]], reason: str) -> None:
    for keys in blocks.values():
        for other in keys[1:]:
            groups.union(other, keys[0], reason)


def _join_cores(groups: _Groups, type_of: dict[str, str], rules: NameRules,
                country_of: Callable[[str], str | None] | None, is_major_place: Callable[[str], bool] | None) -> None:
    """'X Group' / 'X PMC' / 'X' and "Ruvia's army" / 'the Ruvian military'. A bare core
    joins only when it is a proper name, not a country or a demonym ('Ruvian Council' does
    not make 'Ruvian' an organisation)."""
    skeletons = _blocks(type_of, lambda k, t: skeleton(k, t))
    for value, keys in _blocks(type_of, lambda k, t: core(k, rules, country_of)).items():
        _join_blocks(groups, {value: keys}, "the same organisation with and without its designator or country form")
        bare = [k for k in skeletons.get(value, []) if type_of[k] != "NORP" and (country_of is None or country_of(k) is None)
                and (is_major_place is None or not is_major_place(k))]
        named = any(type_of[k] == "ORG" for k in keys)  # "a South Yorkshire company" names no company
        if bare and named and not value.startswith("<"):
            groups.union(bare[0], keys[0], "the same organisation with and without its designator")
    _join_national_branches(groups, type_of, rules, country_of)


def _join_national_branches(groups: _Groups, type_of: dict[str, str], rules: NameRules,
                            country_of: Callable[[str], str | None] | None) -> None:
    """An organisation named without its country ("the Red Cross") joins its one national
    form in the corpus ("the Kessan Red Cross"), as a lone surname joins the one full name
    ending with it; where two countries' branches are named, neither."""
    branches: dict[str, set[str]] = defaultdict(set)
    for key, kind in type_of.items():
        value = core(key, rules, country_of) if kind == "ORG" else None
        if value and value.startswith("<") and " " in value:
            branches[value.split(" ", 1)[1]].add(key)
    for key, kind in sorted(type_of.items()):
        if kind != "ORG" or core(key, rules, country_of) is not None:
            continue
        roots = {groups.find(k) for k in branches.get(skeleton(key, kind), set())}
        if len(roots) == 1:
            groups.union(key, next(iter(roots)), "an organisation's name without its country, and its one national form")


def _join_acronyms(groups: _Groups, by_key: dict[str, list[MentionForm]], type_of: dict[str, str], rules: NameRules,
                   docs_of: dict[str, frozenset[str]] | None) -> None:
    """'EU' and 'European Union': an acronym written in capitals, and exactly one group whose
    name has those initials; a two-letter acronym only when they meet in some document
    (two letters stand for too many names) unless the name is an institution's ("EU")."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, kind in type_of.items():
        letters = initials(key, rules) if kind in _ACRONYM_TARGETS else None
        if letters:
            by_initials[letters].add(key)
    for key, items in by_key.items():
        written = [f.text for f in items if 2 <= len(f.text) <= 6 and f.text.isupper() and " " not in f.text]
        if not written:
            continue
        letters = "".join(ascii_words(key))  # transliterated: "РФ" -> "rf"
        candidates = by_initials.get(letters, set())
        if len(letters) == 2 and docs_of is not None:  # "EU", "UN": an institution, or named in the same article
            candidates = {k for k in candidates if k.split()[-1] in rules.institution_heads
                          or docs_of.get(k, frozenset()) & docs_of.get(key, frozenset())}
        targets = {groups.find(k) for k in candidates}
        if len(targets) == 1:
            groups.union(key, next(iter(targets)), f"an acronym ({written[0]})")


def _join_defined_acronyms(groups: _Groups, by_key: dict[str, list[MentionForm]]) -> None:
    """'OCR' and 'the Office for the Coordination of Relief': an article that writes the name
    with the acronym in brackets keys the acronym by the name (extract/mentions.py); the
    acronym written alone elsewhere joins that name when only one name was given it."""
    defining: dict[str, set[str]] = defaultdict(set)
    for key, items in by_key.items():
        for form in items:
            if 2 <= len(form.text) <= 8 and form.text.isupper() and " " not in form.text and form.text.casefold() != key:
                defining[form.text].add(key)
    for key, items in by_key.items():
        written = {f.text for f in items if f.text.casefold() == key}
        for acronym in written & set(defining):
            targets = {groups.find(k) for k in defining[acronym]}
            if len(targets) == 1:
                groups.union(key, next(iter(targets)), f"an acronym an article defines ({acronym})")


def _join_surnames(groups: _Groups, type_of: dict[str, str], rules: NameRules) -> None:
    """A lone surname joins the one person whose full name ends with it, corpus-wide; a lone
    institution word ('the Federation') the one organisation or country whose name ends
    with it (never a place: 'London' is not 'West London')."""
    persons: dict[str, set[str]] = defaultdict(set)
    bodies: dict[str, set[str]] = defaultdict(set)
    for key, kind in type_of.items():
        words = key.split()
        if len(words) >= 2 and kind == "PERSON":
            persons[words[-1]].add(key)
        elif len(words) >= 2 and kind in _BODY_TYPES and words[-1] in rules.institution_heads and " s " not in f" {key} ":
            bodies[words[-1]].add(key)
    for key, kind in type_of.items():
        if " " in key:
            continue
        if kind in _SURNAME_HOLDERS and len(roots := {groups.find(k) for k in persons.get(key, set())}) == 1:
            groups.union(key, next(iter(roots)), "a surname of the only person with that name")
        elif len(roots := {groups.find(k) for k in bodies.get(key, set())}) == 1:
            groups.union(key, next(iter(roots)), "a short form of the only name ending with it")


def _join_close_spellings(groups: _Groups, type_of: dict[str, str], count_of: dict[str, int], rules: NameRules) -> None:
    """Typos and near-spellings ('Amadou Keitha', 'sahel-daly.com'), within blocks of the
    same first two letters; persons must share their first name."""
    blocks: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, kind in type_of.items():
        domain = domain_core(key, rules)  # a web domain, whatever the model called it
        if kind not in _FUZZY_TYPES and domain is None:
            continue
        form = domain or skeleton(key, kind)
        if len(form) >= rules.fuzzy_min_length:
            blocks[(form[:2], kind if kind == "PERSON" else "other")].append((form, key))
    for (_, kind), members in blocks.items():
        members.sort(key=lambda item: -count_of[item[1]])
        for index, (form, key) in enumerate(members):
            for other_form, other in members[:index]:
                if kind == "PERSON" and form.split()[0] != other_form.split()[0]:
                    continue
                if fuzz.ratio(form, other_form) >= rules.fuzzy_min_score:
                    groups.union(key, other, f"a close spelling ({fuzz.ratio(form, other_form):.0f}/100)")
                    break


def _join_facilities(groups: _Groups, type_of: dict[str, str], count_of: dict[str, int], rules: NameRules) -> None:
    """One facility under its spellings ('Al-Faran Central Hospital', 'the Faran Central hospital',
    'al-Faran hospital'): facilities with one head noun whose cores (the name without a leading
    article particle and the head) are close spellings, or one the first words of the other."""
    by_head: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, kind in type_of.items():
        if kind == "FAC" and (split := facility_core(key, rules)) is not None:
            by_head[split[1]].append((split[0], key))
    for members in by_head.values():
        members.sort(key=lambda item: -count_of[item[1]])
        for index, (core_name, key) in enumerate(members):
            for other_core, other in members[:index]:
                shorter, longer = sorted((core_name, other_core), key=len)
                close = fuzz.ratio(core_name, other_core) >= rules.fuzzy_min_score - 5
                if close or (len(shorter) >= 4 and (longer + " ").startswith(shorter + " ")):
                    groups.union(key, other, "one facility's name spelled or shortened otherwise")
                    break


def _entity(keys: list[str], by_key: dict[str, list[MentionForm]], merges: list[Merge]) -> Entity:
    forms = [form for key in keys for form in by_key[key]]
    type_counts: Counter[str] = Counter()
    text_counts: Counter[str] = Counter()
    for form in forms:
        type_counts[form.type] += form.count
        text_counts[form.text] += form.count
    kind = _most_common_type(type_counts)
    # A person is named by the full name (the longest key), anything else by its most used
    # name ("Spain" rather than "Kingdom of Spain"); the name is that key's commonest spelling.
    mentions = {k: sum(f.count for f in by_key[k]) for k in keys}
    if kind == "PERSON":
        canonical = max(sorted(keys), key=lambda k: (len(k.split()), mentions[k]))
    else:
        canonical = max(sorted(keys), key=lambda k: (mentions[k], len(k.split())))
    spellings: Counter[str] = Counter()
    for form in by_key[canonical]:
        spellings[form.text] += form.count
    name = max(sorted(spellings), key=lambda t: (spellings[t], len(t)))
    entity_id = "ent_" + hashlib.sha1(f"{kind}:{canonical}".encode()).hexdigest()[:12]
    aliases = tuple(sorted(text_counts, key=lambda t: (-text_counts[t], t)))
    return Entity(id=entity_id, name=name, type=kind, aliases=aliases, keys=tuple(sorted({(f.key, f.type) for f in forms})),
                  merges=tuple(merges))

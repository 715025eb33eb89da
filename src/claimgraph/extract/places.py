"""Place mentions: names the model mislabels, and the phrases that tie places together.

The small English model tags a country as PERSON or a town as PRODUCT often enough that
its labels cannot decide what a place is. A name becomes a place here on evidence: it is
a country, continent or region in the gazetteer; or it is in the gazetteer and the text
uses it as a place ("in X", "X, Country", "the X airport"); or it names a facility the text
places somewhere ("the X military airport near Y"); or it is a one-letter slip of a place
the same article names ("Ouagadougu" beside "Ouagadougou").

Cues record how the text relates places, for the resolver: "X near Y" (X lies near Y),
"X, in the Y region" (X lies in Y), "X, Y" (a hint: X is probably in Y) and "the X base"
(the facility is at X).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from claimgraph.extract.mentions import EntityLexicon, name_key
from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.gazetteer import AREA_KINDS, Gazetteer, great_capital
from claimgraph.records import Mention, PlaceCue


@dataclass(frozen=True)
class PlaceLexicon:
    place_types: frozenset[str]
    retypable: frozenset[str]
    broad_kinds: frozenset[str]
    locative_prepositions: frozenset[str]
    near: re.Pattern[str]  # the whole text between "X" and "Y" in "X near Y"
    inside: re.Pattern[str]  # ... in "X, in the Y region"
    region_words: frozenset[str]
    named_after: re.Pattern[str]  # "<Place> <head>": "Kessa military airport", "Kessa massacre"
    not_place_names: frozenset[str]  # name keys that are ordinary words first ("West")
    fuzzy_min_length: int
    fuzzy_max_edits: int
    fuzzy_max_edits_long: int
    fuzzy_long_length: int

    def misspells(self, a: str, b: str) -> bool:
        """Whether one name key is a slip of the other: one edit apart, two for long names."""
        if min(len(a), len(b)) < self.fuzzy_min_length:
            return False
        edits = self.fuzzy_max_edits_long if min(len(a), len(b)) >= self.fuzzy_long_length else self.fuzzy_max_edits
        return Levenshtein.distance(a, b, score_cutoff=edits) <= edits


def load_place_lexicon(lang: str = DEFAULT_LANGUAGE) -> PlaceLexicon:
    data = load_lexicon_data("places", lang)

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    article = r"(?:\s*(?:the|a|an)\s+)?"
    return PlaceLexicon(
        place_types=frozenset(data["place_types"]),
        retypable=frozenset(data["retypable"]),
        broad_kinds=frozenset(data["broad_kinds"]),
        locative_prepositions=frozenset(data["locative_prepositions"]),
        near=re.compile(rf"\s*,?\s*(?:{alternation(data['near_cues'])})\s+{article}\s*", re.IGNORECASE),
        inside=re.compile(rf"\s*(?:{alternation(data['in_cues'])})\s+{article}\s*", re.IGNORECASE),
        region_words=frozenset(data["region_words"]),
        named_after=re.compile(
            rf"^(?:the\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+)+?)(?:{alternation(data['named_after_place_heads'])})$"
        ),
        not_place_names=frozenset(w.casefold() for w in data["not_place_names"]),
        fuzzy_min_length=int(data["fuzzy_min_length"]),
        fuzzy_max_edits=int(data["fuzzy_max_edits"]),
        fuzzy_max_edits_long=int(data["fuzzy_max_edits_long"]),
        fuzzy_long_length=int(data["fuzzy_long_length"]),
    )




@dataclass(frozen=True)
class PlaceFinding:
    mentions: list[Mention]
    cues: list[PlaceCue]


def find_places(text: str, mentions: list[Mention], lexicon: PlaceLexicon, entities: EntityLexicon,
                gazetteer: Gazetteer) -> PlaceFinding:
    """The document's mentions with place names retyped and split, plus the cues between places."""
    mentions = _organisations_not_places(mentions, lexicon, entities)
    mentions = _split_compounds(mentions, lexicon, entities, gazetteer)
    mentions = _add_named_after(text, mentions, lexicon, entities, gazetteer)
    mentions = _retype(text, mentions, lexicon, entities, gazetteer)
    return PlaceFinding(mentions, place_cues(text, mentions, lexicon))


def place_type(kind: str) -> str:
    """The entity type of a gazetteer kind: broad areas are LOC, everything else GPE."""
    return "LOC" if kind in AREA_KINDS else "GPE"


def _organisations_not_places(mentions: list[Mention], lexicon: PlaceLexicon, entities: EntityLexicon) -> list[Mention]:
    """A "place" whose name ends in an organisation word ("Zorov Group", "Kessa Army") is an
    organisation, and so are the short forms that share its key."""
    retyped = {m.key for m in mentions if m.type in lexicon.place_types and m.key.split()[-1] in entities.org_designators}
    return [replace(m, type="ORG") if m.key in retyped else m for m in mentions]


def _split_compounds(mentions: list[Mention], lexicon: PlaceLexicon, entities: EntityLexicon,
                     gazetteer: Gazetteer) -> list[Mention]:
    """"Kessa-Ruvia region" names two places when each half is one and the whole is not."""
    out = []
    for mention in mentions:
        parts = mention.text.split("-")
        if mention.type not in lexicon.place_types or len(parts) != 2 or gazetteer.places_named(mention.text):
            out.append(mention)
            continue
        halves = []
        offset = mention.start
        for part in parts:
            primary = [n.place for n in gazetteer.places_named(part) if n.primary]
            if part and part[0].isupper() and primary:
                halves.append(replace(mention, start=offset, end=offset + len(part), text=part,
                                      type=place_type(primary[0].kind), key=name_key(part, entities)))
            offset += len(part) + 1
        out.extend(halves if len(halves) == 2 else [mention])
    return out


def _add_named_after(text: str, mentions: list[Mention], lexicon: PlaceLexicon, entities: EntityLexicon,
                     gazetteer: Gazetteer) -> list[Mention]:
    """A nested GPE mention for the place a facility or event is named after, when the name
    is a known place or the text places the facility ("the Kessa airport near Vantor")."""
    other_keys = {m.key for m in mentions if m.type not in lexicon.place_types and m.type not in lexicon.retypable}
    existing = {(m.start, m.end): m for m in mentions}
    for mention in list(mentions):
        match = lexicon.named_after.match(mention.text)
        if not match or "’" in match["name"] or "'" in match["name"]:
            continue
        name = match["name"].strip()
        key = name_key(name, entities)
        placed = bool(lexicon.near.match(text, mention.end)) or bool(gazetteer.places_named(name))
        if not placed or key in other_keys or _used_as_non_place(key, mentions):
            continue
        start = mention.start + match.start("name")
        span = (start, start + len(name))
        if span not in existing or existing[span].type in lexicon.retypable:
            existing[span] = replace(mention, start=span[0], end=span[1], text=name, type="GPE", key=key)
    return sorted(existing.values(), key=lambda m: (m.start, -m.end))


def _used_as_non_place(key: str, mentions: list[Mention]) -> bool:
    """Whether the document uses the name as a person or organisation in its own right
    ("Zorov" of "the Zorov Group"): then "the Zorov base" is Zorov's base, not a place."""
    return any(m.key != key and key in m.key.split() and m.type in {"ORG", "PERSON"} for m in mentions)


def _retype(text: str, mentions: list[Mention], lexicon: PlaceLexicon, entities: EntityLexicon,
            gazetteer: Gazetteer) -> list[Mention]:
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    place_keys = {m.key for m in mentions if m.type in lexicon.place_types}
    decided: dict[str, tuple[str, str]] = {}  # key -> (new type, new key)
    for _ in range(2):  # a second round sees the places the first one found ("between X and Y")
        for key, group in by_key.items():
            if key in decided or all(m.type in lexicon.place_types for m in group):
                continue
            verdict = _place_verdict(text, group, place_keys, lexicon, entities, gazetteer)
            if verdict:
                decided[key] = verdict
        place_keys |= set(decided)
    placed_names = {m.key: m for m in mentions if m.type in lexicon.place_types or m.key in decided}
    for key, group in by_key.items():
        if key in decided or key in placed_names or not _fuzzy_candidate(group, lexicon, gazetteer):
            continue
        if target := _closest_place(key, placed_names, lexicon, gazetteer):
            decided[key] = ("GPE", target)
    return [replace(m, type=decided[m.key][0], key=decided[m.key][1])
            if m.key in decided and m.type in lexicon.retypable else m for m in mentions]


def _place_verdict(text: str, group: list[Mention], place_keys: set[str], lexicon: PlaceLexicon,
                   entities: EntityLexicon, gazetteer: Gazetteer) -> tuple[str, str] | None:
    sample = next((m for m in group if m.type in lexicon.retypable), None)
    if sample is None or sample.key in lexicon.not_place_names:
        return None
    found = gazetteer.places_named(sample.text)
    if sample.type == "NORP":
        # "Peruvian" is a demonym (an alternate name of its country) and "of Peruvian soldiers" is
        # no place: a NORP name needs a primary gazetteer name and a strict locative before it.
        if any(not n.primary and n.place.kind == "country" for n in found):
            return None
        found = tuple(n for n in found if n.primary)
        if not any(_after_locative(text, m.start, lexicon, strict=True) for m in group):
            return None
    broad = [n.place for n in found if n.primary and n.place.kind in lexicon.broad_kinds]
    # A bloc of countries labelled ORG ("the European Union") is also an organisation: leave it.
    bloc = sample.type == "ORG" and all(p.kind == "region" and p.country is None for p in broad)
    if broad and not bloc and not (sample.type == "PERSON" and " " in sample.text.strip()):
        # A country or town of the name (Kessa the capital, beside the Kessa district) makes it a GPE.
        concrete = any(n.primary and n.place.kind not in AREA_KINDS for n in found)
        return ("GPE" if concrete else place_type(broad[0].kind)), sample.key
    if sample.type != "NORP" and " " not in sample.text.strip() and great_capital(found) is not None:
        # "Kinshasa denied ...": a great capital's name alone, which the model read as a person
        # or a body, is the capital (and, speaking, the government seated there)
        return "GPE", sample.key
    used_as_place = any(_after_locative(text, m.start, lexicon) or _beside_place(text, m, place_keys, entities)
                        for m in group)
    if sample.key in place_keys or (used_as_place and found):
        return "GPE", sample.key
    return None


_STRICT_LOCATIVES = frozenset({"in", "near", "at", "outside", "around", "inside", "throughout", "into"})


def _after_locative(text: str, start: int, lexicon: PlaceLexicon, *, strict: bool = False) -> bool:
    before = re.findall(r"[\w’']+", text[max(0, start - 24):start])
    if before and before[-1].casefold() == "the":
        before = before[:-1]
    words = _STRICT_LOCATIVES if strict else lexicon.locative_prepositions
    return bool(before) and before[-1].casefold() in words


def _beside_place(text: str, mention: Mention, place_keys: set[str], entities: EntityLexicon) -> bool:
    """"Kessa and Vantor", "Vantor and Kessa", "Kessa, Ruvia": coordinated with, or
    followed by, a name the document uses as a place."""
    name = r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    after = re.match(rf"\s*(?:,|and|or)\s+(?:the\s+)?{name}", text[mention.end:mention.end + 60])
    before = re.search(rf"{name}\s*(?:,|and|or)\s*$", text[max(0, mention.start - 60):mention.start])
    return any(m and name_key(m.group(1), entities) in place_keys for m in (after, before))


def _fuzzy_candidate(group: list[Mention], lexicon: PlaceLexicon, gazetteer: Gazetteer) -> bool:
    sample = group[0]
    return (sample.type in lexicon.retypable | lexicon.place_types and " " not in sample.text
            and len(sample.text) >= lexicon.fuzzy_min_length and not gazetteer.places_named(sample.text))


def _closest_place(key: str, placed: dict[str, Mention], lexicon: PlaceLexicon, gazetteer: Gazetteer) -> str | None:
    """The one place the document names whose name this one misspells by a letter or two."""
    close = [other for other in placed if other != key and gazetteer.places_named(placed[other].text)
             and lexicon.misspells(key, other)]
    return close[0] if len(close) == 1 else None


def place_cues(text: str, mentions: list[Mention], lexicon: PlaceLexicon) -> list[PlaceCue]:
    """Cues between the place mentions of one text: near, in, comma (a hint) and at."""
    places = sorted((m for m in mentions if m.type in lexicon.place_types), key=lambda m: (m.start, -m.end))
    cues = []
    for i, mention in enumerate(places):
        following = next((m for m in places[i + 1:] if m.start >= mention.end), None)
        nested = [m for m in places if m is not mention and mention.start <= m.start and m.end <= mention.end]
        for inner in nested:
            if inner.start == mention.start or text[mention.start:inner.start].strip().casefold() in {"the", ""}:
                cues.append(_cue(mention, "at", inner))
        if following is None or following.start - mention.end > 60:
            continue
        between = text[mention.end:following.start]
        if lexicon.near.fullmatch(between):
            cues.append(_cue(mention, "near", following))
            cues.extend(_cue(inner, "near", following) for inner in nested)
        elif mention.type == "FAC" and re.fullmatch(r"\s+in\s+(?:the\s+)?", between):
            # "the Gao hospital in Kessa": a facility lies in the place it is said to be in
            # (between two towns or countries, "in" is no such cue: "troops from Kessa in Gao")
            cues.append(_cue(mention, "at", following))
        elif lexicon.inside.fullmatch(between) and (between.strip() != "in the" or _region_follows(text, following, lexicon)):
            cues.append(_cue(mention, "in", following))
        elif re.fullmatch(r"\s*,\s*", between) and not _in_list(text, following):
            cues.append(_cue(mention, "comma", following))
    return cues


def _cue(mention: Mention, relation: str, anchor: Mention) -> PlaceCue:
    return PlaceCue(mention.doc, mention.start, mention.end, relation, anchor.start, anchor.end)


def _region_follows(text: str, mention: Mention, lexicon: PlaceLexicon) -> bool:
    word = re.match(r"\s+(\w+)", text[mention.end:mention.end + 20])
    return word is not None and word.group(1).casefold() in lexicon.region_words


def _in_list(text: str, mention: Mention) -> bool:
    """Whether "X, Y" continues a list ("X, Y, Z and W") rather than placing X in Y."""
    return bool(re.match(r"\s*(?:,\s*(?:the\s+)?[A-Z]|and\b|or\b)", text[mention.end:mention.end + 12]))

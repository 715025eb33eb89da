"""Where and when an event happened, as its sentence says.

The place is the one the trigger's own phrases name ("attacked the base in Kidal", "the
Gao massacre", "the airport near Ségou, where the militia set up a base"); failing that,
for events that happen somewhere (not statements), another place named in the sentence, and
then the country the document is mostly about, each marked with how it was found. The date
is a date of the sentence, the one nearest the trigger in the parse; the publication date
is never used in its place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_roles import (
    CLAUSE_DEPS,
    children,
    clause_verb,
    has_word_in_class,
    phrase_tokens,
    prepositional_objects,
    themes,
)
from claimgraph.extract.spans import doc_text
from claimgraph.extract.timex import UNKNOWN_DAY, is_day
from claimgraph.records import DateMention, EventArgument, Mention

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_SEARCH_DEPTH = 4
_FOLLOWED = frozenset({"prep", "pobj", "dobj", "obj", "nsubjpass", "compound", "npadvmod", "nmod", "advmod", "attr"})
_CONTAINERS = ("base", "territory")  # "the base of Gao": 'of' names where a base is


@dataclass(frozen=True)
class Setting:
    """What a document says about where things happen, beyond one sentence: the country it is
    mostly about, and the place of the event told just before."""

    focus: Mention | None = None
    recent: Mention | None = None
    is_country: Callable[[str], bool] = lambda _: False
    speakers: tuple[tuple[int, int], ...] = ()  # the spans of the document's claim sources: "officials in Kessa" is who speaks, not where
    # each claim told by a named source, as (start, end, the source as an actor): whom "we" in its quoted words stands for
    voices: tuple[tuple[int, int, EventArgument], ...] = ()
    facilities: tuple[Mention, ...] = ()  # the document's named facilities, each first named: what "the dam" means
    capital_in: Callable[[Mention], Mention | None] = lambda country: None  # the document's mention of a country's capital


def focus_country(mentions: list[Mention], is_country: Callable[[str], bool]) -> Mention | None:
    """The first mention of the country named most often in the document."""
    counts = Counter(m.key for m in mentions if m.type == "GPE" and is_country(m.text))
    if not counts:
        return None
    key = counts.most_common(1)[0][0]
    return next(m for m in mentions if m.key == key and m.type == "GPE")


def event_location(token: Token, sentence: Span, mentions: list[Mention], actors: list[Mention], targets: list[Mention],
                   lexicon: EventLexicon, *, event_type: str, setting: Setting) -> tuple[Mention | None, str | None]:
    """(place mention, basis): `clause` (the trigger's own phrases), `sentence`, `context`
    (the event just before) or `document` (its main country)."""
    text = doc_text(sentence.doc)
    places = [m for m in mentions if m.type in PLACE_TYPES and not _possessive(m, text)
              and not any(s <= m.start and m.end <= e for s, e in setting.speakers)]
    if (facility := _facility_meant(token, setting, lexicon, places)) is not None:
        return facility, "clause"  # "blew up the bridge": the bridge the article names
    if (facility := _facility_of(token, places)) is not None:
        return facility, "clause"
    prepositions = lexicon.locative_prepositions | ({"from"} if event_type in lexicon.departure_types else set())
    found = _where_clause_place(token, places) or _phrase_place(token, places, prepositions, setting, lexicon)
    if found is None and token.pos_ in ("NOUN", "PROPN"):
        verb = clause_verb(token)
        if verb is not token:
            found = _phrase_place(verb, places, prepositions, setting, lexicon)
    if found is not None:
        if setting.is_country(found.text) and _mission_in(found, token.doc, lexicon) and (capital := setting.capital_in(found)):
            return capital, "clause"  # "the embassy in Kessa" is in its capital, which the article names
        return found, "clause"  # "in the country" is the article's country, as the text says
    if event_type not in lexicon.located_types:
        return None, None
    # Not the actor's own place; a target only where the text places something there
    # ("deal with Ruvia" is no place, "attack on the base in Gao" is).
    others = [m for m in places if sentence.start_char <= m.start < sentence.end_char and m not in actors
              and (m not in targets or _after_locative(sentence, m, lexicon))]
    others = [m for m in others if _after_locative(sentence, m, lexicon)]  # "in the Sahel", not "cooperation with Ruvia"
    if others and event_type not in lexicon.national_types:
        # The most specific place first ("the hospital in Kessa": the hospital), then the nearest.
        return min(others, key=lambda m: (-place_rank(m, setting.is_country), abs(m.start - token.idx))), "sentence"
    if setting.recent is not None and event_type not in lexicon.national_types and _continues(sentence, lexicon):
        return setting.recent, "context"
    if setting.focus is not None:
        return setting.focus, "document"
    return None, None


def _mission_in(country: Mention, doc: Doc, lexicon: EventLexicon) -> bool:
    """Whether a country is named as where a state's mission is ("the Ruvian embassy in
    Mali", "l'ambassade de Ruvia au Mali"): a diplomatic noun its phrase hangs on."""
    span = doc.char_span(country.start, country.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    return has_word_in_class(head, lexicon, "diplomatic")


def place_rank(mention: Mention, is_country: Callable[[str], bool]) -> int:
    """How specific a place is: a facility (3) over a named settlement or district (2), a
    region, river or area (1), and a country (0)."""
    if mention.type == "FAC":
        return 3
    if mention.type == "GPE":
        return 0 if is_country(mention.text) else 2
    return 1


def _facility_of(token: Token, places: list[Mention]) -> Mention | None:
    """A named facility in a happening's own 'of' phrase: "the collapse of the Gao dam in
    Kessa province" happened at the dam, the most specific place the phrase names."""
    if token.pos_ != "NOUN":
        return None
    heads = prepositional_objects(token, {"of"})
    named = _places_in([t for head in heads for t in (head, *children(head, "compound", "nmod"))], places)
    return next((m for m in named if m.type == "FAC"), None)


def _facility_meant(token: Token, setting: Setting, lexicon: EventLexicon, places: list[Mention]) -> Mention | None:
    """The named facility an event acts on when the text calls it by its head noun alone
    ("destroyed the dam", "the attack on the hospital"): the latest one named before, else
    the first named, whose own name ends in that noun."""
    if not setting.facilities:
        return None
    heads = themes(token, lexicon) + (prepositional_objects(token, {"on", "at", "against", "of"}) if token.pos_ == "NOUN" else [])
    for head in heads:
        phrase = {t.idx for t in head.subtree}
        placed = any(p.start in phrase and p.type in ("GPE", "FAC") for p in places)  # a river or a region places no dam
        if head.pos_ != "NOUN" or head.ent_type_ or placed or not _bare_definite(head):
            continue  # "the base in Dorvane" is placed by its own phrase; "Zorov's base" is described, not named
        named = [f for f in setting.facilities if f.text.split()[-1].casefold() in (head.lower_, head.lemma_.lower())]
        before = [f for f in named if f.start < head.idx]
        if named:
            return before[-1] if before else named[0]
    return None


def _bare_definite(noun: Token) -> bool:
    """'the dam', 'this hospital': a noun that points back to a facility the text named, not
    one said whose it is ('Zorov's base') or what it is ('a large dam')."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss")]
    named_by = {"ORG", "PERSON", "GPE", "FAC", "LOC"}  # "the Zorov base": whose; "the Ottoman-era dam" still points back
    return bool(determiners) and all(c.dep_ == "det" and c.norm_ in ("the", "this", "that") for c in determiners) \
        and not any(c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ in named_by for c in noun.children)


def _possessive(mention: Mention, text: str) -> bool:
    """'Zorov's base', 'Ruvia's army' name whose base or army, not where it is."""
    following = text[mention.end:mention.end + 2]
    return "'s " in mention.text or "\u2019s " in mention.text or following in ("'s", "\u2019s")


def _after_locative(sentence: Span, mention: Mention, lexicon: EventLexicon) -> bool:
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in lexicon.locative_prepositions


def _continues(sentence: Span, lexicon: EventLexicon) -> bool:
    """'Then gunmen shot ...': a sentence that goes on with the scene just told."""
    return sentence[0].lower_ in lexicon.continuation_words


def _where_clause_place(token: Token, places: list[Mention]) -> Mention | None:
    """'... the airport near Ségou, where the militia has set up a base': the place is the
    noun the where-clause describes (the airport rather than the town it is near)."""
    verb = clause_verb(token)
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "pobj" and head.head.norm_ in ("near", "outside", "by") and head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head  # "the airport near Ségou, where ...": the airport, not the town
    found = sorted(_places_in(list(phrase_tokens(head)), places), key=lambda m: (not m.start <= head.idx < m.end, m.start))
    return found[0] if found else None


def _phrase_place(token: Token, places: list[Mention], prepositions: frozenset[str] | set[str], setting: Setting,
                  lexicon: EventLexicon) -> Mention | None:
    """Breadth-first through the trigger's own phrases: places reached through a locative
    preposition, a place object ('visited Gao') or a modifier ('the Gao raid'); a town wins
    over the country it is in ('deployed in Kessa, mostly at the Gao base'), and 'in the
    country' is the document's country."""
    found: list[Mention] = []
    frontier = [token]
    for _ in range(_SEARCH_DEPTH):
        next_frontier = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in CLAUSE_DEPS or child.dep_ not in _FOLLOWED:
                    continue
                container = child.dep_ == "prep" and child.norm_ == "of" and any(has_word_in_class(node, lexicon, c) for c in _CONTAINERS) \
                    and not has_word_in_class(node, lexicon, "diplomatic")  # "the embassy of Kessa": whose, not where
                if child.dep_ == "prep" and child.lower_ not in prepositions and not container:
                    continue
                if child.dep_ == "pobj" and child.lemma_.lower() == "country" and setting.focus is not None:
                    found.append(setting.focus)
                elif child.dep_ != "prep":  # the phrase's head and the names it is called by ("the Gao region")
                    found += [m for m in _places_in([child, *children(child, "compound", "nmod")], places) if m not in found]
                next_frontier.append(child)
        frontier = next_frontier
    specific = [m for m in found if not setting.is_country(m.text)]
    return (specific or found)[0] if found else None


def _places_in(tokens: list[Token], places: list[Mention]) -> list[Mention]:
    offsets = [t.idx for t in tokens]
    return [m for m in places if any(m.start <= i < m.end for i in offsets)]


def event_date(token: Token, sentence: Span, dates: list[DateMention]) -> DateMention | None:
    """The day of the sentence's date nearest the trigger: first one inside the trigger's
    clause, else the closest in the sentence (durations such as 'two years' are not dates; a
    time of day gives its day: an event is filed under a day)."""
    inside = [d for d in dates if sentence.start_char <= d.start < sentence.end_char and _dates_a_day(d)]
    if not inside:
        return None
    anchor = clause_verb(token)
    clauses = {t.idx: _other_clause(t, anchor) for t in anchor.subtree}
    own = {i for i, clause in clauses.items() if clause is None}
    in_clause = [d for d in inside if d.start in own or any(d.start <= i < d.end for i in own)]
    # "trained the soldiers who attacked Gao on 3 May", "... of a memo circulated on Thursday":
    # a relative or participle clause's date is its own, wherever it stands in the sentence
    relative = {t.idx for t in sentence if _other_clause(t, sentence.root) == "relcl"}
    pool = in_clause or [d for d in inside if d.start not in relative]
    if not pool:
        return None
    nearest = min(pool, key=lambda d: abs(d.start - token.idx))
    return replace(nearest, value=nearest.value.split("T")[0]) if "T" in nearest.value else nearest


def _dates_a_day(mention: DateMention) -> bool:
    """A date, or a time of day whose day is told ("Tuesday evening", not "in the evening"
    of a day no one gave)."""
    return mention.type == "DATE" or (mention.type == "TIME" and is_day(mention.value.split("T")[0]) and not mention.value.startswith(UNKNOWN_DAY))


def _other_clause(token: Token, anchor: Token) -> str | None:
    """The clause other than the anchor's that `token` lies in: "relcl" for a relative clause
    (or a participle's clause modifying a noun) anywhere below the anchor, "clause" for a
    coordinated or complement clause of the anchor."""
    current = token
    while current.i != anchor.i and current.head.i != current.i:
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.pos_ == "VERB"):  # "a memo circulated on Thursday"
            return "relcl"
        if current.dep_ in ("conj", "ccomp", "parataxis") and current.head.i == anchor.i:
            return "clause"
        current = current.head
    return None


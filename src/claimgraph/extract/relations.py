"""Ties between parties: who is linked to, controlled, financed or used by whom, or says not.

A tie is no event (nothing happens at a time and place), so it is kept apart from events:
"a firm with links to Amadou Keita", "the group is funded by Keita", "a proxy of the
Ruvian government", and their denials: "Keita has denied any such links", "Ruvia's
officials have nothing to do with these private firms", "Ruvia denies any role in Zorov
Group operations". The words come from data/en/relations.json; the parse says which party is
tied to which. A party is a named person, organisation or country, or a private armed
force named by kind ("private firms", "mercenaries"), which a denial uses to mean every
such force.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.event_denials import force_kind
from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_roles import children, subject
from claimgraph.extract.quotes import document_quotations
from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.extract.standings import (
    NEGATIONS,
    StandingCue,
    StandingLexicon,
    load_standing_lexicon,
    standing_at,
)
from claimgraph.records import Mention, Party, Relation

PARTY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_STATE_TYPES = frozenset({"GPE", "NORP"})
_SCOPE_PREPOSITIONS = frozenset({"in"})  # "any connection ... in Kessa": where, not with whom


@dataclass(frozen=True)
class RelationLexicon:
    nouns: dict[str, frozenset[str]]  # tie noun -> prepositions introducing the other party
    governed_nouns: dict[str, frozenset[str]]  # tie noun -> the prepositions it must follow ("under the control of")
    participles: dict[str, frozenset[str]]
    verbs: frozenset[str]
    deny_verbs: frozenset[str]
    report_deny_verbs: frozenset[str]  # deny a tie through a report of it ("dismissed reports of links")
    report_nouns: frozenset[str]
    holding_verbs: frozenset[str]  # a tie noun as their object is one their subject has ("has links to")
    any_tie_nouns: frozenset[str]  # may be denied without naming the other party ("any such links")
    denial_only: frozenset[str]  # nouns that state a tie only when denied ("any role in")
    institution_heads: frozenset[str]
    activity_heads: frozenset[str]
    standings: StandingLexicon


def load_relation_lexicon(lang: str = DEFAULT_LANGUAGE) -> RelationLexicon:
    data = load_lexicon_data("relations", lang)
    return RelationLexicon(
        nouns={word: frozenset(preps) for word, preps in data["nouns"].items()},
        governed_nouns={word: frozenset(preps) for word, preps in data["governed_nouns"].items()},
        participles={word: frozenset(preps) for word, preps in data["participles"].items()},
        verbs=frozenset(data["verbs"]), deny_verbs=frozenset(data["deny_verbs"]),
        report_deny_verbs=frozenset(data["report_deny_verbs"]), report_nouns=frozenset(data["report_nouns"]),
        holding_verbs=frozenset(data["holding_verbs"]), any_tie_nouns=frozenset(data["any_tie_nouns"]),
        denial_only=frozenset(data["denial_only"]),
        institution_heads=frozenset(data["institution_heads"]), activity_heads=frozenset(data["activity_heads"]),
        standings=load_standing_lexicon(data["standings"]),
    )






def extract_relations(doc: Doc, doc_id: str, mentions: list[Mention], lexicon: RelationLexicon,
                      forces: EventLexicon, *, is_state: Callable[[str], bool] | None = None,
                      home: Mention | None = None) -> list[Relation]:
    """The ties each sentence states or denies, and how parties stand. A place is a party
    only as a state: a country or a capital standing for its government (`is_state`; every
    place when not given), and two places are never a tie's two parties: "Gao is linked to
    Kidal by road", "Paris is linked to London by rail" tie no one. A standing that names
    only the other party ("with the deterioration of relations with Ruvia") is the article's
    main country's (`home`), as a reader takes it."""
    parties = [m for m in mentions if m.type in PARTY_TYPES and (m.type != "GPE" or is_state is None or is_state(m.text))]
    quotations = document_quotations(doc)
    found = []
    for sentence_index, sentence in enumerate(doc.sents):
        for token in sentence:
            standing = standing_at(token, lexicon.standings)
            relation = _standing(token, standing, doc_id, sentence_index, parties, lexicon, forces, home) if standing else None
            if relation is not None:
                found.append(relation)
                continue
            if standing is not None and standing.tone == "tension":
                continue  # "strained ties with Kessa": how two parties stand, never an affiliation
            tie = _tie(token, lexicon)
            if tie is None:
                continue
            holder_token, other_token = tie
            denial = _denial(token, lexicon)
            if denial is None and (token.lower_ in lexicon.denial_only or token.lemma_.lower() == "do"):
                continue  # "her role in the film": a part; "has anything to do with": a question
            holder = _party(holder_token, parties, lexicon, forces) if holder_token is not None else None
            other = _party(other_token, parties, lexicon, forces) if other_token is not None else None
            if holder is None or (other_token is not None and other is None):
                continue  # "denied involvement in criminal activities": a tie with no party
            if other is None and not _denies_any_tie(token, denial, lexicon):
                continue
            if other is not None and (_same(holder, other) or holder.type == other.type == "GPE"):
                continue  # "Paris is linked to London by rail": places, not parties, are tied
            denied = denial is not None
            quoted = any(start < token.idx < end for start, end in quotations)
            found.append(Relation(doc_id, sentence_index, token.idx, token.idx + len(token), token.text, "affiliation",
                                  "denied" if denied else "asserted", holder, other, quoted))
    return found


def _standing(token: Token, standing: StandingCue, doc_id: str, sentence: int, parties: list[Mention],
              lexicon: RelationLexicon, forces: EventLexicon, home: Mention | None) -> Relation | None:
    """Two named parties, of which a place only as a state (as `parties` holds them)."""
    if standing.other is None:
        return None
    other = _party(standing.other, parties, lexicon, forces)
    holder = _party(standing.holder, parties, lexicon, forces) if standing.holder is not None else None
    if holder is None and home is not None and standing.holder_implied and (
            standing.holder is None or standing.holder.lower_ in lexicon.institution_heads):
        holder = Party(home.text, home.key, home.type)
    if holder is None or other is None or holder.key is None or other.key is None or _same(holder, other):
        return None
    states = holder.type in _STATE_TYPES and other.type in _STATE_TYPES
    if standing.tone == "cooperation" and token.lower_ in lexicon.nouns and not states:
        return None  # "the Zorov Group has close ties with Ruvia": an affiliation, read as one below
    if token.lower_ in lexicon.standings.state_only and holder.type not in _STATE_TYPES:
        return None  # "Vantor found a partner in Ghana": a partner there, not the country
    return Relation(doc_id, sentence, token.idx, token.idx + len(token), token.text, standing.tone, "asserted", holder, other)


def _tie(token: Token, lexicon: RelationLexicon) -> tuple[Token | None, Token | None] | None:
    """(the token of the party holding the tie, the token of the other party) when `token` states a tie."""
    word = token.lower_
    if token.pos_ == "NOUN" and word in lexicon.nouns:
        if token.dep_ == "dobj" and token.head.lemma_.lower() not in lexicon.holding_verbs:
            return None  # "cut ties with", "seeks closer ties with": no tie their subject has
        between = _object_after(token, frozenset({"between"}))
        if between is not None and between.conjuncts:
            return between, between.conjuncts[0]  # "links between X and Y"
        return _holder_of_noun(token), _object_after(token, lexicon.nouns[word])
    if (token.pos_ == "NOUN" and word in lexicon.governed_nouns and token.dep_ == "pobj"
            and token.head.lower_ in lexicon.governed_nouns[word]):
        return _holder_of_noun(token), _object_after(token, frozenset({"of"}))
    if token.tag_ in ("VBN", "JJ") and word in lexicon.participles:
        return _holder_of_participle(token), _object_after(token, lexicon.participles[word], agent=True)
    if token.pos_ == "VERB" and token.tag_ != "VBN" and token.lemma_.lower() in lexicon.verbs:
        objects = children(token, "dobj")
        return subject(token), objects[0] if objects else None
    if token.lemma_.lower() == "do" and token.dep_ == "relcl" and token.head.lower_ in ("nothing", "anything"):
        # "have nothing to do with X", "does not have anything to do with X": the tie of the verb's subject with X
        return subject(token.head.head), _object_after(token, frozenset({"with"}))
    return None


def _object_after(token: Token, prepositions: frozenset[str], *, agent: bool = False) -> Token | None:
    for child in token.children:
        if (child.dep_ == "prep" and child.lower_ in prepositions) or (agent and child.dep_ == "agent" and "by" in prepositions):
            objects = children(child, "pobj")
            if objects:
                return objects[0]
    return None


def _holder_of_noun(noun: Token) -> Token | None:
    """Who has the tie a noun states: "a firm with links to X" (the firm), "X has no links
    to Y" and "X denied any such links" (the verb's subject), "is a proxy of Y" and "is seen
    as a proxy of Y" (the subject of the copula), "under the control of Y" (the subject of
    the clause it modifies)."""
    head = noun.head
    owners = children(noun, "poss")
    if owners and owners[0].pos_ in ("PROPN", "NOUN"):
        return owners[0]  # "Keita's ties to Ruvia"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        preposition, head = head, head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return _noun_holder(head)
        described = children(head, "nsubjpass") if preposition.lower_ == "as" else []
        return described[0] if described else subject(head)  # "X is seen as a proxy of Y": X
    if noun.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        described = children(head, "nsubjpass") if noun.dep_ in ("attr", "oprd") else []
        return described[0] if described else subject(head)  # "X is considered a proxy of Y": X
    if noun.dep_ == "appos":
        return head
    return None


def _noun_holder(noun: Token) -> Token:
    """A noun that holds a tie stands for itself, or for the subject it describes ("X is a firm with links")."""
    if noun.dep_ in ("attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        return subject(noun.head) or noun
    if noun.dep_ == "appos":
        return noun.head
    return noun


def _holder_of_participle(word: Token) -> Token | None:
    """"a banker linked to Y" (the noun it describes), "the group is funded by Y" (the subject)."""
    if word.dep_ in ("acl", "amod") and word.head.pos_ in ("NOUN", "PROPN"):
        return _noun_holder(word.head)
    if word.dep_ == "acomp":
        return subject(word.head)
    passive = children(word, "nsubjpass", "nsubj")
    if passive:
        return passive[0]
    return subject(word)


def _denial(token: Token, lexicon: RelationLexicon) -> str | None:
    """"denied" when a denial verb governs the tie ("has denied any such links", "dismissed
    reports of links", "denied that Ruvia had anything to do with it") or it is "nothing to
    do with"; "negated" for "no links", "is not linked", "does not have anything to do
    with"; else None."""
    doing = token.lemma_.lower() == "do" and token.dep_ == "relcl"
    if doing and token.head.lower_ == "nothing":
        return "denied"
    negated = any(c.lower_ in NEGATIONS for c in children(token, "det", "neg"))
    if doing:
        governor = token.head.head  # the verb that has "anything to do with"
    else:
        governor = token.head if token.dep_ in ("dobj", "pobj", "xcomp", "ccomp", "attr", "oprd") else token
    for _ in range(3):
        lemma = governor.lemma_.lower()
        if lemma in lexicon.deny_verbs:
            return "denied"
        if governor.lower_ in lexicon.report_nouns and governor.head.lemma_.lower() in lexicon.report_deny_verbs:
            return "denied"
        negated = negated or any(c.dep_ == "neg" for c in governor.children)
        if governor.dep_ not in ("prep", "xcomp", "ccomp", "pobj") or governor.head is governor:
            break
        governor = governor.head
    return "negated" if negated else None


def _denies_any_tie(token: Token, denial: str | None, lexicon: RelationLexicon) -> bool:
    """A denial that names no one must say so, of a tie ("has denied any such links", "any
    connection in Kessa"): "athletes who have no funding", "denied funding to the group" and
    "rejected links between crime and migration" deny no tie with a party."""
    return (denial == "denied" and (token.lower_ in lexicon.any_tie_nouns or token.lemma_.lower() == "do")
            and not any(c.dep_ == "prep" and c.lower_ not in _SCOPE_PREPOSITIONS for c in token.children))


def _party(token: Token, parties: list[Mention], lexicon: RelationLexicon, forces: EventLexicon) -> Party | None:
    """The party a phrase names: a mention in it ("Zorov Group operations"), the owner named
    after an institution or an activity ("the officials of Ruvia", "the operations of
    private firms"), or a private force named by kind."""
    for _ in range(3):
        mention = _mention_at(token, parties)
        if mention is not None:
            return Party(mention.text, mention.key, mention.type)
        kind = force_kind([token], forces)
        if kind is not None:
            return Party(token.text, None, None, kind)
        word = token.lower_
        if word not in lexicon.institution_heads and word not in lexicon.activity_heads:
            return None
        owners = [c for c in token.children if c.dep_ in ("compound", "poss", "amod") and _mention_at(c, parties)]
        owner = owners[0] if owners else _object_after(token, frozenset({"of"}))
        if owner is None:
            return None
        token = owner
    return None


def _mention_at(token: Token, mentions: list[Mention]) -> Mention | None:
    """The mention covering the token, or one of its compound words ("Zorov Group operations")."""
    for candidate in (token, *children(token, "compound")):
        for mention in mentions:
            if mention.start <= candidate.idx < mention.end:
                return mention
    return None


def _same(a: Party, b: Party) -> bool:
    return (a.key is not None and a.key == b.key) or (a.force is not None and a.force == b.force and a.key is None and b.key is None)

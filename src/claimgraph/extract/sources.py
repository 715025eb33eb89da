"""Naming a claim's source: its kind (person, organization, media, document, anonymous) and
the entity mention it rests on."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.cues import CueLexicon
from claimgraph.extract.spans import doc_text
from claimgraph.records import ClaimSource, Mention

_KIND_OF_TYPE = {"PERSON": "person", "MEDIA": "media", "ORG": "organization", "GPE": "organization", "NORP": "organization", "FAC": "organization", "LOC": "organization"}
_ENTITY_PREFERENCE = ("PERSON", "MEDIA", "ORG", "GPE", "NORP")


def describe_source(doc: Doc, span: tuple[int, int], mentions: list[Mention], lexicon: CueLexicon) -> ClaimSource:
    """Kind and entity of the source noun phrase at `span`."""
    start, end = span
    phrase = doc.char_span(start, end, alignment_mode="expand")
    name = doc_text(doc)[start:end]
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    head = phrase.root if phrase is not None else None
    entity = _bracketed_name(name, start, inside) or _best_entity(inside, head)
    head_forms = {head.lemma_.lower(), head.lower_} if head is not None else set()
    covered_head = head is not None and any(m.start <= head.idx < m.end for m in inside)
    if head_forms & lexicon.document_nouns and not covered_head:
        kind = "document"
    elif head_forms & lexicon.anonymous_heads and not covered_head:
        # "Reuters sources", "a Ruvian official": the outlet goes to `via`; but "the army's
        # spokeswoman, Marta Lindqvist": the role, then who holds it
        kind = "person" if _named_in_apposition(head, inside) else "anonymous"
    elif phrase is not None and any(t.lower_ in lexicon.media_nouns for t in phrase) and entity is not None:
        kind = "media"
    elif entity is not None:
        kind = _KIND_OF_TYPE.get(entity.type, "organization")
    elif _indefinite(phrase):
        kind = "anonymous"
    elif head_forms & lexicon.person_roles:
        kind = "person"
    else:
        kind = "organization"
    return ClaimSource(
        name=name,
        kind=kind,
        start=start,
        end=end,
        entity_key=entity.key if entity is not None else None,
        entity_type=entity.type if entity is not None else None,
    )


def _named_in_apposition(head: Token | None, inside: list[Mention]) -> bool:
    """Whether a person the phrase names stands in apposition to its head ("a spokesman for
    the ministry, Anna Kovac"): the description is of someone named."""
    if head is None:
        return False
    people = [m for m in inside if m.type == "PERSON"]
    return any(child.dep_ == "appos" and any(m.start <= child.idx < m.end for m in people) for child in head.children)


def is_pronoun(doc: Doc, span: tuple[int, int], lexicon: CueLexicon) -> bool:
    return doc_text(doc)[span[0] : span[1]].lower() in lexicon.personal_pronouns


def is_bare_document_reference(doc: Doc, span: tuple[int, int], lexicon: CueLexicon) -> str | None:
    """'the article', 'the photograph, taken on ...': a definite document noun with no name of
    its own, which refers back to the document introduced earlier."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None:
        return None
    root = phrase.root
    lemma = root.lemma_.lower()
    determiners = [c.lower_ for c in root.children if c.dep_ == "det"]
    named = any(c.dep_ in ("compound", "poss", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in root.children)
    if lemma in lexicon.document_nouns and determiners and determiners[0] in ("the", "this", "that") and not named:
        return lemma
    return None


def document_head(doc: Doc, span: tuple[int, int], lexicon: CueLexicon) -> str | None:
    """The document noun heading a source phrase ('a recent article in X' -> 'article')."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None:
        return None
    lemma = phrase.root.lemma_.lower()
    return lemma if lemma in lexicon.document_nouns else None


def _best_entity(mentions: list[Mention], head: Token | None) -> Mention | None:
    """The entity the phrase names: the one its head word is in ("Ruvian rebel group Vantor
    Brigade": the brigade, not the description before it), else by type, then length."""
    ranked = [m for m in mentions if m.type in _ENTITY_PREFERENCE]
    if not ranked:
        return None
    return min(ranked, key=lambda m: (head is None or not m.start <= head.idx < m.end, _ENTITY_PREFERENCE.index(m.type),
                                      -(m.end - m.start)))


def _bracketed_name(name: str, start: int, mentions: list[Mention]) -> Mention | None:
    """The acronym in brackets a body's name ends with ("the EU Commission for the Protection of
    Civilians (CPC)"), where the tagger read the words before it as names of parts of it ("EU
    Commission", "Protection of Civilians") and gave the acronym the key of one of them: what
    the whole phrase is called. Not a body in brackets after a person ("Amadou
    Keita (Kessa Red Cross)"): the person speaks."""
    told = name.rstrip()
    if not told.endswith(")") or "(" not in told:
        return None
    opened = start + told.rindex("(")
    if not _ACRONYM.match(told[told.rindex("(") + 1:-1].strip()) or any(m.type == "PERSON" and m.start < opened for m in mentions):
        return None
    before = {m.key for m in mentions if m.start < opened}
    return next((m for m in mentions if m.start > opened and m.type in _ENTITY_PREFERENCE and m.key in before), None)


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,11}$")


def _indefinite(phrase: Span | None) -> bool:
    return phrase is not None and phrase[0].lower_ in ("a", "an", "some", "several", "many", "one", "two", "three", "other", "another")

"""Names inside larger names: a modifier name plus an institutional, facility or event head.

"the French army", "Ruvia's army", "the Kessa military airport", "the Tarno massacre",
"the Zorov group": spaCy tags only the modifier ("French", "Kessa"). Following the
dependency arc from the name to its head noun gives the whole named thing. Both the
modifier's mention and the larger one are kept (nested mentions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.extract.spans import doc_text

# What may stand between a name and its head: "Kessa [military] airport", "Ruvia['s] Ministry".
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "PART"})


@dataclass(frozen=True)
class NameHeads:
    """Head lemmas by entity type, from extract/data/en/name_heads.json."""

    type_of_head: dict[str, str]
    modifier_dependencies: frozenset[str]
    domain: re.Pattern[str]


def load_name_heads(lang: str = DEFAULT_LANGUAGE) -> NameHeads:
    data = load_lexicon_data("name_heads", lang)
    type_of_head: dict[str, str] = {}
    for kind in ("EVENT", "FAC", "ORG"):  # later types win: "operation" is ORG before EVENT
        for head in data["heads"][kind]:
            type_of_head[head.split()[-1]] = kind
    suffixes = "|".join(sorted(data["media_domain_suffixes"], key=len, reverse=True))
    domain = re.compile(rf"(?<![\w/@.-])(?:[a-z0-9][a-z0-9-]*\.)+(?:{suffixes})(?![\w/.-]*[\w/])", re.IGNORECASE)
    return NameHeads(type_of_head=type_of_head, modifier_dependencies=frozenset(data["modifier_dependencies"]), domain=domain)


def expanded_names(doc: Doc, entities: list[tuple[Span, str]], heads: NameHeads) -> list[tuple[int, int, str]]:
    """(start, end, type) character spans of names that contain one of `entities` as a modifier."""
    found = []
    for span, _ in entities:
        head = _head_noun(span, heads)
        if head is None:
            continue
        container = _entity_containing(doc, head)
        end_char = container.end_char if container is not None else head.idx + len(head.text)
        if end_char > span.end_char and "\n" not in doc_text(doc)[span.start_char : end_char]:
            found.append((span.start_char, end_char, heads.type_of_head[head.lemma_.lower()]))
    return found


def facility_names(doc: Doc, heads: NameHeads) -> list[tuple[int, int, str]]:
    """(start, end, "FAC") spans of facilities named by proper nouns before a facility head
    the model left unlabelled or labelled in part: "the al-Faran hospital", "the Faran Central
    hospital", "the Tarbela dam". The proper nouns must be the head's own compound modifiers,
    next to each other and to the head."""
    found = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or heads.type_of_head.get(token.lemma_.lower()) != "FAC":
            continue
        first = token.i
        while first > 0 and _name_part(doc, first - 1, token.i):
            first -= 1
        if first < token.i and any(t.text[:1].isupper() for t in doc[first : token.i]):
            found.append((doc[first].idx, token.idx + len(token.text), "FAC"))
    return found


def _name_part(doc: Doc, index: int, head: int) -> bool:
    """Whether the token at `index` belongs to the proper name before the head at `head`: a
    proper noun modifying a word of the name, or a hyphen or particle joined to one without
    a space ("al-Faran")."""
    token = doc[index]
    capitalised = token.text[:1].isupper() and token.pos_ in ("ADJ", "NOUN")  # "Faran Central hospital", "National Hospital"
    if (token.pos_ == "PROPN" or capitalised) and token.dep_ in ("compound", "amod", "nmod") and index < token.head.i <= head:
        return token.text[:1].isalpha()
    joined = not token.whitespace_ and index + 1 < head
    return joined and (token.text == "-" or (token.is_alpha and token.is_lower and len(token) <= 3 and doc[index + 1].text == "-"))


def media_domains(text: str, heads: NameHeads) -> list[tuple[int, int, str]]:
    """Web domains named in running text ("according to lemonde.fr"): outlets, typed MEDIA."""
    return [(m.start(), m.end(), "MEDIA") for m in heads.domain.finditer(text)]


def _head_noun(span: Span, heads: NameHeads) -> Token | None:
    """Follow modifier arcs up from the span's root, through other proper nouns, to a head noun
    in the lexicon that lies right after the span (only modifiers in between)."""
    token = span.root
    for _ in range(4):
        if token.dep_ not in heads.modifier_dependencies or token.head.i <= token.i:
            return None
        token = token.head
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and lemma in heads.type_of_head:
            between = span.doc[span.end : token.i]
            return token if all(t.pos_ in _MODIFIER_POS for t in between) else None
        if token.pos_ != "PROPN":
            return None
    return None


def _entity_containing(doc: Doc, token: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None

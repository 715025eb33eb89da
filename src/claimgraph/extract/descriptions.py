"""Definite descriptions of organisations named before: 'the bloc', 'the group'.

"Ruvia and the European Union ... The bloc deployed a training mission": the bloc is the
European Union. A description refers to the nearest organisation named before it in the
document whose name ends in a word the description fits (data/en/entity_types.json,
'descriptions': a bloc is a union or a community, a company a company, a group or a
holdings), and is a name ("the Zorov Group", not "a mercenary group"). It becomes a
mention of that organisation, so that what "the bloc" does is done by the Union.

Adjectives and nouns may describe it further ("the Ruvian shipping company"; the
model may have tagged that phrase as an organisation of its own, which it is not: its last
word is no name), but not those that set it apart ("the rival group", "the local company":
'description_contrasts'), and such a description refers only to a name in its own or the
previous sentence.
"The group of experts", "the armed groups" and "a company" name no one in particular.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.mentions import EntityLexicon
from claimgraph.records import Mention

_NEAR_SENTENCES = 6  # an antecedent further back is no longer what "the group" means
_NEAR_SENTENCES_DESCRIBED = 1  # "the Ruvian shipping company" says more: it must follow its name closely
_DESCRIBING_POS = frozenset({"ADJ", "NOUN"})


def descriptive_mentions(doc: Doc, doc_id: str, mentions: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """The mentions, with one more for each definite description of an organisation named
    before it (in place of a mention the model made of the description itself)."""
    # Names ending in an organisation's word are organisations, whatever the model says
    # ("the Zorov PMC" labelled a place): the description's fit decides below.
    organisations = [m for m in mentions if m.type in ("ORG", "GPE", "PERSON", "NORP")]
    if not organisations or not lexicon.descriptions:
        return mentions
    found: list[Mention] = []
    replaced: list[Mention] = []
    for sentence_index, sentence in enumerate(doc.sents):
        for token in sentence:
            fits = lexicon.descriptions.get(token.lower_)
            if fits is None or not _definite(token, lexicon.description_contrasts):
                continue
            end = token.idx + len(token)
            on_head = [m for m in mentions if m.start < end and token.idx < m.end]
            if any(_is_name(m.text) for m in on_head):
                continue  # "the Zorov Group": a name, not a description
            near = _NEAR_SENTENCES if len(list(token.lefts)) == 1 else _NEAR_SENTENCES_DESCRIBED
            antecedent = _antecedent(token, organisations, fits, sentence_index, near)
            if antecedent is not None:
                # Without the article, as names are ("Ruvian shipping company"),
                # unless nothing else is left ("the bloc").
                words = [t for t in token.subtree if t.i <= token.i]
                start = words[1].idx if len(words) > 1 and words[1] != token else words[0].idx
                found.append(Mention(doc_id, start, end, doc.text[start:end], antecedent.type, antecedent.key, sentence_index))
                replaced += on_head
    if not found:
        return mentions
    return sorted([m for m in mentions if m not in replaced] + found, key=lambda m: (m.start, m.end))


def _definite(token: Token, contrasts: frozenset[str]) -> bool:
    """'the group', 'the Ruvian shipping company': singular, 'the' first, then only
    adjectives and nouns (none that sets it apart), and no 'of' phrase after."""
    lefts = list(token.lefts)
    if token.tag_ != "NN" or not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ != "the":
        return False
    describing = [t for left in lefts[1:] for t in left.subtree]
    return (all(t.pos_ in _DESCRIBING_POS and t.lower_ not in contrasts for t in describing)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights))


def _antecedent(token: Token, organisations: list[Mention], fits: frozenset[str], sentence: int, near: int) -> Mention | None:
    before = [m for m in organisations if m.end <= token.idx and sentence - m.sentence <= near
              and _last_word(m.text) in fits and _is_name(m.text)]
    return before[-1] if before else None


def _is_name(text: str) -> bool:
    """"the Zorov Group", "Zorov PMC": a name, which a description can refer back to; "a
    mercenary group" is itself a description, however the model labels it."""
    words = [w.strip("()[]’'\".,") for w in text.split()]
    words = [w for w in words if w and w.lower() != "s"]
    return bool(words) and words[-1][:1].isupper()


def _last_word(name: str) -> str:
    words = [w.strip("()[]’'\".,").lower() for w in name.split()]
    words = [w for w in words if w and w != "s"]
    return words[-1] if words else ""

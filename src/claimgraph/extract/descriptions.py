"""Definite descriptions of organisations named before: 'the bloc', 'the group'.

"Ruvia and the European Union ... The bloc deployed a training mission": the bloc is the
European Union. A description refers to the nearest organisation named before it in the
document whose name ends in a word the description fits (data/entity_types.json,
'descriptions': a bloc is a union or a community, a company a company, a group or a
holdings), and is a name ("the Zorov Group", not "a mercenary group"). It becomes a mention of that organisation, so that what "the bloc" does is done
by the Union. Only the bare description counts: "the group of experts", "the armed groups"
and "a company" name no one in particular.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.mentions import EntityLexicon, Mention

_NEAR_SENTENCES = 6  # an antecedent further back is no longer what "the group" means


def descriptive_mentions(doc: Doc, doc_id: str, mentions: list[Mention], lexicon: EntityLexicon) -> list[Mention]:
    """The mentions, with one more for each definite description of an organisation named before it."""
    # Names ending in an organisation's word are organisations, whatever the model says
    # ("the Zorov PMC" labelled a place): the description's fit decides below.
    organisations = [m for m in mentions if m.type in ("ORG", "GPE", "PERSON", "NORP")]
    if not organisations or not lexicon.descriptions:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for sentence_index, sentence in enumerate(doc.sents):
        for token in sentence:
            fits = lexicon.descriptions.get(token.lower_)
            if fits is None or not _bare_definite(token) or any(s < token.idx + len(token) and token.idx < e for s, e in taken):
                continue
            antecedent = _antecedent(token, organisations, fits, sentence_index)
            if antecedent is not None:
                start = next(c.idx for c in token.lefts)  # the article: "the bloc"
                found.append(Mention(doc_id, start, token.idx + len(token), doc.text[start:token.idx + len(token)],
                                     antecedent.type, antecedent.key, sentence_index))
    return sorted(mentions + found, key=lambda m: (m.start, m.end)) if found else mentions


def _bare_definite(token: Token) -> bool:
    """'the group' alone: singular, with 'the' and nothing else before it, no 'of' phrase after."""
    lefts = list(token.lefts)
    return (token.tag_ == "NN" and len(lefts) == 1 and lefts[0].dep_ == "det" and lefts[0].lower_ == "the"
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights))


def _antecedent(token: Token, organisations: list[Mention], fits: frozenset[str], sentence: int) -> Mention | None:
    before = [m for m in organisations if m.end <= token.idx and sentence - m.sentence <= _NEAR_SENTENCES
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

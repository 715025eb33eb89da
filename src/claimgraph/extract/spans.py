"""Spans in the parse that attribution frames are made of: source noun phrases, cues,
clauses, relays. Shared by the rule patterns in frames.py."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.cues import CueLexicon


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's Doc.text joins every token on each access."""
    text = doc.user_data.get("claimgraph.text")
    if text is None:
        text = doc.user_data["claimgraph.text"] = doc.text
    return text


# Children of a source noun that are not part of its name ("Ruvia [and Zembla]", "X[, who ...]").
SOURCE_DROP_DEPS = frozenset({"punct", "cc", "conj", "advcl"})
MAX_SOURCE_TOKENS = 12


def written_conjunction(conjuncts: list[Token]) -> tuple[tuple[int, int], ...] | None:
    """'Ruvia and Zembla' as written: one span over the coordinated sources (None for one source)."""
    if len(conjuncts) < 2:
        return None
    first, last = source_span(conjuncts[0]), source_span(conjuncts[-1])
    return ((first[0], last[1]),)


def can_speak(noun: Token, lexicon: CueLexicon) -> bool:
    """'according to the minister / a report / Reuters', not 'according to an agreement / plan'."""
    forms = {noun.lemma_.lower(), noun.lower_}
    return (
        noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or noun.pos_ in ("PROPN", "PRON")
        or bool(forms & (lexicon.document_nouns | lexicon.anonymous_heads | lexicon.media_nouns | lexicon.speaker_heads | lexicon.person_roles))
        or any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in noun.children)
    )


def conjuncts(token: Token) -> list[Token]:
    if one_name(token):
        return [token]
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def one_name(token: Token) -> bool:
    """"Ernst & Young", "Procter & Gamble": names joined by an ampersand are one name."""
    return token.pos_ == "PROPN" and any(c.dep_ == "cc" and c.text == "&" for c in token.children)


def inherited_subject(token: Token) -> Token | None:
    # "... by saying ...": the participle hangs from a preposition; the subject is its verb's.
    head = token.head.head if token.dep_ == "pcomp" else token.head
    for _ in range(3):
        subject = first_child(head, "nsubj") or first_child(head, "nsubjpass")
        if subject is not None:
            return subject
        if head.dep_ not in ("conj", "advcl") or head.head.i == head.i:
            return None
        head = head.head
    return None


def source_span(token: Token) -> tuple[int, int]:
    """The noun phrase of a source, without relative clauses, conjuncts and trailing punctuation."""
    keep = [t for t in token.subtree if not under_dropped(t, token)]
    keep = keep[: MAX_SOURCE_TOKENS] if len(keep) > MAX_SOURCE_TOKENS else keep
    while keep and keep[-1].is_punct:
        keep.pop()
    while keep and keep[0].is_punct:
        keep.pop(0)
    if not keep:
        return token.idx, token.idx + len(token.text)
    keep = _bracket_closed(keep)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _bracket_closed(tokens: list[Token]) -> list[Token]:
    """A span never ends inside a bracket (the span runs from its first kept token to its
    last, dropped tokens between included): "The Health Agency (RHA" takes the ")" that
    comes next, else ends before the "("."""
    doc = tokens[-1].doc
    texts = [t.text for t in doc[tokens[0].i: tokens[-1].i + 1]]
    if texts.count("(") <= texts.count(")"):
        return tokens
    after = tokens[-1].i + 1
    if after < len(doc) and doc[after].text == ")":
        return [*tokens, doc[after]]
    cut = tokens[0].i + max(i for i, text in enumerate(texts) if text == "(")
    return [t for t in tokens if t.i < cut] or tokens


def under_dropped(token: Token, root: Token) -> bool:
    # A proper name keeps its name only ("Amadou Keita[, known as ...]"); a common noun
    # keeps its apposition, which often holds the name ("The head of the agency, Souleymane D.").
    proper = root.pos_ == "PROPN"
    while token.i != root.i:
        if token.dep_ == "relcl" or (token.head.i == root.i and token.dep_ in SOURCE_DROP_DEPS
                                     and not (token.dep_ in ("cc", "conj") and one_name(root))):
            return True
        if proper and token.head.i == root.i and (token.dep_ == "acl" or token.dep_ == "appos" and token.pos_ != "PROPN"):
            return True
        if token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children):
            return True  # "the group on Wednesday [said ...]": when it spoke, not who
        token = token.head
    return False


def relays(cue: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """Outlets a statement was made to or through: 'told Reuters', 'tells broadcaster VOA',
    and a media name inside the source ('Reuters sources')."""
    relays = []
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and cue.lemma_.lower() in ("tell", "quote") and is_named(child):
            relays.append(name_span(child))
        elif child.dep_ in ("nsubj",):
            relays.extend(relays_in(child, lexicon))
    return relays


def relays_in(noun: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """A named modifier of a source noun: 'Reuters' in 'Reuters sources', 'Daily Ledger' in 'a report in the Daily Ledger';
    and the outlet a participle of the noun names as its way to the article ('a memo handed to AFP',
    'a letter seen by Reuters', 'an official speaking to the BBC'; not 'a source in the parliament')."""
    # given to the outlet, got or published by it: "sent to Reuters", "published in the Daily
    # Ledger"; not "sent by the ministry" (its author), nor someone met ("speaking with X")
    relays = [name_span(named) for participle in noun.children if participle.dep_ in ("acl", "relcl")
              for preposition in participle.children
              if preposition.dep_ in ("prep", "agent", "dative")
              and participle.lemma_.lower() in lexicon.relay_participles.get(preposition.lower_, ())
              for named in preposition.children if named.dep_ == "pobj" and is_named(named)]
    for token in noun.subtree:
        if token.i == noun.i or not is_named(token):
            continue
        head = noun.lemma_.lower()
        # "Reuters sources", "a report in the Daily Ledger"; but "an official in Kessa" is where
        # the official is, not who relayed what the official said.
        # (a publication the document is in: its own phrase, not an author's "prepared by X")
        if (token.dep_ == "compound" and token.head.i == noun.i and head in lexicon.anonymous_heads | lexicon.document_nouns) or (
                token.dep_ == "pobj" and head in lexicon.document_nouns and token.head.head.i == noun.i):
            relays.append(name_span(token))
    return relays


_RELAY_TYPES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT"})


def is_named(token: Token) -> bool:
    """A name that can relay a statement: an organisation, person or publication, not a date or place."""
    return token.ent_type_ in _RELAY_TYPES or (token.pos_ == "PROPN" and not token.ent_type_)


def name_span(token: Token) -> tuple[int, int]:
    if token.ent_type_:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        return ent.start_char, ent.end_char
    left = token
    while left.i > 0 and token.doc[left.i - 1].pos_ == "PROPN" and token.doc[left.i - 1].head.i == token.i:
        left = token.doc[left.i - 1]
    return left.idx, token.idx + len(token.text)


def content_root(cue: Token) -> int | None:
    clause = next((c for c in cue.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        return clause.i
    return cue.head.i if cue.dep_ in ("parataxis",) else None


def cue_text(token: Token) -> str:
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    start, end = cue_span(token)
    return doc_text(token.doc)[start:end] if particle is not None else token.text


def cue_span(token: Token) -> tuple[int, int]:
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    end = particle.idx + len(particle.text) if particle is not None else token.idx + len(token.text)
    return token.idx, end


def first_child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def sentence_span(sentence: Span) -> tuple[int, int]:
    return sentence.start_char, sentence.end_char


def clause_span(token: Token) -> tuple[int, int]:
    """A conjoined or participial clause: the verb and what follows it in its subtree."""
    tokens = [t for t in token.subtree if t.i >= token.i and not (t.dep_ == "cc" and t.head.i == token.i)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def subtree_span(token: Token) -> tuple[int, int]:
    tokens = list(token.subtree)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

"""Attribution frames in one sentence: who is cited (source), by which words (cue), for what.

Dependency patterns over the spaCy parse, with the cues from data/attribution.json:
  X said/denied/told Y ...        verb cue, source = subject (each conjunct of a coordinated one)
  ... , X said.                   inverted: the cue verb is the root, the statement its ccomp
  according to X / as reported by X / citing X
  who denies ...                  relative clause: the source is the noun it modifies
  ... and considers ...           conjoined or participial cue: inherits the subject
  it was reported that ...        passive without agent: an unnamed source
  X provided a negative answer    giving verb + speech noun
  The news comes out on X         the news noun: X is the source of this and the previous sentence
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.extract.cues import CueLexicon

_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Children of a source noun that are not part of its name ("Mali [and Russia]", "X[, who ...]").
_SOURCE_DROP_DEPS = frozenset({"punct", "cc", "conj", "advcl"})
_MAX_SOURCE_TOKENS = 12


@dataclass(frozen=True)
class Frame:
    """One attribution in a sentence. Spans are character offsets into the document text."""

    kind: str  # verb | according | impersonal | noun | news | adverb
    cue: str
    cue_span: tuple[int, int]
    sources: tuple[tuple[int, int], ...]  # one per coordinated source; empty when unnamed
    scope: tuple[int, int]  # the claim: the sentence, or the relative clause that carries it
    stance: str = "assert"
    modality: str | None = None
    via: tuple[tuple[int, int], ...] = ()
    content_root: int | None = None  # token index of the reported statement's main verb
    main: bool = True  # False for frames inside a clause (relative, conjoined)
    attitude: bool = False  # a belief or intention cue ("wants", "knows") rather than speech
    clausal: bool = False  # the cue takes a clause ("believes that ...")
    # The source as written, where it differs from `sources`: "who" in "X, who said ...".
    written_sources: tuple[tuple[int, int], ...] | None = None
    backward: bool = False  # also the source of the previous sentence


def find_frames(sentence: Span, lexicon: CueLexicon) -> list[Frame]:
    frames: list[Frame] = []
    for token in sentence:
        if frame := _verb_frame(token, sentence, lexicon):
            frames.append(frame)
        elif frame := _according_frame(token, sentence, lexicon):
            frames.append(frame)
        elif frame := _noun_frame(token, sentence, lexicon):
            frames.append(frame)
        elif frame := _news_frame(token, sentence, lexicon):
            frames.append(frame)
        elif frame := _possessive_noun_frame(token, lexicon):
            frames.append(frame)
        elif frame := _adjective_frame(token, sentence, lexicon):
            frames.append(frame)
    if not frames and (frame := _colon_frame(sentence)):
        frames.append(frame)
    if not frames:
        if frame := _adverb_frame(sentence, lexicon):
            frames.append(frame)
    return frames


def _verb_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    cue = lexicon.verbs.get(token.lemma_.lower())
    if cue is None or token.pos_ not in ("VERB", "AUX") or token.tag_ == "VBN" and token.dep_ == "amod":
        return None
    if cue.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ in cue.particle.split("|") for c in token.children):
        return None
    children = list(token.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    passive = agent is not None or any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    has_clause = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children)
    has_object = any(c.dep_ in ("dobj", "dative", "prep", "attr", "oprd") for c in children)
    tail = [c for c in children if c.i > token.i and c.dep_ not in ("punct", "prt", "advmod", "npadvmod")]
    if cue.complement == "clause" and not (has_clause or not tail or passive):
        return None
    # "The photograph shows ...": such cues need a document subject, unless they take a clause ("shows that").
    if cue.subjects and not any(c.dep_ == "ccomp" for c in children) and (subject is None or subject.lemma_.lower() not in cue.subjects):
        return None

    scope, main = _sentence_span(sentence), True
    written: tuple[tuple[int, int], ...] | None = None
    sources: tuple[tuple[int, int], ...]
    kind = "verb"
    if passive:
        if agent is not None and (pobj := _first_child(agent, "pobj")) is not None:
            sources = (_source_span(pobj),)
        elif subject is not None and subject.lower_ not in ("it", "this") and not has_clause and cue.complement == "any":
            return None  # "the presence was confirmed" is not an attribution to the presence
        elif cue.impersonal:
            sources, kind = (), "impersonal"
        else:
            return None
    elif subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
        sources, scope, main = (_source_span(token.head),), _subtree_span(token), False
        written = ((subject.idx, subject.idx + len(subject.text)),)
    elif token.dep_ == "relcl":
        if subject is None:
            return None
        # "where the army claims to have ...", "in which he said ...": a clause of its own
        sources, scope, main = tuple(_source_span(s) for s in _conjuncts(subject)), _subtree_span(token), False
    elif subject is not None:
        if subject.lower_ in ("it", "this", "that") and not has_clause:
            return None
        sources = tuple(_source_span(s) for s in _conjuncts(subject))
        written = _written_conjunction(_conjuncts(subject))
    elif token.dep_ in ("conj", "advcl", "xcomp", "pcomp") and (inherited := _inherited_subject(token)) is not None:
        # "... and considers ...", "..., adding ...": its own clause, by the subject it shares
        sources, scope, main = tuple(_source_span(s) for s in _conjuncts(inherited)), _clause_span(token), False
    else:
        return None
    via = tuple(_relays(token, lexicon))
    return Frame(
        kind=kind,
        cue=_cue_text(token),
        cue_span=_cue_span(token),
        sources=sources,
        scope=scope,
        stance=cue.stance,
        modality=cue.modality or ("alleged" if kind == "impersonal" else None),
        via=via,
        content_root=_content_root(token),
        main=main and token.dep_ == "ROOT",
        attitude=cue.attitude,
        clausal=any(c.dep_ == "ccomp" for c in children),
        written_sources=written,
    )


def _according_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    lower = token.lower_
    if lower == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        pobj = _first_child(to, "pobj") if to is not None else None
        cue_end = to.idx + len(to.text) if to is not None else None
    elif lower == "citing" and token.dep_ in ("advcl", "prep", "acl"):
        pobj = _first_child(token, "dobj")
        cue_end = token.idx + len(token.text)
    else:
        return None
    if pobj is None or cue_end is None or not _can_speak(pobj, lexicon):
        return None
    return Frame(
        kind="according",
        cue=sentence.doc.text[token.idx : cue_end],
        cue_span=(token.idx, cue_end),
        sources=(_source_span(pobj),),
        scope=_sentence_span(sentence),
        via=tuple(_relays_in(pobj, lexicon)),
        content_root=token.head.i,
    )


def _noun_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'X provided a negative answer', 'X issued a denial'."""
    if token.lemma_.lower() not in lexicon.giving_verbs or token.pos_ != "VERB":
        return None
    obj = _first_child(token, "dobj")
    subject = _first_child(token, "nsubj")
    if obj is None or subject is None or obj.lemma_.lower() not in lexicon.speech_nouns:
        return None
    negative = obj.lemma_.lower() == "denial" or any(c.lower_ in lexicon.negative_modifiers for c in obj.children)
    return Frame(
        kind="noun",
        cue=sentence.doc.text[token.idx : obj.idx + len(obj.text)],
        cue_span=(token.idx, obj.idx + len(obj.text)),
        sources=tuple(_source_span(s) for s in _conjuncts(subject)),
        scope=_sentence_span(sentence),
        stance="deny" if negative else "assert",
        main=token.dep_ == "ROOT",
    )


def _news_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'The news comes out on Reuters': Reuters is the source of the news just told."""
    if token.dep_ != "ROOT" or token.lemma_.lower() not in lexicon.news_verbs:
        return None
    subject = _first_child(token, "nsubj") or _first_child(token, "nsubjpass")
    if subject is None or subject.lemma_.lower() not in lexicon.news_nouns or not any(c.lower_ in ("the", "this") for c in subject.children):
        return None
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("on", "in", "from", "by", "via", "through", "out"):
            pobj = _first_child(prep, "pobj") or next((_first_child(p, "pobj") for p in prep.children if p.dep_ == "prep"), None)
            if pobj is not None:
                start = subject.left_edge.idx
                return Frame(
                    kind="news",
                    cue=sentence.doc.text[start : prep.idx + len(prep.text)],
                    cue_span=(start, prep.idx + len(prep.text)),
                    sources=(_source_span(pobj),),
                    scope=_sentence_span(sentence),
                    backward=True,
                )
    return None


def _adjective_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'X is confident that ...', 'X remains opposed to ...': an attitude held by the subject."""
    if token.dep_ != "acomp" or token.lower_ not in lexicon.attitude_adjectives:
        return None
    verb = token.head
    subject = _first_child(verb, "nsubj")
    if subject is None or subject.lower_ in ("it", "this", "that", "there"):
        return None
    conjuncts = _conjuncts(subject)
    return Frame(
        kind="verb",
        cue=sentence.doc.text[verb.idx : token.idx + len(token.text)],
        cue_span=(verb.idx, token.idx + len(token.text)),
        sources=tuple(_source_span(s) for s in conjuncts),
        scope=_sentence_span(sentence),
        content_root=next((c.i for c in token.children if c.dep_ in ("ccomp", "xcomp")), None),
        main=verb.dep_ == "ROOT",
        attitude=True,
        clausal=any(c.dep_ == "ccomp" for c in token.children),
        written_sources=_written_conjunction(conjuncts),
    )


def _written_conjunction(conjuncts: list[Token]) -> tuple[tuple[int, int], ...] | None:
    """'Mali and Russia' as written: one span over the coordinated sources (None for one source)."""
    if len(conjuncts) < 2:
        return None
    first, last = _source_span(conjuncts[0]), _source_span(conjuncts[-1])
    return ((first[0], last[1]),)


def _possessive_noun_frame(token: Token, lexicon: CueLexicon) -> Frame | None:
    """'the police's earlier claim that ...', 'a statement by the ministry': a clause-level frame."""
    if token.pos_ != "NOUN" or token.lower_ not in lexicon.possessive_speech_nouns:
        return None
    owner = _first_child(token, "poss")
    if owner is None:
        agent = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = _first_child(agent, "pobj") if agent is not None else None
    if owner is None or owner.lower_ in ("its", "their", "his", "her", "my", "our", "your") and owner.dep_ == "poss" and not _is_named(owner):
        return None
    return Frame(
        kind="noun",
        cue=token.text,
        cue_span=(token.idx, token.idx + len(token.text)),
        sources=(_source_span(owner),),
        scope=_subtree_span(token),
        main=False,
    )


def _colon_frame(sentence: Span) -> Frame | None:
    """'WALLACE: Do you ...', 'Politifact: Trump is right': a short name, a colon, a statement."""
    colon = next((t for t in sentence if t.text == ":"), None)
    if colon is None or colon.i - sentence.start > 8 or colon.i == sentence.start:
        return None
    head = sentence.doc[sentence.start : colon.i]
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in head) or any(t.pos_ == "VERB" for t in head):
        return None
    if head[0].lower_ in ("source", "sources", "photo", "image", "date", "update", "editor", "note"):
        return None
    return Frame(
        kind="colon",
        cue=":",
        cue_span=(colon.idx, colon.idx + 1),
        sources=((head.start_char, head.end_char),),
        scope=(sentence.start_char, sentence.end_char),
        main=False,
    )


def _adverb_frame(sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'Unofficially, ...', 'Reportedly ...' at the head of a sentence: an unnamed source."""
    for token in sentence:
        name = lexicon.anonymous_adverbs.get(token.lower_)
        if name and token.dep_ == "advmod" and token.head.dep_ == "ROOT" and token.i - sentence.start <= 2:
            return Frame(
                kind="adverb",
                cue=token.text,
                cue_span=(token.idx, token.idx + len(token.text)),
                sources=(),
                scope=_sentence_span(sentence),
                modality="alleged",
            )
    return None


def _can_speak(noun: Token, lexicon: CueLexicon) -> bool:
    """'according to the minister / a report / Reuters', not 'according to an agreement / plan'."""
    forms = {noun.lemma_.lower(), noun.lower_}
    return (
        noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or noun.pos_ in ("PROPN", "PRON")
        or bool(forms & (lexicon.document_nouns | lexicon.anonymous_heads | lexicon.media_nouns | lexicon.speaker_heads))
        or any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in noun.children)
    )


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _inherited_subject(token: Token) -> Token | None:
    # "... by saying ...": the participle hangs from a preposition; the subject is its verb's.
    head = token.head.head if token.dep_ == "pcomp" else token.head
    for _ in range(3):
        subject = _first_child(head, "nsubj")
        if subject is not None:
            return subject
        if head.dep_ not in ("conj", "advcl") or head.head.i == head.i:
            return None
        head = head.head
    return None


def _source_span(token: Token) -> tuple[int, int]:
    """The noun phrase of a source, without relative clauses, conjuncts and trailing punctuation."""
    keep = [t for t in token.subtree if not _under_dropped(t, token)]
    keep = keep[: _MAX_SOURCE_TOKENS] if len(keep) > _MAX_SOURCE_TOKENS else keep
    while keep and keep[-1].is_punct:
        keep.pop()
    while keep and keep[0].is_punct:
        keep.pop(0)
    if not keep:
        return token.idx, token.idx + len(token.text)
    return keep[0].idx, keep[-1].idx + len(keep[-1].text)


def _under_dropped(token: Token, root: Token) -> bool:
    # A proper name keeps its name only ("Yevgeniy Prigozhin[, known as ...]"); a common noun
    # keeps its apposition, which often holds the name ("The head of the agency, Souleymane D.").
    proper = root.pos_ == "PROPN"
    while token.i != root.i:
        if token.dep_ == "relcl" or (token.head.i == root.i and token.dep_ in _SOURCE_DROP_DEPS):
            return True
        if proper and token.head.i == root.i and (token.dep_ == "acl" or token.dep_ == "appos" and token.pos_ != "PROPN"):
            return True
        token = token.head
    return False


def _relays(cue: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """Outlets a statement was made to or through: 'told Reuters', 'tells broadcaster VOA',
    and a media name inside the source ('Reuters sources')."""
    relays = []
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and cue.lemma_.lower() in ("tell", "quote") and _is_named(child):
            relays.append(_name_span(child))
        elif child.dep_ in ("nsubj",):
            relays.extend(_relays_in(child, lexicon))
    return relays


def _relays_in(noun: Token, lexicon: CueLexicon) -> list[tuple[int, int]]:
    """A named modifier of a source noun: 'Reuters' in 'Reuters sources', 'Interfax' in 'a report in Interfax'."""
    relays = []
    for token in noun.subtree:
        if token.i == noun.i or not _is_named(token):
            continue
        if token.dep_ in ("compound", "pobj") and noun.lemma_.lower() in lexicon.anonymous_heads | lexicon.document_nouns:
            relays.append(_name_span(token))
    return relays


_RELAY_TYPES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT"})


def _is_named(token: Token) -> bool:
    """A name that can relay a statement: an organisation, person or publication, not a date or place."""
    return token.ent_type_ in _RELAY_TYPES or (token.pos_ == "PROPN" and not token.ent_type_)


def _name_span(token: Token) -> tuple[int, int]:
    if token.ent_type_:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        return ent.start_char, ent.end_char
    left = token
    while left.i > 0 and token.doc[left.i - 1].pos_ == "PROPN" and token.doc[left.i - 1].head.i == token.i:
        left = token.doc[left.i - 1]
    return left.idx, token.idx + len(token.text)


def _content_root(cue: Token) -> int | None:
    clause = next((c for c in cue.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        return clause.i
    return cue.head.i if cue.dep_ in ("parataxis",) else None


def _cue_text(token: Token) -> str:
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    start, end = _cue_span(token)
    return token.doc.text[start:end] if particle is not None else token.text


def _cue_span(token: Token) -> tuple[int, int]:
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    end = particle.idx + len(particle.text) if particle is not None else token.idx + len(token.text)
    return token.idx, end


def _first_child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _sentence_span(sentence: Span) -> tuple[int, int]:
    return sentence.start_char, sentence.end_char


def _clause_span(token: Token) -> tuple[int, int]:
    """A conjoined or participial clause: the verb and what follows it in its subtree."""
    tokens = [t for t in token.subtree if t.i >= token.i and not (t.dep_ == "cc" and t.head.i == token.i)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(token: Token) -> tuple[int, int]:
    tokens = list(token.subtree)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

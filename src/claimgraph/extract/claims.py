"""Claims: every statement of substance in a document, attributed to whoever makes it.

Each sentence is one claim (or one per coordinated speaker: "Ruvia and Zembla deny ...");
a relative clause with its own cue ("..., who however denies any connection") is one more.
A sentence without a cue is in the outlet's own voice, unless it lies inside a quotation
whose speaker is known, or inside an excerpt of another publication.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.cues import CueLexicon
from claimgraph.extract.frames import Frame, find_frames
from claimgraph.extract.learned import TaggedSpan, learned_frames
from claimgraph.extract.quotes import Excerpt, document_quotations, excerpts, inside
from claimgraph.extract.sources import (
    describe_source,
    document_head,
    is_bare_document_reference,
    is_pronoun,
)
from claimgraph.extract.spans import doc_text
from claimgraph.records import Claim, ClaimSource, Mention

_FRAME_RANK = {"verb": 0, "according": 1, "learned": 2, "noun": 3, "news": 4, "colon": 5, "impersonal": 6, "adverb": 7}
_PRONOUN_LOOKBACK = 4  # sentences searched for the speaker a pronoun ("he added") stands for




def extract_claims(
    doc: Doc,
    doc_id: str,
    mentions: list[Mention],
    lexicon: CueLexicon,
    *,
    outlet: str | None,
    tagged: list[TaggedSpan] | None = None,
    excerpt_regions: list[Excerpt] | None = None,
) -> list[Claim]:
    """Claims of one document. `tagged` are the attribution tagger's spans, when it is installed;
    `excerpt_regions` the document's excerpts when the caller has them already."""
    regions = excerpt_regions if excerpt_regions is not None else excerpts(doc_text(doc))
    context = _Context(doc=doc, doc_id=doc_id, mentions=mentions, lexicon=lexicon, outlet=outlet or "the outlet", excerpt_regions=regions)
    claims: list[Claim] = []
    for index, sentence in enumerate(doc.sents):
        if not _is_statement(sentence, context):
            continue
        # Beliefs and intentions ("X wants to ...") attribute a claim only with a that-clause.
        rule_frames = find_frames(sentence, lexicon)
        found = rule_frames + learned_frames(sentence, tagged or [], rule_frames, lexicon)
        frames = [f for f in found if not f.attitude or f.clausal]
        primary = _primary(frames, sentence)
        if primary is not None and primary.backward and claims and claims[-1].source.kind == "outlet":
            claims[-1:] = _reattribute(claims[-1], primary, context)
        if primary is not None:
            others = [f for f in frames if f is not primary and f.kind == "according"]
            claims.extend(_frame_claims(primary, sentence, index, context, relayed_by=others))
        else:
            claims.append(_unattributed_claim(sentence, index, context))
        for clause in (f for f in frames if f.scope != (sentence.start_char, sentence.end_char)):
            claims.extend(_frame_claims(clause, sentence, index, context, relayed_by=[]))
        context.remember(claims, index)
    return [_speaker_named_later(claim, context) for claim in claims]


def _speaker_named_later(claim: Claim, context: _Context) -> Claim:
    """'"We will not leave. We have work to do," Keita said.': the first sentence of a quotation
    is Keita's too, though his name comes only in the last; and so is one whose own speech
    verb has the first person for subject ('"We reject them, we declare this officially. ...,"
    Keita said': "we" is Keita speaking)."""
    if claim.source.kind not in ("outlet", "media") and (claim.start, claim.end) not in context.self_quoted:
        return claim
    quote = next((q for q in context.quotes if inside((claim.start, claim.end), q, share=0.6)), None)
    speaker = context.quote_speakers.get(quote) if quote is not None else None
    if speaker is None:
        return claim
    source, cue, via = speaker
    sentence = next(s for s in context.doc.sents if s.start_char <= claim.start < s.end_char)
    stance = "deny" if _denying(sentence, context.lexicon) else "assert"
    return replace(claim, source=source, cue=cue, via=via, stance=stance, modality=_modality(sentence, None, attributed=True, lexicon=context.lexicon))


def _quoted_first_person(span: tuple[int, int], context: _Context) -> bool:
    """Whether a source is the first person ("we", "I") inside a quotation: the speaker
    speaking of themselves, whom the quotation's speaker names."""
    if not any(q[0] <= span[0] < q[1] for q in context.quotes):
        return False
    found = context.doc.char_span(span[0], span[1], alignment_mode="expand")
    return found is not None and len(found) == 1 and found[0].pos_ == "PRON" and "1" in found[0].morph.get("Person", [])


Speaker = tuple[ClaimSource, str | None, tuple[str, ...]]  # source, cue, via


@dataclass
class _Context:
    """What one document's claim extraction carries from sentence to sentence."""

    doc: Doc
    doc_id: str
    mentions: list[Mention]
    lexicon: CueLexicon
    outlet: str
    recent: list[tuple[int, ClaimSource, str | None, tuple[str, ...]]] = field(default_factory=list)
    documents: dict[str, ClaimSource] = field(default_factory=dict)  # "article" -> the article cited
    quote_speakers: dict[tuple[int, int], Speaker] = field(default_factory=dict)
    # the claims whose source is a quoted first person ("we declare ..."): the quotation's named speaker's, where it has one
    self_quoted: set[tuple[int, int]] = field(default_factory=set)
    quotes: list[tuple[int, int]] = field(init=False)
    excerpt_regions: list[Excerpt] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.quotes = document_quotations(self.doc)

    def remember(self, claims: list[Claim], index: int) -> None:
        for claim in claims[-3:]:
            if claim.sentence == index and claim.source.kind != "outlet":
                self.recent.append((index, claim.source, claim.cue, claim.via))
                if (claim.start, claim.end) in self.self_quoted:
                    continue  # "we declare" inside a quotation tells not who speaks: its speaker is named elsewhere
                for quote in self.quotes:
                    if quote[0] < claim.end and claim.start < quote[1]:
                        self.quote_speakers.setdefault(quote, (claim.source, claim.cue, claim.via))

    def excerpt_at(self, span: tuple[int, int]) -> Excerpt | None:
        return next((e for e in self.excerpt_regions if inside(span, (e.start, e.end))), None)


def _is_statement(sentence: Span, context: _Context) -> bool:
    words = [t for t in sentence if t.is_alpha]
    if len(words) < 2 or sentence.text.rstrip().endswith("?"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
        return False
    span = (sentence.start_char, sentence.end_char)
    return not any(inside(span, e.citation, share=0.5) for e in context.excerpt_regions)


def _primary(frames: list[Frame], sentence: Span) -> Frame | None:
    whole = [f for f in frames if f.scope == (sentence.start_char, sentence.end_char)]
    if not whole:
        return None
    return min(whole, key=lambda f: (not f.main, _FRAME_RANK[f.kind], f.cue_span[0]))


def _frame_claims(frame: Frame, sentence: Span, index: int, context: _Context, *, relayed_by: list[Frame]) -> list[Claim]:
    via = [doc_text(context.doc)[s:e] for s, e in frame.via]
    via += [doc_text(context.doc)[s:e] for other in relayed_by for s, e in other.sources]
    excerpt = context.excerpt_at(frame.scope)
    if excerpt is not None:
        via.append(excerpt.origin)
    sources = [_resolve_source(span, index, context) for span in frame.sources] or [_unnamed(frame, context)]
    claims = []
    for source in sources:
        stance = frame.stance
        said = [t for t in sentence if frame.scope[0] <= t.idx < frame.scope[1]]
        if stance == "assert" and (_quoted_denial(sentence, frame, context) or calls_false(said, context.lexicon)
                                   or _negated_report(frame, context, source)):
            stance = "deny"
        claims.append(
            _claim(
                frame.scope,
                index,
                context,
                source=source,
                cue=frame.cue,
                stance=stance,
                modality=_modality(sentence, frame.modality, attributed=True, lexicon=context.lexicon),
                via=tuple(dict.fromkeys(v for v in via if v and v != source.name)),
            )
        )
    if any(_quoted_first_person(span, context) for span in frame.sources):
        context.self_quoted.update((claim.start, claim.end) for claim in claims)
    return claims


def _unattributed_claim(sentence: Span, index: int, context: _Context) -> Claim:
    span = (sentence.start_char, sentence.end_char)
    quote = next((q for q in context.quotes if inside(span, q, share=0.6)), None)
    if quote is not None and (speaker := context.quote_speakers.get(quote) or _speaker_before(quote, index, context)):
        source, cue, via = speaker
        stance = "deny" if _denying(sentence, context.lexicon) else "assert"
        return _claim(span, index, context, source=source, cue=cue, stance=stance, modality=_modality(sentence, None, attributed=True, lexicon=context.lexicon), via=via)
    excerpt = context.excerpt_at(span)
    if excerpt is not None:
        source = ClaimSource(name=excerpt.origin, kind="media")
        return _claim(span, index, context, source=source, cue=None, stance="assert", modality=_modality(sentence, None, attributed=True, lexicon=context.lexicon), via=())
    source = ClaimSource(name=context.outlet, kind="outlet")
    return _claim(span, index, context, source=source, cue=None, stance="assert", modality=_modality(sentence, None, attributed=False, lexicon=context.lexicon), via=())


def _speaker_before(quote: tuple[int, int], index: int, context: _Context) -> Speaker | None:
    """A quotation that opens right after an attributed sentence continues its speaker."""
    if context.recent and context.recent[-1][0] == index - 1:
        gap = doc_text(context.doc)[max(0, quote[0] - 3) : quote[0]]
        if not gap.strip() or gap.strip()[-1:] in (".", ":"):
            _, source, cue, via = context.recent[-1]
            return source, cue, via
    return None


def _resolve_source(span: tuple[int, int], index: int, context: _Context) -> ClaimSource:
    doc, lexicon = context.doc, context.lexicon
    if is_pronoun(doc, span, lexicon):
        # "he" is the nearest person named before it in the sentence, else the last speaker.
        found = doc.char_span(span[0], span[1], alignment_mode="expand")
        sentence = found.sent if found is not None else doc[0].sent
        earlier = _people_before(sentence.start_char, span, context)
        if earlier:
            return describe_source(doc, (earlier[-1].start, earlier[-1].end), context.mentions, lexicon)
        if found is not None and "Plur" in found[0].morph.get("Number", []) and _several_last_speakers(context):
            # "Ruvia and Kessa traded charges on Monday. In their view, ...": "their" may be
            # either or both, so neither is taken for it
            return describe_source(doc, span, context.mentions, lexicon)
        for earlier_index, source, _, _ in reversed(context.recent):
            if index - earlier_index <= _PRONOUN_LOOKBACK and source.kind in ("person", "anonymous", "organization"):
                return source
        window_start = _sentence_start(doc, span[0], back=_PRONOUN_LOOKBACK)
        named = _people_before(window_start, span, context)
        if named:
            return describe_source(doc, (named[-1].start, named[-1].end), context.mentions, lexicon)
    if doc_text(doc)[span[0]:span[1]].lower() in lexicon.neuter_pronouns and (body := _body_spoken_of(doc, span, index, context)):
        return body
    if (spoken_for := _spoken_for(doc, span, index, context)) is not None:
        return spoken_for
    if (noun := is_bare_document_reference(doc, span, lexicon)) and noun in context.documents:
        return context.documents[noun]
    source = describe_source(doc, span, context.mentions, lexicon)
    if (noun := document_head(doc, span, lexicon)) and source.kind == "document":
        context.documents.setdefault(noun, source)
    return source


def _body_spoken_of(doc: Doc, span: tuple[int, int], index: int, context: _Context) -> ClaimSource | None:
    """Whom a speaking "it" stands for: the nearest subject of a main clause before it, within
    a few sentences, that is not a person, when that subject is a body the text names (an
    organisation, a state: "Ghana has long opposed sanctions, but it said ...") or a body that
    spoke ("The ministry denied the charge. It added that ..."), in its own sentence a main
    clause's first. Any other subject in between
    ("The army rejected the charge, but it said", an army no entity stands for; "A report was
    released on Friday. It said ...") leaves "it" unresolved, never a person, never a body
    named further back."""
    pronoun = doc.char_span(span[0], span[1], alignment_mode="expand")
    if pronoun is None:
        return None
    cue = context.lexicon.verbs.get(pronoun.root.head.lemma_.lower())
    if cue is not None and cue.subjects:
        return None  # "It shows soldiers ...": what only a document or a picture does
    window = doc.char_span(_sentence_start(doc, span[0], back=_PRONOUN_LOOKBACK), span[0], alignment_mode="contract")
    sentence_start = pronoun.sent.start_char
    candidates = [t for t in window or () if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and t.ent_type_ != "PERSON"]
    # in its own sentence, a main clause's subject before one inside a clause ("The UN said
    # Mali had expelled its envoy, and it said ..."); before it, main clauses' only
    own = [t for t in candidates if t.idx >= sentence_start]
    earlier = [t for t in candidates if t.idx < sentence_start and not _embedded(t)]
    ranked = [t for t in own if not _embedded(t)] or own or earlier
    if not ranked:
        return None
    nearest = ranked[-1]
    body = next((m for m in context.mentions if m.type in ("ORG", "GPE", "NORP") and m.start <= nearest.idx < m.end), None)
    if body is not None:
        return describe_source(doc, (body.start, body.end), context.mentions, context.lexicon)
    return next((source for earlier_index, source, _, _ in reversed(context.recent)
                 if index - earlier_index <= _PRONOUN_LOOKBACK and source.kind == "organization"
                 and source.start is not None and source.end is not None and source.start <= nearest.idx < source.end), None)


def _people_before(start: int, span: tuple[int, int], context: _Context) -> list[Mention]:
    """The people named from `start` up to a source's span, in text order."""
    return [m for m in context.mentions if m.type == "PERSON" and start <= m.start and m.end <= span[0]]


def _embedded(subject: Token) -> bool:
    """Whether a subject is of a clause inside another (what someone said, a relative clause),
    not of a sentence's main clause or one joined to it."""
    return any(t.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp") for t in [subject.head, *subject.head.ancestors])


def _spoken_for(doc: Doc, span: tuple[int, int], index: int, context: _Context) -> ClaimSource | None:
    """The source an office or a person speaking for another is, when a possessive pronoun
    names whom ("his office said", "her spokeswoman said"; the lexicon's
    `representative_nouns`): the words stay theirs, the entity is the one they speak for, one
    origin with them. Whom "his" or "her" stands for is read as "he" is: a person named before
    it in the sentence (the subject among several, else the nearest), else a person whose
    office the sentence's subject names ("Kessa's interior minister banned all rallies, his
    office said"), else the last speaker, a person, within a few sentences."""
    lexicon = context.lexicon
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or phrase.root.lemma_.lower() not in lexicon.representative_nouns:
        return None
    owner = next((c for c in phrase.root.children if c.dep_ in ("poss", "det") and c.pos_ in ("PRON", "DET")
                  and "Yes" in c.morph.get("Poss", [])), None)
    # "his", "her" (or "son", "sa", whose owner's gender French does not tell): one person;
    # "its", "their" speak for a body or several, which this does not resolve
    if owner is None or "Neut" in owner.morph.get("Gender", []) or "Plur" in owner.morph.get("Number", []) \
            or "Plur" in owner.morph.get("Number[psor]", []):
        return None
    sentence = phrase.sent
    held_by: ClaimSource | None = None
    earlier = _people_before(sentence.start_char, span, context)
    if earlier:
        # the one the sentence tells of as its subject ("President Ruvo dismissed Amadou Keita,
        # her spokeswoman said"), else the nearest
        held = next((m for m in earlier if _is_subject(doc, m)), earlier[-1])
        held_by = describe_source(doc, (held.start, held.end), context.mentions, lexicon)
    elif (office := _office_subject(sentence, span, lexicon)) is not None:
        held_by = describe_source(doc, office, context.mentions, lexicon)
    elif context.recent and index - context.recent[-1][0] <= _PRONOUN_LOOKBACK and context.recent[-1][1].kind == "person":
        held_by = context.recent[-1][1]
    if held_by is None or held_by.entity_key is None:
        return None
    own = describe_source(doc, span, context.mentions, lexicon)
    return replace(own, kind=held_by.kind, entity_key=held_by.entity_key, entity_type=held_by.entity_type)


def _is_subject(doc: Doc, mention: Mention) -> bool:
    found = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return found is not None and found.root.dep_ in ("nsubj", "nsubjpass")


def _office_subject(sentence: Span, span: tuple[int, int], lexicon: CueLexicon) -> tuple[int, int] | None:
    """The character span of the first subject before `span` in the sentence whose head is an
    office a person holds ("Kessa's interior minister"), without its clauses."""
    for token in sentence:
        if token.idx >= span[0]:
            return None
        if token.dep_ == "nsubj" and token.lemma_.lower() in lexicon.person_roles:
            start = token.left_edge.idx
            return start, token.idx + len(token.text)
    return None


def _several_last_speakers(context: _Context) -> bool:
    """Whether the last sentence with a speaker had several speakers (a plural pronoun after
    it may stand for any or all of them)."""
    if not context.recent:
        return False
    last = context.recent[-1][0]
    return len({source.name for index, source, _, _ in context.recent if index == last}) > 1


def _sentence_start(doc: Doc, offset: int, *, back: int) -> int:
    """Start offset of the sentence `back` sentences before the one holding `offset`."""
    sentences = list(doc.sents)
    index = next((i for i, s in enumerate(sentences) if s.start_char <= offset < s.end_char), 0)
    return sentences[max(0, index - back)].start_char


def _unnamed(frame: Frame, context: _Context) -> ClaimSource:
    name = context.lexicon.anonymous_adverbs.get(frame.cue.lower(), "unnamed sources")
    return ClaimSource(name=name, kind="anonymous")


def _reattribute(claim: Claim, frame: Frame, context: _Context) -> list[Claim]:
    """'... The news comes out on Reuters': the sentence before is Reuters' news too."""
    source = _resolve_source(frame.sources[0], claim.sentence, context)
    return [replace(claim, source=source, cue=frame.cue, modality="reported")]


def _quoted_denial(sentence: Span, frame: Frame, context: _Context) -> bool:
    """A negated statement in direct speech is a denial ('"Ruvia does not employ ..."');
    in indirect speech or the outlet's voice a negation is just a negative statement."""
    span = (sentence.start_char, sentence.end_char)
    in_quote = any(q[0] < span[1] and span[0] < q[1] and len(doc_text(context.doc)[q[0] : q[1]].split()) >= 3 for q in context.quotes)
    return in_quote and _negated_in_quotes(sentence, context)


def _negated_report(frame: Frame, context: _Context, source: ClaimSource) -> bool:
    """A speaker who says they did not do what is said of them denies it ("the ministry said
    it did not order the strike", "Keita said he never met the rebels"): what the cue reports
    is negated on its main verb, and its subject is the speaker spoken of (a pronoun that can
    be them). Other negative statements are statements ("said the bridges had not been
    repaired", "said it did not deliver", of a plan a person criticises, "none of the
    passengers survived"), and so are forecasts ("it will never happen"), intentions and
    beliefs ("said it does not plan to", "did not expect"): a reported verb that is itself a cue."""
    if frame.attitude or frame.content_root is None:
        return False
    reported = context.doc[frame.content_root]
    subject = next((c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _negated_tokens(list(reported.children), context.lexicon):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in reported.children) or "Fut" in reported.morph.get("Tense", []):
        return False  # "it will never happen": a forecast, not a denial
    if reported.lemma_.lower() in context.lexicon.verbs:
        return False  # "it does not plan to", "it did not expect": an intention, a belief, a saying
    return _speaker_spoken_of(subject, source, context.lexicon.neuter_pronouns)


def _speaker_spoken_of(pronoun: Token, source: ClaimSource, neuter_pronouns: frozenset[str]) -> bool:
    """Whether a pronoun can be the speaker themselves: "I", "we"; "it" of an organisation;
    "he" or "she" of a person ("they" may be anyone); "elle" of an organisation too, in a
    language without a neuter pronoun (the lexicon's `neuter_pronouns` empty)."""
    if pronoun.pos_ != "PRON":
        return False
    if "1" in pronoun.morph.get("Person", []):
        return True
    gender, singular = pronoun.morph.get("Gender", []), "Sing" in pronoun.morph.get("Number", [])
    if "Neut" in gender and singular:
        return source.kind == "organization"
    if not {"Masc", "Fem"} & set(gender) or not singular:
        return False
    # a language without a neuter pronoun names an organisation "elle" or "il"
    return source.kind == "person" or (source.kind == "organization" and not neuter_pronouns)


def _negated_in_quotes(sentence: Span, context: _Context) -> bool:
    for quote in context.quotes:
        tokens = [t for t in sentence if quote[0] <= t.idx < quote[1]]
        if tokens and _negated_tokens(tokens, context.lexicon):
            return True
    return False


def _negated(sentence: Span, lexicon: CueLexicon) -> bool:
    return _negated_tokens(list(sentence), lexicon)


def _denying(sentence: Span, lexicon: CueLexicon) -> bool:
    """Whether an attributed sentence denies: a negation on its main verb, or calling
    something false."""
    return _negated(sentence, lexicon) or calls_false(list(sentence), lexicon)


def calls_false(tokens: list[Token], lexicon: CueLexicon) -> bool:
    """Whether the words call something false: a word of falsity as the predicate of a clause
    ("that is false", "tout cela est un mensonge", "the accusations are baseless") or as the object of an
    "as" completing a verb that describes ("described the reports as lies"; not "accused the
    junta of lies"); not as a modifier ("false reports")
    and not negated ("this is not a lie")."""
    for token in tokens:
        if token.lemma_.casefold() not in lexicon.falsity_words or token.dep_ in ("amod", "compound", "nmod"):
            continue
        if token.dep_ in ("acomp", "attr"):
            predicate = token.head  # English: the copula carries the clause
        elif any(c.dep_ == "cop" for c in token.children):
            predicate = token  # UD-style: the predicate carries its copula
        elif token.dep_ == "pobj" and token.head.lower_ in lexicon.falsity_prepositions and (
                verb := _complemented_verb(token.head)) is not None and verb.lemma_.casefold() in lexicon.falsity_verbs:
            predicate = verb
        else:
            continue
        if not any(c.dep_ == "neg" for c in (*predicate.children, *token.children)):
            return True
    return False


def _negated_tokens(tokens: list[Token], lexicon: CueLexicon) -> bool:
    """A negation on a clause's main verb ('does not employ', 'have nothing to do with')."""
    for token in tokens:
        if token.dep_ == "neg" and token.head.dep_ in ("ROOT", "ccomp", "conj"):
            return True
        if token.lower_ in ("nothing", "never", "none") and token.head.dep_ in ("ROOT", "ccomp"):
            return True
    return False


def _complemented_verb(preposition: Token) -> Token | None:
    """The verb an "as" phrase completes: attached to the verb, or (as parsers often do) to
    its direct object ("described the reports as lies")."""
    head = preposition.head
    if head.dep_ == "dobj":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _modality(sentence: Span, decided: str | None, *, attributed: bool, lexicon: CueLexicon) -> str:
    if decided:
        return decided
    if _has_marker(sentence, lexicon.alleged_markers) or _in_mood(sentence, lexicon.alleged_moods):
        return "alleged"
    if _has_marker(sentence, lexicon.speculative_markers):
        return "speculative"
    return "reported" if attributed else "fact"


def _in_mood(sentence: Span, moods: frozenset[str]) -> bool:
    """A verb of the sentence in one of `moods` (its main verb or the auxiliary that carries the mood)."""
    return bool(moods) and any(t.pos_ in ("VERB", "AUX") and moods.intersection(t.morph.get("Mood", [])) for t in sentence)


_MODAL_WORDS = frozenset({"may", "might", "could", "would", "will", "can", "must", "should"})


def _has_marker(sentence: Span, markers: tuple[str, ...]) -> bool:
    """Single-word markers match tokens (a modal only as a modal verb: not the month of May);
    multi-word markers match the lower-cased text."""
    words = {t.lower_ for t in sentence if t.lower_ not in _MODAL_WORDS or t.tag_ == "MD"}
    lower = " " + " ".join(t.lower_ for t in sentence) + " "
    return any((marker in words) if " " not in marker else (f" {marker} " in lower) for marker in markers)


def _claim(span: tuple[int, int], index: int, context: _Context, **fields: object) -> Claim:
    start, end = span
    text = doc_text(context.doc)
    while end > start and text[end - 1].isspace():
        end -= 1
    return Claim(doc=context.doc_id, start=start, end=end, text=text[start:end], sentence=index, **fields)  # type: ignore[arg-type]

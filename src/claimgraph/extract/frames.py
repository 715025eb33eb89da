"""Attribution frames in one sentence: who is cited (source), by which words (cue), for what.

Dependency patterns over the spaCy parse, with the cues from data/en/attribution.json:
  X said/denied/told Y ...        verb cue, source = subject (each conjunct of a coordinated one)
  ... , X said.                   inverted: the cue verb is the root, the statement its ccomp
  according to X / as reported by X / citing X
  who denies ...                  relative clause: the source is the noun it modifies
  ... and considers ...           conjoined or participial cue: inherits the subject
  it was reported that ...        passive without agent: an unnamed source
  X provided a negative answer    giving verb + speech noun
  X put the toll at 30            a figure set at a number: X states it (a clause of its own when conjoined)
  The news comes out on X         the news noun: X is the source of this and the previous sentence
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.extract.cues import CueLexicon, VerbCue
from claimgraph.extract.spans import (
    can_speak,
    clause_span,
    conjuncts,
    content_root,
    cue_span,
    cue_text,
    doc_text,
    first_child,
    inherited_subject,
    is_named,
    relays,
    relays_in,
    sentence_span,
    source_span,
    subtree_span,
    written_conjunction,
)

_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


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
        if (frame := _verb_frame(token, sentence, lexicon)) or (frame := _according_frame(token, sentence, lexicon)) or (frame := _noun_frame(token, sentence, lexicon)) or (frame := _figure_frame(token, sentence, lexicon)) or (frame := _given_figure_frame(token, lexicon)) or (frame := _news_frame(token, sentence, lexicon)) or (frame := _possessive_noun_frame(token, lexicon)) or (frame := _adjective_frame(token, sentence, lexicon)):
            frames.append(frame)
    if not frames and (frame := _colon_frame(sentence)):
        frames.append(frame)
    if not frames and (frame := _adverb_frame(sentence, lexicon)):
        frames.append(frame)
    return frames


def takes_its_complement(token: Token, cue: VerbCue) -> bool:
    """Whether a cue verb stands as speech by what follows it: a verb of complement "clause"
    needs a clausal complement, a passive, or nothing after it ("he added"); with a plain
    object it is an act ("rebels attacked the airport"), not speech ("attacked the plan as
    reckless, saying ...")."""
    if cue.complement != "clause":
        return True
    children = list(token.children)
    passive = any(c.dep_ in ("agent", "auxpass", "nsubjpass") for c in children)
    has_clause = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children)
    tail = [c for c in children if c.i > token.i and c.dep_ not in ("punct", "prt", "advmod", "npadvmod")]
    return has_clause or not tail or passive


def _verb_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    cue = lexicon.verbs.get(token.lemma_.lower())
    if cue is None or token.pos_ not in ("VERB", "AUX") or token.tag_ == "VBN" and token.dep_ == "amod":
        return None
    if token.tag_ == "VBN" and token.dep_ in ("acl", "advcl") and not any(c.dep_ in ("aux", "auxpass", "agent", "mark") or c.tag_ == "WRB" for c in token.children):
        return None  # "Accused of ..., X denied": a bare participle is what is done to the subject, not speech
    if cue.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ in cue.particle.split("|") for c in token.children):
        return None
    if any(a.lemma_.lower() in lexicon.contrast_markers for a in token.ancestors):
        return None  # "contrary to what X claims, ...": what the sentence sets itself against
    children = list(token.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    passive = agent is not None or any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    has_clause = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in children)
    if not takes_its_complement(token, cue):
        return None
    if cue.act_prepositions and not has_clause and any(c.dep_ in ("dobj", "obj") for c in children) and any(
            c.dep_ == "prep" and c.lower_ in cue.act_prepositions for c in children):
        return None  # "asked Ruvia for help" is a request made, not something said
    # "The photograph shows ...": such cues need a document subject, unless they take a clause ("shows that").
    if cue.subjects and not any(c.dep_ == "ccomp" for c in children) and (subject is None or subject.lemma_.lower() not in cue.subjects):
        return None

    scope, main = sentence_span(sentence), True
    written: tuple[tuple[int, int], ...] | None = None
    sources: tuple[tuple[int, int], ...]
    kind = "verb"
    if passive:
        if agent is not None and (pobj := first_child(agent, "pobj")) is not None:
            sources = (source_span(pobj),)
        elif subject is not None and subject.lower_ not in ("it", "this") and not has_clause and cue.complement == "any":
            return None  # "the presence was confirmed" is not an attribution to the presence
        elif cue.impersonal:
            sources, kind = (), "impersonal"
        else:
            return None
    elif subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
        sources, scope, main = (source_span(token.head),), subtree_span(token), False
        written = ((subject.idx, subject.idx + len(subject.text)),)
    elif token.dep_ == "relcl":
        if subject is None:
            return None
        # "where the army claims to have ...", "in which he said ...": a clause of its own;
        # "the toll of 90 that the governor announced": what they said is the noun the
        # (restrictive) clause describes; after a comma ("a school, which the rebels denied")
        # the clause comments on what was told before
        sources, main = tuple(source_span(s) for s in conjuncts(subject)), False
        restrictive = token.left_edge.i == 0 or token.doc[token.left_edge.i - 1].text != ","
        said_noun = restrictive and not has_clause and not any(c.dep_ in ("dobj", "obj") and c.lower_ not in _RELATIVE_PRONOUNS for c in children)
        scope = subtree_span(token.head) if said_noun and token.head.pos_ in ("NOUN", "PROPN", "NUM") else subtree_span(token)
    elif subject is not None and subject.i < token.i and not can_speak(subject, lexicon) and (
            inverted := _inverted_subject(token, children, lexicon)) is not None:
        # "Le convoi ..., confirment des témoins": the speaker after the cue, the parse's subject no speaker
        sources = tuple(source_span(s) for s in conjuncts(inverted))
    elif subject is not None:
        if subject.lower_ in ("it", "this", "that") and not has_clause and token.dep_ != "parataxis":
            return None  # "it reported losses"; but a parenthetical "..., it says, ..." cites
        sources = tuple(source_span(s) for s in conjuncts(subject))
        written = written_conjunction(conjuncts(subject))
        if token.dep_ in ("conj", "advcl") and _said_within_speech(token, subject, lexicon):
            # "X said 60 were killed, while Y said 25": Y's words are a claim of their own
            # clause, so that the sentence's two sources keep their own figures
            scope, main = own_clause(token, subject), False
    elif (inverted := _inverted_subject(token, children, lexicon)) is not None:
        sources = tuple(source_span(s) for s in conjuncts(inverted))
    elif token.dep_ in ("conj", "advcl", "xcomp", "pcomp") and (inherited := inherited_subject(token)) is not None:
        # "... and considers ...", "..., adding ...": its own clause, by the subject it shares;
        # but "laughed the story off or rejected it" tells one act two ways: both verbs are its claim
        sources, main = tuple(source_span(s) for s in conjuncts(inherited)), False
        scope = clause_span(token)
        if _alternative_of_act(token, lexicon):
            # the two verbs with their subject; the whole sentence when no one else speaks in it
            spoken = [t for t in sentence if t.i not in (token.i, token.head.i) and t.pos_ in ("VERB", "AUX")
                      and t.lemma_.lower() in lexicon.verbs]
            scope = (inherited.left_edge.idx, scope[1]) if spoken else sentence_span(sentence)
    else:
        return None
    via = tuple(relays(token, lexicon))
    return Frame(
        kind=kind,
        cue=cue_text(token),
        cue_span=cue_span(token),
        sources=sources,
        scope=scope,
        stance=cue.stance,
        modality=cue.modality or ("alleged" if kind == "impersonal" else None),
        via=via,
        content_root=content_root(token),
        main=main and token.dep_ == "ROOT",
        attitude=cue.attitude,
        clausal=any(c.dep_ == "ccomp" for c in children),
        written_sources=written,
    )


def _alternative_of_act(token: Token, lexicon: CueLexicon) -> bool:
    """Whether a cue is an alternative wording of the verb it is joined to ("laughed the story
    off or rejected it", "ont ironisé ou démenti"), that verb being no cue of its own and the
    main verb of the sentence: one act told two ways, not a second statement."""
    head = token.head
    # the conjunction hangs from the first verb (English parses) or the second (UD parses)
    return (token.dep_ == "conj" and head.dep_ == "ROOT" and head.lemma_.lower() not in lexicon.verbs
            and any(c.dep_ == "cc" and c.lower_ in lexicon.alternative_conjunctions for c in (*head.children, *token.children)))


def _inverted_subject(token: Token, children: list[Token], lexicon: CueLexicon) -> Token | None:
    """'..., ajoute le gouverneur': a speech verb told after what was said, its speaker after it
    and parsed as its object. Only with the statement before it (a comma or closing quote just
    before the verb or its auxiliaries) and a speaker that can speak."""
    first = min([token, *(c for c in children if c.dep_ in ("aux", "auxpass", "neg"))], key=lambda t: t.i)
    if first.i == 0 or not first.nbor(-1).is_punct or first.nbor(-1).text not in (",", "»", '"', "”", "’"):
        return None
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is not None and can_speak(obj, lexicon):
        return obj
    # "..., affirme dans une note le ministère": a speaker with its own article, which
    # the parse hung on the noun before it as a modifier
    return next((t for t in token.subtree if t.i > token.i and t.dep_ in ("compound", "appos", "nmod")
                 and any(c.dep_ == "det" for c in t.children) and can_speak(t, lexicon)), None)


def _according_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    lower = token.lower_
    if lower == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        pobj = first_child(to, "pobj") if to is not None else None
        cue_end = to.idx + len(to.text) if to is not None else None
    elif lower == "citing" and token.dep_ in ("advcl", "prep", "acl"):
        pobj = first_child(token, "dobj")
        cue_end = token.idx + len(token.text)
    elif token.dep_ in ("prep", "case") and (words := _preposition_words(token)) and "".join(w.text for w in words).lower() in lexicon.according_prepositions:
        # "selon le ministre", "d'après X": the preposition (with the words fixed to it) cites its object;
        # still a case marker when the parse made its nominal the sentence's root
        pobj = first_child(token, "pobj") if token.dep_ == "prep" else token.head
        if pobj is not None and pobj.tag_ == "WP":
            return None  # "les rumeurs selon lesquelles ...": a relative pronoun cites no one
        cue_end = words[-1].idx + len(words[-1].text)
    else:
        return None
    if pobj is None or cue_end is None or not can_speak(pobj, lexicon):
        return None
    return Frame(
        kind="according",
        cue=doc_text(sentence.doc)[token.idx : cue_end],
        cue_span=(token.idx, cue_end),
        sources=(source_span(pobj),),
        scope=sentence_span(sentence),
        via=tuple(relays_in(pobj, lexicon)),
        content_root=token.head.i,
    )


def _preposition_words(token: Token) -> list[Token]:
    """A preposition and the words fixed to it ("d'" + "après")."""
    return [token, *[c for c in token.children if c.dep_ == "fixed"]]


def _noun_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'X provided a negative answer', 'X issued a denial'."""
    if token.lemma_.lower() not in lexicon.giving_verbs or token.pos_ != "VERB":
        return None
    obj = first_child(token, "dobj")
    subject = first_child(token, "nsubj")
    if obj is None or subject is None or obj.lemma_.lower() not in lexicon.speech_nouns:
        return None
    negative = obj.lemma_.lower() == "denial" or any(c.lower_ in lexicon.negative_modifiers for c in obj.children)
    return Frame(
        kind="noun",
        cue=doc_text(sentence.doc)[token.idx : obj.idx + len(obj.text)],
        cue_span=(token.idx, obj.idx + len(obj.text)),
        sources=tuple(source_span(s) for s in conjuncts(subject)),
        scope=sentence_span(sentence),
        stance="deny" if negative else "assert",
        main=token.dep_ == "ROOT",
    )


def _figure_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'Officials put the death toll at 30', '..., and a local official put the toll at 20':
    setting a figure at a number states it. The subject is the figure's source; a conjoined
    or subordinate one makes a claim of its own clause, so that two sources of one sentence
    ('X reported 40 to 90 dead, and Y put the toll at 20') keep their own figures."""
    if token.lemma_.lower() not in lexicon.figure_verbs or token.pos_ != "VERB":
        return None
    obj = first_child(token, "dobj")
    subject = first_child(token, "nsubj")
    if obj is None or subject is None or obj.lemma_.lower() not in lexicon.figure_nouns or not can_speak(subject, lexicon):
        return None
    numbers = [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in lexicon.figure_prepositions
               for pobj in prep.children if pobj.dep_ == "pobj" and (pobj.like_num or pobj.ent_type_ in ("CARDINAL", "QUANTITY")
                                                                      or any(c.dep_ == "nummod" for c in pobj.children))]
    if not numbers:
        return None
    main = token.dep_ == "ROOT"
    scope = sentence_span(sentence) if main else own_clause(token, subject)
    return Frame(
        kind="verb",
        cue=cue_text(token),
        cue_span=cue_span(token),
        sources=tuple(source_span(s) for s in conjuncts(subject)),
        scope=scope,
        via=tuple(relays(token, lexicon)),
        content_root=token.i,
        main=main,
        written_sources=written_conjunction(conjuncts(subject)),
    )


def _given_figure_frame(token: Token, lexicon: CueLexicon) -> Frame | None:
    """'far from the 120 the mayor's office gave on Friday', 'the figure the ministry
    released': a figure that a relative clause says someone gave (or put, estimated) is
    theirs; the claim is the figure with that clause."""
    if token.dep_ != "relcl" or token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.giving_verbs | lexicon.figure_verbs:
        return None
    figure = token.head  # the number itself ("the 900 the governor's office gave") or a figure noun
    if not (figure.like_num or figure.ent_type_ in ("CARDINAL", "QUANTITY") or figure.lemma_.lower() in lexicon.figure_nouns):
        return None  # "the 40 tanks the government gave": things handed over, not a figure told
    subject = first_child(token, "nsubj")
    if subject is None or subject.lower_ in _RELATIVE_PRONOUNS or not can_speak(subject, lexicon) or any(
            c.dep_ in ("dobj", "obj") and c.lower_ not in _RELATIVE_PRONOUNS for c in token.children):
        return None
    return Frame(
        kind="verb",
        cue=cue_text(token),
        cue_span=cue_span(token),
        sources=tuple(source_span(s) for s in conjuncts(subject)),
        scope=subtree_span(figure),
        content_root=token.i,
        main=False,
    )


def own_clause(token: Token, subject: Token) -> tuple[int, int]:
    """The span of a cue's own clause, from its subject, without a participle set off by a
    comma after it (", countering claims that ..."): what that adds is the writer's, not the
    speaker's."""
    aside = [c for c in token.children if c.dep_ == "advcl" and c.i > token.i and c.nbor(-1).is_punct]
    end = min((c.left_edge.i for c in aside), default=token.right_edge.i + 1)
    tokens = [t for t in token.subtree if not (t.dep_ == "cc" and t.head.i == token.i) and subject.left_edge.i <= t.i < end]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:  # a subject after its cue, past an aside: the cue's own words
        return (token.idx, token.idx + len(token.text))
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _said_within_speech(token: Token, subject: Token, lexicon: CueLexicon) -> bool:
    """Whether a cue with its own subject opens a clause joined to one another speech cue
    governs ("X said ..., while Y said ...", "X said ... and Y said ...": a conjunction
    before its subject; not a quote's parenthetical cue, ", ont-ils rappelé")."""
    before = subject.left_edge.i - 1
    return before >= 0 and token.doc[before].dep_ in ("cc", "mark") and any(
        a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in lexicon.verbs and not lexicon.verbs[a.lemma_.lower()].attitude
        for a in token.ancestors)


def _news_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'The news comes out on Reuters': Reuters is the source of the news just told."""
    if token.dep_ != "ROOT" or token.lemma_.lower() not in lexicon.news_verbs:
        return None
    subject = first_child(token, "nsubj") or first_child(token, "nsubjpass")
    if subject is None or subject.lemma_.lower() not in lexicon.news_nouns or not any(c.lower_ in ("the", "this") for c in subject.children):
        return None
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("on", "in", "from", "by", "via", "through", "out"):
            pobj = first_child(prep, "pobj") or next((first_child(p, "pobj") for p in prep.children if p.dep_ == "prep"), None)
            if pobj is not None:
                start = subject.left_edge.idx
                return Frame(
                    kind="news",
                    cue=doc_text(sentence.doc)[start : prep.idx + len(prep.text)],
                    cue_span=(start, prep.idx + len(prep.text)),
                    sources=(source_span(pobj),),
                    scope=sentence_span(sentence),
                    backward=True,
                )
    return None


def _adjective_frame(token: Token, sentence: Span, lexicon: CueLexicon) -> Frame | None:
    """'X is confident that ...', 'X remains opposed to ...': an attitude held by the subject."""
    if token.dep_ != "acomp" or token.lower_ not in lexicon.attitude_adjectives:
        return None
    verb = token.head
    subject = first_child(verb, "nsubj")
    if subject is None or subject.lower_ in ("it", "this", "that", "there"):
        return None
    speakers = conjuncts(subject)
    return Frame(
        kind="verb",
        cue=doc_text(sentence.doc)[verb.idx : token.idx + len(token.text)],
        cue_span=(verb.idx, token.idx + len(token.text)),
        sources=tuple(source_span(s) for s in speakers),
        scope=sentence_span(sentence),
        content_root=next((c.i for c in token.children if c.dep_ in ("ccomp", "xcomp")), None),
        main=verb.dep_ == "ROOT",
        attitude=True,
        clausal=any(c.dep_ == "ccomp" for c in token.children),
        written_sources=written_conjunction(speakers),
    )


def _possessive_noun_frame(token: Token, lexicon: CueLexicon) -> Frame | None:
    """'the police's earlier claim that ...', 'a statement by the ministry': a clause-level frame."""
    if token.pos_ != "NOUN" or token.lower_ not in lexicon.possessive_speech_nouns:
        return None
    owner = first_child(token, "poss")
    if owner is None:
        agent = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = first_child(agent, "pobj") if agent is not None else None
    if owner is None or owner.lower_ in ("its", "their", "his", "her", "my", "our", "your") and owner.dep_ == "poss" and not is_named(owner):
        return None
    if not any(c.dep_ in ("acl", "ccomp") or c.dep_ == "prep" and "of" in (c.lower_, c.norm_) and first_child(c, "pobj") is not None
               for c in token.children):
        return None  # "rejected the army's accusations": a noun that says nothing of its own ("of genocide" says something)
    return Frame(
        kind="noun",
        cue=token.text,
        cue_span=(token.idx, token.idx + len(token.text)),
        sources=(source_span(owner),),
        scope=subtree_span(token),
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
                scope=sentence_span(sentence),
                modality="alleged",
            )
    return None

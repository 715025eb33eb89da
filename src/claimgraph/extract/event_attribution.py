"""Accusations told without an accusing word: a speaker who says another party did harm, or
caused it, accuses that party.

"Officials in Kessa said Ruvia's forces had blown up the bridge", "the army said the clinic
was hit by a shell misfired by the rebels", "every sign pointed to Ruvia's
responsibility": no "accuse" or "blame", yet PLOVER's ACCUSE (alleging wrongdoing) is told.
What makes it one is general: a claim with a speaker of its own (not the outlet's voice),
whose content either reports a harmful act with a doer, or ties harm to a party through a
word of responsibility or cause ("responsible", "behind", "caused by", "the cause of",
"resulted from"). The accused is that doer or party, never the speaker; the speaker is the
accuser. A cause that is a weapon or an act of force with no party named ("a stray shell
caused the fire") blames whoever used it: an accusation with no one accused.

Naming an act of force a wrong accuses too, whatever the verb: "called the shelling a war
crime", "described the raid as terrorism", or in a speaker's words "the bombing was a
massacre", "it was sabotage by Kessa".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_roles import has_word_in_class, subject, told_as_means
from claimgraph.extract.event_triggers import mentions_in as mentions_of
from claimgraph.records import Claim, Event, EventArgument, Mention

PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_HARM_CATEGORIES = frozenset({"ASSAULT"})
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "on", "from", "to", "into", "over"})


@dataclass(frozen=True)
class Accusation:
    """An accusation read from a claim: the word it is anchored on, who accuses, who is accused."""

    anchor: Token
    accuser: EventArgument | None
    accused: tuple[Mention, ...]
    act: Token | None = None  # the word that tells the harm blamed ("hit", "responsible"): where it is placed


def accusations(sentence: Span, claims: list[Claim], events: list[Event], mentions: list[Mention],
                lexicon: EventLexicon) -> list[Accusation]:
    """The accusations the sentence's claims tell without an accusing word."""
    speakers = tuple(span for c in claims for span in _source_span(c))  # who speaks in the document
    found = []
    for claim in claims:
        if claim.source.kind == "outlet" or not claim.cue or not sentence.start_char <= claim.start < sentence.end_char:
            continue  # only a speaker who says it, in words of their own telling, accuses
        speaker = _speaker(claim, mentions)
        own = {(m.start, m.end) for m in speaker} | ({(claim.source.start, claim.source.end)} if claim.source.start is not None else set())
        for act, blamed in _harm_told(claim, sentence, events, mentions, lexicon, speakers):
            accused = tuple(m for m in blamed if (m.start, m.end) not in own and not _same_party(m, speaker))
            if accused or not blamed:
                # No party named, yet a weapon or an act of force is the cause ("a stray
                # shell caused the fire"): whoever used it is blamed.
                found.append(Accusation(_cue_token(claim, sentence) or act, _accuser(claim), accused, act))
                break  # one accusation per claim
    return found


def acts_called_wrong(sentence: Span, claims: list[Claim], mentions: list[Mention], lexicon: EventLexicon) -> list[Accusation]:
    """Acts of force called a wrong: 'the minister called the shelling a war crime', 'Kessa
    described the raid as terrorism', and, said by a speaker, 'the bombing was a massacre'.
    Naming an act a crime is alleging wrongdoing, PLOVER's ACCUSE, whatever the verb; the
    accuser is who names it, the accused the parties the act's own phrase names ("Ruvia's
    strike")."""
    found = []
    for word in sentence:
        if not (lexicon.in_class(word.lemma_, "wrongdoing") or lexicon.in_class(word.lower_, "wrongdoing")) or _negated(word):
            continue
        verb, acts = _named_act(word, lexicon)
        if verb is None or not acts:
            if (wrong := _wrong_done_by(word, claims, sentence, mentions, lexicon)) is not None:
                found.append(wrong)  # "it was sabotage by Kessa", a speaker says
            continue
        if any(c.dep_ == "neg" for c in verb.children) or open_question(verb):
            continue
        if lexicon.in_class(verb.lemma_, "naming"):
            naming = doer_heads(verb)
            namer = [m for m in mentions_of(naming, mentions) if m.type in PARTY_TYPES]
            said = next((c for c in claims if c.source.kind != "outlet" and c.start <= verb.idx < c.end), None)
            if not namer and said is None and not naming:
                continue  # no one calls it so
            anchor = verb
        else:
            said = next((c for c in claims if c.source.kind != "outlet" and c.cue and c.start <= word.idx < c.end), None)
            if said is None:
                continue  # "the bombing was a massacre" in the outlet's voice reports, it does not accuse
            namer, anchor = [], _cue_token(said, sentence) or word
        accuser = (EventArgument("actor", namer[0].start, namer[0].end, namer[0].text, namer[0].key, namer[0].type) if namer
                   else _accuser(said) if said is not None else None)
        accuser_keys = {m.key for m in namer} | ({accuser.key} if accuser is not None else set())
        accused = tuple(m for act in acts for m in mentions_of(list(act.subtree), mentions)
                        if m.type in PARTY_TYPES and m.key not in accuser_keys and not _after_locative_offset(m, act))
        found.append(Accusation(anchor, accuser, accused, acts[0]))
    return found


_THIRD_PERSON = frozenset({"he", "she", "they", "it"})


def _wrong_done_by(word: Token, claims: list[Claim], sentence: Span, mentions: list[Mention],
                   lexicon: EventLexicon) -> Accusation | None:
    """A wrong with its doer in its own phrase, in a speaker's words: "it was sabotage by
    Kessa", "Ruvia's crimes", "the massacre the militia committed". Naming who did a wrong
    accuses them; one told by a pronoun ("the crimes they committed") is an accusation of
    someone the sentence does not name."""
    said = next((c for c in claims if c.source.kind != "outlet" and c.cue and c.start <= word.idx < c.end), None)
    if said is None or open_question(word):
        return None
    doers = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    doers += [c for c in word.children if c.dep_ == "poss"]
    # the doer of a relative clause that tells the wrong done: "the massacre (that) X committed"
    done_by = [d for c in word.children if c.dep_ == "relcl" and lexicon.in_class(c.lemma_, "commission")
               and not any(g.dep_ == "neg" for g in c.children) and (d := subject(c)) is not None and d.i != word.i]
    doers += done_by
    speaker = _speaker(said, mentions)
    accused = tuple(m for m in mentions_of([t for d in doers for t in d.subtree], mentions)
                    if m.type in PARTY_TYPES and not _same_party(m, speaker) and not _in_source(m.start, said))
    if not accused and not any(d.pos_ == "PRON" and d.lower_ in _THIRD_PERSON for d in done_by):
        return None
    return Accusation(_cue_token(said, sentence) or word, _accuser(said), accused, word)


def _named_act(word: Token, lexicon: EventLexicon) -> tuple[Token | None, list[Token]]:
    """The verb that calls an act by a word of wrongdoing, and the act: what a naming verb takes
    ("called the strike a massacre", "described the raid as terrorism", "the strike, 'a
    massacre'") or the subject of a copula ("the raid was an act of terror")."""
    path = [word]
    current = word
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") and current is not word and not _act_of_force(current, lexicon) \
                or current.head.i == current.i:
            break  # a gerund of force ("the shelling") is the act, not the verb that names it
        current = current.head
        path.append(current)
    verb = current if current.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None, []
    if lexicon.in_class(verb.lemma_, "naming"):
        candidates = [c for c in verb.children if c.dep_ in ("dobj", "obj", "oprd", "nsubjpass")] + path[1:-1]
    elif verb.lemma_ == "be":
        candidates = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return None, []
    return verb, [t for t in candidates if t is not word and _act_of_force(t, lexicon)]


def _act_of_force(head: Token, lexicon: EventLexicon) -> bool:
    """An act a wrong can be said of: an assault ("the shelling") or an incident of force ("the blast")."""
    return (_violent_act(head, lexicon) or (head.tag_ == "VBG" and _harmful(head, lexicon))
            or (has_word_in_class(head, lexicon, "incident") and not has_word_in_class(head, lexicon, "disaster")))


def _cue_token(claim: Claim, sentence: Span) -> Token | None:
    """The word the speaker's claim is told with ('said', 'told'): the accusation's own word,
    nearest the speaker."""
    if not claim.cue:
        return None
    first = claim.cue.split()[0].casefold()
    found = [t for t in sentence if claim.start <= t.idx < claim.end and t.lower_ == first]
    if not found:
        return None
    near = claim.source.start if claim.source.start is not None else claim.start
    return min(found, key=lambda t: abs(t.idx - near))


def _accuser(claim: Claim) -> EventArgument | None:
    source = claim.source
    if source.entity_key is None or source.start is None or source.end is None:
        return None
    return EventArgument("actor", source.start, source.end, source.name, source.entity_key, source.entity_type or "")


def _speaker(claim: Claim, mentions: list[Mention]) -> list[Mention]:
    """The mentions inside the claim's source phrase ('Senior Zorov Group commander Ilya Varno':
    the Zorov Group and Ilya Varno speak for one side)."""
    if claim.source.start is None or claim.source.end is None:
        return []
    return [m for m in mentions if claim.source.start <= m.start and m.end <= claim.source.end]


def _same_party(mention: Mention, speaker: list[Mention]) -> bool:
    return any(mention.key == other.key for other in speaker)


def _harm_told(claim: Claim, sentence: Span, events: list[Event], mentions: list[Mention],
               lexicon: EventLexicon, speakers: tuple[tuple[int, int], ...]) -> list[tuple[Token, list[Mention]]]:
    """(anchor, parties blamed) for each harm the claim's content ties to a party: a harmful
    act's doers, or the parties a word of responsibility or cause points to."""
    doc = sentence.doc
    cue = _cue_token(claim, sentence)
    # What is said, not who says it nor the word that says it ("X attacked Y" read as a
    # speech act has its harm in its cue: no one reports it).
    content = [t for t in sentence if claim.start <= t.idx < claim.end and not _in_source(t.idx, claim) and t is not cue]
    if cue is None or cue.lemma_.lower() in lexicon.fatality_verbs or _harmful(cue, lexicon):
        return []
    told: list[tuple[Token, list[Mention]]] = []
    for event in events:
        act = doc.char_span(event.start, event.end, alignment_mode="expand")
        # a harm told as not done, or not yet ("did not bomb", "will strike"), blames no one
        if event.plover in _HARM_CATEGORIES and event.status in _DONE and claim.start <= event.start < claim.end and act is not None \
                and act.root.pos_ == "VERB" and act.root in content and not open_question(act.root):
            # A party that acts ("X's forces blew up the bridge"), not an act named by its
            # instrument's maker ("a Ruvian drone strike hit ..."), which reports more than it blames.
            doers = [m for m in _doers(act.root, mentions, lexicon) for a in event.role("actor") if (m.start, m.end) == (a.start, a.end)]
            if doers:
                told.append((act.root, doers))
    # a harm the event reading tells as not done ("no civilians were killed by X") blames no one
    not_done = {e.start for e in events if e.status not in _DONE}
    for token in content:
        if open_question(token) or _negated(token) or token.idx in not_done:
            continue  # "whether it was a drone strike", "was not responsible": no one is blamed
        if token.pos_ == "VERB" and (is_causal(token, lexicon) or _harmful(token, lexicon) or _force_in_passive(token, lexicon)):
            doers = _doers(token, mentions, lexicon)  # "caused by mines laid by X", "hit by a shell fired by X"
            if _first_person_subject(token):
                continue
            if doers:
                told.append((token, doers))
            elif is_causal(token, lexicon) and _instrument_blamed(doer_heads(token, lexicon), lexicon):
                told.append((effect_of(token) or token, []))  # "the fire was caused by an errant missile"
        elif lexicon.in_class(token.lemma_, "responsibility") or lexicon.in_class(token.lower_, "responsibility"):
            if token.pos_ == "ADP" and not _behind_the_act(token):
                continue  # "X was behind the attack", "the group behind it"; not "finished behind Y"
            if told_as_means(token, lexicon.means_prepositions, speakers, mentions):
                continue  # "Y evades blame by laying it on Z": Y's blame, not the speaker's
            parties = _parties_around(token, mentions)
            if _first_person_subject(token):
                continue
            if parties:
                told.append((token, parties))
            elif _instrument_blamed(_words_around(token, own_phrase=False), lexicon):
                told.append((effect_of(token) or token, []))  # "a stray shell was the cause of the blast"
    return told


_DONE = frozenset({"happened", "alleged"})


def effect_of(word: Token) -> Token | None:
    """What a word of cause says was caused, where the harm blamed is placed: "the cause of
    the blast", "caused the fire", "the fire was caused by", "the blast resulted from"."""
    if word.pos_ == "NOUN":
        found = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        found = [c for c in word.children if c.dep_ in ("nsubjpass", "dobj")] or [c for c in word.children if c.dep_ == "nsubj"]
    return found[0] if found else None


def is_causal(verb: Token, lexicon: EventLexicon) -> bool:
    """A verb that names a cause: "caused", "was behind", or "resulted from"."""
    return lexicon.in_class(verb.lemma_, "responsibility") or (
        lexicon.in_class(verb.lemma_, "cause_from") and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children))


def _instrument_blamed(words: list[Token], lexicon: EventLexicon) -> bool:
    """Whether a weapon or an act of force is among the words a cause points to, and no
    hazard of nature: force has a user, a storm has none. An incident ("an explosion
    caused the collapse") tells what happened, not whose force it was."""
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and not has_word_in_class(t, lexicon, "incident")]
    return any(has_word_in_class(t, lexicon, "weapon") or _assault_named(t, lexicon) for t in heads) \
        and not any(has_word_in_class(t, lexicon, "disaster") for t in heads)


def _assault_named(noun: Token, lexicon: EventLexicon) -> bool:
    """A noun that names an assault as its lexicon entry asks ("an air strike", not "a strike
    by dock workers")."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    return noun.pos_ == "NOUN" and any(t.plover in _HARM_CATEGORIES and (not t.needs_modifier or t.needs_modifier & modifiers)
                                       for t in lexicon.entries(noun.lemma_.lower(), "NOUN"))


def _force_in_passive(verb: Token, lexicon: EventLexicon) -> bool:
    """A passive whose agent is a weapon or an act of force ("the school was struck by a mortar
    round fired by X", "the depot was levelled by Ruvian drone strikes"), or whose subject is an act of force done by
    its agent ("the strike was carried out by X"): whatever the verb, force is told and its
    agent's party is who used it."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not agents:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(_forceful(t, lexicon) for t in agents) or any(_violent_act(t, lexicon) for t in subjects)


def _forceful(head: Token, lexicon: EventLexicon) -> bool:
    return has_word_in_class(head, lexicon, "weapon") or _violent_act(head, lexicon)  # "a mortar round", "drone strikes"


def _violent_act(head: Token, lexicon: EventLexicon) -> bool:
    """A noun the lexicon lists for an assault ("strike", "raid", "bombing")."""
    return head.pos_ == "NOUN" and any(t.plover in _HARM_CATEGORIES for t in lexicon.entries(head.lemma_.lower(), "NOUN"))


def open_question(token: Token) -> bool:
    """Whether the word lies in a clause left open: 'whether it was a drone strike', 'if they fired'."""
    current = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _negated(token: Token) -> bool:
    """'was not responsible', 'bears no responsibility': the word or its predicate negated."""
    heads = [token, token.head] if token.dep_ in ("acomp", "attr", "dobj", "pobj") else [token]
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for head in heads for c in head.children)


def _first_person_subject(token: Token) -> bool:
    """'we all share responsibility': a speaker who blames itself accuses no one else."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children)


def _behind_the_act(word: Token) -> bool:
    """Whether a preposition of responsibility ("behind") ties a party to an act: as the
    predicate of a party ("X was behind the attack") or after a party's noun with the act as
    its object ("the group behind the attack", "the men behind it"); not a place in a race
    or a queue ("finished behind the Senegalese", "the race behind the leaders")."""
    if word.head.lemma_ == "be":
        return True
    objects = [c for c in word.children if c.dep_ == "pobj"]
    return word.head.pos_ in ("NOUN", "PROPN") and bool(objects) and (objects[0].pos_ == "PRON" or not objects[0].ent_type_)


def _harmful(token: Token, lexicon: EventLexicon) -> bool:
    """A verb the lexicon lists for an assault, whatever conditions its entries set (the
    accusation needs only that harm is told and by whom)."""
    return any(trigger.plover in _HARM_CATEGORIES for trigger in lexicon.entries(token.lemma_.lower(), "VERB"))


def _doers(verb: Token, mentions: list[Mention], lexicon: EventLexicon) -> list[Mention]:
    """The parties that do what a verb says: its active subject, the agent of its passive,
    or the people a weapon it names is of ('a Kessan shell'). What a happening's own 'of'
    phrase names is what it happened to, not who did it ('the collapse of the Gao dam caused
    floods': the dam's name blames no one), unless the phrase is a force's ('the forces of Kessa')."""
    offsets = {t.idx for head in doer_heads(verb, lexicon) for t in _doer_phrase(head, lexicon)
               if (t.dep_ in ("nsubj", "pobj", "compound", "amod", "poss") or t is head) and not _ruled_out(t)}
    return [m for m in mentions if m.type in PARTY_TYPES and m.start in offsets and not _after_locative_offset(m, verb)]


def doer_heads(verb: Token, lexicon: EventLexicon | None = None) -> list[Token]:
    """The heads of a verb's active subject and of its passive's agent; of a cause named with
    'from' ("resulted from a shell fired by X"), that cause."""
    if lexicon is not None and lexicon.in_class(verb.lemma_, "cause_from"):
        return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    # the agent, and one joined to it ("not by X but by Y")
    heads += [g for c in verb.children if c.dep_ == "agent" for a in (c, *c.conjuncts) for g in a.children if g.dep_ == "pobj"]
    first = verb
    while not heads and first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head.i != first.i:
        first = first.head  # "a drone lost control and caused the fire": the verbs share their subject
        heads = [c for c in first.children if c.dep_ == "nsubj"]
    return heads


def _doer_phrase(head: Token, lexicon: EventLexicon) -> list[Token]:
    own_theme = [] if has_word_in_class(head, lexicon, "force") else [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    return [t for t in head.subtree if not any(p.left_edge.i <= t.i <= p.right_edge.i for p in own_theme)]


def _after_locative_offset(mention: Mention, verb: Token) -> bool:
    span = verb.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and _after_locative(span.root)


def _source_span(claim: Claim) -> tuple[tuple[int, int], ...]:
    return ((claim.source.start, claim.source.end),) if claim.source.start is not None and claim.source.end is not None else ()


def _in_source(offset: int, claim: Claim) -> bool:
    """Whether a character offset lies in the claim's source phrase (who says it)."""
    return claim.source.start is not None and claim.source.end is not None and claim.source.start <= offset < claim.source.end


def _parties_around(word: Token, mentions: list[Mention]) -> list[Mention]:
    """The parties a word of responsibility or cause points to: in its own phrase ("Ruvia's
    responsibility", "caused by a shell misfired by the rebels", "the cause ... was a
    Kessan shell") or its clause's subject ("X is responsible", "X was behind it");
    never a place named after a locative preposition ("in Kessa")."""
    offsets = {t.idx for t in _words_around(word) if not _after_locative(t) and not _ruled_out(t)}
    return [m for m in mentions if m.type in PARTY_TYPES and m.start in offsets]


def _ruled_out(token: Token) -> bool:
    """Whether the token lies in an alternative the sentence rules out: "a Kessan shell and
    not a Ruvian missile", "a Kessan shell, not a Ruvian missile", "caused not by a Ruvian
    missile but by a Kessan shell" (a conjunct, an apposition or a by-phrase negated by its
    own word or the one before it). A conjunct's polarity is its own: "but by a Kessan shell"
    is not ruled out by the "not" of the phrase it is joined to."""
    current = token
    while current.head.i != current.i:
        if current.dep_ in ("conj", "appos", "agent", "prep"):
            before = current.doc[current.left_edge.i - 1] if current.left_edge.i > 0 else None
            if any(c.dep_ == "neg" for c in current.children) or (before is not None and before.dep_ == "neg"):
                return True
        if current.dep_ == "conj":
            return False
        current = current.head
    return False


def _words_around(word: Token, *, own_phrase: bool = True) -> list[Token]:
    """The words a word of responsibility or cause points to: its own phrase ("Ruvia's
    responsibility"; without `own_phrase`, not: "the cause of the blast" names the harm),
    its clause's subject, and what a subject 'cause' is said to be."""
    owners = [c for c in word.children if c.dep_ == "poss"]
    if owners and own_phrase:  # "its responsibility for the attack on X": the owner's, not X's
        return [t for owner in owners for t in owner.subtree]
    clause = word
    while clause.dep_ in ("acomp", "attr", "prep", "pobj", "amod", "advmod", "compound") and clause.head.i != clause.i:
        clause = clause.head
    tokens = (list(word.subtree) if own_phrase else []) + ([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] if clause is not word else [])
    tokens += [t for c in clause.children if c.dep_ in ("attr", "nsubj", "nsubjpass") for t in c.subtree]
    if word.dep_ in ("nsubj", "nsubjpass"):  # "the cause of the blast was a Kessan shell"
        tokens += [t for c in word.head.children if c.dep_ in ("attr", "acomp", "oprd") for t in c.subtree]
    if not own_phrase:
        inside = range(word.left_edge.i, word.right_edge.i + 1)
        tokens = [t for t in tokens if t.i not in inside]
    return tokens


def _after_locative(token: Token) -> bool:
    """Whether the token names where ("in Port Ardis"): the object of a locative preposition,
    or a word of that object's own name."""
    head = token.head if token.dep_ == "compound" else token
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE

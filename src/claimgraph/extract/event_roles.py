"""Who did it, to whom, where and how surely: an event trigger's roles in the parse.

The subject is the actor ("Ruvia deployed troops"), or the agent of a passive ("troops were
deployed by Ruvia"); the object, or the subject of a passive, is acted on. Subjects missing
from the trigger's own clause are inherited: from the noun a relative clause describes ("the
militia, which attacked ..."), from the object of a control verb ("asked Zorov to send ...")
or from the verb a conjunct or infinitive hangs from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.quotes import head_in_quotation, quotation_of
from claimgraph.records import Mention

# Branches of a phrase that belong to another clause, not to the phrase's own participants.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc", "punct"})
_CONDITIONS = frozenset({"if", "unless"})
_QUESTIONS = frozenset({"whether"})  # "whether the drone hit the depot": asked, not told
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})
OBJECT_CONTROL_DEPS = frozenset({"dobj", "obj", "iobj"})
_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "prep", "acomp"})


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """'troops and helicopters': each conjunct counts, in order."""
    found: list[Token] = []
    for token in tokens:
        for member in (token, *token.conjuncts):
            if member not in found:
                found.append(member)
    return found


def is_passive(token: Token) -> bool:
    """A passive verb: its passive subject or auxiliary, or its agent ("bids for X rejected by
    the club": the by-phrase is the doer, whatever the parser made the subject)."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in token.children)


def clause_verb(token: Token) -> Token:
    """The verb whose clause a nominal trigger sits in (the trigger itself for a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT" or current.head.i == current.i:
            return current
        current = current.head
    return current


def subject(token: Token) -> Token | None:
    """The active subject of a verb trigger, inherited when its own clause has none."""
    current = token
    for _ in range(5):
        if children(current, "expl"):  # "there are 400 instructors in Kessa, operating ..."
            found = children(current, "attr")
            return found[0] if found else None
        # Above the trigger, a passive subject is the trigger's own ("are expected to arrive").
        found = children(current, "nsubj", "csubj") + (children(current, "nsubjpass") if current is not token else [])
        if found:
            head = found[0]
            if (head.lower_ in RELATIVE_WORDS or head.norm_ in RELATIVE_WORDS) and current.dep_ == "relcl":  # "qui": "who"
                return current.head
            return head
        if current.dep_ == "relcl":  # "the junta that seized power": that-less subject relatives
            return current.head
        if current.dep_ == "xcomp":
            controller = children(current.head, *OBJECT_CONTROL_DEPS)
            if controller:
                return controller[0]
        if current.dep_ == "pcomp":  # "was close to recruiting": through the preposition
            current = current.head
            controller = children(current.head, *OBJECT_CONTROL_DEPS)
            if controller:  # "accused Ruvia of attacking": Ruvia attacks
                return controller[0]
        if current.dep_ not in _INHERITING_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return None  # "a deal signed by ...": the noun is what is acted on, not the actor
        current = current.head
    return None


def reporter(pronoun: Token, collective: Callable[[Token], bool]) -> Token | None:
    """Who a third-person pronoun subject of a complement clause stands for: the subject of
    the verb whose complement it is, when they agree ("the army said it killed 40 fighters":
    the army; "the rebels said they had taken the town": the rebels; "Kessa announced that
    they had shelled the camp": a state or a body, `collective`, may be "they"), unless that subject
    is a pronoun too. The clause may complement what that verb's object says ("Kessa dismissed
    the claims that it shelled the camp": Kessa), and the pronoun may own the subject
    ("the army said its jets bombed the camp", "Kessa denied that its fighters attacked":
    the army's jets, Kessa's fighters, told by their owner). A singular "it" never stands for a
    plural subject nor for a named person, nor a plural pronoun for one person."""
    if pronoun.pos_ != "PRON" or "Prs" not in pronoun.morph.get("PronType", []) or "3" not in pronoun.morph.get("Person", []):
        return None
    subject = pronoun.head if pronoun.dep_ == "poss" and "Yes" in pronoun.morph.get("Poss", []) else pronoun
    if subject.dep_ != "nsubj" or (subject is not pronoun and subject.pos_ not in ("NOUN", "PROPN")):
        return None
    clause = subject.head
    if clause.dep_ == "ccomp" and clause.head.pos_ == "VERB":
        telling = clause.head
    elif clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN" and clause.head.dep_ in ("dobj", "obj") \
            and clause.head.head.pos_ == "VERB" and any(c.lower_ == "that" for c in clause.children if c.dep_ == "mark"):
        telling = clause.head.head  # "dismissed the claims that it shelled the camp"
    else:
        return None
    quoted = quotation_of(pronoun)
    if quoted is not None and not quoted[0] <= telling.idx < quoted[1]:
        return None  # in a speaker's own quoted words, "they" and "it" are others ("we" is the speaker)
    matrix = children(telling, "nsubj")
    if not matrix or matrix[0].pos_ == "PRON":
        return None
    subject_plural = "Plur" in matrix[0].morph.get("Number", [])
    if "Plur" in pronoun.morph.get("Number", []):
        agrees = subject_plural or collective(matrix[0])
    else:  # "it" is no person ("Amadou Keita, a spokesman for the Front, denied that its fighters ...")
        agrees = not subject_plural and not ("Neut" in pronoun.morph.get("Gender", []) and matrix[0].ent_type_ == "PERSON")
    return matrix[0] if agrees else None


def lost_subject(verb: Token) -> Token | None:
    """The subject the parser hung on an opening phrase as its apposition: in "with tensions
    with Ruvia, the junta of Kessa has stepped up ...", the noun phrase just before the verb
    (and its auxiliaries) that has no subject of its own."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
    if not finite or children(verb, "nsubj", "nsubjpass", "csubj", "expl"):
        return None  # an infinitive or participle has no subject of its own to lose
    first = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i)], key=lambda t: t.i)
    if first.i == verb.doc[0].i or first.i - 1 < verb.sent.start:
        return None
    candidate = verb.doc[first.i - 1]
    for _ in range(4):  # from the phrase's last word up to its head
        if candidate.dep_ == "appos":
            return None if candidate.is_ancestor(verb) else candidate  # "Ghana, the country expected to ...": not lost
        if candidate.head.i == candidate.i or candidate.head.i >= first.i:
            return None
        candidate = candidate.head
    return None


def agent(token: Token) -> Token | None:
    """The 'by' phrase of a passive verb."""
    for child in children(token, "agent"):
        objects = children(child, "pobj")
        if objects:
            return objects[0]
    return None


def light_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The verb that only carries a noun's event, whose subject does it: "Kessa provided
    training", "launched an attack", "has been providing training and security services"
    (through the noun the event word modifies), "strikes were carried out by Ruvia"."""
    current = noun
    for _ in range(3):
        if current.dep_ in ("dobj", "obj", "nsubjpass") and current.head.lemma_.lower() in lexicon.light_verbs:
            return current.head
        # Not through a compound: "signed a training agreement" signs, it does not train.
        if current.dep_ not in ("nmod", "conj") or current.head.pos_ not in ("NOUN", "PROPN"):
            return None
        current = current.head
    return None


def agreement_parties(noun: Token, lexicon: EventLexicon) -> tuple[list[Token], list[Token]]:
    """Who makes an agreement, and with whom, as the verb that makes it tells: "the deal
    between Ruvia and Kessa", "a contract concluded by Kessa with Zorov", "a deal the two
    countries concluded", "plans to sign a deal with Zorov" (no maker named, a counterpart)."""
    makers = prepositional_objects(noun, {"between"})
    # "between Kessa and Ruvia's Zorov Group" parses Kessa as a modifier of the group's name
    makers += [m for p in makers for m in children(p, "nmod") if m.pos_ == "PROPN"]
    verbs = [v for v in children(noun, "acl", "relcl") if v.lemma_.lower() in lexicon.agreement_verbs]
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and noun.head.lemma_.lower() in lexicon.agreement_verbs:
        verbs.append(noun.head)
    counterparts: list[Token] = []
    for verb in verbs:
        maker = agent(verb) or (subject(verb) if not is_passive(verb) else None)
        if maker is not None and maker != noun and not makers:
            makers = [maker]
            # "concluded by Kessa with Zorov": the parser often hangs the counterpart on the maker
            counterparts += prepositional_objects(maker, {"with"})
        counterparts += prepositional_objects(verb, {"with"})
    return makers, [c for c in counterparts if c not in makers]


def prepositional_objects(token: Token, prepositions: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the trigger's prepositions ('to Kessa', 'from Zorov')."""
    found = []
    for prep in children(token, "prep", "agent", "dative"):
        if prep.norm_ in prepositions:  # norm_: a French preposition carries its English word (extract/syntax.py)
            found.extend(children(prep, "pobj", "pcomp"))
    return found


def themes(token: Token, lexicon: EventLexicon) -> list[Token]:
    """What a trigger acts on or moves: its object, the subject of its passive, the subject of
    an intransitive ('helicopters arrived'), or a noun's 'of'/'on' phrase and compound; 'a
    total of 91 X' is X."""
    return [_counted(t, lexicon) for t in _theme_heads(token)]


def _counted(head: Token, lexicon: EventLexicon) -> Token:
    if head.lemma_.lower() in lexicon.container_nouns or head.lower_ in lexicon.container_nouns:
        inner = prepositional_objects(head, {"of"})
        if inner:
            return inner[0]
    return head


def _theme_heads(token: Token) -> list[Token]:
    if token.pos_ in ("NOUN", "PROPN"):
        found = prepositional_objects(token, {"of", "on", "against"}) + children(token, "compound", "amod")
        return with_conjuncts(found)
    found = children(token, "dobj", "obj", "dative", "nsubjpass", "attr", "oprd")
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        # "the region, which Ruvia annexed", "the port that Kessa seized": the relative word is
        # the noun the clause tells of
        found = [token.head if t.lower_ in RELATIVE_WORDS or t.norm_ in RELATIVE_WORDS else t for t in found]
    if not found:
        inherited = subject(token)
        found = [inherited] if inherited is not None else []
    if not found and token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        found = [token.head]  # "the helicopters delivered last week"
    return with_conjuncts(found)


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses and conjuncts hanging
    from it (a relative clause names other participants)."""
    yield head
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            continue
        yield from phrase_tokens(child)


def has_word_in_class(head: Token, lexicon: EventLexicon, name: str | None) -> bool:
    """Whether the phrase head (or a compound before it) belongs to a word class."""
    if name is None:
        return False
    if name in lexicon.demonym_classes and head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):
        return True  # "400 Ruvians": a people counted is people, or troops
    forms = [head, *children(head, "compound")]
    return any(lexicon.in_class(t.lemma_, name) or lexicon.in_class(t.lower_, name) for t in forms)


@dataclass(frozen=True)
class Status:
    """How the text presents an event: as happened, negated, planned, possible or conditional."""

    value: str
    cue: str | None = None


def event_status(trigger: Token, lexicon: EventLexicon) -> Status:
    """A condition first ("if Kessa does not pay"), then negation (a denied event did not
    happen), conditionals, plans and hedges, read on the trigger and, for a noun, on the
    verb of its clause."""
    scope = [trigger]
    verb = clause_verb(trigger)
    carried = verb is not trigger and verb.lemma_.lower() in lexicon.support_verbs
    if carried:  # "the attack could happen": the verb carries the noun's event
        scope.append(verb)
    # A noun's event is negated by "no", or by negating a verb that only carries it ("did not
    # carry out attacks"), not by any verb ("will not tolerate attacks").
    # "whether the blast was a drone strike": a noun that is what its clause is about takes the clause's mark
    marked = scope + ([verb] if verb is not trigger and trigger.dep_ in ("attr", "nsubj", "nsubjpass") else [])
    for token in marked:  # "if Kessa does not pay": a condition, not a payment that did not happen
        mark = next((m for m in children(token, "mark") if m.norm_ in _CONDITIONS | _QUESTIONS), None)
        if mark is not None:
            return Status("possible", mark.text)
    for token in scope:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.norm_ == "no" and token is trigger):
                return Status("negated", child.text)
    for token in scope:
        modal = any(c.dep_ == "aux" and c.lower_ in lexicon.future_auxiliaries for c in token.children)
        for child in children(token, "advcl"):
            if modal and any(m.lower_ in _CONDITIONS for m in children(child, "mark")):
                return Status("conditional", "if")  # "would withdraw if ...", not "if you look, I attack"
    for token in scope + (_governors(verb) if carried or verb is trigger else []):
        if token is not trigger or token.pos_ in ("VERB", "AUX"):
            if lexicon.future_tenses.intersection(token.morph.get("Tense", [])):  # "retirera": a future of its own form
                return Status("planned", token.text)
            if token is not trigger and _finite_present(token):  # "vont attaquer", "pourrait attaquer"
                if token.lemma_.lower() in lexicon.future_verbs:
                    return Status("planned", token.text)
                if token.lemma_.lower() in lexicon.possible_verbs:
                    return Status("possible", token.text)
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in lexicon.hypothesis_auxiliaries and quotation_of(child) is not None:
                return Status("conditional", child.text)  # '"Without the deal we would pay more"': a hypothesis
            if child.dep_ in ("aux", "auxpass") and child.lower_ in lexicon.future_auxiliaries:
                return Status("planned", child.text)
            if child.dep_ == "aux" and child.lower_ in lexicon.possible_auxiliaries:
                return Status("possible", child.text)
            if child.dep_ == "advmod" and child.lower_ in lexicon.possible_adverbs:
                return Status("possible", child.text)
    for token in scope:  # a language's conditional mood: a hypothesis, or a fact reported at a distance
        mood = _conditional_verb(token, lexicon)
        if mood is not None:
            return Status("conditional" if _hypothetical(token, lexicon) else "alleged", mood.text)
    yet = _not_yet(verb, lexicon) if carried or verb is trigger else None
    if yet is not None:
        return Status("negated", yet.text)  # "has yet to sign": not done so far
    for governor in _governors(verb) if carried or verb is trigger else []:
        if governor.lemma_.lower() in lexicon.intent_verbs:
            return Status("planned", governor.text)
    near = _about_to(verb, lexicon)
    if near is not None:
        return Status("possible", near.text)
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in children(trigger, "amod", "compound"):
            if child.lower_ in lexicon.planned_modifiers:
                return Status("planned", child.text)
        if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.head.lemma_.lower() in lexicon.possible_nouns:
            return Status("possible", trigger.head.head.text)  # "the likelihood of an attack", "the risk of strikes"
        if trigger.dep_ in ("dobj", "obj") and trigger.head.lemma_.lower() in lexicon.announce_verbs:
            return Status("planned", trigger.head.text)
        if lexicon.predicate_plans and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lower_ in lexicon.planned_modifiers:
            # "la fermeture de la base est prévue": planned; "n'est pas prévue": none is to come
            negation = next((c for c in trigger.head.children if c.dep_ == "neg"), None)
            return Status("negated", negation.text) if negation is not None else Status("planned", trigger.head.text)
    return Status("happened")


def _not_yet(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The word telling an infinitive not done so far: right before its "to", on the verb it
    hangs from ("has yet to sign", "is yet to reach agreement"; not "bombed it yet again,
    prompting troops to withdraw")."""
    marker = next((c for c in children(verb, "aux") if c.i < verb.i), None)
    if verb.dep_ != "xcomp" or marker is None or marker.i == 0:
        return None
    before = verb.doc[marker.i - 1]
    return before if before.lower_ in lexicon.not_yet_adverbs and before.head.i == verb.head.i else None


def _about_to(verb: Token, lexicon: EventLexicon) -> Token | None:
    """A predicate of what is about to happen that an event hangs from ("is close to agreeing
    a deal", "on the verge of signing", "poised to sign"): it may yet happen, it has not.
    The event is a gerund, an infinitive or a noun under the predicate's own preposition;
    the predicate is an adjective or participle said of the doer ("is close to", "came close
    to") or a noun after a preposition ("on the verge of"): not a verb ("closed its border
    after attacking"), a preposition ("near where jets attacked") or a place ("lies close to
    where jets bombed": a finite verb is no event to come)."""
    if verb.pos_ not in ("NOUN", "PROPN") and verb.tag_ not in ("VBG", "VB") and "Inf" not in verb.morph.get("VerbForm", []):
        return None
    current = verb
    for _ in range(4):
        if current.head.i == current.i or current.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "acl"):
            return None
        current = current.head
        if current.lower_ in lexicon.near_words:
            predicate = (current.pos_ in ("ADJ", "ADV", "VERB") and current.dep_ in ("acomp", "oprd", "advmod", "xcomp", "ROOT")
                         or current.pos_ == "NOUN" and _near_preposition(current, lexicon) is not None)
            return current if predicate else None
    return None


def _near_preposition(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The preposition a noun of nearness is said with ("on the verge of"; "sur le point de",
    the preposition hanging on the noun), where the language needs one in particular
    (`near_prepositions`: "au point de" is "to the point of", no event to come)."""
    found = noun.head if noun.dep_ == "pobj" else next((c for c in noun.children if c.dep_ == "case"), None)
    if found is None or (lexicon.near_prepositions and found.lower_ not in lexicon.near_prepositions):
        return None
    return found


def names_no_event(trigger: Token, lexicon: EventLexicon) -> bool:
    """Negative concord ("n'acceptera aucune frappe"): in a language whose "no" word
    ("aucun") goes with the clause's own negation, a noun it quantifies names no event unless
    its verb carries the noun ("n'a conduit aucune frappe", a denial) or the noun is the subject
    ("aucune frappe n'a eu lieu"); under any other verb it is a kind of event, refused,
    excluded or not accepted, not one that did or did not happen."""
    if not lexicon.negative_concord or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "det" and c.norm_ == "no" for c in trigger.children):
        return False
    verb = clause_verb(trigger)
    if verb is trigger or verb.lemma_.lower() in lexicon.support_verbs:
        return False
    current = trigger
    while current.head.i != verb.i and current.head.i != current.i:
        current = current.head
    return current.dep_ not in ("nsubj", "nsubjpass")


def _finite_present(verb: Token) -> bool:
    """A verb in a simple finite tense of the present or its past ("vont", "allait",
    "pourrait"), not a compound past ("est allé attaquer": went to attack)."""
    return ("Fin" in verb.morph.get("VerbForm", []) and not children(verb, "aux", "auxpass")
            and bool({"Pres", "Imp"}.intersection(verb.morph.get("Tense", []))))


def _conditional_verb(token: Token, lexicon: EventLexicon) -> Token | None:
    """The verb or auxiliary in a conditional mood of the lexicon ("bombarderait", "aurait
    tué"); none in a language whose lexicon names no such mood."""
    if not lexicon.conditional_moods:
        return None
    forms = [token] + [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    return next((f for f in forms if lexicon.conditional_moods.intersection(f.morph.get("Mood", []))), None)


def _hypothetical(verb: Token, lexicon: EventLexicon) -> bool:
    """A conditional that supposes rather than reports: its doer is anyone at all ("quiconque
    bombarderait le port serait jugé") or a condition hangs from it ("si ..."). Otherwise
    the conditional tells a fact at a distance ("l'attaque aurait fait 20 morts")."""
    if any(s.lemma_.lower() in lexicon.generic_subjects for s in children(verb, "nsubj", "nsubjpass")):
        return True
    return any(m.norm_ in _CONDITIONS for c in children(verb, "advcl") for m in children(c, "mark"))


def _governors(verb: Token) -> list[Token]:
    """Verbs an infinitive or participle hangs from ('plans to withdraw', 'are expected to
    arrive', 'will get its way, allowing them to operate')."""
    found = []
    current = verb
    for _ in range(4):
        if current.head.i == current.i or not _governed(current):
            break
        current = current.head
        found.append(current)
    return found


def _governed(token: Token) -> bool:
    if token.dep_ == "xcomp":
        return True
    if token.dep_ == "advcl":  # a participle, not a clause of its own ("after ...", "when ...")
        return not children(token, "mark") and token.tag_ == "VBG"
    if token.dep_ in ("ccomp", "acl"):  # an infinitive parsed as a clause ("allowing them to start"), or
        # hanging from a noun ("plans to sign a deal": the plan governs it as "plan to" would)
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return False


_TIME_WORDS = frozenset({"after", "since", "before", "following", "until", "till", "prior", "amid"})


def is_background(token: Token) -> bool:
    """Whether an event is told as the time or setting of another, not as news: 'after two
    coups had shaken Kessa', 'since the coup', 'the coup junta'. Its speaker presupposes it; the
    article, not the speaker, is where it comes from."""
    if token.dep_ == "compound":
        return True
    current = token
    while current.head.i != current.i:
        if current.dep_ == "pobj" and current.head.norm_ in _TIME_WORDS:
            return True
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.norm_ in _TIME_WORDS for c in current.children):
            return True
        current = current.head
    return False


def told_as_means(token: Token, means_prepositions: frozenset[str], speakers: tuple[tuple[int, int], ...],
                  mentions: Iterable[Mention] = ()) -> bool:
    """Whether a word is told as how someone other than a speaker does another thing ("the
    rebels hope to escape blame by accusing the army", "evade responsibility through
    laying the blame on Y", "en accusant Y"), said by the army: the speaker
    describes that party's act, presupposed as its setting, and does not make it. The phrase
    is the word's own or one above it; `speakers` are the character spans of who speaks,
    whose own act told so ("it responded by blaming the rebels") is theirs, as is the act of
    a party named in them ("Ruvia responded by blaming Kessa, a Ruvian spokesman said": the
    `mentions` say which)."""
    for word in (token, *token.ancestors):
        if word.dep_ == "pcomp" and word.head.lower_ in means_prepositions:
            done = head_in_quotation(word.head)  # "tries to hide its crimes by accusing Y"
        elif word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in means_prepositions for c in word.children):
            done = word.head  # "cherche à cacher ses crimes en accusant Y"
        else:
            continue
        doer = subject(done)
        if doer is None or doer.pos_ not in ("NOUN", "PROPN"):
            return False
        spoken = [m for m in mentions if any(s <= m.start < e for s, e in speakers)]
        named = {m.key for m in mentions if m.start <= doer.idx < m.end or doer.left_edge.idx <= m.start <= doer.idx}
        return not any(s <= doer.idx < e for s, e in speakers) and not named & {m.key for m in spoken}
    return False

"""Typed magnitudes: which of the taxonomy's slots (killed, injured, missing, displaced,
arrested) a number gives the size of, read from the parse.

A number fills a slot when a word of that slot governs it within its clause ("80 had
died", "killing dozens", "203 terrorists were killed", "2,700 are reported missing",
"23 dead"), or when it is the value a tally noun takes ("put the death toll at 90", "the
toll rose to 86", "a toll of 90"). The slot words are data (data/en/magnitudes.json): a
small closed class per slot, the same for every story.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.extract.spans import first_child

# Dependency labels that end a number's clause: past them, a word no longer governs it.
_CLAUSE_LINKS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "ROOT"})
_VALUE_PREPOSITIONS = frozenset({"at", "to", "of", "by", "from"})  # "toll at 90", "rose to 86", "toll of 90"


@dataclass(frozen=True)
class SlotWords:
    participle: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    verb_objects: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "lose" + "life": a verb that says it with its object
    undone_by: frozenset[str] = frozenset()  # "release": those it is said of are out of the slot ("detainees freed")
    undone_nouns: frozenset[str] = frozenset()  # "the return of the four detainees"

    def has(self, token: Token) -> bool:
        lemma, word = token.lemma_.lower(), token.lower_
        if token.pos_ in ("VERB", "AUX"):
            objects = self.verb_objects.get(lemma, frozenset())
            return (lemma in self.verbs or word in self.adjectives
                    or any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in objects or c.lower_ in objects) for c in token.children))
        if token.pos_ == "ADJ":
            return word in self.adjectives or lemma in self.adjectives
        return lemma in self.nouns or word in self.nouns


@dataclass(frozen=True)
class MagnitudeLexicon:
    slots: dict[str, SlotWords]
    tally_nouns: frozenset[str]
    default_tally_slot: str
    max_steps: int
    age_words: frozenset[str] = frozenset()
    scope_prepositions: frozenset[str] = frozenset()
    scope_nouns: frozenset[str] = frozenset()
    scope_adverbs: frozenset[str] = frozenset()
    rate_nouns: frozenset[str] = frozenset()
    scope_others: frozenset[str] = frozenset()  # "three other villagers", "the other six": a group apart from one told
    remains_nouns: frozenset[str] = frozenset()  # "bodies": none found counts no one
    unrealised: frozenset[str] = frozenset()  # "demanded the release of": an act asked for, not done

    def slot_of_word(self, token: Token) -> str | None:
        return next((name for name, words in self.slots.items() if words.has(token)), None)

    def is_slot_word(self, token: Token) -> bool:
        return self.slot_of_word(token) is not None

    def unit(self, slot: str) -> str:
        return f"people {self.slots[slot].participle}"


def load_magnitude_lexicon(lang: str = DEFAULT_LANGUAGE) -> MagnitudeLexicon:
    data = load_lexicon_data("magnitudes", lang)
    slots = {name: SlotWords(raw["participle"], frozenset(raw["verbs"]), frozenset(raw["nouns"]), frozenset(raw["adjectives"]),
                             {verb: frozenset(objects) for verb, objects in raw.get("verb_objects", {}).items()},
                             frozenset(raw.get("undone_by", ())), frozenset(raw.get("undone_nouns", ())))
             for name, raw in data["slots"].items()}
    return MagnitudeLexicon(slots, frozenset(data["tally_nouns"]), data["default_tally_slot"], int(data["max_steps"]),
                            frozenset(data.get("age_words", ())), frozenset(data.get("scope_prepositions", ())),
                            frozenset(data.get("scope_nouns", ())), frozenset(data.get("scope_adverbs", ())),
                            frozenset(data.get("rate_nouns", ())), frozenset(data.get("scope_others", ())),
                            frozenset(data.get("remains_nouns", ())), frozenset(data.get("unrealised_heads", ())))


@dataclass(frozen=True)
class SlotFinding:
    slot: str
    direct: bool  # the counted noun is what the slot word is said of ("203 terrorists were killed"), not a tally's value


def magnitude_slot(number: Token, counted: Token | None, lexicon: MagnitudeLexicon, *,
                   previous: str | None = None) -> SlotFinding | None:
    """The slot the number at `number` (counting `counted`, when a noun is counted) fills, if
    any. `previous` is the slot of the document's last number that filled one: a tally noun
    pointing back ("revised that number to 86") takes it."""
    if _is_age(number, lexicon):
        return None
    start = counted if counted is not None else number
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if counted is None and following is not None and following.lower_ in _adjectival(lexicon):
        named = next(name for name, words in lexicon.slots.items() if following.lower_ in words.adjectives)
        return SlotFinding(named, True)  # "19 dead", whatever the parse made of "dead"
    if (own := lexicon.slot_of_word(start)) is not None and start is not number:
        if _undone(start, lexicon.slots[own], lexicon.unrealised):
            return None  # "four detainees freed last month", "the hostages were released": no longer held
        return SlotFinding(own, True)  # "the 14 dead", "60 deaths"
    for child in start.children:  # "dozens dead", "12 people missing", "people killed"
        # (not a clause with a subject of its own: "reports that soldiers were hurt")
        if child.dep_ in ("amod", "acl", "appos") and (slot := lexicon.slot_of_word(child)) is not None and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            return SlotFinding(slot, True)
    if counted is not None and start.dep_ == "pobj" and (start.head.lower_ not in _VALUE_PREPOSITIONS or start.head.head.pos_ == "ADP"):
        # "in two villages", "out of the seven people, five died": what a preposition brings
        # counts something else than the harm (but "dead in the hundreds" gives its amount)
        return None
    current = start
    for _ in range(lexicon.max_steps):
        # a verb joined to another with a subject of its own is a clause of its own ("12 were
        # killed and 30 will need surgery"): what it says of its subject is not the first's
        own_clause = current.dep_ == "conj" and current.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
        if current.dep_ in _CLAUSE_LINKS or current.head.i == current.i or own_clause:
            found = _complement_slot(current, lexicon)
            return SlotFinding(found, True) if found else None
        head = current.head
        if current.dep_ == "pobj" and head.lower_ in _VALUE_PREPOSITIONS and (
                slot := _tally_slot(head.head, lexicon, previous)) is not None:
            return SlotFinding(slot, False)
        if (slot := lexicon.slot_of_word(head)) is not None and head.pos_ in ("VERB", "NOUN", "ADJ"):
            return None if _forecast(head) else SlotFinding(slot, True)
        if (slot := _complement_slot(head, lexicon)) is not None and current.dep_ in ("nsubj", "nsubjpass"):
            return None if _forecast(head) else SlotFinding(slot, True)  # "2,700 are reported missing", "80 people are dead"
        if head.pos_ in ("NOUN", "PROPN") and current.dep_ in ("acl", "prep") and (slot := _tally_slot(head, lexicon, previous)) is not None:
            return SlotFinding(slot, False)  # "tolls ranging from 1,200 to 3,400"
        if head.pos_ in ("NOUN", "PROPN") and current.dep_ in ("acl", "relcl"):
            return None  # "an actress, known to millions, has died": a clause describing someone counts no harm
        if head.pos_ in ("VERB", "AUX") and current.dep_ in ("prep", "pobj", "npadvmod", "dobj", "attr", "advmod") and (
                slot := _tally_slot(head, lexicon, previous)) is not None:
            return SlotFinding(slot, False)  # "the death toll has climbed to 3,650"
        current = head
    return None


def _undone(noun: Token, words: SlotWords, unrealised: frozenset[str]) -> bool:
    """Whether what is said of a slot's noun takes its people out of the slot: a verb undoing
    it, done ("detainees freed last month", "the hostages were released"), with the noun as
    its subject, object or the noun it describes; or a noun undoing it with the slot's noun
    after "of" ("the return of the four detainees"). Not done: negated ("have not been
    released"), an infinitive ("refused to release", "agreed to free"), or a noun that one
    of `unrealised` governs ("demanded the release of 50 prisoners")."""
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
        verbs.append(noun.head)
    done = [v for v in verbs if v.lemma_.lower() in words.undone_by and v.dep_ != "xcomp"
            and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to") for c in v.children)]
    if done:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        act = noun.head.head
        return act.lemma_.lower() in words.undone_by | words.undone_nouns and act.head.lemma_.lower() not in unrealised
    return False


def _forecast(verb: Token) -> bool:
    """Whether a harm verb tells what will or would happen ("500 patients will die without
    fuel", "could die"), not what did ("may have died" is an estimate of what happened): a
    forecast is no count of harm."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if any(c.lemma_.lower() == "have" for c in verb.children if c.dep_ == "aux"):
        return False
    return bool(auxiliaries & _FUTURE_MODALS) or "Fut" in verb.morph.get("Tense", [])


_FUTURE_MODALS = frozenset({"will", "would", "could", "might", "shall", "'ll"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def figure_owner(number: Token, lexicon: MagnitudeLexicon, of_words: Iterable[str]) -> str | None:
    """Whose figure a number is told as: the owner of the tally noun whose value it is ("its
    first toll of 640", "the ministry's toll of 300", "the agency's death toll of 250"),
    as written (a pronoun in lower case); None for a figure told as the speaker's own ("put
    the death toll at 350")."""
    if number.dep_ != "pobj" or number.head.lower_.replace("’", "'") not in of_words:
        return None
    tally = number.head.head
    if tally.pos_ != "NOUN" or tally.lemma_.lower() not in lexicon.tally_nouns:
        return None
    # a name before the noun owns it when it names a party ("the Red Cross toll"), not a place
    # or a time ("the Gao toll", "the May toll")
    owners = [c for c in tally.children if c.dep_ == "poss"] or [
        c for c in tally.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in _PARTY_TYPES]
    if not owners:
        return None
    owner = owners[-1]
    if owner.pos_ == "PRON":
        return owner.lower_  # "its", "their": lower case marks a pronoun, a name keeps its case
    words = [t for t in owner.doc[owner.left_edge.i : owner.i + 1] if t.dep_ != "case"]
    return " ".join(t.text for t in words) or None


_PARTY_TYPES = frozenset({"ORG", "NORP", "PERSON"})


def figure_scope(number: Token, counted: Token | None, lexicon: MagnitudeLexicon) -> str | None:
    """The part a count of harm is limited to, as the text tells it: a place after a scope
    preposition on the counted noun, the number, the verb the count is the subject of, or the
    verb a tally rises to it by ("16 in the north", "three people from Ruvia", "29 died in
    territory held by X", "the toll rose to 23 in the north"), a scope
    adverb ("25 more elsewhere"), "other" ("three other villagers") or a rate ("30 a day"). Two counts of different scopes
    count different people; None when the count says nothing of its scope."""
    if counted is None and number.dep_ == "nummod":
        counted = number.head  # "recovered the 10 dead": the word the number counts, though it names no unit
    holders = [number] if counted is None else [counted, number]
    if holders[0].dep_ in ("nsubj", "nsubjpass", "dobj") and holders[0].head.pos_ in ("VERB", "AUX", "ADJ"):
        holders.append(holders[0].head)  # "29 died in X", "rescuers recovered the 10 dead on the far bank"
    elif number.dep_ == "pobj" and number.head.head.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lexicon.tally_nouns for c in number.head.head.children):
        holders.append(number.head.head)  # "the toll rose to 23 in the north": the tally's verb tells its part
    for holder in holders[:2]:
        # "three other villagers were missing", "searching for the other six": a group set apart
        # from one the text told before, never the whole count
        if any(child.dep_ == "amod" and child.lower_ in lexicon.scope_others for child in holder.children):
            return next(child.lower_ for child in holder.children if child.lower_ in lexicon.scope_others)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in lexicon.scope_adverbs:
                return child.lower_
            if child.dep_ == "npadvmod" and child.lemma_.lower() in lexicon.rate_nouns:
                return _phrase(child).lower()
            if child.dep_ == "prep" and child.lower_ in lexicon.scope_prepositions:
                place = first_child(child, "pobj")
                if place is not None and (place.ent_type_ in _PLACE_LABELS or place.lemma_.lower() in lexicon.scope_nouns):
                    return _phrase(child)
    return None


def _phrase(head: Token) -> str:
    """The words of a phrase as written, up to a comma or a relative clause ("from the
    river's banks, which ...": "from the river's banks")."""
    end = head
    for token in head.subtree:
        if token.i > head.i and (token.text == "," or "relcl" in (token.dep_, token.head.dep_)):
            break
        end = token
    return head.doc.text[head.left_edge.idx: end.idx + len(end.text)]


def _is_age(number: Token, lexicon: MagnitudeLexicon) -> bool:
    """A number set beside a name ("Mr Doe, 25, was arrested"; "Ms Roe, 17") or governed by
    an age word ("died aged 94"): a person's age, not a count of people."""
    if number.dep_ in ("appos", "npadvmod", "amod") and number.head.pos_ == "PROPN":
        return True
    return number.head.lower_ in lexicon.age_words


def _complement_slot(verb: Token, lexicon: MagnitudeLexicon) -> str | None:
    """A slot word completing a verb: 'are missing', 'were reported dead', 'remain unaccounted'."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "xcomp", "attr") and child.pos_ in ("ADJ", "VERB") and (slot := lexicon.slot_of_word(child)):
            return slot
        if child.dep_ == "prep" and verb.lemma_ == "be":  # "six are still on the missing list"
            for place in children_of(child, "pobj"):
                if (slot := next((found for m in place.children if m.dep_ == "amod" and (found := lexicon.slot_of_word(m))), None)):
                    return slot
    if verb.pos_ in ("VERB", "ADJ") and verb.dep_ in ("conj", "ccomp", "ROOT", "xcomp") and verb.lower_ in _adjectival(lexicon):
        return lexicon.slot_of_word(verb)  # "12 are missing": spaCy makes 'missing' the verb
    return None


def children_of(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


def _adjectival(lexicon: MagnitudeLexicon) -> frozenset[str]:
    return frozenset(word for words in lexicon.slots.values() for word in words.adjectives)


def _tally_slot(token: Token, lexicon: MagnitudeLexicon, previous: str | None) -> str | None:
    """The slot of a tally noun a word is or governs: the verb 'put' of 'put the death toll
    at', the noun 'toll' of 'a toll of', the subject of 'the toll rose to'. A tally noun that
    names no slot and points back ("that number", "the figure") takes the previous one."""
    candidates = [token] if token.pos_ in ("NOUN", "PROPN") else [
        c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ in ("NOUN", "PROPN")]
    for noun in candidates:
        if noun.lemma_.lower() not in lexicon.tally_nouns:
            continue
        for modifier in noun.children:
            if modifier.dep_ in ("compound", "amod", "nmod") and (slot := lexicon.slot_of_word(modifier)) is not None:
                return slot  # "death toll", "casualty figure"
            if modifier.dep_ == "prep" and modifier.lower_ == "of":
                for inner in modifier.children:
                    described = [inner, *(c for c in inner.children if c.dep_ in ("amod", "acl"))]
                    if (slot := next((s for w in described if (s := lexicon.slot_of_word(w))), None)) is not None:
                        return slot  # "the number of missing", "the number of people killed"
        if noun.lemma_.lower() in ("toll", "tally"):
            return lexicon.default_tally_slot
        if previous is not None and any(c.dep_ == "det" and c.lower_ in ("that", "this", "the", "these", "those") for c in noun.children):
            return previous
    return None

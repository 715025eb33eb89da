"""The language seam of the parse: a model's dependency labels, part-of-speech tags and entity
labels put in the scheme the extraction rules read.

The rules in this package read the English model's scheme (ClearNLP dependency labels, Penn
Treebank tags, OntoNotes entity labels), where a preposition heads its object ("according
-prep-> to -pobj-> X"). Models trained on Universal Dependencies (the French one) label
differently and let the noun head its preposition ("X -case-> selon"). Rather than a second
copy of every rule, a language whose model speaks another scheme declares in
`data/<lang>/syntax.json` how its labels map, and `convert_to_rule_scheme` rewrites the
parse once, after the model and before the extraction components:

- `dependencies`: UD label -> rule label (`obj` -> `dobj`, `nsubj:pass` -> `nsubjpass`);
- `case_labels`: the labels of nominals that take a case marker (`obl`, `nmod`): the marker
  becomes the head (`prep`, or `agent` for `agent_markers` under a passive) and the nominal
  its `pobj`, as in the English scheme; without a marker, `bare_labels` says what they are;
- `marked_objects`: an object with a case marker beside a second object of its verb is an
  oblique ("pris d'assaut l'hôtel de ville") and is converted like one;
- `passive_subjects` / `passive_auxiliaries`: a passive subject whose verb has no passive
  auxiliary is an active subject ("Ruvia a démenti");
- `tags`: a fine tag from the coarse part of speech and morphology (`VerbForm=Part` ->
  `VBN`), first matching rule wins;
- `function_words`: prepositions, determiners and conjunctions the rules name ("of", "by",
  "after", "no", "if") carry their English word as `token.norm_` ("de" -> "of"), and the
  rules compare norms: the word lists stay in one place;
- `negations`: adverbs of negative polarity labelled `neg` ("pas", "jamais");
- `entities`: the model's entity labels -> OntoNotes labels (`PER` -> `PERSON`); a label
  mapped to null is dropped;
- `conditional_endings`: a finite verb written as its infinitive plus one of these endings
  is in the conditional mood whatever the model's morphology says ("bombarderait" is
  "bombarder" + "ait"; the imperfect "déclarait" is not "déclarer" + "ait");
- `counted_participles`: a past participle right after a number, with no auxiliary, is the
  noun that number counts ("les 250 rapatriés", "les 300 blessés"), not a verb
  (`participle_endings` tell a participle the model took for another form).

The original labels stay readable: `token._.ud_dep` keeps each token's model label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.tokens import Doc, MorphAnalysis, Span, Token

from claimgraph.extract.resources import load_lexicon_data


@dataclass(frozen=True)
class TagRule:
    """A fine tag for tokens of part of speech `pos` whose morphology has every feature of `morph`."""

    pos: str
    morph: dict[str, str]
    tag: str


@dataclass(frozen=True)
class SyntaxScheme:
    dependencies: dict[str, str]
    case_labels: frozenset[str]
    case_marker_labels: frozenset[str]
    agent_markers: frozenset[str]
    bare_labels: dict[str, str]
    tags: tuple[TagRule, ...]
    entities: dict[str, str | None]
    name_labels: frozenset[str]  # the words after the first of a name ("flat:name"): the last one heads it
    passive_subjects: frozenset[str]  # labels of passive subjects, which need one of `passive_auxiliaries` on their verb
    passive_auxiliaries: frozenset[str]
    marked_objects: frozenset[str]  # object labels whose marker makes them obliques when the verb has a second object
    articles_not_markers: frozenset[str]  # partitive articles parsed as case markers ("des armes")
    function_words: dict[str, str]  # "de" -> "of": the English word a function word stands for, as its norm
    negations: frozenset[str]  # adverbs of negative polarity that negate their verb ("pas", not "ne")
    conditional_endings: tuple[str, ...] = ()  # infinitive + ending: the conditional ("bombarder" -> "bombarderait")
    counted_participles: bool = False  # "les 250 rapatriés": the participle after a number is a noun
    participle_endings: tuple[str, ...] = ()  # endings of past participles ("é", "ées"), when the morphology misses one


def load_syntax_scheme(lang: str) -> SyntaxScheme:
    data = load_lexicon_data("syntax", lang)
    return SyntaxScheme(
        dependencies=dict(data["dependencies"]),
        case_labels=frozenset(data["case_labels"]),
        case_marker_labels=frozenset(data["case_marker_labels"]),
        agent_markers=frozenset(data["agent_markers"]),
        bare_labels=dict(data["bare_labels"]),
        tags=tuple(TagRule(rule["pos"], dict(rule.get("morph", {})), rule["tag"]) for rule in data["tags"]),
        entities=dict(data["entities"]),
        negations=frozenset(data["negations"]),
        function_words=dict(data["function_words"]),
        articles_not_markers=frozenset(data["articles_not_markers"]),
        marked_objects=frozenset(data["marked_objects"]),
        passive_subjects=frozenset(data["passive_subjects"]),
        passive_auxiliaries=frozenset(data["passive_auxiliaries"]),
        name_labels=frozenset(data["name_labels"]),
        conditional_endings=tuple(data.get("conditional_endings", ())),
        counted_participles=bool(data.get("counted_participles", False)),
        participle_endings=tuple(data.get("participle_endings", ())),
    )


def register_syntax_extension() -> None:
    if not Token.has_extension("ud_dep"):
        Token.set_extension("ud_dep", default=None)


def convert_to_rule_scheme(doc: Doc, scheme: SyntaxScheme) -> None:
    """Rewrite the Doc's dependencies, fine tags and entity labels into the rule scheme."""
    register_syntax_extension()
    heads = [token.head.i for token in doc]
    labels = [token.dep_ for token in doc]
    for token in doc:
        token._.ud_dep = token.dep_
        _repair_morphology(token, scheme)
    for token in doc:
        _promote_case_marker(token, heads, labels, scheme)
    for token in doc:
        _last_word_heads_name(token, heads, labels, scheme)
    for i, label in enumerate(labels):
        if label not in ("prep", "pobj", "agent", "compound", "ROOT"):
            labels[i] = _rule_label(doc[i], label, scheme)
    _set_parse(doc, heads, labels)
    for token in doc:
        token.tag_ = _fine_tag(token, scheme)
        if (word := scheme.function_words.get(token.lower_.replace("’", "'"))) is not None:
            token.norm_ = word
    doc.ents = _mapped_entities(doc, scheme)


def _repair_morphology(token: Token, scheme: SyntaxScheme) -> None:
    """The model's slips on word forms: a conditional read as an imperfect ("bombarderait"),
    a participle counted by a number read as a verb ("sur les 250 rapatriés")."""
    if token.pos_ in ("VERB", "AUX") and _is_conditional_form(token, scheme.conditional_endings):
        morph = token.morph.to_dict()
        if morph.get("Mood") != "Cnd":
            morph.update({"Mood": "Cnd", "Tense": "Pres", "VerbForm": "Fin"})
            token.morph = MorphAnalysis(token.vocab, morph)
    if (scheme.counted_participles and token.pos_ == "VERB" and token.i > 0 and token.doc[token.i - 1].like_num
            and _participle_form(token, scheme.participle_endings) and not any(c.dep_.startswith("aux") for c in token.children)):
        token.pos_ = "NOUN"


def _participle_form(token: Token, endings: tuple[str, ...]) -> bool:
    """A past participle by its morphology, or by its ending where the model took it for
    another form of the verb ("rapatriés" read as an infinitive)."""
    if "Part" in token.morph.get("VerbForm", []):
        return "Past" in token.morph.get("Tense", ["Past"])
    return token.lower_ != token.lemma_.lower() and token.lower_.endswith(endings)


def _is_conditional_form(token: Token, endings: tuple[str, ...]) -> bool:
    form, lemma = token.lower_, token.lemma_.lower()
    if not endings or not lemma or "Fin" not in token.morph.get("VerbForm", ["Fin"]):
        return False
    stems = {lemma, lemma[:-1]} if lemma.endswith("re") else {lemma}  # "prendre" -> "prendrait"
    return any(form == stem + ending for stem in stems for ending in endings)


def _promote_case_marker(token: Token, heads: list[int], labels: list[str], scheme: SyntaxScheme) -> None:
    """'selon le ministre': ministre -case-> selon becomes selon -pobj-> ministre, with selon
    taking the nominal's place under its head. Only the first marker is promoted; a marker
    made of several words ("d'après", "à cause de") keeps its other words as `fixed` children."""
    if token.head.i == token.i:
        return
    if token.dep_ in scheme.marked_objects:
        if not any(c.dep_ == token.dep_ and c.i != token.i for c in token.head.children):
            return  # one object: a marker before it is the parser's slip on an article ("des armes")
    elif token.dep_ not in scheme.case_labels:
        return
    marker = next((c for c in token.children if c.dep_ in scheme.case_marker_labels and c.i < token.i), None)
    # "des armes" is a partitive article, "du Tchad" a case marker: partitives precede common nouns
    if marker is None or (marker.lower_ in scheme.articles_not_markers and token.pos_ != "PROPN"):
        return
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.head.children)
    heads[marker.i] = heads[token.i]
    labels[marker.i] = "agent" if passive and marker.lower_ in scheme.agent_markers else "prep"
    heads[token.i] = marker.i
    labels[token.i] = "pobj"


def _last_word_heads_name(token: Token, heads: list[int], labels: list[str], scheme: SyntaxScheme) -> None:
    """'Lucien -flat-> Marrot' becomes 'Lucien <-compound- Marrot': in the rules' scheme
    the last word of a name heads it and takes the name's place and modifiers."""
    flats = [c for c in token.children if c.dep_ in scheme.name_labels and c.i > token.i]
    if not flats:
        return
    last = flats[-1]
    heads[last.i] = last.i if heads[token.i] == token.i else heads[token.i]
    labels[last.i] = labels[token.i]
    for child in token.children:
        if child.i != last.i and heads[child.i] == token.i:  # not a case marker already moved above the name
            heads[child.i] = last.i
            if child.dep_ in scheme.name_labels:
                labels[child.i] = "compound"
    heads[token.i], labels[token.i] = last.i, "compound"


def _rule_label(token: Token, label: str, scheme: SyntaxScheme) -> str:
    if label in scheme.case_labels:
        return scheme.bare_labels.get(label, scheme.bare_labels.get(label.split(":")[0], label))
    if label in scheme.passive_subjects and not any(c.dep_ in scheme.passive_auxiliaries for c in token.head.children):
        return "nsubj"  # a passive subject without a passive auxiliary: the parser's slip on an active verb
    if label == "det" and token.morph.get("Poss", []) == ["Yes"]:
        return "poss"
    if label == "advmod" and token.morph.get("Polarity", []) == ["Neg"] and token.lower_ in scheme.negations:
        return "neg"
    return scheme.dependencies.get(label, scheme.dependencies.get(label.split(":")[0], label))


def _set_parse(doc: Doc, heads: list[int], labels: list[str]) -> None:
    """Write heads (spaCy stores them as offsets) and labels back. Arcs move only within a
    sentence, so the sentences stay as the model set them."""
    offsets = numpy.array([head - i for i, head in enumerate(heads)], dtype="int64").astype("uint64")
    strings = numpy.array([doc.vocab.strings.add(label) for label in labels], dtype="uint64")
    doc.from_array(["HEAD", "DEP"], cast(Any, numpy.stack([offsets, strings], axis=1)))


def _fine_tag(token: Token, scheme: SyntaxScheme) -> str:
    morph = token.morph.to_dict()
    for rule in scheme.tags:
        if rule.pos == token.pos_ and all(morph.get(key) == value for key, value in rule.morph.items()):
            return rule.tag
    return token.tag_


def _mapped_entities(doc: Doc, scheme: SyntaxScheme) -> list[Span]:
    mapped = []
    for ent in doc.ents:
        label = scheme.entities.get(ent.label_, ent.label_)
        if label is not None:
            mapped.append(Span(doc, ent.start, ent.end, label=label))
    return mapped

"""The attribution lexicon (extract/data/en/attribution.json), loaded into a typed record."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data


@dataclass(frozen=True)
class VerbCue:
    complement: str  # "clause" or "any"
    stance: str = "assert"
    modality: str | None = None
    particle: str | None = None
    subjects: frozenset[str] = frozenset()
    impersonal: bool = True  # "it was reported that": a passive without agent cites unnamed sources
    attitude: bool = False  # a belief or intention ("wants", "knows"), not a statement
    act_prepositions: frozenset[str] = frozenset()  # "asked Ruvia for help": with an object and one of these, an act


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, VerbCue]
    speech_nouns: frozenset[str]
    attitude_adjectives: frozenset[str]
    possessive_speech_nouns: frozenset[str]
    giving_verbs: frozenset[str]
    # "X put the toll at 30": a verb that sets a figure noun at a number states that figure
    figure_verbs: frozenset[str]
    figure_nouns: frozenset[str]
    figure_prepositions: frozenset[str]
    negative_modifiers: frozenset[str]
    according_to: tuple[str, ...]
    according_prepositions: frozenset[str]  # "selon X": one preposition that cites its object
    contrast_markers: frozenset[str]  # "contrary to what X says": X is the other side, not the source
    # "laughed the story off or rejected it": verbs joined by one of these tell one act two ways
    alternative_conjunctions: frozenset[str]
    neuter_pronouns: frozenset[str]  # "it": a language's pronouns without gender, for things and bodies
    falsity_words: frozenset[str]  # "that is false", "dismissed the reports as lies": calling something false denies it
    falsity_prepositions: frozenset[str]
    falsity_verbs: frozenset[str]  # "described ... as lies", "qualifié de mensonges": verbs that describe something as something
    news_nouns: frozenset[str]
    news_verbs: frozenset[str]
    document_nouns: frozenset[str]
    # "a memo handed to AFP", "a letter seen by Reuters", "an official speaking to the BBC": the
    # participle that names the outlet a source reached the article through: preposition -> participles
    relay_participles: dict[str, frozenset[str]]
    media_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    speaker_heads: frozenset[str]
    person_roles: frozenset[str]
    alleged_markers: tuple[str, ...]
    alleged_moods: frozenset[str]  # the French conditional ("aurait fait"): a fact reported at a distance
    speculative_markers: tuple[str, ...]
    anonymous_adverbs: dict[str, str]
    personal_pronouns: frozenset[str]
    # "his office", "her spokeswoman": who speaks for the one a possessive pronoun stands for
    representative_nouns: frozenset[str]
    first_person: frozenset[str]
    negations: frozenset[str]


def load_cue_lexicon(lang: str = DEFAULT_LANGUAGE) -> CueLexicon:
    data = load_lexicon_data("attribution", lang)
    verbs = {
        lemma: VerbCue(
            complement=spec["complement"],
            stance=spec.get("stance", "assert"),
            modality=spec.get("modality"),
            particle=spec.get("particle"),
            subjects=frozenset(spec.get("subjects", ())),
            impersonal=spec.get("impersonal", True),
            attitude=attitude,
            act_prepositions=frozenset(spec.get("act_prepositions", ())),
        )
        for table, attitude in (("attitude_verbs", True), ("verbs", False))
        for lemma, spec in data[table].items()
    }
    return CueLexicon(
        verbs=verbs,
        speech_nouns=frozenset(data["speech_nouns"]),
        attitude_adjectives=frozenset(data["attitude_adjectives"]),
        possessive_speech_nouns=frozenset(data["possessive_speech_nouns"]),
        giving_verbs=frozenset(data["giving_verbs"]),
        figure_verbs=frozenset(data.get("figure_verbs", ())),
        figure_nouns=frozenset(data.get("figure_nouns", ())),
        figure_prepositions=frozenset(data.get("figure_prepositions", ())),
        negative_modifiers=frozenset(data["negative_modifiers"]),
        according_to=tuple(data["according_to"]),
        according_prepositions=frozenset(data["according_prepositions"]),
        contrast_markers=frozenset(data.get("contrast_markers", ())),
        alternative_conjunctions=frozenset(data.get("alternative_conjunctions", ())),
        neuter_pronouns=frozenset(data.get("neuter_pronouns", ())),
        falsity_words=frozenset(data.get("falsity_words", ())),
        falsity_prepositions=frozenset(data.get("falsity_prepositions", ())),
        falsity_verbs=frozenset(data.get("falsity_verbs", ())),
        news_nouns=frozenset(data["news_nouns"]),
        news_verbs=frozenset(data["news_verbs"]),
        document_nouns=frozenset(data["document_nouns"]),
        relay_participles={preposition: frozenset(verbs) for preposition, verbs in data.get("relay_participles", {}).items()},
        media_nouns=frozenset(data["media_nouns"]),
        anonymous_heads=frozenset(data["anonymous_heads"]),
        speaker_heads=frozenset(data["speaker_heads"]),
        person_roles=frozenset(data["person_roles"]),
        alleged_markers=tuple(data["hedges"]["alleged"]),
        alleged_moods=frozenset(data["hedges"]["alleged_moods"]),
        speculative_markers=tuple(data["hedges"]["speculative"]),
        anonymous_adverbs=dict(data["anonymous_adverbs"]),
        personal_pronouns=frozenset(data["personal_pronouns"]),
        representative_nouns=frozenset(data.get("representative_nouns", ())),
        first_person=frozenset(data["first_person"]),
        negations=frozenset(data["negations"]),
    )

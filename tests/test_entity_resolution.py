"""Entities across documents: which mention keys become one entity, why, and what keeps them
apart; the analyst's merges and splits, in the store, across rebuilds and from the CLI.

Names are invented (Ruvia, Kessa, Zorov, Vantor, Amadou Keita); the places are real (Mali,
Gao, Bamako, Niamey) so that the session gazetteer knows them. The unit tests feed
`resolve_entities` hand-written `MentionForm` records whose keys are written the way the
extractor normalizes names (lowercase, punctuation removed: "Ruvia's army" is "ruvias army").
The store tests run a real build into SQLite and read the exported entity records.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records
from claimgraph.records import Correction, Entity, MentionForm, Merge
from claimgraph.resolve.corpus import (
    capital_lookup,
    country_lookup,
    major_place_lookup,
    resolve_corpus,
)
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.entity_names import (
    core,
    domain_core,
    initials,
    load_name_rules,
    skeleton,
)
from claimgraph.store.entities import (
    add_corrections,
    entity_corrections,
    entity_key_forms,
    entity_merges,
)

from .conftest import extract_text, write_article

RULES = load_name_rules()
RUVIA = {"ruvia": "RV", "ruvian": "RV", "republic of ruvia": "RV", "mali": "ML", "malian": "ML"}.get

SPELLING = "the same name spelled or transliterated differently"
DESIGNATOR = "the same organisation with and without its designator or country form"
BARE = "the same organisation with and without its designator"
COUNTRY = "names of the same country"
SURNAME = "a surname of the only person with that name"
SHORT_FORM = "a short form of the only name ending with it"
ANALYST = "merged by an analyst"


def _forms(*items: tuple) -> list[MentionForm]:
    """(key, type, text) or (key, type, text, count) tuples as mention forms."""
    return [MentionForm(item[0], item[1], item[2], item[3] if len(item) > 3 else 1) for item in items]


def _groups(entities: list[Entity]) -> set[frozenset[str]]:
    return {frozenset(key for key, _ in entity.keys) for entity in entities}


def _holding(entities: list[Entity], key: str) -> Entity:
    (entity,) = [e for e in entities if any(k == key for k, _ in e.keys)]
    return entity


def _reasons(entity: Entity) -> set[str]:
    return {merge.reason for merge in entity.merges}


# 1. Name forms --------------------------------------------------------------------------------


def test_skeleton_folds_transliterations_and_scripts() -> None:
    forms = {skeleton(key, "PERSON") for key in ("yevgeny zorov", "yevgeniy zorov", "evgeniy zorov", "Евгений Зоров")}
    assert forms == {"evgeni zorov"}
    assert skeleton("Вантор", "ORG") == skeleton("wantor", "ORG") == "vantor"


def test_skeleton_makes_a_plural_demonym_singular_only_for_a_demonym() -> None:
    assert skeleton("ruvians", "NORP") == skeleton("ruvian", "NORP") == "ruvian"
    assert skeleton("ruvians", "ORG") == "ruvians"


def test_skeleton_keeps_doubled_letters_of_short_words() -> None:
    assert skeleton("bba", "ORG") == "bba"
    assert skeleton("keitta", "PERSON") == "keita"


@pytest.mark.parametrize("key", ["vantor group", "vantor pmc", "chvk vantor", "vantor private military company", "vantor group ltd"])
def test_core_strips_designators_on_either_side(key: str) -> None:
    assert core(key, RULES) == "vantor"


def test_core_is_none_without_a_designator_and_never_empty() -> None:
    assert core("vantor", RULES) is None
    assert core("the group", RULES) is None  # "the Group" names no organisation by itself


@pytest.mark.parametrize("key", ["ruvias army", "ruvian military", "ruvian armed forces", "ruvian defence forces"])
def test_core_replaces_a_country_by_its_code_with_synonymous_heads(key: str) -> None:
    assert core(key, RULES, RUVIA) == core("ruvian army", RULES, RUVIA) == "<RV> armi"  # folded like any word


def test_core_of_a_government_is_not_its_army() -> None:
    assert core("ruvian authorities", RULES, RUVIA) == core("ruvias government", RULES, RUVIA) == "<RV> government"
    assert core("ruvian authorities", RULES, RUVIA) != core("ruvian army", RULES, RUVIA)
    assert core("ruvian army", RULES) is None  # without a country lookup, a demonym is a word


def test_initials_skip_stopwords_and_need_two_words() -> None:
    assert initials("european union", RULES) == "eu"
    assert initials("movement for the liberation of kessa", RULES) == "mlk"
    assert initials("vantor", RULES) is None


def test_domain_core_reads_the_registered_name() -> None:
    assert domain_core("information tvsahel com", RULES) == "tvsahel"
    assert domain_core("tvsahel com", RULES) == "tvsahel"
    assert domain_core("vantor group", RULES) is None


def test_name_rules_come_from_the_data_file() -> None:
    assert RULES.fuzzy_min_score == 90
    assert RULES.head_synonyms["military"] == "army"
    assert {"federation", "union", "council"} <= RULES.institution_heads
    assert RULES.designators[0] == ("private", "military", "company")  # longest first


# 2. Merges by rule ----------------------------------------------------------------------------


def test_transliterations_of_one_person_are_one_entity() -> None:
    entities = resolve_entities(_forms(
        ("yevgeny zorov", "PERSON", "Yevgeny Zorov", 3),
        ("yevgeniy zorov", "PERSON", "Yevgeniy Zorov"),
        ("evgeniy zorov", "PERSON", "Evgeniy Zorov"),
        ("евгений зоров", "PERSON", "Евгений Зоров"),
    ))
    (entity,) = entities
    assert entity.name == "Yevgeny Zorov"
    assert entity.type == "PERSON"
    assert entity.aliases[0] == "Yevgeny Zorov"
    assert set(entity.aliases) == {"Yevgeny Zorov", "Yevgeniy Zorov", "Evgeniy Zorov", "Евгений Зоров"}
    assert len(entity.merges) == 3 and _reasons(entity) == {SPELLING}


def test_a_name_in_cyrillic_meets_its_latin_spelling() -> None:
    (entity,) = resolve_entities(_forms(("vantor", "ORG", "Vantor", 2), ("вантор", "ORG", "Вантор")))
    assert entity.name == "Vantor"
    assert entity.merges == (Merge("вантор", "vantor", SPELLING),)


def test_a_plural_demonym_joins_its_singular() -> None:
    (entity,) = resolve_entities(_forms(("ruvian", "NORP", "Ruvian", 2), ("ruvians", "NORP", "Ruvians")))
    assert _reasons(entity) == {SPELLING}
    assert entity.type == "NORP"


def test_an_organisation_with_and_without_its_designator_is_one() -> None:
    entities = resolve_entities(_forms(
        ("vantor group", "ORG", "Vantor Group", 4),
        ("vantor pmc", "ORG", "Vantor PMC"),
        ("chvk vantor", "ORG", "ChVK Vantor"),
        ("vantor", "ORG", "Vantor"),
    ))
    (entity,) = entities
    assert entity.name == "Vantor Group"  # the most used name
    # The designator forms meet on their core; the bare name joins them by the second rule.
    assert entity.merges == (
        Merge("vantor group", "chvk vantor", DESIGNATOR),
        Merge("vantor pmc", "chvk vantor", DESIGNATOR),
        Merge("vantor", "chvk vantor", BARE),
    )


def test_a_demonym_does_not_become_the_organisation_named_after_it() -> None:
    forms = _forms(("ruvian group", "ORG", "Ruvian Group"), ("ruvian", "NORP", "Ruvian", 5))
    assert _groups(resolve_entities(forms)) == {frozenset({"ruvian group"}), frozenset({"ruvian"})}
    assert _groups(resolve_entities(forms, country_of=RUVIA)) == {frozenset({"ruvian group"}), frozenset({"ruvian"})}


def test_a_major_place_does_not_become_a_company_named_after_it(build_tools) -> None:
    """'a Gao company' is a company in Gao, not 'Gao'."""
    forms = _forms(("gao company", "ORG", "Gao Company"), ("gao", "GPE", "Gao", 4))
    assert _groups(resolve_entities(forms)) == {frozenset({"gao company", "gao"})}  # nothing tells a place
    is_major = major_place_lookup(build_tools.gazetteer)
    assert is_major("gao")
    assert _groups(resolve_entities(forms, is_major_place=is_major)) == {frozenset({"gao company"}), frozenset({"gao"})}


def test_a_countrys_army_by_possessive_and_by_demonym_is_one() -> None:
    forms = _forms(
        ("ruvias army", "ORG", "Ruvia's army", 2),
        ("ruvian military", "ORG", "Ruvian military"),
        ("ruvian armed forces", "ORG", "Ruvian armed forces"),
        ("ruvian authorities", "ORG", "Ruvian authorities"),
    )
    entities = resolve_entities(forms, country_of=RUVIA)
    assert _groups(entities) == {frozenset({"ruvias army", "ruvian military", "ruvian armed forces"}), frozenset({"ruvian authorities"})}
    assert _reasons(_holding(entities, "ruvias army")) == {DESIGNATOR}
    assert _holding(entities, "ruvian military").name == "Ruvia's army"
    # Without knowing which country "Ruvian" is, the names are only words.
    assert len(resolve_entities(forms)) == 4


def test_an_organisation_named_without_its_country_joins_its_one_national_form() -> None:
    forms = _forms(
        ("ruvian red star society", "ORG", "Ruvian Red Star Society"),
        ("ruvian red star", "ORG", "Ruvian Red Star", 2),
        ("red star", "ORG", "Red Star", 3),
    )
    entities = resolve_entities(forms, country_of=RUVIA)
    assert _groups(entities) == {frozenset({"ruvian red star society", "ruvian red star", "red star"})}
    assert "an organisation's name without its country, and its one national form" in _reasons(entities[0])
    # Two countries' branches: the bare name may be either, and joins neither.
    forms += _forms(("malian red star", "ORG", "Malian Red Star"))
    assert frozenset({"red star"}) in _groups(resolve_entities(forms, country_of=RUVIA))


def test_names_of_one_country_are_one_entity() -> None:
    entities = resolve_entities(_forms(("ruvia", "GPE", "Ruvia", 3), ("republic of ruvia", "GPE", "Republic of Ruvia")), country_of=RUVIA)
    (entity,) = entities
    assert entity.name == "Ruvia"
    assert entity.merges == (Merge("ruvia", "republic of ruvia", COUNTRY),)


def test_a_country_only_joins_names_of_places() -> None:
    """The same country code on a demonym (NORP) does not make it the country."""
    entities = resolve_entities(_forms(("ruvia", "GPE", "Ruvia"), ("ruvian", "NORP", "Ruvian")), country_of=RUVIA)
    assert _groups(entities) == {frozenset({"ruvia"}), frozenset({"ruvian"})}


def test_two_names_of_one_great_capital_are_one_place_with_the_real_gazetteer(build_tools) -> None:
    capital_of = capital_lookup(build_tools.gazetteer)
    assert capital_of("peking") == capital_of("beijing") is not None
    entities = resolve_entities(_forms(("peking", "GPE", "Peking"), ("beijing", "GPE", "Beijing", 3), ("china", "GPE", "China")),
                                capital_of=capital_of, country_of=country_lookup(build_tools.gazetteer))
    assert _groups(entities) == {frozenset({"peking", "beijing"}), frozenset({"china"})}
    assert _reasons(_holding(entities, "peking")) == {"names of the same capital"}
    assert capital_of("victoria") is None  # no capital of a million people goes by that name


def test_countries_demonyms_and_armies_with_the_real_gazetteer(build_tools) -> None:
    country_of = country_lookup(build_tools.gazetteer)
    assert (country_of("mali"), country_of("malian"), country_of("мали")) == ("ML", "ML", "ML")
    forms = _forms(
        ("mali", "GPE", "Mali", 5),
        ("мали", "GPE", "Мали"),
        ("republic of mali", "GPE", "Republic of Mali"),
        ("malian", "NORP", "Malian", 2),
        ("malians", "NORP", "Malians"),
        ("malian army", "ORG", "Malian army"),
        ("malis army", "ORG", "Mali's army"),
        ("gao", "GPE", "Gao"),
        ("niger", "GPE", "Niger"),
    )
    entities = resolve_entities(forms, country_of=country_of, is_major_place=major_place_lookup(build_tools.gazetteer))
    assert _groups(entities) == {
        frozenset({"mali", "мали", "republic of mali"}),
        frozenset({"malian", "malians"}),  # a demonym is not its country
        frozenset({"malian army", "malis army"}),  # nor is a country's army
        frozenset({"gao"}),
        frozenset({"niger"}),
    }
    mali = _holding(entities, "mali")
    assert (mali.name, mali.type) == ("Mali", "GPE")
    assert Merge("republic of mali", "mali", COUNTRY) in mali.merges
    assert Merge("мали", "mali", SPELLING) in mali.merges


def test_a_capitalised_acronym_joins_the_one_name_with_its_initials() -> None:
    entities = resolve_entities(_forms(("european union", "ORG", "European Union", 3), ("eu", "ORG", "EU")),
                                docs_of={"eu": frozenset({"d1"}), "european union": frozenset({"d2"})})
    (entity,) = entities
    assert entity.name == "European Union"
    assert entity.merges == (Merge("eu", "european union", "an acronym (EU)"),)  # "union": an institution, any document


def test_an_acronym_an_article_defines_is_that_name_in_it_and_elsewhere(build_tools) -> None:
    # The letters need not spell the name (names are cut, or translated): the brackets say it.
    text = "The toll rose to 90, the Office for Relief Coordination (OCR) said. OCR added that 40 were missing."
    mentions = extract_text(build_tools, text).mentions
    assert {(m.text, m.key) for m in mentions} == {("Office for Relief Coordination", "office for relief coordination"),
                                                   ("OCR", "office for relief coordination")}
    dateline = extract_text(build_tools, "BAMAKO (AFP) - The Kessa government said on Monday that 40 people had died.").mentions
    assert not [m for m in dateline if m.text == "AFP" and m.key != "afp"]  # a dateline defines no acronym
    elsewhere = _forms(("office for relief coordination", "ORG", "Office for Relief Coordination"),
                       ("office for relief coordination", "ORG", "OCR"), ("ocr", "ORG", "OCR", 2))
    (entity,) = resolve_entities(elsewhere)
    assert _reasons(entity) == {"an acronym an article defines (OCR)"}


def test_a_two_letter_acronym_needs_a_shared_document() -> None:
    forms = _forms(("kessa front", "ORG", "Kessa Front"), ("kf", "ORG", "KF"))
    apart = resolve_entities(forms, docs_of={"kf": frozenset({"d1"}), "kessa front": frozenset({"d2"})})
    assert _groups(apart) == {frozenset({"kessa front"}), frozenset({"kf"})}
    together = resolve_entities(forms, docs_of={"kf": frozenset({"d1"}), "kessa front": frozenset({"d1", "d2"})})
    assert _groups(together) == {frozenset({"kessa front", "kf"})}
    assert together[0].merges == (Merge("kf", "kessa front", "an acronym (KF)"),)


def test_a_three_letter_acronym_joins_across_documents() -> None:
    entities = resolve_entities(_forms(("kessa liberation front", "ORG", "Kessa Liberation Front"), ("klf", "ORG", "KLF")),
                                docs_of={"klf": frozenset({"d1"}), "kessa liberation front": frozenset({"d2"})})
    assert _groups(entities) == {frozenset({"kessa liberation front", "klf"})}


def test_an_acronym_not_written_in_capitals_or_with_two_meanings_stays_apart() -> None:
    lower = resolve_entities(_forms(("kessa liberation front", "ORG", "Kessa Liberation Front"), ("klf", "ORG", "Klf")))
    assert len(lower) == 2
    ambiguous = resolve_entities(_forms(
        ("kessa liberation front", "ORG", "Kessa Liberation Front"),
        ("kidal local forces", "ORG", "Kidal local forces"),
        ("klf", "ORG", "KLF"),
    ))
    assert _groups(ambiguous) == {frozenset({"kessa liberation front"}), frozenset({"kidal local forces"}), frozenset({"klf"})}


def test_a_surname_joins_the_only_person_with_it() -> None:
    entities = resolve_entities(_forms(("amadou keita", "PERSON", "Amadou Keita", 2), ("keita", "PERSON", "Keita", 3)))
    (entity,) = entities
    assert entity.name == "Amadou Keita"  # a person is named by the full name
    assert entity.type == "PERSON"
    assert entity.merges == (Merge("keita", "amadou keita", SURNAME),)


def test_a_surname_the_model_called_an_organisation_still_joins_the_person() -> None:
    entities = resolve_entities(_forms(("amadou keita", "PERSON", "Amadou Keita", 3), ("keita", "ORG", "Keita")))
    (entity,) = entities
    assert entity.type == "PERSON"
    assert set(entity.keys) == {("amadou keita", "PERSON"), ("keita", "ORG")}


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    entities = resolve_entities(_forms(
        ("amadou keita", "PERSON", "Amadou Keita", 2),
        ("ibrahim keita", "PERSON", "Ibrahim Keita", 2),
        ("keita", "PERSON", "Keita", 5),
    ))
    assert _groups(entities) == {frozenset({"amadou keita"}), frozenset({"ibrahim keita"}), frozenset({"keita"})}
    assert all(entity.merges == () for entity in entities)


def test_an_institution_word_joins_the_only_name_ending_with_it() -> None:
    entities = resolve_entities(_forms(("ruvian federation", "GPE", "Ruvian Federation", 2), ("federation", "ORG", "Federation")))
    (entity,) = entities
    assert entity.merges == (Merge("federation", "ruvian federation", SHORT_FORM),)
    two = resolve_entities(_forms(
        ("ruvian federation", "GPE", "Ruvian Federation"),
        ("kessa federation", "ORG", "Kessa Federation"),
        ("federation", "ORG", "Federation"),
    ))
    assert len(two) == 3


def test_a_place_does_not_join_a_longer_place_ending_with_it() -> None:
    assert len(resolve_entities(_forms(("west kessa", "GPE", "West Kessa"), ("kessa", "GPE", "Kessa")))) == 2


def test_a_close_spelling_of_a_person_with_the_same_first_name_joins() -> None:
    entities = resolve_entities(_forms(("amadou keita", "PERSON", "Amadou Keita", 5), ("amadou keitra", "PERSON", "Amadou Keitra")))
    (entity,) = entities
    (merge,) = entity.merges
    assert (merge.key, merge.into) == ("amadou keitra", "amadou keita")
    assert merge.reason.startswith("a close spelling (") and merge.reason.endswith("/100)")
    assert int(merge.reason.split("(")[1].split("/")[0]) >= 90


def test_persons_with_different_first_names_never_join_by_spelling() -> None:
    entities = resolve_entities(_forms(("amadou keita", "PERSON", "Amadou Keita", 5), ("amadu keita", "PERSON", "Amadu Keita")))
    assert len(entities) == 2


def test_a_close_spelling_of_an_organisation_joins_and_a_distant_one_does_not() -> None:
    close = resolve_entities(_forms(("vantor logistics", "ORG", "Vantor Logistics", 4), ("vantor logistcs", "ORG", "Vantor Logistcs")))
    assert _groups(close) == {frozenset({"vantor logistics", "vantor logistcs"})}
    assert close[0].name == "Vantor Logistics"
    distant = resolve_entities(_forms(("vantor logistics", "ORG", "Vantor Logistics"), ("vantor mining", "ORG", "Vantor Mining")))
    assert len(distant) == 2


def test_a_web_domain_meets_its_subdomain_whatever_the_model_called_it() -> None:
    entities = resolve_entities(_forms(("tvsahel com", "ORG", "tvsahel.com", 2), ("information tvsahel com", "GPE", "information.tvsahel.com")))
    (entity,) = entities
    assert entity.merges[0].reason.startswith("a close spelling")


def test_entities_are_sorted_by_a_stable_id_and_typed_by_the_majority() -> None:
    forms = _forms(("keita", "ORG", "Keita"), ("amadou keita", "PERSON", "Amadou Keita", 3), ("vantor", "ORG", "Vantor"))
    first, again = resolve_entities(forms), resolve_entities(list(reversed(forms)))
    assert first == again
    assert [e.id for e in first] == sorted(e.id for e in first)
    assert all(e.id.startswith("ent_") and len(e.id) == 16 for e in first)
    assert _holding(first, "keita").type == "PERSON"


# 3. The analyst's corrections -----------------------------------------------------------------


VANTOR = _forms(("vantor group", "ORG", "Vantor Group", 3), ("vantor pmc", "ORG", "Vantor PMC"), ("vantor", "ORG", "Vantor"))


def test_a_split_forbids_a_merge_the_rules_would_make() -> None:
    assert len(resolve_entities(VANTOR)) == 1
    entities = resolve_entities(VANTOR, corrections=[Correction("split", "vantor", "vantor group")])
    assert not any({"vantor", "vantor group"} <= {k for k, _ in e.keys} for e in entities)
    assert len(entities) == 2  # "Vantor PMC" still joins one of them


def test_a_split_holds_against_a_merge_of_the_same_pair() -> None:
    corrections = [Correction("merge", "vantor", "vantor group"), Correction("split", "vantor", "vantor group")]
    entities = resolve_entities(VANTOR, corrections=corrections)
    assert not any({"vantor", "vantor group"} <= {k for k, _ in e.keys} for e in entities)


def test_an_analysts_merge_joins_what_no_rule_would() -> None:
    forms = _forms(("vantor group", "ORG", "Vantor Group", 3), ("kessa logistics", "ORG", "Kessa Logistics"))
    assert len(resolve_entities(forms)) == 2
    (entity,) = resolve_entities(forms, corrections=[Correction("merge", "kessa logistics", "vantor group")])
    assert entity.merges == (Merge("kessa logistics", "vantor group", ANALYST),)
    assert entity.name == "Vantor Group"


def test_corrections_about_unknown_keys_are_ignored() -> None:
    corrections = [Correction("merge", "zorov holdings", "vantor"), Correction("split", "vantor", "nobody")]
    assert resolve_entities(VANTOR, corrections=corrections) == resolve_entities(VANTOR)


# 4. In the store: a real build, corrections, rebuilds, the CLI ----------------------------------


CORPUS = {
    "contract.txt": ("Vantor Group hires guards in Gao", [
        "The Vantor Group signed a contract with Amadou Keita in Gao on Monday. Amadou Keita said the guards would arrive in March.",
    ]),
    "defence.txt": ("Keita defends the contract", ["Keita said the contract was legal. The EU asked questions about it."]),
    "mission.txt": ("Mission to Bamako", ["The European Union sent a mission to Bamako. Kessa Logistics hired guards in Niamey."]),
}
LATER = ("later.txt", "Guards for hire", ["The Vantor Corporation has hired guards in Niamey. Keita met officials in Niamey."])


def _write_corpus(folder: Path) -> Path:
    corpus = folder / "corpus"
    for name, (title, paragraphs) in CORPUS.items():
        write_article(corpus, name, title, paragraphs)
    return corpus


def _entities_by_name(store: Store) -> dict[str, dict]:
    return {r["name"]: r for r in contract_records(store) if r["kind"] == "entity"}


def _entity_of_alias(entities: dict[str, dict], alias: str) -> dict:
    (entity,) = [e for e in entities.values() if alias in e["aliases"]]
    return entity


def _resolve_again(store: Store, build_tools) -> None:
    resolve_corpus(store, build_tools.gazetteer, not_place_names=build_tools.lexicons.places.not_place_names)


@pytest.fixture()
def built(tmp_path: Path, build_tools) -> tuple[Path, Path]:
    """The corpus built into a fresh store: (corpus folder, database)."""
    corpus = _write_corpus(tmp_path)
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
    return corpus, db


def test_exported_entities_say_why_each_name_joined(built) -> None:
    _, db = built
    with Store.open(db) as store:
        entities = _entities_by_name(store)
    keita = entities["Amadou Keita"]
    assert keita["type"] == "PERSON"
    assert set(keita["aliases"]) == {"Amadou Keita", "Keita"}
    assert keita["merged"] == [{"key": "keita", "into": "amadou keita", "reason": SURNAME}]
    assert {m["text"] for m in keita["mentions"]} == {"Amadou Keita", "Keita"}
    union = entities["European Union"]
    assert set(union["aliases"]) == {"EU", "European Union"}
    assert union["merged"] == [{"key": "eu", "into": "european union", "reason": "an acronym (EU)"}]
    assert entities["Kessa Logistics"]["merged"] == []
    assert entities["Gao"]["place"]["country"] == "ML"


def test_the_store_keeps_merges_and_key_forms(built) -> None:
    _, db = built
    with Store.open(db) as store:
        keita = _entities_by_name(store)["Amadou Keita"]
        assert entity_merges(store, keita["id"]) == [Merge("keita", "amadou keita", SURNAME)]
        assert set(entity_key_forms(store, keita["id"])) == {("amadou keita", "Amadou Keita", 2), ("keita", "Keita", 1)}
        assert entity_corrections(store) == []


def test_a_split_survives_a_rebuild_with_a_new_article(built, build_tools) -> None:
    corpus, db = built
    with Store.open(db) as store:
        assert add_corrections(store, [Correction("split", "keita", "amadou keita")], note="two people") == 1
        _resolve_again(store, build_tools)
        entities = _entities_by_name(store)
        assert entities["Amadou Keita"]["aliases"] == ["Amadou Keita"]
        assert entities["Amadou Keita"]["merged"] == []
        assert entities["Keita"]["aliases"] == ["Keita"]
    write_article(corpus, *LATER[:2], LATER[2])
    with Store.open(db) as store:
        report = build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        assert (report.added, report.unchanged) == (1, 3)
        assert entity_corrections(store) == [Correction("split", "keita", "amadou keita")]
        entities = _entities_by_name(store)
    assert entities["Amadou Keita"]["aliases"] == ["Amadou Keita"]
    keita = entities["Keita"]
    assert len(keita["mentions"]) == 2  # the new article's "Keita" joined the split-off entity
    assert len({m["doc"] for m in keita["mentions"]}) == 2
    # The new article's designator form still joins by rule.
    assert {"Vantor Group", "Vantor Corporation"} <= set(_entity_of_alias(entities, "Vantor Group")["aliases"])


def test_a_merge_survives_a_rebuild_with_a_new_article(built, build_tools) -> None:
    corpus, db = built
    with Store.open(db) as store:
        assert "Kessa Logistics" in _entities_by_name(store)
        add_corrections(store, [Correction("merge", "kessa logistics", "vantor group")])
        _resolve_again(store, build_tools)
        merged = _entity_of_alias(_entities_by_name(store), "Kessa Logistics")
        assert set(merged["aliases"]) == {"Vantor Group", "Kessa Logistics"}
        assert {"key": "kessa logistics", "into": "vantor group", "reason": ANALYST} in merged["merged"]
    write_article(corpus, *LATER[:2], LATER[2])
    with Store.open(db) as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        entities = _entities_by_name(store)
    merged = _entity_of_alias(entities, "Kessa Logistics")
    assert set(merged["aliases"]) == {"Vantor Group", "Vantor Corporation", "Kessa Logistics"}
    assert {"key": "kessa logistics", "into": "vantor group", "reason": ANALYST} in merged["merged"]
    assert not any("Vantor Group" in e["aliases"] for e in entities.values() if e is not merged)


def _cli(claimgraph_cli: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*claimgraph_cli, "entities", *args], capture_output=True, text=True, timeout=120, check=False)


def test_cli_entities_show_lists_spellings_and_merge_reasons(built, claimgraph_cli: list[str]) -> None:
    _, db = built
    result = _cli(claimgraph_cli, "show", "--db", str(db), "Keita")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Amadou Keita  [PERSON]  ent_")
    assert "     2  Amadou Keita   (key: amadou keita)" in lines
    assert "     1  Keita   (key: keita)" in lines
    assert f"  merged: 'keita' with 'amadou keita': {SURNAME}" in lines


def test_cli_entities_show_fails_for_an_unknown_name(built, claimgraph_cli: list[str]) -> None:
    _, db = built
    result = _cli(claimgraph_cli, "show", "--db", str(db), "Zorov")
    assert result.returncode == 1
    assert "no entity named 'Zorov'" in result.stderr


def test_cli_split_and_merge_are_kept_by_a_later_build(built, build_tools, claimgraph_cli: list[str]) -> None:
    corpus, db = built
    split = _cli(claimgraph_cli, "split", "--db", str(db), "Amadou Keita", "--alias", "Keita", "--note", "not the same man")
    assert split.returncode == 0, split.stderr
    assert "split 'Keita' from 'Amadou Keita'" in split.stderr
    merge = _cli(claimgraph_cli, "merge", "--db", str(db), "Vantor Group", "Kessa Logistics")
    assert merge.returncode == 0, merge.stderr
    assert "merged 'Vantor Group' and 'Kessa Logistics'" in merge.stderr

    shown = _cli(claimgraph_cli, "show", "--db", str(db), "Amadou Keita")
    assert shown.returncode == 0, shown.stderr
    assert "(key: keita)" not in shown.stdout and "merged:" not in shown.stdout
    shown = _cli(claimgraph_cli, "show", "--db", str(db), "Kessa Logistics")
    assert f"  merged: 'vantor group' with 'kessa logistics': {ANALYST}" in shown.stdout.splitlines()

    write_article(corpus, *LATER[:2], LATER[2])
    with Store.open(db) as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        assert set(entity_corrections(store)) == {Correction("split", "keita", "amadou keita"),
                                                  Correction("merge", "vantor group", "kessa logistics")}
        entities = _entities_by_name(store)
    assert entities["Amadou Keita"]["aliases"] == ["Amadou Keita"]
    assert len(entities["Keita"]["mentions"]) == 2
    assert set(_entity_of_alias(entities, "Kessa Logistics")["aliases"]) == {"Vantor Group", "Vantor Corporation", "Kessa Logistics"}


def test_cli_refuses_a_split_of_a_spelling_the_entity_lacks(built, claimgraph_cli: list[str]) -> None:
    _, db = built
    result = _cli(claimgraph_cli, "split", "--db", str(db), "Amadou Keita", "--alias", "Zorov")
    assert result.returncode == 1
    assert "none of 'Zorov' is a spelling of 'Amadou Keita'" in result.stderr
    with Store.open(db) as store:
        assert entity_corrections(store) == []


def test_cli_refuses_to_merge_an_entity_with_itself(built, claimgraph_cli: list[str]) -> None:
    _, db = built
    result = _cli(claimgraph_cli, "merge", "--db", str(db), "EU", "European Union")
    assert result.returncode == 1
    assert "are one entity already" in result.stderr

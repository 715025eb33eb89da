"""Places: names the model mislabels, the phrases that tie places together, and geocoding.

Sentences are written for the tests; the places are real (Gao, Bourem, Tessalit, Douentza,
Niono and Léré in Mali, Ouagadougou in Burkina Faso, Hyderabad, Birmingham...) and the
unknown ones invented (Kessa, Zarvoskaya). Extraction runs the real spaCy pipeline through
`extract_mentions` and `find_places`; geocoding runs a real build into a SQLite store with
the session gazetteer and reads the exported entity records.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records
from claimgraph.extract import extract_mentions, load_entity_lexicon
from claimgraph.extract.places import (
    PlaceFinding,
    find_places,
    load_place_lexicon,
    place_cues,
)
from claimgraph.records import Mention, StoredEntity, StoredMention
from claimgraph.resolve.places import geocode_entities

from .conftest import write_article

ENTITIES = load_entity_lexicon()
PLACES = load_place_lexicon()


def _find(build_tools, text: str) -> PlaceFinding:
    doc = build_tools.nlp(text)
    finding = find_places(text, extract_mentions(doc, "d1", ENTITIES), PLACES, ENTITIES, build_tools.gazetteer)
    for mention in finding.mentions:
        assert text[mention.start : mention.end] == mention.text, mention
    return finding


def _types(finding: PlaceFinding) -> dict[str, str]:
    return {m.text: m.type for m in finding.mentions}


def _cues(text: str, finding: PlaceFinding) -> set[tuple[str, str, str]]:
    return {(text[c.start : c.end], c.relation, text[c.anchor_start : c.anchor_end]) for c in finding.cues}


def _model_label(build_tools, text: str, name: str) -> str:
    """What the spaCy model alone calls `name`: the tests below are about names it gets wrong."""
    labels = [ent.label_ for ent in build_tools.nlp(text).ents if ent.text.removeprefix("the ") == name]
    assert labels, f"the model found no entity {name!r} in {text!r}"
    return labels[0]


def _entities(tmp_path: Path, build_tools, title: str, paragraphs: list[str]) -> dict[str, dict]:
    """Build one article into a fresh store; the exported entity records by name."""
    corpus = tmp_path / "corpus"
    write_article(corpus, "article.txt", title, paragraphs)
    with Store.open(tmp_path / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        return {r["name"]: r for r in contract_records(store) if r["kind"] == "entity"}


def _place(entities: dict[str, dict], name: str) -> dict:
    assert name in entities, f"no entity {name!r}: {sorted(entities)}"
    place = entities[name]["place"]
    assert place is not None, f"{name!r} has no place: {entities[name]}"
    return place


def _gazetteer_place(build_tools, name: str, country: str):
    """The most populous place of `country` that `name` is the primary name of."""
    found = [n.place for n in build_tools.gazetteer.places_named(name) if n.primary and n.place.country == country]
    assert found, f"no {name!r} in {country}"
    return max(found, key=lambda p: p.population)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# 1. Which names are places --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "place_type"),
    [
        ("Niger has faced a drought since last year.", "Niger", "GPE"),
        ("Chad and Niger closed their borders.", "Niger", "GPE"),
        ("The jihadists operate across the Sahel.", "Sahel", "LOC"),
    ],
)
def test_a_country_or_region_the_model_mislabels_becomes_a_place(build_tools, text: str, name: str, place_type: str) -> None:
    assert _model_label(build_tools, text, name) not in {"GPE", "LOC"}
    assert _types(_find(build_tools, text))[name] == place_type


@pytest.mark.parametrize("text", ["Kinshasa denied the report on Monday.", "Kinshasa claimed that rebels blew up the bridge."])
def test_a_great_capital_named_alone_is_the_capital_whatever_the_model_read(build_tools, text: str) -> None:
    # no region shares the name, and nothing places it: only its being a capital of millions
    assert _model_label(build_tools, text, "Kinshasa") == "ORG"
    assert _types(_find(build_tools, text))["Kinshasa"] == "GPE"


def test_a_person_named_like_a_country_stays_a_person(build_tools) -> None:
    assert _types(_find(build_tools, "Chad Johnson said the talks had failed.")) == {"Chad Johnson": "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "Herders fled to Tessalit after the attack.",
        "Soldiers were deployed in Tessalit on Monday.",
    ],
)
def test_a_town_after_a_locative_preposition_becomes_a_place(build_tools, text: str) -> None:
    assert _model_label(build_tools, text, "Tessalit") == "PERSON"
    assert _types(_find(build_tools, text))["Tessalit"] == "GPE"


def test_a_town_coordinated_with_a_place_becomes_a_place(build_tools) -> None:
    text = "Rebels attacked Douentza and Niono on Monday."
    assert (_model_label(build_tools, text, "Douentza"), _model_label(build_tools, text, "Niono")) == ("PERSON", "GPE")
    assert _types(_find(build_tools, text)) == {"Douentza": "GPE", "Niono": "GPE"}


def test_a_town_name_with_nothing_placing_it_keeps_the_models_label(build_tools) -> None:
    """A known town name alone is not evidence: "retook X" does not say X is a place."""
    assert _types(_find(build_tools, "The army retook Tessalit on Monday.")) == {"Tessalit": "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The road between Gao and Bourem was closed.", "Bourem"),
        ("The army retook Tessalit, Mali, on Monday.", "Tessalit"),
    ],
)
def test_a_town_beside_a_place_the_model_also_mislabelled_becomes_a_place(build_tools, text: str, name: str) -> None:
    assert _types(_find(build_tools, text))[name] == "GPE"


def test_a_compound_of_two_regions_is_split_into_both(build_tools) -> None:
    text = "Trade across the Sahara-Maghreb region fell."
    assert build_tools.gazetteer.places_named("Sahara-Maghreb") == ()
    finding = _find(build_tools, text)
    assert [(m.text, m.type, m.key) for m in finding.mentions] == [("Sahara", "LOC", "sahara"), ("Maghreb", "LOC", "maghreb")]


# 2. Facilities named after places -------------------------------------------------------------


def test_an_airport_named_after_a_town_gets_the_town_as_a_nested_place(build_tools) -> None:
    text = "The Gao airport was closed."
    finding = _find(build_tools, text)
    assert _types(finding) == {"Gao airport": "FAC", "Gao": "GPE"}
    assert _cues(text, finding) == {("Gao airport", "at", "Gao")}


def test_a_camp_named_after_a_town_near_another_is_at_the_first_and_near_the_second(build_tools) -> None:
    text = "Soldiers guard the Bourem military camp north of Gao."
    finding = _find(build_tools, text)
    assert _types(finding) == {"Bourem military camp": "FAC", "Bourem": "GPE", "Gao": "GPE"}
    assert _cues(text, finding) == {
        ("Bourem military camp", "at", "Bourem"),
        ("Bourem military camp", "near", "Gao"),
        ("Bourem", "near", "Gao"),
    }


def test_the_town_a_military_airport_is_named_after_is_a_nested_place(build_tools) -> None:
    text = "Drones were parked at the Kidal military airport near Gao."
    finding = _find(build_tools, text)
    assert _types(finding)["Kidal"] == "GPE"
    assert ("Kidal military airport", "at", "Kidal") in _cues(text, finding)
    assert ("Kidal", "near", "Gao") in _cues(text, finding)


# 3. Cues between places (the grammar alone, on mentions given by hand) ------------------------


def _given(text: str, *names: str) -> list[Mention]:
    mentions = []
    for name in names:
        start = text.index(name)
        mentions.append(Mention("d1", start, start + len(name), name, "GPE", name.casefold(), 0))
    return mentions


def _hand_cues(text: str, *names: str) -> set[tuple[str, str, str]]:
    return {(text[c.start : c.end], c.relation, text[c.anchor_start : c.anchor_end])
            for c in place_cues(text, _given(text, *names), PLACES)}


@pytest.mark.parametrize(
    ("text", "names", "cues"),
    [
        ("Fighting near Ansongo, in the Gao region, went on.", ("Ansongo", "Gao"), {("Ansongo", "in", "Gao")}),
        ("The convoy reached Kumasi, Ghana.", ("Kumasi", "Ghana"), {("Kumasi", "comma", "Ghana")}),
        ("Aid reached Tamale, Bolgatanga and Wa.", ("Tamale", "Bolgatanga", "Wa"), set()),
        ("Zarvoskaya, a few kilometres from Gao, was burned.", ("Zarvoskaya", "Gao"), {("Zarvoskaya", "near", "Gao")}),
        ("The herders came from Zarvoskaya to Gao.", ("Zarvoskaya", "Gao"), set()),
        ("Kessa lies in the Sahel.", ("Kessa", "Sahel"), set()),  # "in the" without a region word: no cue
    ],
)
def test_cue_grammar(text: str, names: tuple[str, ...], cues: set[tuple[str, str, str]]) -> None:
    assert _hand_cues(text, *names) == cues


def test_a_comma_cue_survives_the_comma_that_closes_the_apposition() -> None:
    text = "Protesters gathered in Kumasi, Ghana, on Saturday."
    assert _hand_cues(text, "Kumasi", "Ghana") == {("Kumasi", "comma", "Ghana")}


# 4. Geocoding in a build ----------------------------------------------------------------------


def test_a_mislabelled_country_is_stored_as_a_placed_gpe(tmp_path: Path, build_tools) -> None:
    text = "Niger has faced a drought since last year, the United Nations said."
    assert _model_label(build_tools, text, "Niger") not in {"GPE", "LOC"}
    entities = _entities(tmp_path, build_tools, "Drought goes on", [text])
    assert entities["Niger"]["type"] == "GPE"
    place = _place(entities, "Niger")
    assert (place["country"], place["kind"], place["precision"]) == ("NE", "country", "country")
    assert _km(place["lat"], place["lon"], 17.6, 8.1) < 400  # inside Niger
    assert entities["United Nations"]["place"] is None


@pytest.mark.parametrize(
    ("title", "paragraphs", "country"),
    [
        (
            "Convoy attacked in Mali",
            ["Soldiers were ambushed near Gao, in northern Mali, the army said.",
             "The army of Mali sent reinforcements to Gao on Tuesday."],
            "ML",
        ),
        (
            "Convoy attacked in Burkina Faso",
            ["Soldiers of Burkina Faso were attacked near Gao, in the south of the country, the army said.",
             "The convoy was travelling from Gao to Ouagadougou, officials in Burkina Faso said."],
            "BF",
        ),
    ],
)
def test_an_ambiguous_town_is_placed_in_the_country_the_article_is_about(
    tmp_path: Path, build_tools, title: str, paragraphs: list[str], country: str
) -> None:
    """Gao is a city of 130,000 in Mali and a town of 26,000 in Burkina Faso."""
    assert {n.place.country for n in build_tools.gazetteer.places_named("Gao")} >= {"ML", "BF"}
    place = _place(_entities(tmp_path, build_tools, title, paragraphs), "Gao")
    expected = _gazetteer_place(build_tools, "Gao", country)
    assert (place["country"], place["gazetteer_id"], place["precision"]) == (country, expected.id, "town")


def test_kidal_in_an_article_about_mali_is_placed_in_mali(tmp_path: Path, build_tools) -> None:
    assert {n.place.country for n in build_tools.gazetteer.places_named("Kidal")} == {"ML", "ID"}
    entities = _entities(tmp_path, build_tools, "Fighting in northern Mali", [
        "Fighting broke out in Kidal on Tuesday, the army of Mali said.",
        "Soldiers in Kidal were put on alert.",
    ])
    place = _place(entities, "Kidal")
    assert (place["country"], place["precision"]) == ("ML", "town")


def test_a_name_without_context_is_its_most_populous_place(tmp_path: Path, build_tools) -> None:
    assert len({n.place.country for n in build_tools.gazetteer.places_named("London")}) > 2
    entities = _entities(tmp_path, build_tools, "Storm floods streets", ["Heavy rain flooded streets in London on Monday, the authorities said."])
    place = _place(entities, "London")
    assert (place["country"], place["name"], place["precision"]) == ("GB", "London", "town")


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Monsoon rains flooded streets in Hyderabad, Pakistan, on Tuesday, officials said.", "Hyderabad", "PK"),
        ("Protesters gathered in Kumasi, Ghana.", "Kumasi", "GH"),
    ],
)
def test_x_comma_country_places_x_in_that_country(tmp_path: Path, build_tools, sentence: str, name: str, country: str) -> None:
    entities = _entities(tmp_path, build_tools, "News", [sentence])
    place = _place(entities, name)
    assert (place["country"], place["precision"]) == (country, "town")
    assert place["gazetteer_id"] == _gazetteer_place(build_tools, name, country).id


BRITISH_STEEL = [
    "British Steel will cut 400 jobs in Britain, the company said in London on Monday.",
    "Britain's steel industry has shrunk for decades.",
]


def test_a_parent_state_outweighs_the_articles_main_country(tmp_path: Path, build_tools) -> None:
    """In an article about Britain, "Birmingham, Alabama" is still the American Birmingham."""
    entities = _entities(tmp_path, build_tools, "British Steel cuts jobs", [*BRITISH_STEEL, "The company also owns a plant in Birmingham, Alabama."])
    assert _place(entities, "London")["country"] == "GB"
    assert _place(entities, "Alabama")["precision"] == "region"
    birmingham = _place(entities, "Birmingham")
    assert (birmingham["country"], birmingham["gazetteer_id"]) == ("US", _gazetteer_place(build_tools, "Birmingham", "US").id)


def test_a_parent_state_in_mid_sentence_outweighs_the_articles_main_country(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "British Steel cuts jobs", [*BRITISH_STEEL, "The company's plant in Birmingham, Alabama, will also close."])
    assert _place(entities, "Birmingham")["country"] == "US"


def test_a_one_letter_misspelling_of_a_place_in_the_article_is_the_same_place(tmp_path: Path, build_tools) -> None:
    assert build_tools.gazetteer.places_named("Ouagadougu") == ()
    entities = _entities(tmp_path, build_tools, "Floods", [
        "Floods killed twelve people in Ouagadougou on Monday.",
        "Officials said the water in Ouagadougu had begun to recede by Wednesday.",
    ])
    (city,) = [e for e in entities.values() if "Ouagadougu" in e["aliases"]]
    assert set(city["aliases"]) == {"Ouagadougou", "Ouagadougu"}
    assert {m["text"] for m in city["mentions"]} == {"Ouagadougou", "Ouagadougu"}
    assert city["type"] == "GPE"
    assert (city["place"]["country"], city["place"]["name"]) == ("BF", "Ouagadougou")


def test_a_misspelt_town_is_found_among_the_places_of_the_articles_country(tmp_path: Path, build_tools) -> None:
    assert build_tools.gazetteer.places_named("Tessallit") == ()
    entities = _entities(tmp_path, build_tools, "Army convoy attacked in Mali", [
        "Soldiers were ambushed near Tessallit on Monday, the army of Mali said.",
        "The convoy was heading to Gao, in northern Mali.",
    ])
    place = _place(entities, "Tessallit")
    assert (place["name"], place["country"]) == ("Tessalit", "ML")


def test_a_misspelling_with_no_country_in_view_is_not_guessed(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Army convoy attacked", ["Soldiers were ambushed near Tessallit on Monday, the army said."])
    assert "Tessallit" in entities and entities["Tessallit"]["place"] is None


def test_an_old_name_in_the_text_is_placed_at_the_city(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Sirens", ["Air raid sirens sounded across Kiev on Monday, the city's mayor said."])
    assert entities["Kiev"]["type"] == "GPE"  # the model says PERSON; "across" makes it a place
    place = _place(entities, "Kiev")
    assert (place["name"], place["country"], place["gazetteer_id"]) == ("Kyiv", "UA", "geonames:703448")


def test_a_macro_region_is_placed_as_a_region_not_as_a_namesake_village(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Oil prices rise", ["Oil prices rose on Monday amid tensions in the Middle East, traders said."])
    place = _place(entities, "Middle East")
    assert entities["Middle East"]["type"] == "LOC"
    # GeoNames' own region (kind "area": no division), at GeoNames' point, as benchmarks score it.
    assert (place["kind"], place["precision"], place["country"]) == ("area", "region", None)
    assert place["gazetteer_id"].startswith("geonames:") and 20 <= place["lat"] <= 38 and 30 <= place["lon"] <= 55


def test_a_named_area_that_is_no_division_is_placed_as_a_region(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Drought", ["Herders in the Kalahari lost half their cattle, officials said."])
    place = _place(entities, "Kalahari")
    assert (place["kind"], place["precision"], place["country"]) == ("area", "region", None)


def test_a_person_named_like_an_area_stays_a_person(build_tools) -> None:
    # "Murray" is also a region of Australia; an area's name alone does not make a person a place.
    text = "Murray won the final on Sunday, and Murray said he was tired."
    assert _model_label(build_tools, text, "Murray") == "PERSON"
    assert _types(_find(build_tools, text)).get("Murray") == "PERSON"


def test_a_facility_named_after_a_town_is_placed_at_the_town(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Drones at the airport", [
        "Drones were seen at the Gao airport on Monday, according to satellite images.",
        "Soldiers in Mali have used the Gao airport since 2013.",
    ])
    gao = _gazetteer_place(build_tools, "Gao", "ML")
    assert entities["Gao airport"]["type"] == "FAC"
    airport = _place(entities, "Gao airport")
    assert (airport["gazetteer_id"], airport["precision"]) == (gao.id, "town")
    assert _place(entities, "Gao")["gazetteer_id"] == gao.id


def test_a_facility_said_to_be_in_a_town_is_placed_at_the_town(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Strike on a hospital", [
        "An air strike hit the Al-Nour Hospital in Gao on Monday, officials said.",
    ])
    gao = _gazetteer_place(build_tools, "Gao", "ML")
    assert entities["Al-Nour Hospital"]["type"] == "FAC"
    assert _place(entities, "Al-Nour Hospital")["gazetteer_id"] == gao.id


def test_a_camp_named_after_a_town_is_placed_there_not_at_the_town_it_is_near(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "New hangars", [
        "Satellite images show new hangars at the Bourem military camp north of Gao, in Mali.",
        "The army did not comment.",
    ])
    bourem = _gazetteer_place(build_tools, "Bourem", "ML")
    camp = _place(entities, "Bourem military camp")
    assert (camp["gazetteer_id"], camp["precision"]) == (bourem.id, "town")
    assert _place(entities, "Gao")["gazetteer_id"] == _gazetteer_place(build_tools, "Gao", "ML").id


def test_an_unknown_village_near_a_known_town_is_placed_near_it(tmp_path: Path, build_tools) -> None:
    assert build_tools.gazetteer.places_named("Zarvoskaya") == ()
    entities = _entities(tmp_path, build_tools, "Herders killed", [
        "Gunmen killed five herders in the village of Zarvoskaya near Gao on Saturday, local officials in Mali said.",
    ])
    gao = _gazetteer_place(build_tools, "Gao", "ML")
    place = _place(entities, "Zarvoskaya")
    assert (place["precision"], place["country"]) == ("near_town", "ML")
    assert _km(place["lat"], place["lon"], gao.lat, gao.lon) < 25
    assert _place(entities, "Gao")["precision"] == "town"


def test_a_village_in_a_region_named_after_a_town_is_not_placed_as_that_town(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Herders attacked in Mali", [
        "Gunmen killed six herders in Zarvoskaya, a village in the Gao region of Mali, on Sunday.",
    ])
    assert _place(entities, "Zarvoskaya")["precision"] != "town"


def test_an_unknown_place_is_kept_as_an_entity_without_a_place(tmp_path: Path, build_tools) -> None:
    assert build_tools.gazetteer.places_named("Kessa") == ()
    entities = _entities(tmp_path, build_tools, "Fighting", ["Heavy fighting in Kessa left dozens dead, the army of Chad said on Monday."])
    assert entities["Kessa"]["type"] == "GPE"
    assert entities["Kessa"]["place"] is None
    assert _place(entities, "Chad")["country"] == "TD"


def test_a_small_namesake_abroad_is_refused(tmp_path: Path, build_tools) -> None:
    """Léré, a town in central Mali, is not in the packaged data; its namesakes are in Nigeria,
    Chad and France, all under 100,000 people. In an article about Mali none of them is a guess
    worth making."""
    namesakes = [n.place for n in build_tools.gazetteer.places_named("Léré")]
    assert namesakes and "ML" not in {p.country for p in namesakes}
    assert max(p.population for p in namesakes) < 100_000
    entities = _entities(tmp_path, build_tools, "Clashes in Mali", [
        "Militants attacked an army post in Léré, in central Mali, on Sunday.",
        "The army said it had repelled the attack on Léré and that the situation in Mali was calm.",
    ])
    assert entities["Léré"]["type"] == "GPE"
    assert entities["Léré"]["place"] is None
    assert _place(entities, "Mali")["country"] == "ML"


def test_salvador_brazil_is_not_the_country_el_salvador(tmp_path: Path, build_tools) -> None:
    entities = _entities(tmp_path, build_tools, "Carnival", ["Millions of people danced in the streets of Salvador, Brazil, during the carnival."])
    place = _place(entities, "Salvador")
    assert (place["country"], place["kind"]) == ("BR", "city")


def test_a_large_foreign_city_under_an_alternate_name_is_not_taken_against_an_explicit_country(tmp_path: Path, build_tools) -> None:
    assert {n.place.country for n in build_tools.gazetteer.places_named("Boni")} <= {"DE", "ID", "FR"}
    entities = _entities(tmp_path, build_tools, "Clashes in Mali", [
        "Rebels attacked a convoy near Boni, Mali, on Sunday.",
        "The army said the situation in Mali was calm.",
    ])
    place = entities["Boni"]["place"]
    assert place is None or place["country"] == "ML"


# 5. The resolver on its own -------------------------------------------------------------------


def test_a_namesake_is_refused_because_of_the_documents_focus(build_tools) -> None:
    """Without any country in view the largest Léré is the best guess; beside Mali it is refused."""
    lere = _place_entity("gpe_lere", "GPE", ("Léré",), (("d1", 30, 34),))
    alone = geocode_entities([lere], [], build_tools.gazetteer)
    assert [(p.entity_id, p.country) for p in alone] == [("gpe_lere", "NG")]
    mali = _place_entity("gpe_mali", "GPE", ("Mali",), (("d1", 50, 54), ("d1", 90, 94)))
    beside_mali = geocode_entities([lere, mali], [], build_tools.gazetteer)
    assert [(p.entity_id, p.country, p.precision) for p in beside_mali] == [("gpe_mali", "ML", "country")]


def test_known_places_fall_back_on_the_documents_main_place(build_tools) -> None:
    kessa = _place_entity("gpe_kessa", "GPE", ("Kessa",), (("d1", 0, 5),))
    gao = _place_entity("gpe_gao", "GPE", ("Gao",), (("d1", 20, 23), ("d1", 60, 63)))
    mali = _place_entity("gpe_mali", "GPE", ("Mali",), (("d1", 40, 44),))
    extracted = {p.entity_id: p for p in geocode_entities([kessa, gao, mali], [], build_tools.gazetteer)}
    assert "gpe_kessa" not in extracted and extracted["gpe_gao"].country == "ML"
    gold = {p.entity_id: p for p in geocode_entities([kessa, gao, mali], [], build_tools.gazetteer, known_places=True)}
    assert (gold["gpe_kessa"].gazetteer_id, gold["gpe_kessa"].precision) == (extracted["gpe_gao"].gazetteer_id, "region")


def test_names_that_are_ordinary_words_are_never_looked_up(build_tools) -> None:
    west = _place_entity("loc_west", "LOC", ("West",), (("d1", 0, 4),))
    ghana = _place_entity("gpe_ghana", "GPE", ("Ghana",), (("d1", 10, 15),))
    assert build_tools.gazetteer.places_named("West")  # the gazetteer does have places called West
    placed = geocode_entities([west, ghana], [], build_tools.gazetteer, not_place_names=PLACES.not_place_names)
    assert [p.entity_id for p in placed] == ["gpe_ghana"]


def _place_entity(entity_id: str, kind: str, names: tuple[str, ...], mentions: tuple[tuple[str, int, int], ...]) -> StoredEntity:
    """A place entity under its names, mentioned at (doc, start, end) spans."""
    return StoredEntity(entity_id, names[0], kind, names, tuple(StoredMention(doc, start, end, names[0]) for doc, start, end in mentions))


def _resolved(build_tools, *names: str) -> dict[str, object]:
    """Each name one place entity of one document (mentioned in order), resolved together."""
    entities = [_place_entity(f"gpe_{index}", "GPE", (name,), (("d1", 10 * index, 10 * index + len(name)),))
                for index, name in enumerate(names)]
    placed = {p.entity_id: p for p in geocode_entities(entities, [], build_tools.gazetteer)}
    return {name: placed.get(f"gpe_{index}") for index, name in enumerate(names)}


def test_a_part_of_a_country_that_its_data_lists_as_a_name_of_it_is_the_part(build_tools) -> None:
    """pycountry lists "England" as a name of the United Kingdom; England is meant."""
    england = _resolved(build_tools, "England")["England"]
    assert (england.kind, england.country, england.precision) == ("region", "GB", "region")
    mexico = _resolved(build_tools, "Mexico")["Mexico"]
    assert (mexico.kind, mexico.country) == ("country", "MX")  # the country's own name stays the country


def test_a_capital_named_like_an_alternate_name_of_its_country_is_the_capital(build_tools) -> None:
    tunis = _resolved(build_tools, "Tunis")["Tunis"]
    assert (tunis.kind, tunis.country) == ("capital", "TN")


def test_a_state_yields_to_a_big_namesake_city_not_to_a_small_town(build_tools) -> None:
    places = _resolved(build_tools, "Washington", "Oregon", "New York")
    assert (places["Washington"].kind, places["Washington"].admin1) == ("capital", "DC")
    assert (places["Oregon"].kind, places["Oregon"].admin1) == ("region", "OR")  # not Oregon, Ohio (20,000 people)
    assert places["New York"].name == "New York City"


def test_a_country_named_like_a_state_among_that_states_towns_is_the_state(build_tools) -> None:
    among_towns = _resolved(build_tools, "Atlanta", "Marietta", "Georgia")
    assert (among_towns["Georgia"].kind, among_towns["Georgia"].country) == ("region", "US")
    abroad = _resolved(build_tools, "Tbilisi", "Georgia")
    assert (abroad["Georgia"].kind, abroad["Georgia"].country) == ("country", "GE")
    alone = _resolved(build_tools, "Georgia")
    assert alone["Georgia"].kind == "country"
    beside_a_capital = _resolved(build_tools, "Washington", "Russia", "Georgia")  # a capital says nothing of a state
    assert beside_a_capital["Georgia"].country == "GE"
    one_town = _resolved(build_tools, "Lagos", "Niger")
    assert (one_town["Niger"].kind, one_town["Niger"].country) == ("country", "NE")


def test_a_province_named_like_a_big_city_abroad_is_not_taken_before_the_documents_focus(build_tools) -> None:
    # Provinces of Colombia and the Dominican Republic bear the names of a large Argentine
    # city and Chile's capital: with no country in view, the city is the likelier meaning.
    places = _resolved(build_tools, "Cordoba", "Santiago")
    assert (places["Cordoba"].kind, places["Cordoba"].country) == ("city", "AR")
    assert (places["Santiago"].kind, places["Santiago"].country) == ("capital", "CL")


def test_a_province_does_not_yield_to_a_town_under_its_alternate_name(build_tools) -> None:
    bahia = _resolved(build_tools, "Bahia")["Bahia"]
    assert (bahia.kind, bahia.country) == ("region", "BR")  # not Salvador, which Bahia also names


def test_one_or_two_towns_of_a_state_do_not_make_a_capital_their_namesake(build_tools) -> None:
    paris = _resolved(build_tools, "Houston", "Dallas", "Paris")["Paris"]
    assert paris.country == "FR"
    county = _resolved(build_tools, "Orlando", "Orange County")["Orange County"]
    assert county.admin1 == "FL"  # among namesakes of one standing, one town is enough


def test_a_us_county_is_placed_and_its_namesakes_told_apart_by_the_state_in_view(build_tools) -> None:
    alone = _resolved(build_tools, "Orange County")["Orange County"]
    assert (alone.kind, alone.country, alone.admin1, alone.precision) == ("district", "US", "CA", "region")
    assert _km(alone.lat, alone.lon, 33.7, -117.8) < 50
    beside_orlando = _resolved(build_tools, "Orlando", "Orange County")["Orange County"]
    assert beside_orlando.admin1 == "FL"
    assert build_tools.gazetteer.places_named("Orange") and all(
        p.place.kind != "district" for p in build_tools.gazetteer.places_named("Orange"))  # only under its full name


def test_a_us_state_is_placed_at_the_middle_of_its_extent(build_tools) -> None:
    texas = _gazetteer_place(build_tools, "Texas", "US")
    assert 30 < texas.lat < 32.5 and -101.5 < texas.lon < -98.5  # not at its populous east

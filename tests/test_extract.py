"""Entity mentions from the parse, with sentences written for the tests."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_mentions, load_entity_lexicon, name_key
from claimgraph.extract.descriptions import descriptive_mentions

LEXICON = load_entity_lexicon()


@pytest.fixture(scope="module")
def nlp(build_tools):
    return build_tools.nlp


def mentions_of(nlp, text: str):
    return extract_mentions(nlp(text), "doc", LEXICON)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Witnesses said the French army left the base on Friday.", "French army", "ORG"),
        ("Residents said Mali’s army arrived in the morning.", "Mali’s army", "ORG"),
        ("Drones were parked at the Kidal military airport near the river.", "Kidal military airport", "FAC"),
        ("Human rights groups counted the dead after the Kessa massacre last year.", "Kessa massacre", "EVENT"),
        ("Fighters from the Zorov group arrived in the capital, officials in Moscow said.", "Zorov group", "ORG"),
    ],
)
def test_a_name_inside_a_larger_name_is_a_mention_of_its_own(nlp, text: str, name: str, kind: str) -> None:
    found = {(m.text, m.type) for m in mentions_of(nlp, text)}
    assert (name, kind) in found


def test_the_modifier_name_keeps_its_own_mention(nlp) -> None:
    found = {m.text for m in mentions_of(nlp, "Witnesses said the French army left Mali on Friday.")}
    assert {"French", "French army", "Mali"} <= found


def test_outlet_domains_in_running_text_are_media_mentions(nlp) -> None:
    found = {(m.text, m.type) for m in mentions_of(nlp, "According to a report on lemonde.fr, the talks failed. See https://www.example.com/page for more.")}
    assert ("lemonde.fr", "MEDIA") in found
    assert not any("example.com" in text for text, _ in found)


def test_a_surname_takes_the_key_of_the_full_name(nlp) -> None:
    mentions = mentions_of(nlp, "President Joana Mbeki met the envoy on Monday. Mbeki later said the talks had gone well.")
    keys = {m.text: m.key for m in mentions if m.type == "PERSON"}
    assert keys.get("Joana Mbeki") == keys.get("Mbeki") == "joana mbeki"


def test_a_name_the_model_found_once_is_found_everywhere(nlp) -> None:
    text = "Officials in Bamako confirmed the visit. Later, Bamako denied it. The mood in Bamako was tense."
    assert len([m for m in mentions_of(nlp, text) if m.text == "Bamako"]) == 3


def test_mentions_never_nest_inside_a_mention_of_the_same_type(nlp) -> None:
    mentions = mentions_of(nlp, "The Wagner Group said the Wagner Group would stay.")
    spans = [(m.start, m.end, m.type) for m in mentions]
    for start, end, kind in spans:
        assert not any(s <= start and end <= e and (s, e) != (start, end) and k == kind for s, e, k in spans)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Prigozhin’s", "prigozhin"), ("the Wagner Group", "wagner group"), ("Dembélé", "dembele"), ("The Insider", "insider")],
)
def test_name_keys_ignore_case_accents_articles_and_possessives(name: str, key: str) -> None:
    assert name_key(name, LEXICON) == key


def descriptive(nlp, text: str) -> list[tuple[str, str]]:
    """(text, key) of the mentions `descriptive_mentions` adds."""
    doc = nlp(text)
    named = extract_mentions(doc, "doc", LEXICON)
    return [(m.text, m.key) for m in descriptive_mentions(doc, "doc", named, LEXICON) if m not in named]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kessa thanked the European Union. The bloc deployed a training mission to Gao.", [("The bloc", "european union")]),
    ("Fighters of the Zorov Group arrived in Gao. The group is financed by Amadou Keita.", [("The group", "zorov group")]),
    ("Vantor Holdings bought the mine. Analysts said the company would hire 300 workers.", [("the company", "vantor holdings")]),
])
def test_a_definite_description_is_a_mention_of_the_organisation_named_before(nlp, text: str, expected) -> None:
    assert descriptive(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The bloc deployed a training mission to Gao.",  # no organisation named before
    "Kessa thanked the Zorov Group. The bloc deployed a training mission to Gao.",  # a group is no bloc
    "Vantor Holdings bought the mine. The group of experts said the company of soldiers left.",  # 'of' phrases
    "Vantor Holdings bought the mine. A company and the armed groups arrived later.",  # indefinite, plural
])
def test_a_description_that_fits_no_organisation_named_before_is_no_mention(nlp, text: str) -> None:
    assert descriptive(nlp, text) == []

"""Quantities (extract/quantities.py) over short sentences parsed by the real spaCy pipeline.

Expected values are written by hand: what a reader would take the number to count, its
unit (a currency code, %, or the counted noun), and how exact the text says it is.
Date spans are passed as the pipeline does, from extract_dates.
"""

from __future__ import annotations

import pytest

from claimgraph.extract.dates import extract_dates
from claimgraph.extract.quantities import extract_quantities
from claimgraph.records import Quantity


def _xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


def _quantities(build_tools, sentence: str, *, dates_from: str = "extract_dates") -> list[Quantity]:
    doc = build_tools.nlp(sentence)
    if dates_from == "extract_dates":
        spans = [(d.start, d.end) for d in extract_dates(doc, "doc1", build_tools.lexicons.time, dct=None)]
    else:
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    return extract_quantities(doc, "doc1", build_tools.lexicons.quantities, date_spans=spans)


CASES = [
    # (sentence, substring of the quantity's text, value, value_max, unit, qualifier)
    ("The army said at least three drones struck the base.", "three", 3, None, "drones", "at_least"),
    ("At least 1,000 mercenaries were deployed.", "1,000", 1000, None, "mercenaries", "at_least"),
    ("Several hundred fighters crossed the border.", "Several hundred", 300, None, "fighters", "at_least"),
    ("Four helicopters landed at the airport.", "Four", 4, None, "helicopters", "exact"),
    ("The firm sent a thousand contractors to the region.", "thousand", 1000, None, "contractors", "exact"),
    ("The group deployed 1,000 mercenaries in the country.", "1,000", 1000, None, "mercenaries", "exact"),
    ("Officials said 400 to 500 people were killed.", "400 to 500", 400, 500, "people", "range"),
    ("The army lost 30 to 40 vehicles.", "30 to 40", 30, 40, "vehicles", "range"),
    ("The army deployed 400 or 500 soldiers.", "400 or 500", 400, 500, "soldiers", "range"),
    ("The company could deploy up to 400 soldiers.", "400", 400, None, "soldiers", "up_to"),
    ("As many as 2,000 fighters joined the group.", "2,000", 2000, None, "fighters", "up_to"),
    ("Fewer than 50 peacekeepers remain.", "50", 50, None, "peacekeepers", "up_to"),
    ("About 400 instructors are now in the country.", "400", 400, None, "instructors", "about"),
    ("Around 5,000 troops remain in the Sahel.", "5,000", 5000, None, "troops", "about"),
    ("Nearly 200 soldiers were killed.", "200", 200, None, "soldiers", "about"),
    ("Some 150 Russian instructors arrived.", "150", 150, None, "instructors", "about"),
    ("These instructors now number about 400.", "400", 400, None, "instructors", "about"),
    ("The group has more than 300 fighters in Libya.", "300", 300, None, "fighters", "more_than"),
    ("Over 1,200 soldiers were deployed.", "1,200", 1200, None, "soldiers", "more_than"),
    ("The contract is worth more than €9 million.", "€9 million", 9_000_000, None, "EUR", "more_than"),
    ("The government pays $10.8 million a month to the group.", "$10.8 million a month", 10_800_000, None, "USD/month", "exact"),
    ("The government pays 10.8 million dollars a month to the group.", "10.8 million dollars a month", 10_800_000, None, "USD/month", "exact"),
    ("Wagner earns $10 million per month.", "$10 million per month", 10_000_000, None, "USD/month", "exact"),
    ("The deal is worth £2 billion.", "£2 billion", 2_000_000_000, None, "GBP", "exact"),
    ("Mali paid 6 billion CFA francs to the company.", "6 billion CFA francs", 6_000_000_000, None, "XOF", "exact"),
    ("The crisis has displaced 2.3 million people.", "2.3 million", 2_300_000, None, "people", "exact"),
    ("Inflation reached 7.5% last year.", "7.5%", 7.5, None, "%", "exact"),
    ("Almost 40% of the population is displaced.", "40%", 40, None, "%", "about"),
    ("The budget rose by 12 percent.", "12 percent", 12, None, "%", "exact"),
    ("The 5,000-strong contingent will leave.", "5,000", 5000, None, "contingent", "exact"),
    ("Paris decided to reduce the force by half.", "by half", 0.5, None, "fraction", "exact"),
    ("The country fell under a coup twice.", "twice", 2, None, "coups", "exact"),
    ("The French army handed over three bases to the Malian army.", "three", 3, None, "bases", "exact"),
    ("Turkey delivered two TB-2 drones to the army.", "two", 2, None, "drones", "exact"),
    ("Mali bought four Mi-171 helicopters.", "four", 4, None, "helicopters", "exact"),
    ("The unit lost eleven vehicles.", "eleven", 11, None, "vehicles", "exact"),
    ("The army bought twenty-five armoured vehicles.", "twenty-five", 25, None, "vehicles", "exact"),
    ("A dozen journalists were detained.", "dozen", 12, None, "journalists", "exact"),
    ("The UN has 13,000 peacekeepers in Mali.", "13,000", 13000, None, "peacekeepers", "exact"),
    ("The mission began in 2018 with 400 soldiers.", "400", 400, None, "soldiers", "exact"),
    ("On 5 September, 20 soldiers were killed.", "20", 20, None, "soldiers", "exact"),
    ("Dozens of civilians fled the town.", "Dozens", 24, None, "civilians", "at_least"),
    ("Hundreds of people protested in Bamako.", "Hundreds", 200, None, "people", "at_least"),
    ("Tens of thousands of people marched.", "Tens of thousands", 20000, None, "people", "at_least"),
    ("Between 20 and 30 soldiers were wounded in the attack.", "20 and 30", 20, 30, "soldiers", "range"),
    ("Some 2,000 to 3,000 troops will be deployed.", "2,000 to 3,000", 2000, 3000, "troops", "range"),
    ("The force of 400-500 men arrived.", "400", 400, 500, "men", "range"),
    ("Two dozen soldiers were captured.", "Two dozen", 24, None, "soldiers", "exact"),
    ("several dozen fighters surrendered.", "several dozen", 36, None, "fighters", "at_least"),
    ("Half a million people fled.", "Half a million", 500_000, None, "people", "exact"),
    ("The group received $5m from donors.", "5", 5_000_000, None, "USD", "exact"),
    ("Unemployment fell to 15 per cent.", "15 per cent", 15, None, "%", "exact"),
    ("The mission cost 1.2 billion euros.", "1.2 billion", 1_200_000_000, None, "EUR", "exact"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "value_max", "unit", "qualifier"), CASES)
def test_quantity(build_tools, sentence: str, text: str, value: float, value_max: float | None, unit: str, qualifier: str) -> None:
    found = [q for q in _quantities(build_tools, sentence) if text in q.text]
    assert len(found) == 1, f"{text!r}: {[(q.text, q.value, q.unit) for q in _quantities(build_tools, sentence)]}"
    quantity = found[0]
    assert quantity.value == pytest.approx(value)
    assert quantity.value_max == (None if value_max is None else pytest.approx(value_max))
    assert quantity.unit == unit
    assert quantity.qualifier == qualifier
    assert sentence[quantity.start : quantity.end] == quantity.text
    assert quantity.doc == "doc1"


def test_model_name_number_is_not_a_quantity(build_tools) -> None:
    """Only 'two' in 'two TB-2 drones': the 2 of the model name is not a count."""
    quantities = _quantities(build_tools, "Turkey delivered two TB-2 drones to the army.")
    assert [(q.text, q.value, q.unit) for q in quantities] == [("two", 2.0, "drones")]


def test_particle_is_not_more_than(build_tools) -> None:
    """'handed over three bases': 'over' is a particle of the verb, not 'more than'."""
    (quantity,) = _quantities(build_tools, "The French army handed over three bases to the Malian army.")
    assert quantity.qualifier == "exact"


@pytest.mark.parametrize("dates_from", ["extract_dates", "spacy"])
@pytest.mark.parametrize(
    "sentence",
    [
        "One of the officials declined to comment.",
        "The mission began in 2018.",
        "The convoy left on 5 September.",
        "The talks resumed on September 5, 2021.",
    ],
)
def test_no_quantity(build_tools, sentence: str, dates_from: str) -> None:
    assert _quantities(build_tools, sentence, dates_from=dates_from) == []


def test_dates_do_not_leak_into_quantities(build_tools) -> None:
    quantities = _quantities(build_tools, "Mali received 20 helicopters from Russia in 2021.")
    assert [(q.value, q.unit) for q in quantities] == [(20.0, "helicopters")]


def test_two_quantities_in_one_sentence(build_tools) -> None:
    quantities = _quantities(build_tools, "Officials reported 12 deaths and 40 injuries.")
    assert [(q.value, q.unit, q.value_max) for q in quantities] == [(12.0, "deaths", None), (40.0, "injuries", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia now has twice as many soldiers in the country.",
        "The budget is twice the size it was.",
    ],
)
def test_comparative_twice_is_not_a_repetition(build_tools, sentence: str) -> None:
    assert [q for q in _quantities(build_tools, sentence) if q.text == "twice"] == []

"""Typed magnitudes: which slot a number gives the size of, read from the parse, with the unit
and qualifier of what is counted. Sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.records import Quantity
from tests.conftest import extract_text


def _quantities(build_tools, text: str) -> list[Quantity]:
    found = extract_text(build_tools, text).quantities
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    return found


def _one(build_tools, text: str, number: str) -> Quantity:
    return next(q for q in _quantities(build_tools, text) if number in q.text)


@pytest.mark.parametrize(("text", "number", "slot", "unit"), [
    ("Villagers said 41 people had died in the shelling of Tarbeck.", "41", "killed", "people killed"),
    ("The militia killed dozens in the raid on the market.", "dozens", "killed", "people killed"),
    ("Rescuers counted 19 dead after the ferry capsized.", "19", "killed", "people killed"),
    ("The ministry said 88 soldiers were killed and 140 wounded.", "88", "killed", "soldiers"),
    ("Some 1,450 are reported missing after the mudslide.", "1,450", "missing", "people missing"),
    ("More than 9,000 residents were evacuated from the valley.", "9,000", "displaced", "residents"),
    ("Police arrested 37 protesters outside the parliament.", "37", "arrested", "protesters"),
    ("The governor put the death toll at 612 on Friday.", "612", "killed", "people killed"),
    ("The toll from the quake has climbed to 2,140.", "2,140", "killed", "people killed"),
    ("Its first toll of 75 was later revised.", "75", "killed", "people killed"),
    ("Relief workers fear that up to 4,000 villagers lost their lives in the landslide.", "4,000", "killed", "villagers"),
    ("A hospital official said the number of victims could reach 4,000.", "4,000", "killed", "people killed"),
    # a count whose own clause says where it stands is not the first clause's
    ("Ten villagers drowned when the river rose, and six are still on the missing list.", "six", "missing", "people missing"),
])
def test_a_number_fills_the_slot_its_words_say(build_tools, text: str, number: str, slot: str, unit: str) -> None:
    quantity = _one(build_tools, text, number)
    assert (quantity.slot, quantity.unit) == (slot, unit)


def test_a_number_pointing_back_to_a_tally_takes_its_slot(build_tools) -> None:
    text = "The agency initially announced a toll of 320, then lowered that figure to 287."
    assert [(q.value, q.slot) for q in _quantities(build_tools, text)] == [(320.0, "killed"), (287.0, "killed")]


def test_a_count_with_no_harm_word_fills_no_slot(build_tools) -> None:
    assert _one(build_tools, "The company hired 300 engineers last year.", "300").slot is None
    assert _one(build_tools, "A fund of $4 million was set up.", "4 million").slot == "sum"


def test_qualifiers_after_the_number_and_ranges_with_qualified_ends(build_tools) -> None:
    assert _one(build_tools, "A local doctor set the toll at 25 or fewer.", "25").qualifier == "up_to"
    assert _one(build_tools, "In all, 5,000 or more people fled the fighting.", "5,000").qualifier == "at_least"
    ranged = _one(build_tools, "Reports varied from more than 150 to over 600 dead.", "150")
    assert (ranged.value, ranged.value_max, ranged.qualifier) == (150.0, 600.0, "range")
    spectrum = _one(build_tools, "Analysts placed the toll in the 30-to-60 range.", "30")
    assert (spectrum.value, spectrum.value_max, spectrum.qualifier) == (30.0, 60.0, "range")


def test_two_figures_joined_by_and_are_not_a_range(build_tools) -> None:
    found = _quantities(build_tools, "The river climbed by more than 2.8 metres and covered roughly 140 square kilometres.")
    assert [(q.value, q.value_max, q.unit) for q in found] == [(2.8, None, "m"), (140.0, None, "km2")]


def test_measures_are_kept_with_their_symbol(build_tools) -> None:
    assert _one(build_tools, "The convoy drove about 250 miles north.", "250").unit == "miles"
    assert _one(build_tools, "Engineers found roughly 12 kilograms of explosives.", "12").unit == "kg"


@pytest.mark.parametrize(("text", "number"), [
    ("Out of the nine herders on the island, six drowned.", "nine"),
    ("The floods killed at least 20 people in two villages.", "two"),
    ("Dozens died in three attacks on the market.", "three"),
])
def test_what_a_preposition_brings_to_a_harm_word_is_no_count_of_harm(build_tools, text: str, number: str) -> None:
    assert _one(build_tools, text, number).slot is None
    assert any(q.slot == "killed" for q in _quantities(build_tools, text))


def test_an_amount_given_in_the_hundreds_is_the_count(build_tools) -> None:
    assert _one(build_tools, "The number of dead is at least in the hundreds, a doctor said.", "hundreds").slot == "killed"


@pytest.mark.parametrize(("text", "number"), [
    ("Mr Arvel, 34, was arrested at the border on Monday.", "34"),
    ("The painter Ines Varo, who has died in Lisbon aged 88, founded the academy.", "88"),
    ("She mourned the death of Tomas Reyl, 19, in the crash.", "19"),
])
def test_an_age_fills_no_slot(build_tools, text: str, number: str) -> None:
    assert all(q.slot is None for q in _quantities(build_tools, text) if number in q.text)


@pytest.mark.parametrize(("text", "number", "slot"), [
    # a forecast is no count of harm; an estimate of what happened is
    ("Doctors warned that 500 patients will die without fuel for the generators.", "500", None),
    ("Officials said 40 people may have died in the blast.", "40", "killed"),
    # a number in a clause describing someone counts no harm of the sentence
    ("The singer Ines Varo, loved by thousands across the region, has died.", "thousands", None),
    ("A flood that killed 300 people hit the town.", "300", "killed"),
])
def test_a_forecast_or_a_description_of_someone_counts_no_harm(build_tools, text: str, number: str, slot: str | None) -> None:
    assert _one(build_tools, text, number).slot == slot


@pytest.mark.parametrize(("text", "number", "slot"), [
    ("At least 12 people were killed and 30 will need surgery.", "30", None),
    ("Twelve soldiers died and 30 were hurt.", "30", "injured"),
    ("The army said 88 soldiers were killed and 140 wounded.", "140", "injured"),
])
def test_a_count_with_a_verb_of_its_own_is_what_its_verb_says(build_tools, text: str, number: str, slot: str | None) -> None:
    """A second clause with its own subject and verb says what its count is; it does not take
    the first clause's harm ("12 were killed and 30 will need surgery": not 30 killed)."""
    assert _one(build_tools, text, number).slot == slot


@pytest.mark.parametrize("text, number, scope", [
    ("Officials said 29 people have died in territory held by the rebels.", "29", "in territory held by the rebels"),
    ("At least three people from Ruvia died in the flood, the minister said.", "three", "from Ruvia"),
    ("Twenty more drowned elsewhere along the river.", "Twenty", "elsewhere"),
    ("By nightfall the other six were still unaccounted for, the governor said.", "six", "other"),
    ("About 30 children die every day in the camps.", "30", "every day"),
    ("Twelve people were killed in the blast.", "Twelve", None),
    ("By Friday the toll stood at 23 in the coastal villages, officials said.", "23", "in the coastal villages"),
    ("On the Malian side, 12 soldiers died in the fighting.", "12", "On the Malian side"),
    ("On the Malian side of the river, rescuers recovered the 10 dead.", "10", "On the Malian side of the river"),
    ("The army said it killed 40 fighters on Monday.", "40", None),
])
def test_a_toll_keeps_the_part_it_is_limited_to(build_tools, text: str, number: str, scope: str | None) -> None:
    assert _one(build_tools, text, number).scope == scope


@pytest.mark.parametrize(("text", "told", "slot", "unit"), [
    ("The garrison said no soldiers were killed in the ambush near Tarbeck.", "no soldiers", "killed", "soldiers"),
    ("No passenger lost his life when the ferry ran aground, the port authority said.", "No passenger", "killed", "passenger"),
    ("Nobody died in the fire at the depot, the brigade said.", "Nobody", "killed", "people killed"),
    ("None of the passengers was hurt when the bus overturned.", "None of the passengers", "injured", "passengers"),
    ("There were no casualties in the shelling of the bridge.", "no casualties", "killed", "people killed"),
    ("No one is missing after the landslide, the mayor said.", "No one", "missing", "people missing"),
])
def test_a_count_told_as_none_is_zero_of_its_slot(build_tools, text: str, told: str, slot: str, unit: str) -> None:
    (quantity,) = [q for q in _quantities(build_tools, text) if q.value == 0]
    assert (quantity.text, quantity.slot, quantity.unit, quantity.qualifier) == (told, slot, unit, "exact")


@pytest.mark.parametrize("text", [
    "Rescuers said no bodies had been recovered from the river yet.",  # the dead may not be found yet
    "There is no evidence that anyone was hurt in the blast.",  # a clause with its own subject
    "The minister had no idea how many people were killed.",
    "No decision on the number of soldiers killed has been made.",
    "No group has claimed the attack on the depot.",
    # a bound on a figure, none added since, none yet: no count of none
    "No fewer than 40 people were killed in the clashes.",
    "No new deaths were recorded overnight in the camp.",
    "No further casualties were reported after the second blast.",
    "No casualties were immediately reported after the shelling.",
])
def test_none_of_what_no_slot_word_governs_is_no_count(build_tools, text: str) -> None:
    assert [q for q in _quantities(build_tools, text) if q.value == 0] == []


@pytest.mark.parametrize(("text", "number"), [
    ("Ms Varo is the first of the four detainees freed last month to speak to reporters.", "four"),
    ("Six prisoners released from the camp in March were questioned by police.", "Six"),
    ("The militia released 12 hostages on Friday.", "12"),
    ("The minister welcomed the return of the three detainees.", "three"),
])
def test_a_count_its_verb_takes_out_of_the_slot_counts_no_one_in_it(build_tools, text: str, number: str) -> None:
    """Detainees freed, hostages released: those counted are no longer held."""
    assert _one(build_tools, text, number).slot is None


@pytest.mark.parametrize("text", [
    "The militia is still holding 12 hostages near the border.",
    "The 12 hostages have not been released.",  # negated
    "The militia refused to release 12 hostages.",  # not done
    "The families demanded the release of 12 prisoners held by the army.",  # asked for
    "Officials said 12 detainees were later returned to prison.",
])
def test_those_still_held_are_counted(build_tools, text: str) -> None:
    assert _one(build_tools, text, "12").slot == "arrested"


@pytest.mark.parametrize(("text", "number", "owner"), [
    ("A radio station broadcast their toll of 64 on Sunday.", "64", "their"),  # a pronoun, in lower case
    ("The newspaper printed the ministry's toll of 90 on its front page.", "90", "the ministry"),
    ("The ministry put the death toll at 350.", "350", None),  # told as the speaker's own
    ("A toll of 75 was given on Friday.", "75", None),
    ("The Paris toll of 40 was revised on Monday.", "40", None),  # a place names no owner
    ("The May toll of 40 was revised on Monday.", "40", None),  # nor a time
])
def test_a_figure_told_as_another_s_keeps_its_owner(build_tools, text: str, number: str, owner: str | None) -> None:
    assert _one(build_tools, text, number).owner == owner

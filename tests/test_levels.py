"""What a reduction or a withdrawal leaves, and two sources that disagree on it.

"Ruvia plans to reduce its 4,000-strong contingent by half" leaves 2,000; "the force, which
will drop from about 6,000 to about 2,000" leaves about 2,000; "Ruvia withdraws its troops" leaves
none. A planned level against another article's report of what is left is a numeric
contradiction, told as possibly one of time. Extraction runs the real pipeline on sentences
written for the tests; the comparison builds anchored events by hand (conftest.py). Names are
invented (Ruvia, Kessa); places are real (Gao, Mali).
"""

from __future__ import annotations

import pytest

from claimgraph.records import Event, Fact, StoredQuantity
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.figures import compare_quantities
from claimgraph.resolve.money import load_rates

from .conftest import anchored_event, contradictions, extract_text, figure, revised


def _withdrawals(build_tools, text: str) -> list[Event]:
    return [e for e in extract_text(build_tools, text).events if e.type == "WITHDRAWAL"]


@pytest.mark.parametrize("text, level", [
    ("Ruvia plans to reduce its 4,000-strong contingent in Mali by half.", (2000.0, "exact", "4,000 reduced by half")),
    ("The planned reduction of the Ruvian force, which will drop from about 6,000 soldiers in Mali to about 2,000 next year.",
     (2000.0, "about", "to about 2,000")),
    ("Ruvia withdraws its troops from Mali.", (0.0, "exact", "its troops")),
    ("Ruvia announced a full withdrawal from Mali.", (0.0, "exact", "full withdrawal")),
])
def test_what_a_reduction_or_withdrawal_leaves_is_read_from_the_sentence(build_tools, text: str, level) -> None:
    levels = [(e.level.value, e.level.qualifier, e.level.text) for e in _withdrawals(build_tools, text) if e.level]
    assert levels == [level]


@pytest.mark.parametrize("text", [
    "Ruvia withdrew 300 troops from Gao.",  # a figure withdrawn, not what is left
    "Ruvia withdrew from Gao on Monday.",  # nothing says how many stay
    "His military adviser quit after the merger.",  # one person leaving, not a whole force
])
def test_a_withdrawal_that_does_not_say_what_is_left_has_no_level(build_tools, text: str) -> None:
    events = _withdrawals(build_tools, text)
    assert events and all(e.level is None for e in events)


def _withdrawal(event_id: str, doc: str, status: str, level: tuple[float, str, str]) -> AnchoredEvent:
    return anchored_event(id=event_id, doc=doc, type="WITHDRAWAL", status=status, actors=frozenset({"country:RV"}),
                     targets=frozenset(), place=None, point=None, country="country:ML", date=None,
                     claims=(f"clm_{event_id}",), quantity=None, level=level)


def _contradictions(*events: AnchoredEvent) -> list:
    facts = [Fact(f"f_{e.id}", "withdrawal by Ruvia", e.claims, (e.id,), (), "single_source") for e in events]
    return contradictions(facts, events)


def test_a_planned_level_against_a_reported_full_withdrawal_is_a_numeric_contradiction_of_time() -> None:
    halved = _withdrawal("e1", "d1", "planned", (2000.0, "exact", "4,000 reduced by half"))
    gone = _withdrawal("e2", "d2", "happened", (0.0, "exact", "its troops"))
    (found,) = _contradictions(halved, gone)
    assert found.type == "numeric" and {found.a, found.b} == {"clm_e1", "clm_e2"}
    assert "'4,000 reduced by half' (2,000 left)" in found.explanation and "'its troops' (none left)" in found.explanation
    assert found.explanation.endswith("so the difference may be one of time.")


def test_levels_that_can_both_hold_or_come_from_one_article_are_no_contradiction() -> None:
    halved = _withdrawal("e1", "d1", "planned", (2000.0, "exact", "4,000 reduced by half"))
    about = _withdrawal("e2", "d2", "planned", (2200.0, "about", "to about 2,200"))  # within the slack of "about" (10%)
    assert _contradictions(halved, about) == []
    same_article = revised(_withdrawal("e3", "d1", "happened", (0.0, "exact", "its troops")))
    assert _contradictions(halved, same_article) == []
    other_party = revised(_withdrawal("e4", "d3", "happened", (0.0, "exact", "its troops")), actors=frozenset({"country:KS"}))
    assert _contradictions(halved, other_party) == []


def test_two_names_for_one_force_of_the_same_size_are_compared() -> None:
    """"Lima will halve its 4,000-strong contingent" and "the Ruvian operation will drop from
    about 4,000 to about 3,000": one force, named by its capital and by its operation."""
    halved = revised(_withdrawal("e1", "d1", "planned", (2000.0, "exact", "4,000 reduced by half")),
                     actors=frozenset({"lima"}), size=4000.0, size_range=(4000.0, 4000.0))
    dropping = revised(_withdrawal("e2", "d2", "planned", (3000.0, "about", "to about 3,000")),
                       actors=frozenset({"operation"}), size=4000.0, size_range=(3600.0, 4400.0))
    (found,) = _contradictions(halved, dropping)
    assert found.type == "numeric" and {found.a, found.b} == {"clm_e1", "clm_e2"}
    # 3,000 is 50% more than 2,000: beyond what rounding explains, so no rounding note
    assert "rounding" not in found.explanation and found.explanation.endswith("different groups or moments.")
    other_size = revised(dropping, size=9000.0, size_range=(8100.0, 9900.0))
    assert _contradictions(halved, other_size) == []


def test_a_small_gap_to_an_approximate_level_is_flagged_as_possibly_rounding() -> None:
    halved = _withdrawal("e1", "d1", "planned", (4000.0, "exact", "8,000 reduced by half"))
    about = _withdrawal("e2", "d2", "planned", (4800.0, "about", "to around 4,800"))
    (found,) = _contradictions(halved, about)
    assert "(they differ by 20%, which rounding an approximate figure may explain)" in found.explanation


def test_forces_of_the_same_size_in_two_countries_or_of_two_states_are_not_compared() -> None:
    def halved(event_id: str, doc: str, actors: set[str], country: str) -> AnchoredEvent:
        return revised(_withdrawal(event_id, doc, "planned", (3000.0, "exact", "6,000 reduced by half")),
                       actors=frozenset(actors), country=country, setting=country, size=6000.0, size_range=(6000.0, 6000.0))

    in_kessa = halved("e1", "d1", {"lima"}, "country:KS")
    to_1000 = revised(halved("e2", "d2", {"quito"}, "country:EE"), level=(1000.0, "exact", "to 1,000 troops"))
    assert _contradictions(in_kessa, to_1000) == []  # another country
    elsewhere = revised(to_1000, country="country:KS", setting="country:KS", actors=frozenset({"country:GB"}))
    assert _contradictions(revised(in_kessa, actors=frozenset({"country:RV"})), elsewhere) == []  # another state's force
    assert len(_contradictions(in_kessa, revised(to_1000, country="country:KS", setting="country:KS"))) == 1
    # 980 and 1,000 are one size, though of two orders of magnitude
    near = revised(halved("e3", "d3", {"quito"}, "country:KS"), size=980.0, size_range=(980.0, 980.0), level=(0.0, "exact", "its troops"))
    thousand = revised(halved("e4", "d4", {"lima"}, "country:KS"), size=1000.0, size_range=(1000.0, 1000.0))
    assert len(_contradictions(near, thousand)) == 1


def _figure(text: str, value: float, qualifier: str = "exact") -> StoredQuantity:
    return figure(id=text, text=text, value=value, value_max=None, unit="troops", qualifier=qualifier)


def test_about_allows_a_tenth_either_way_and_a_near_miss_says_rounding_may_explain_it() -> None:
    about = _figure("around 3,000", 3000, "about")
    assert compare_quantities(about, _figure("2,800", 2800), load_rates()) is None
    verdict = compare_quantities(about, _figure("2,500", 2500), load_rates())
    assert verdict == "'around 3,000' against '2,500' (they differ by 20%, which rounding an approximate figure may explain)"
    assert "rounding" not in (compare_quantities(_figure("3,000", 3000), _figure("2,500", 2500), load_rates()) or "")

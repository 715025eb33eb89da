"""The contradiction comparators are found through their registry, each by name, and run in
a stable order: the shape a new comparator plugs into (one module in resolve/comparators/
and its tests)."""

from __future__ import annotations

from claimgraph.records import Contradiction, Fact
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import (
    Comparison,
    all_comparators,
    contradiction_kinds,
    find_contradictions,
)

from .conftest import anchored_event, contradictions

BUILT_IN = {
    "numeric": "numeric", "denial": "assert_vs_deny", "date": "date",
    "planned_figure": "numeric", "level": "numeric", "denied_presence": "assert_vs_deny",
    "done_vs_planned": "assert_vs_deny", "denied_tie": "assert_vs_deny",
    "toll": "numeric", "responsibility": "responsibility", "responsibility_denied": "assert_vs_deny",
    "denial_of_preceding": "assert_vs_deny", "disowned_figure": "assert_vs_deny", "copy": "numeric",
    "weekday": "date",
}


def test_every_built_in_comparator_is_registered_and_found_by_name() -> None:
    registered = all_comparators()
    assert set(BUILT_IN) <= set(registered)
    for name, kind in BUILT_IN.items():
        comparator = comparators.get(name)()  # the registry's own lookup, by name
        assert (comparator.name, comparator.kind) == (name, kind)
        assert registered[name].name == name


def test_comparators_run_inside_facts_first_then_by_name() -> None:
    registered = all_comparators()
    names = list(registered)
    assert names == sorted(names, key=lambda name: (registered[name].precedence, name))
    assert {name for name in names if registered[name].precedence == 0} == {"numeric", "denial", "date"}
    assert names.index("planned_figure") < names.index("level")  # a planned figure is told before what a cut leaves


def test_the_known_kinds_are_the_kinds_the_comparators_declare() -> None:
    assert contradiction_kinds(all_comparators()) == ("assert_vs_deny", "date", "numeric", "responsibility")


def test_one_contradiction_found_by_two_comparators_is_kept_as_the_first_found() -> None:
    """The same kind between the same two claims is one contradiction: the comparator of lower
    precedence tells it."""

    class Second:
        name, kind, precedence = "second", "numeric", 1

        def find(self, comparison: Comparison) -> list[Contradiction]:
            return [Contradiction("ctr_1", "numeric", "a", "b", "Told second.", None)]

    class First(Second):
        name, precedence = "first", 0

        def find(self, comparison: Comparison) -> list[Contradiction]:
            return [Contradiction("ctr_1", "numeric", "a", "b", "Told first.", None)]

    empty = contradictions([], [], comparators=())  # a comparison of nothing finds nothing
    assert empty == []
    comparison = Comparison(facts=[], events={}, fact_of={}, ties=[], tie_facts=[], fact_of_tie={}, claims={}, quantities={},
                            rates={}, name_of=str, published=lambda doc: (None, None), taxonomy=None)  # type: ignore[arg-type]
    (found,) = find_contradictions(comparison, {"first": First(), "second": Second()})
    assert found.explanation == "Told first."


def test_a_comparator_picked_by_name_finds_only_its_own_kind() -> None:
    attack = anchored_event(id="e1", doc="d1", type="ATTACK", status="happened", claims=("c1",), actors=frozenset({"ruvia"}),
                            place="gao", date="2021-05-03")
    other = anchored_event(id="e2", doc="d2", type="ATTACK", status="happened", claims=("c2",), actors=frozenset({"ruvia"}),
                           place="gao", date="2021-05-20")
    denied = anchored_event(id="e3", doc="d3", type="ATTACK", status="denied", claims=("c3",), actors=frozenset({"ruvia"}),
                            place="gao", date="2021-05-03")
    fact = Fact("f1", "attack at Gao", ("c1", "c2", "c3"), ("e1", "e2", "e3"), (), "single_source")
    assert {c.type for c in contradictions([fact], [attack, other, denied])} == {"date", "assert_vs_deny"}
    (found,) = contradictions([fact], [attack, other, denied], comparators=["date"])
    assert found.type == "date" and found.explanation == "Attack at Gao is dated 2021-05-03 by one source and 2021-05-20 by the other."

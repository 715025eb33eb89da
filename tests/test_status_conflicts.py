"""An agreement told as concluded by one source and as still a plan by another.

The resolution tests build anchored events by hand (conftest.py), with publication dates given as a
function; the end-to-end test builds two short articles into a SQLite store with the real
pipeline and reads the exported contradiction. Names are invented (Ruvia, Kessa, Zorov).
"""

from __future__ import annotations

from claimgraph import Store
from claimgraph.export import contract_records
from claimgraph.records import Fact
from claimgraph.resolve.anchors import AnchoredEvent
from claimgraph.resolve.comparators.done_vs_planned import status_conflicts

from .conftest import anchored_event, build_news, revised


def _agreement(event_id: str, doc: str, status: str, parties: tuple[str, ...] = ("zorov",)) -> AnchoredEvent:
    return anchored_event(id=event_id, doc=doc, type="AGREEMENT", status=status, actors=frozenset(), targets=frozenset(parties),
                     place=None, point=None, country="country:KS", date=None, claims=(f"clm_{event_id}",), quantity=None)


def _conflicts(*events: AnchoredEvent, published=lambda doc: (None, None)) -> list:
    fact_of = {e.id: Fact(f"f_{e.id}", "agreement involving Zorov", e.claims, (e.id,), (), "single_source") for e in events}
    return status_conflicts(events, fact_of, published)


def test_a_deal_concluded_against_a_deal_still_planned_is_a_conflict_that_time_may_explain() -> None:
    done, plan = _agreement("e1", "d1", "happened"), _agreement("e2", "d2", "planned")
    (found,) = _conflicts(done, plan)
    assert found.type == "assert_vs_deny" and (found.a, found.b) == ("clm_e1", "clm_e2")
    assert "one source reports it concluded, the other as still a plan" in found.explanation
    assert found.explanation.endswith("so the difference may be one of time (concluded in between).")


def test_the_order_of_the_articles_decides_whether_time_explains_it() -> None:
    done, plan = _agreement("e1", "d1", "happened"), _agreement("e2", "d2", "planned")
    dates = {"d1": ("2021-09-01", "2021-09-01"), "d2": ("2021-08-01", "2021-08-01")}
    assert _conflicts(done, plan, published=dates.get) == []  # planned in August, done by September: the usual course
    later = {"d1": ("2021-09-01", "2021-09-01"), "d2": ("2021-10-01", "2021-10-01")}
    (found,) = _conflicts(done, plan, published=later.get)
    assert found.explanation.endswith("the plan is reported after the deal was, so time does not explain it.")


def test_other_parties_a_country_alone_or_one_article_make_no_conflict() -> None:
    done = _agreement("e1", "d1", "happened", ("zorov", "kessa"))
    assert _conflicts(done, _agreement("e2", "d2", "planned", ("vantor", "kessa"))) == []  # another deal of Kessa's
    assert _conflicts(done, _agreement("e3", "d2", "planned", ("zorov",))) == []  # Zorov's deal with someone else, maybe
    country_only = _agreement("e4", "d1", "happened", ("country:KS",))
    assert _conflicts(country_only, _agreement("e5", "d2", "planned", ("country:KS",))) == []  # a country signs many deals
    assert _conflicts(done, _agreement("e6", "d1", "planned", ("zorov", "kessa"))) == []  # one article's own story
    assert len(_conflicts(done, _agreement("e7", "d2", "planned", ("zorov", "kessa")))) == 1


def test_a_deal_that_names_no_counterpart_is_no_deal_in_particular() -> None:
    """"Zorov signed a deal on Monday" against "Zorov plans to sign a deal": any of its deals."""
    signed = revised(_agreement("e1", "d1", "happened", ()), actors=frozenset({"zorov"}))
    plans = revised(_agreement("e2", "d2", "planned", ()), actors=frozenset({"zorov"}))
    assert _conflicts(signed, plans) == []


def test_another_deal_or_a_deal_of_another_kind_is_not_the_one_concluded() -> None:
    done = _agreement("e1", "d1", "happened")
    assert _conflicts(done, revised(_agreement("e2", "d2", "planned"), another=True)) == []  # "another deal", "a new deal"
    gas, port = revised(done, kind_words=frozenset({"gas"})), revised(_agreement("e3", "d2", "planned"), kind_words=frozenset({"port"}))
    assert _conflicts(gas, port) == []
    assert len(_conflicts(gas, revised(port, kind_words=frozenset()))) == 1  # "a deal" may be the gas deal


def test_articles_more_than_a_year_apart_may_tell_of_two_deals() -> None:
    done, plan = _agreement("e1", "d1", "happened"), _agreement("e2", "d2", "planned")
    dates = {"d1": ("2019-03-01", "2019-03-01"), "d2": ("2023-05-01", "2023-05-01")}
    assert _conflicts(done, plan, published=dates.get) == []
    years = {"d1": ("2019", "2019"), "d2": ("2020-02-10", "2020-02-10")}  # "2019" may be December: not a year apart
    assert len(_conflicts(done, plan, published=years.get)) == 1


def test_a_deal_concluded_and_a_deal_planned_in_two_articles_are_contradicted(build_tools, tmp_path) -> None:
    db = build_news(tmp_path, build_tools, [
        ("Sahel Daily", "Deal done", "The pipeline will be built under a contract concluded by Kessa with Vantor Holdings."),
        ("Niamey Post", "Deal planned", "Kessa plans to sign a trade deal with Vantor Holdings."),
    ])
    with Store.open(db) as store:
        records = list(contract_records(store))
    (found,) = [r for r in records if r["kind"] == "contradiction"]
    claims = {r["id"]: r["text"] for r in records if r["kind"] == "claim"}
    assert found["type"] == "assert_vs_deny" and "concluded" in found["explanation"]
    assert "concluded by Kessa" in claims[found["a"]] and "plans to sign" in claims[found["b"]]

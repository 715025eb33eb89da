"""Document-level event frames: an article's mentions of one incident share its place and
date. Articles of our own, about made-up places."""

from __future__ import annotations

from claimgraph.analyze import extract_article
from claimgraph.ingest.records import Article, Published
from claimgraph.records import Event


def _events(build_tools, paragraphs: list[str], *, title: str | None = None, published: str = "2024-03-06") -> list[Event]:
    text = "\n\n".join(paragraphs)
    article = Article(id="d1", key="test", fingerprint="test", text=text, title=title, url=None, outlet=None,
                      language="en", published=Published(published, "metadata"))
    return extract_article(build_tools.nlp, article).events


def _place(event: Event) -> str | None:
    found = event.role("location")
    return found[0].text if found else None


def test_mentions_of_one_incident_take_the_place_its_first_report_gives(build_tools) -> None:
    events = _events(build_tools, [
        "Gunmen attacked the Marlow Hospital in Tarbeck on Monday.",
        "The raid killed twelve patients, the health office said.",
        "Residents blamed the attack on a militia from the hills.",
    ])
    killed = next(e for e in events if e.trigger == "killed")
    assert _place(killed) == "Marlow Hospital" and killed.location_basis == "frame"
    assert killed.date == "2024-03-04" and killed.date_basis == "frame"


def test_an_incident_told_with_its_own_place_is_another_one(build_tools) -> None:
    events = _events(build_tools, [
        "Militiamen shelled the Corvey Dam in Lassen on Friday.",
        "In 2019, fighters attacked a convoy in Belmar, killing six drivers.",
    ])
    attack = next(e for e in events if e.trigger == "attacked")
    assert _place(attack) == "Belmar" and attack.location_basis in ("clause", "sentence")


def test_without_a_placed_mention_the_frame_takes_the_lead_place(build_tools) -> None:
    events = _events(build_tools, [
        "Rescuers in Vellmar searched the rubble through the night.",
        "The collapse killed at least nine workers, officials said.",
    ], title="Vellmar building collapse")
    killed = next(e for e in events if e.trigger == "killed")
    assert _place(killed) == "Vellmar" and killed.location_basis in ("lead", "frame")


def test_in_a_sentence_the_most_specific_place_wins(build_tools) -> None:
    events = _events(build_tools, ["In Tarbeck, shells struck near the Orlin Hospital, killing four people."])
    killed = next(e for e in events if e.plover == "ASSAULT")
    assert _place(killed) == "Orlin Hospital"


def test_a_date_of_a_clause_describing_something_else_does_not_date_the_event(build_tools) -> None:
    # the lead tells when a memo circulated, the next sentence when the strike happened
    events = _events(build_tools, [
        "About 40 people were killed in the strike on the Marlow Hospital in Tarbeck, according to a memo circulated on Thursday.",
        "The memo puts the number of people killed at the hospital on Monday night at 40.",
        "Residents blamed the attack on a militia from the hills.",
    ], published="2024-03-08")
    first, second = [e for e in events if e.trigger == "killed"]
    assert (first.date, first.date_basis) == ("2024-03-04", "frame")  # not the day the memo circulated
    assert second.date == "2024-03-04" and _place(second) == "Marlow Hospital"


"""Facts and contradictions: what their resolution reads from the store, and what it writes.

The views read here are small records (ids, entity anchors, statuses), not texts: the
cross-source stage holds the corpus's events and claims in this form, never its articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimgraph.gazetteer import AREA_KINDS
from claimgraph.records import Contradiction, Fact
from claimgraph.resolve.contradictions import QuantityView
from claimgraph.resolve.facts import NATIONAL_TYPES, ClaimView, EventView
from claimgraph.resolve.forces import names_private_force
from claimgraph.store.db import Store
from claimgraph.store.events import entity_briefs, iter_events

_COUNTRY_TYPES = frozenset({"GPE", "NORP"})


@dataclass(frozen=True)
class Anchors:
    """How entities become comparable anchors: a country and its demonym are one anchor, and
    a country's institution ("the Ruvian military") or its capital ("Lima announced") is also
    an anchor of its country."""

    anchor_of: dict[str, str]
    extra: dict[str, str]  # entity id -> its country's anchor, for institutions named by it
    names: dict[str, str]  # anchor -> display name
    capitals: dict[str, str] = field(default_factory=dict)  # entity id -> its country's anchor, as an actor
    private_forces: frozenset[str] = frozenset()  # entity ids whose names say they are a private armed force

    def anchor(self, entity_id: str) -> str:
        return self.anchor_of.get(entity_id, entity_id)

    def anchors(self, entity_ids: Iterable[str], *, acting: bool = False) -> frozenset[str]:
        """The anchors of some entities; `acting`: as doers, where a capital is its state
        ("Lima asked Kessa for help"), not the place it is as a target ("troops sent to Lima")."""
        found = set()
        for entity_id in entity_ids:
            found.add(self.anchor(entity_id))
            if entity_id in self.extra:
                found.add(self.extra[entity_id])
            if acting and entity_id in self.capitals:
                found.add(self.capitals[entity_id])
        return frozenset(found)

    def name(self, anchor: str) -> str:
        return self.names.get(anchor, anchor)


def entity_anchors(store: Store, country_of: Callable[[str], str | None] | None) -> Anchors:
    anchor_of: dict[str, str] = {}
    extra: dict[str, str] = {}
    capitals: dict[str, str] = {}
    names: dict[str, str] = {}
    private_forces: set[str] = set()
    seats = _seats_of_government()
    rows = store.connection.execute(
        "SELECT e.id, e.name, e.type, e.aliases, p.country, p.kind FROM entities e LEFT JOIN entity_places p ON p.entity_id = e.id")
    for row in rows:
        if row["type"] == "ORG" and names_private_force([row["name"], *json.loads(row["aliases"])]):
            private_forces.add(row["id"])
        code = row["country"] if row["kind"] == "country" else None
        if code is None and row["type"] in _COUNTRY_TYPES and country_of is not None:
            code = country_of(row["name"])
        anchor = f"country:{code}" if code else row["id"]
        anchor_of[row["id"]] = anchor
        if anchor not in names or (row["type"] == "GPE" and code):
            names[anchor] = row["name"]
        words = row["name"].replace("\u2019", "'").split()
        if row["kind"] == "capital" and row["country"]:
            capitals[row["id"]] = f"country:{row['country']}"
        elif (seat := seats.get(_bare_name(row["name"]))) is not None:  # "the Kremlin" stands for Russia's state
            extra[row["id"]] = f"country:{seat}"
        elif row["type"] == "ORG" and len(words) >= 2 and country_of is not None:
            owner = country_of(words[0].removesuffix("'s"))
            if owner:
                extra[row["id"]] = f"country:{owner}"
    return Anchors(anchor_of, extra, names, capitals, frozenset(private_forces))


def _seats_of_government() -> dict[str, str]:
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/seats_of_government.json").read_text("utf-8"))
    return {_bare_name(name): code for name, code in data["seats"].items()}


def _bare_name(name: str) -> str:
    words = name.replace("\u2019", "'").casefold().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def event_views(store: Store, anchors: Anchors) -> Iterator[EventView]:
    """Events as fact grouping compares them. An `OTHER` event's type carries its PLOVER
    category: a request and a threat are not one fact."""
    places: dict[tuple[str, bool], tuple[str | None, tuple[float, float] | None, str | None, str | None]] = {}
    for event in iter_events(store):
        place, point, country, setting = None, None, None, None
        if event.location:
            # The country an event is in counts when the text says it, or for a coup (national).
            told = event.location_basis in ("clause", "sentence") or event.type in NATIONAL_TYPES
            if (event.location, told) not in places:
                brief = entity_briefs(store, [event.location]).get(event.location)
                located = brief.place if brief else None
                specific = located is not None and located.kind != "country" and located.kind not in AREA_KINDS
                setting = f"country:{located.country}" if located is not None and located.country else None
                country = setting if told else None  # a coup in Lima is a coup in Peru
                places[(event.location, told)] = (anchors.anchor(event.location) if specific else None,
                                                  (located.lat, located.lon) if specific and located.lat is not None else None,
                                                  country, setting)
            place, point, country, setting = places[(event.location, told)]
        yield EventView(
            id=event.id, doc=event.doc, type=event.type if event.type != "OTHER" else f"OTHER/{event.plover}", status=event.status,
            actors=anchors.anchors(event.actors, acting=True), targets=anchors.anchors(event.targets),
            place=place, point=point, country=country, date=event.date, claims=event.claims, quantity=event.quantity,
            setting=setting, denies=event.denies, background=event.background, level=event.level,
            states=frozenset(a for a in anchors.anchors(event.states, acting=True) if a.startswith("country:")),
            kind_words=frozenset(event.kind_words), another=event.another,
            force=event.force or ("private" if any(a in anchors.private_forces for a in event.actors) else None),
        )


def claim_views(store: Store) -> dict[str, ClaimView]:
    rows = store.connection.execute(
        "SELECT c.id, c.doc_id, c.source_name, c.source_kind, k.entity_id, c.via, c.stance, c.modality FROM claims c "
        "LEFT JOIN entity_keys k ON k.key = c.source_key AND k.type = c.source_type"
    )
    return {row["id"]: ClaimView(row["id"], row["doc_id"], row["source_name"], row["source_kind"], row["entity_id"],
                                 tuple(json.loads(row["via"])), row["stance"], row["modality"]) for row in rows}


def quantity_views(store: Store, ids: Iterable[str]) -> dict[str, QuantityView]:
    wanted = sorted(set(ids))
    found: dict[str, QuantityView] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for row in store.connection.execute(
            f"SELECT id, text, value, value_max, unit, qualifier FROM quantities WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        ):
            found[row["id"]] = QuantityView(row["id"], row["text"], row["value"], row["value_max"], row["unit"], row["qualifier"])
    return found


def outlets(store: Store) -> Callable[[str], str]:
    """A document's origin name: its outlet (else its title or source), an original's for a
    near-duplicate."""
    rows = {row["id"]: row for row in store.connection.execute("SELECT id, outlet, title, source, duplicate_of FROM documents")}

    def outlet_of(doc_id: str) -> str:
        row = rows.get(doc_id)
        if row is None:
            return doc_id
        if row["duplicate_of"] and row["duplicate_of"] in rows:
            row = rows[row["duplicate_of"]]
        return row["outlet"] or row["title"] or Path(row["source"].split("#")[0]).name

    return outlet_of


def publication_dates(store: Store) -> Callable[[str], tuple[str | None, str | None]]:
    """A document's (earliest possible, stated) publication date, each None when unknown; read
    when first asked for (only documents that disagree are), then kept."""
    known: dict[str, tuple[str | None, str | None]] = {}

    def published(doc_id: str) -> tuple[str | None, str | None]:
        if doc_id not in known:
            row = store.connection.execute(
                "SELECT published_value, published_basis, published_not_before FROM documents WHERE id = ?", (doc_id,)).fetchone()
            stated = row["published_value"] if row is not None and row["published_basis"] != "unknown" else None
            known[doc_id] = ((row["published_not_before"] if row is not None else None) or stated, stated)
        return known[doc_id]

    return published


def replace_facts(store: Store, facts: Iterable[Fact], contradictions: Iterable[Contradiction]) -> tuple[int, int]:
    facts, contradictions = list(facts), list(contradictions)
    with store.transaction():
        for table in ("contradictions", "fact_events", "fact_claims", "facts"):
            store.connection.execute(f"DELETE FROM {table}")
        store.connection.executemany("INSERT INTO facts VALUES (?, ?, ?, ?)",
                                     ((f.id, f.about, f.status, json.dumps(list(f.independent_origins), ensure_ascii=False)) for f in facts))
        store.connection.executemany("INSERT INTO fact_claims VALUES (?, ?, ?)",
                                     ((f.id, c, i) for f in facts for i, c in enumerate(f.claims)))
        store.connection.executemany("INSERT INTO fact_events VALUES (?, ?)", ((f.id, e) for f in facts for e in f.events))
        store.connection.executemany("INSERT INTO contradictions VALUES (?, ?, ?, ?, ?, ?)",
                                     ((c.id, c.type, c.a, c.b, c.explanation, c.fact) for c in contradictions))
    return len(facts), len(contradictions)


@dataclass(frozen=True)
class StoredFact:
    id: str
    about: str
    status: str
    independent_origins: tuple[str, ...]
    claims: tuple[str, ...]


def iter_facts(store: Store, *, status: str | None = None) -> Iterator[StoredFact]:
    where, params = ("WHERE status = ?", [status]) if status else ("", [])
    for row in store.connection.execute(f"SELECT * FROM facts {where} ORDER BY id", params):
        claims = tuple(r[0] for r in store.connection.execute(
            "SELECT claim_id FROM fact_claims WHERE fact_id = ? ORDER BY position", (row["id"],)))
        yield StoredFact(row["id"], row["about"], row["status"], tuple(json.loads(row["origins"])), claims)


def iter_contradictions(store: Store) -> Iterator[Contradiction]:
    for row in store.connection.execute("SELECT * FROM contradictions ORDER BY type, id"):
        yield Contradiction(row["id"], row["type"], row["a"], row["b"], row["explanation"], row["fact_id"])

"""`ftm`: FollowTheMoney entities as JSON lines (the format `ftm` tools, Aleph and OpenAleph
read: `alephclient write-entities`), each built with the `followthemoney` library and its
schemata.

- documents are `Article`s (title, publisher, URL, publication date, body text);
- entities are `Person`, `Organization` (a `Company` when a tie says it is owned),
  `LegalEntity` for states (a GPE the gazetteer places as a country) and `Address` for other
  places (name, country, coordinates); NORP, EQUIPMENT and EVENT entities are left out;
- each entity named in a document is a `Mention` (the names it goes by there, the article,
  the resolved entity);
- ties that the text asserts become `Ownership`, `Directorship` or `Membership` where the
  tie word says so (`export/data/ftm.json`), else an `UnknownLink` with the tie as its role;
  denied ties are left out.

Ids are stable: FtM's `make_id` of claimgraph's ids. Entities are written as they are read.

Internal: reached through `claimgraph.export.export()` and `claimgraph export --format`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any, TextIO

from claimgraph.export import export_format
from claimgraph.query import (
    Store,
    StoredEntity,
    entity_briefs,
    iter_documents,
    iter_entities,
)
from claimgraph.query.graph import Tie, iter_ties


@dataclass(frozen=True)
class _Mapping:
    schemas: dict[str, str]
    ties: dict[str, tuple[str, str, str]]

    @classmethod
    def load(cls) -> _Mapping:
        data = json.loads(resources.files("claimgraph.export").joinpath("data/ftm.json").read_text("utf-8"))
        return cls(dict(data["schemas"]), {word: (v[0], v[1], v[2]) for word, v in data["ties"].items()})

    def schema(self, entity_type: str, place_kind: str | None, *, asset: bool = False) -> str | None:
        if place_kind == "country" and entity_type in ("GPE", "LOC"):
            return self.schemas["country"]
        if asset and entity_type == "ORG":
            return self.schemas["asset"]
        return self.schemas.get(entity_type)


def entity_id(claimgraph_id: str) -> str:
    from followthemoney.util import make_entity_id

    return str(make_entity_id("claimgraph", claimgraph_id))


def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """FtM entities as dicts (`id`, `schema`, `properties`): articles, entities and their
    mentions, then relations."""
    from followthemoney import model

    mapping = _Mapping.load()
    assets = _owned(store, mapping)
    for document in iter_documents(store):
        article = model.make_entity("Article")
        article.id = entity_id(document.id)
        article.add("title", document.title)
        article.add("name", document.title or document.source)
        article.add("publisher", document.outlet)
        article.add("sourceUrl", document.url)
        article.add("publishedAt", document.published_value if document.published_value and document.published_value[:1].isdigit() else None)
        article.add("bodyText", document.text)
        article.add("language", document.language)
        yield article.to_dict()
    for entity in iter_entities(store):
        schema = mapping.schema(entity.type, entity.place.kind if entity.place else None, asset=entity.id in assets)
        if schema is None or (schema == "Address" and entity.place is None):
            continue
        yield _entity(model, schema, entity)
        yield from _mentions(model, schema, entity)
    for tie in iter_ties(store):
        if (relation := _relation(model, store, tie, mapping, assets)) is not None:
            yield relation


def _entity(model: Any, schema: str, entity: StoredEntity) -> dict[str, Any]:
    proxy = model.make_entity(schema)
    proxy.id = entity_id(entity.id)
    proxy.add("name", entity.name)
    if schema == "Address":
        proxy.add("full", entity.name)
        if entity.place is not None:
            proxy.add("latitude", entity.place.lat)
            proxy.add("longitude", entity.place.lon)
    else:
        proxy.add("alias", [alias for alias in entity.aliases if alias != entity.name])
    if entity.place is not None and entity.place.country:
        proxy.add("country", entity.place.country.lower())
    return proxy.to_dict()  # type: ignore[no-any-return]


def _mentions(model: Any, schema: str, entity: StoredEntity) -> Iterator[dict[str, Any]]:
    """One Mention per document that names the entity, with the names it goes by there."""
    names: dict[str, set[str]] = defaultdict(set)
    for mention in entity.mentions:
        names[mention.doc].add(mention.text)
    for doc, found in sorted(names.items()):
        proxy = model.make_entity("Mention")
        proxy.id = entity_id(f"{entity.id}@{doc}")
        proxy.add("name", sorted(found))
        proxy.add("document", entity_id(doc))
        proxy.add("resolved", entity_id(entity.id))
        proxy.add("detectedSchema", schema)
        yield proxy.to_dict()


def _owned(store: Store, mapping: _Mapping) -> set[str]:
    """The entities that an asserted ownership tie makes an asset (exported as a `Company`)."""
    found = set()
    for tie in iter_ties(store):
        word = mapping.ties.get(tie.trigger.casefold())
        if word is not None and word[0] == "Ownership" and tie.polarity == "asserted" and tie.object and tie.object != tie.subject:
            found.add(tie.subject if word[1] == "asset" else tie.object)
    return found


def _relation(model: Any, store: Store, tie: Tie, mapping: _Mapping, assets: set[str]) -> dict[str, Any] | None:
    if tie.polarity != "asserted" or tie.object is None or tie.object == tie.subject:
        return None
    parties = entity_briefs(store, [tie.subject, tie.object])
    schemas = {i: mapping.schema(b.type, b.place.kind if b.place else None, asset=i in assets) for i, b in parties.items()}
    if not all(schemas.get(i) in ("Person", "Organization", "Company", "LegalEntity") for i in (tie.subject, tie.object)):
        return None
    found = mapping.ties.get(tie.trigger.casefold())
    schema, subject_role, object_role = found if found is not None else ("UnknownLink", "subject", "object")
    if (schema == "Ownership" and schemas[tie.subject if subject_role == "asset" else tie.object] != "Company") or (
            schema in ("Directorship", "Membership") and schemas[tie.subject if subject_role == "organization" else tie.object] == "Person"):
        schema, subject_role, object_role = "UnknownLink", "subject", "object"
    proxy = model.make_entity(schema)
    proxy.id = entity_id(tie.id)
    proxy.add(subject_role, entity_id(tie.subject))
    proxy.add(object_role, entity_id(tie.object))
    proxy.add("role", f"{tie.kind}: {tie.trigger}")
    proxy.add("summary", f"{tie.subject_text} … {tie.trigger} … {tie.object_text or ''}".strip(" …"))
    return proxy.to_dict()  # type: ignore[no-any-return]


@export_format("ftm", "FollowTheMoney entities as JSON lines (Aleph, OpenAleph)")
def write_ftm(store: Store, out: TextIO) -> dict[str, int]:
    """One FtM entity per line; the count of each schema written."""
    counts: dict[str, int] = {}
    for entity in ftm_entities(store):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True))
        out.write("\n")
        counts[entity["schema"]] = counts.get(entity["schema"], 0) + 1
    return counts

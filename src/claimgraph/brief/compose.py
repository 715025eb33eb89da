"""Composing a brief from the knowledge base, deterministically: the claims in scope, then
each section drawn from them and from the facts, events and contradictions they carry.

Every sentence is made from stored records (names, types, dates, the claims' own words) and
cites the claims it rests on; nothing is written that the database does not hold. Sections
are bounded (`Limits`); what a limit leaves out is counted in `Brief.left_out`, except the
contested points, which are all shown.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from claimgraph.brief.model import (
    Actor,
    Brief,
    BriefScope,
    Citation,
    ContestedPoint,
    FactEntry,
    PlaceEntry,
    Sentence,
    Side,
    TimelineEntry,
)
from claimgraph.errors import InvalidQuery
from claimgraph.query import (
    DocumentBrief,
    EntityBrief,
    Store,
    StoredClaim,
    StoredEvent,
    claims_by_id,
    document_briefs,
    entity_briefs,
    find_entity_ids,
    iter_claims,
    iter_contradictions,
    iter_events,
    iter_facts,
)
from claimgraph.taxonomy import Taxonomy, load_taxonomy

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "MEDIA"})
_KNOWN_CONTRADICTION_FIELDS = frozenset({"id", "type", "a", "b", "explanation", "fact"})
_KNOWN_FACT_FIELDS = frozenset({"id", "about", "status", "independent_origins", "claims"})
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Limits:
    actors: int = 8
    claims_per_actor: int = 3
    timeline: int = 40
    places: int = 15
    corroborated: int = 25
    single_source: int = 30
    citations_per_fact: int = 4


class _Citations:
    """Footnotes numbered in order of first use; a claim cited twice keeps its number."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._numbers: dict[str, int] = {}
        self.citations: list[Citation] = []
        self._claims: dict[str, StoredClaim] = {}
        self._documents: dict[str, DocumentBrief] = {}

    def remember(self, claims: Iterable[StoredClaim]) -> None:
        for claim in claims:
            self._claims[claim.id] = claim

    def claim(self, claim_id: str) -> StoredClaim | None:
        if claim_id not in self._claims:
            self.remember(claims_by_id(self._store, [claim_id]))
        return self._claims.get(claim_id)

    def document(self, doc_id: str) -> DocumentBrief | None:
        if doc_id not in self._documents:
            self._documents.update(document_briefs(self._store, [doc_id]))
        return self._documents.get(doc_id)

    def cite(self, claim_id: str) -> int | None:
        if claim_id in self._numbers:
            return self._numbers[claim_id]
        claim = self.claim(claim_id)
        if claim is None:
            return None
        document = self.document(claim.doc)
        outlet = _outlet_name(document, claim.doc)
        number = len(self.citations) + 1
        source = outlet if claim.source_kind == "outlet" else claim.source_name
        self.citations.append(Citation(number, claim.id, claim.doc, outlet, document.published if document else None, source, claim.text,
                                       document.language if document else None))
        self._numbers[claim_id] = number
        return number

    def sentence(self, text: str, claim_ids: Iterable[str]) -> Sentence | None:
        """A sentence citing these claims; None when none of them is stored (never uncited)."""
        numbers = tuple(dict.fromkeys(n for n in (self.cite(c) for c in claim_ids) if n is not None))
        return Sentence(text, numbers) if numbers else None


def build_brief(store: Store, scope: BriefScope, *, limits: Limits | None = None) -> Brief:
    """The brief of `scope`; raises `InvalidQuery` when an entity or place named in it is unknown."""
    limits = limits or Limits()
    entity_ids = _ids(store, scope.entity, "entity")
    place_ids = set(_ids(store, scope.place, "place") or [])
    cites = _Citations(store)
    claims = _claims_in_scope(store, cites, entity_ids, place_ids, scope.since)
    documents = {doc: cites.document(doc) for doc in sorted({c.doc for c in claims.values()})}
    dates = sorted(d.published for d in documents.values() if d is not None and d.published and d.published[:1].isdigit())
    title = "Situation brief" + (f": {scope.entity}" if scope.entity else "") + (f" at {scope.place}" if scope.place else "")
    brief = Brief(title=title, scope=scope, documents=len(documents), period=(dates[0], dates[-1]) if dates else None, left_out={})
    taxonomy = load_taxonomy()
    # The contested points come first: all of them, so their claims get the first footnotes.
    brief.contested = _contested(store, cites, claims)
    brief.actors = _actors(store, cites, claims, limits, brief.left_out)
    brief.timeline = _timeline(store, cites, claims, taxonomy, limits, brief.left_out)
    brief.places = _places(store, cites, claims, limits, brief.left_out)
    brief.corroborated, brief.single_source = _facts(store, cites, claims, limits, brief.left_out)
    if scope.since:
        undated = sum(1 for d in documents.values() if d is None or not d.published)
        if undated:
            brief.left_out["undated documents"] = undated
    brief.citations = _renumbered(brief, cites.citations)
    return brief


def _ids(store: Store, name: str | None, what: str) -> list[str] | None:
    if not name:
        return None
    found = find_entity_ids(store, name)
    if not found:
        raise InvalidQuery(f"no {what} named {name!r} in the knowledge base")
    return found


def _claims_in_scope(store: Store, cites: _Citations, entity_ids: list[str] | None, place_ids: set[str],
                     since: str | None) -> dict[str, StoredClaim]:
    found: dict[str, StoredClaim] = {}
    for claim in iter_claims(store, entity_ids=entity_ids):
        if place_ids and not place_ids & set(claim.entities):
            continue
        if since:
            document = cites.document(claim.doc)
            published = document.published if document else None
            if not published or not published[:1].isdigit() or published[:len(since)] < since:
                continue
        found[claim.id] = claim
    cites.remember(found.values())
    return found


def _quote(text: str, limit: int = 240) -> str:
    """A claim's words between quotation marks, cut at a word after `limit` characters; a
    claim that opens with its own quotation marks keeps them (no marks are added)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text if text[:1] in "“\"‘'«" else f"“{text}”"


def _said(claim: StoredClaim, outlet: str) -> str:
    """How a claim is told in the brief: who says it, how, and its words."""
    if claim.source_kind == "outlet":
        return f"Reported by {outlet}: {_quote(claim.text)}"
    how = "Denied by" if claim.stance == "deny" else {"alleged": "Alleged by", "speculative": "Suggested by"}.get(claim.modality, "According to")
    via = f" (via {', '.join(claim.via)})" if claim.via else ""
    return f"{how} {claim.source_name}{via}: {_quote(claim.text)}"


def _outlet(cites: _Citations, claim: StoredClaim) -> str:
    return _outlet_name(cites.document(claim.doc), claim.doc)


def _outlet_name(document: DocumentBrief | None, doc_id: str) -> str:
    """How the brief names a document: its outlet, else its title in quotation marks, else its file."""
    if document is None:
        return doc_id
    if document.outlet:
        return document.outlet
    return f"the article “{document.title}”" if document.title else document.file_name


def _actors(store: Store, cites: _Citations, claims: dict[str, StoredClaim], limits: Limits, left_out: dict[str, int]) -> list[Actor]:
    counts: Counter[str] = Counter()
    for claim in claims.values():
        counts.update(set(claim.entities) | ({claim.source_entity} if claim.source_entity else set()))
    briefs = entity_briefs(store, list(counts))
    ranked = sorted((i for i in counts if i in briefs and briefs[i].type in ACTOR_TYPES and not _is_minor_place(briefs[i])),
                    key=lambda i: (-counts[i], briefs[i].name))
    if len(ranked) > limits.actors:
        left_out["actors"] = len(ranked) - limits.actors
    actors = []
    for entity_id in ranked[:limits.actors]:
        by = [c for c in claims.values() if c.source_entity == entity_id]
        about = [c for c in claims.values() if entity_id in c.entities and c.source_entity != entity_id]
        # Attributed claims and denials first: they say who holds what; then document order.
        key = lambda c: (c.source_kind == "outlet", c.stance != "deny", c.doc, c.start)
        chosen = sorted(by, key=key)[:1] + sorted(about, key=key)
        said = []
        for claim in chosen[:limits.claims_per_actor]:
            if (sentence := cites.sentence(_said(claim, _outlet(cites, claim)), [claim.id])) is not None:
                said.append(sentence)
        briefed = briefs[entity_id]
        actors.append(Actor(entity_id, briefed.name, briefed.type, counts[entity_id], tuple(said)))
    return actors


def _is_minor_place(entity: EntityBrief) -> bool:
    """A town or region: a place, not an actor (a country is both)."""
    return entity.place is not None and entity.place.kind != "country"


def _timeline(store: Store, cites: _Citations, claims: dict[str, StoredClaim], taxonomy: Taxonomy, limits: Limits,
              left_out: dict[str, int]) -> list[TimelineEntry]:
    """Dated events reported by claims in scope, in date order; one entry for the same event
    told alike (type, date, parties, place), citing each report."""
    grouped: dict[tuple[str, ...], tuple[StoredEvent, list[str]]] = {}
    for event in iter_events(store):
        reported = [c for c in event.claims if c in claims]
        if not event.date or not reported or event.date.endswith("_REF"):
            continue
        key = (event.date, event.type, event.status, *event.actors, "|", *event.targets, "|", event.location or "")
        if key in grouped:
            grouped[key][1].extend(reported)
        else:
            grouped[key] = (event, reported)
    entries = []
    wording = _wording()
    for event, reported in sorted(grouped.values(), key=lambda item: (_date_order(item[0].date or ""), item[0].doc, item[0].start)):
        names = entity_briefs(store, [*event.actors, *event.targets, *([event.location] if event.location else [])])
        text = _event_sentence(event, names, taxonomy, wording["plover_nouns"])
        if (sentence := cites.sentence(text, reported)) is not None:
            entries.append(TimelineEntry(_date_label(event.date or "", wording["seasons"]), sentence))
    if len(entries) > limits.timeline:
        left_out["timeline entries"] = len(entries) - limits.timeline
    return entries[:limits.timeline]


def _wording() -> dict[str, dict[str, str]]:
    return json.loads(resources.files("claimgraph.brief").joinpath("data/wording.json").read_text("utf-8"))  # type: ignore[no-any-return]


def _event_sentence(event: StoredEvent, names: dict[str, EntityBrief], taxonomy: Taxonomy, nouns: dict[str, str]) -> str:
    label = nouns.get(event.plover, taxonomy.label(event.type, event.plover)) if event.type == "OTHER" else taxonomy.label(event.type)
    actors = [names[i].name for i in event.actors if i in names]
    targets = [names[i].name for i in event.targets if i in names]
    text = label[:1].upper() + label[1:]
    if actors:
        text += " by " + _and(actors)
    if targets:
        text += " involving " + _and(targets)
    if event.location and event.location in names:
        text += " in " + names[event.location].name
    status = {"happened": "", "alleged": " (alleged)", "denied": " (denied)", "planned": " (planned)", "possible": " (possible)",
              "conditional": " (conditional)", "negated": " (did not happen)"}.get(event.status, f" ({event.status})")
    return text + status + "."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _date_order(timex: str) -> tuple[int, str]:
    return (0 if timex[:4].isdigit() else 1, timex)


def _date_label(timex: str, seasons: dict[str, str]) -> str:
    """A TIMEX3 value as the brief shows it: calendar values as they are ("2021-09"), the
    others in words, saying what the text does not give ("30 August (year not given)")."""
    if not timex.startswith("XXXX"):
        return timex
    rest = timex[5:]
    if len(rest) == 5 and rest[:2].isdigit() and rest[3:].isdigit() and 1 <= int(rest[:2]) <= 12:
        return f"{int(rest[3:])} {_MONTHS[int(rest[:2]) - 1]} (year not given)"
    if len(rest) == 2 and rest.isdigit() and 1 <= int(rest) <= 12:
        return f"{_MONTHS[int(rest) - 1]} (year not given)"
    if not rest:
        return "year not given"
    if rest in seasons:
        return f"{seasons[rest]} (year not given)"
    if rest.startswith("WXX-") and rest[4:].isdigit() and 1 <= int(rest[4:]) <= 7:
        return f"a {_WEEKDAYS[int(rest[4:]) - 1]} (date not given)"
    return "a week (date not given)" if rest.startswith("W") else "date not given"


def _places(store: Store, cites: _Citations, claims: dict[str, StoredClaim], limits: Limits, left_out: dict[str, int]) -> list[PlaceEntry]:
    naming: dict[str, list[str]] = {}
    for claim in claims.values():
        for entity_id in claim.entities:
            naming.setdefault(entity_id, []).append(claim.id)
    briefs = entity_briefs(store, list(naming))
    placed = [i for i, b in briefs.items() if b.place is not None and b.place.lat is not None and b.place.lon is not None]
    placed.sort(key=lambda i: (-len(naming[i]), briefs[i].name))
    if len(placed) > limits.places:
        left_out["places"] = len(placed) - limits.places
    entries = []
    for entity_id in placed[:limits.places]:
        brief, place = briefs[entity_id], briefs[entity_id].place
        assert place is not None and place.lat is not None and place.lon is not None
        where = place.kind + (f", {place.country}" if place.country else "")
        first = claims[naming[entity_id][0]]
        text = f"{brief.name} ({where}) is named in {len(naming[entity_id])} claim{'s' if len(naming[entity_id]) > 1 else ''} in scope."
        if (sentence := cites.sentence(text, [first.id])) is not None:
            entries.append(PlaceEntry(entity_id, brief.name, place.kind, place.country, place.lat, place.lon, len(naming[entity_id]), sentence))
    return entries


def _extras(record: object, known: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The fields a record has beyond those the brief knows (a contradiction's slot, values,
    strength, caveat; a fact's accounts), as (name, value) text, for any record kind that
    gains them."""
    if not dataclasses.is_dataclass(record):
        return ()
    found = []
    for name, value in dataclasses.asdict(record).items():  # type: ignore[arg-type]
        if name in known or value in (None, "", [], (), {}):
            continue
        if isinstance(value, list | tuple):
            value = " / ".join(str(v) for v in value)
        found.append((name.replace("_", " "), str(value)))
    return tuple(found)


def _contested(store: Store, cites: _Citations, claims: dict[str, StoredClaim]) -> list[ContestedPoint]:
    """Every contradiction with a side in scope, both sides cited."""
    facts = {fact.id: fact.about for fact in iter_facts(store)}
    points = []
    for contradiction in iter_contradictions(store):
        if contradiction.a not in claims and contradiction.b not in claims:
            continue
        sides = []
        for claim_id in (contradiction.a, contradiction.b):
            claim = cites.claim(claim_id)
            if claim is None:
                break
            outlet = _outlet(cites, claim)
            document = cites.document(claim.doc)
            sentence = cites.sentence(_said(claim, outlet), [claim.id])
            assert sentence is not None
            sides.append(Side(outlet if claim.source_kind == "outlet" else claim.source_name, outlet,
                              document.published if document else None, claim.stance, sentence))
        if len(sides) != 2:
            continue
        explanation = cites.sentence(contradiction.explanation, [contradiction.a, contradiction.b])
        assert explanation is not None
        points.append(ContestedPoint(contradiction.id, contradiction.type, facts.get(contradiction.fact or ""), explanation,
                                     _extras(contradiction, _KNOWN_CONTRADICTION_FIELDS), (sides[0], sides[1])))
    # the disagreements about one fact together (a toll given three ways is three pairs)
    return sorted(points, key=lambda p: (p.about or "\uffff", p.kind, p.id))


def _facts(store: Store, cites: _Citations, claims: dict[str, StoredClaim], limits: Limits,
           left_out: dict[str, int]) -> tuple[list[FactEntry], list[FactEntry]]:
    corroborated: list[tuple[int, FactEntry]] = []
    single: list[FactEntry] = []
    for fact in iter_facts(store):
        reported = [c for c in fact.claims if c in claims]
        if not reported or fact.status == "contested":
            continue
        about = fact.about[:1].upper() + fact.about[1:]
        origins = tuple(fact.independent_origins)
        if fact.status == "corroborated":
            text = f"{about}: reported by {len(origins)} independent origins ({'; '.join(origins)})."
            # one claim per document first, so that the footnotes show the different origins
            by_doc = list({cites.claim(c).doc if cites.claim(c) else c: c for c in reversed(reported)}.values())[::-1]  # type: ignore[union-attr]
            sentence = cites.sentence(text, by_doc[:limits.citations_per_fact])
            if sentence is not None:
                corroborated.append((len(origins), FactEntry(fact.id, fact.about, fact.status, origins, sentence,
                                                             _extras(fact, _KNOWN_FACT_FIELDS))))
        else:
            origin = origins[0] if origins else "one source"
            claim = cites.claim(reported[0])
            quote = f" {_quote(claim.text, 200)}" if claim else ""
            sentence = cites.sentence(f"{about}: only {origin} reports it, to be checked:{quote}", reported[:1])
            if sentence is not None:
                single.append(FactEntry(fact.id, fact.about, fact.status, origins, sentence, _extras(fact, _KNOWN_FACT_FIELDS)))
    corroborated.sort(key=lambda item: (-item[0], item[1].about))
    if len(corroborated) > limits.corroborated:
        left_out["corroborated facts"] = len(corroborated) - limits.corroborated
    if len(single) > limits.single_source:
        left_out["single-source claims"] = len(single) - limits.single_source
    return [entry for _, entry in corroborated[:limits.corroborated]], single[:limits.single_source]


def _renumbered(brief: Brief, citations: list[Citation]) -> list[Citation]:
    """Footnotes numbered in reading order (actors, timeline, places, contested points, facts),
    with every sentence's numbers changed to match; footnotes no sentence cites are dropped."""
    order: dict[int, int] = {}
    for sentence in brief.sentences():
        for number in sentence.cites:
            order.setdefault(number, len(order) + 1)

    def renumber(sentence: Sentence) -> Sentence:
        return Sentence(sentence.text, tuple(order[n] for n in sentence.cites))

    brief.actors = [dataclasses.replace(a, said=tuple(renumber(s) for s in a.said)) for a in brief.actors]
    brief.timeline = [dataclasses.replace(t, sentence=renumber(t.sentence)) for t in brief.timeline]
    brief.places = [dataclasses.replace(p, sentence=renumber(p.sentence)) for p in brief.places]
    brief.contested = [dataclasses.replace(c, explanation=renumber(c.explanation),
                                           sides=(dataclasses.replace(c.sides[0], sentence=renumber(c.sides[0].sentence)),
                                                  dataclasses.replace(c.sides[1], sentence=renumber(c.sides[1].sentence))))
                       for c in brief.contested]
    brief.corroborated = [dataclasses.replace(f, sentence=renumber(f.sentence)) for f in brief.corroborated]
    brief.single_source = [dataclasses.replace(f, sentence=renumber(f.sentence)) for f in brief.single_source]
    by_old = {c.number: c for c in citations}
    return sorted((dataclasses.replace(by_old[old], number=new) for old, new in order.items()), key=lambda c: c.number)

"""Everything the extract stage draws from one parsed article, as one record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from claimgraph.extract.claims import extract_claims
from claimgraph.extract.cues import CueLexicon
from claimgraph.extract.dates import dateline_date, extract_dates, latest_past_date
from claimgraph.extract.descriptions import descriptive_mentions
from claimgraph.extract.event_lexicon import EventLexicon
from claimgraph.extract.event_places import focus_country
from claimgraph.extract.events import extract_events
from claimgraph.extract.learned import TaggedSpan
from claimgraph.extract.mentions import (
    EntityLexicon,
    extract_mentions,
    extract_sentences,
)
from claimgraph.extract.places import PlaceLexicon, find_places
from claimgraph.extract.quantities import QuantityLexicon, extract_quantities
from claimgraph.extract.quotes import excerpts
from claimgraph.extract.relations import RelationLexicon, extract_relations
from claimgraph.extract.timex import TimeLexicon
from claimgraph.gazetteer import Gazetteer
from claimgraph.ingest.records import Article, Published
from claimgraph.records import (
    Claim,
    DateMention,
    Event,
    Mention,
    PlaceCue,
    Quantity,
    Relation,
    Sentence,
)


@dataclass(frozen=True)
class Lexicons:
    """The extract stage's data files, loaded once per run."""

    entities: EntityLexicon
    cues: CueLexicon
    time: TimeLexicon
    quantities: QuantityLexicon
    places: PlaceLexicon
    events: EventLexicon
    relations: RelationLexicon


@dataclass(frozen=True)
class DocumentExtraction:
    published: Published
    published_not_before: str | None
    sentences: list[Sentence]
    mentions: list[Mention]
    claims: list[Claim]
    dates: list[DateMention]
    quantities: list[Quantity]
    place_cues: list[PlaceCue]
    events: list[Event]
    relations: list[Relation]


def extract_document(article: Article, doc: Doc | None, lexicons: Lexicons, *, tagged: list[TaggedSpan] | None,
                     gazetteer: Gazetteer | None = None) -> DocumentExtraction:
    """Sentences, mentions, claims, dates, quantities, events and ties between parties of one
    article (none without a parse).

    The publication date comes from metadata, else from a dateline in the text; dates are
    anchored to it. Without a gazetteer, place names stay as the model labelled them.
    """
    published = article.published
    if published.value is None and (stated := dateline_date(article.header_fields, lexicons.time)):
        published = Published(value=stated, basis="text")
    if doc is None:
        return DocumentExtraction(published, None, [], [], [], [], [], [], [], [])
    dct = date.fromisoformat(published.value) if published.value and len(published.value) == 10 else None
    regions = excerpts(article.text)  # read once: dates anchor to them, claims are voiced by them
    dates = extract_dates(doc, article.id, lexicons.time, dct=dct, excerpts=regions)
    mentions = extract_mentions(doc, article.id, lexicons.entities)
    cues: list[PlaceCue] = []
    if gazetteer is not None:
        places = find_places(article.text, mentions, lexicons.places, lexicons.entities, gazetteer)
        mentions, cues = places.mentions, places.cues
    mentions = descriptive_mentions(doc, article.id, mentions, lexicons.entities)
    claims = extract_claims(doc, article.id, mentions, lexicons.cues, outlet=article.outlet, tagged=tagged, excerpt_regions=regions)
    quantities = extract_quantities(doc, article.id, lexicons.quantities, date_spans=[(d.start, d.end) for d in dates])
    is_country = (lambda name: _is_country(gazetteer, name)) if gazetteer is not None else None
    home = focus_country(mentions, is_country) if is_country is not None else None  # the country it is mostly about
    return DocumentExtraction(
        published=published,
        published_not_before=latest_past_date(dates),
        sentences=extract_sentences(doc, article.id),
        mentions=mentions,
        claims=claims,
        dates=dates,
        quantities=quantities,
        place_cues=cues,
        events=extract_events(doc, article.id, mentions, claims, dates, quantities, lexicons.events, is_country=is_country,
                              home=home),
        relations=extract_relations(doc, article.id, mentions, lexicons.relations, lexicons.events,
                                    is_state=(lambda name: _is_state(gazetteer, name)) if gazetteer is not None else None,
                                    home=home),
    )


def _is_country(gazetteer: Gazetteer, name: str) -> bool:
    return any(found.primary and found.place.kind == "country" for found in gazetteer.places_named(name))


def _is_state(gazetteer: Gazetteer, name: str) -> bool:
    """A country, a capital that names its government ("ties to Lima"), or a name the gazetteer
    does not hold as a place (an organisation the model labelled a place)."""
    found = gazetteer.places_named(name)
    return not found or any(f.place.kind in ("country", "capital") for f in found)

"""Everything the extract stage draws from one article, as one record, read off the Doc the
extraction components (components.py) annotated."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from claimgraph.extract.cues import CueLexicon, load_cue_lexicon
from claimgraph.extract.dates import dateline_date
from claimgraph.extract.event_lexicon import EventLexicon, load_event_lexicon
from claimgraph.extract.mentions import EntityLexicon, load_entity_lexicon
from claimgraph.extract.places import PlaceLexicon, load_place_lexicon
from claimgraph.extract.quantities import QuantityLexicon, load_quantity_lexicon
from claimgraph.extract.relations import RelationLexicon, load_relation_lexicon
from claimgraph.extract.resources import DEFAULT_LANGUAGE
from claimgraph.extract.timex import TimeLexicon, load_time_lexicon
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
    """The extract stage's data files for one language (the components load their own; this
    bundle serves code that calls the family functions directly)."""

    entities: EntityLexicon
    cues: CueLexicon
    time: TimeLexicon
    quantities: QuantityLexicon
    places: PlaceLexicon
    events: EventLexicon
    relations: RelationLexicon

    @classmethod
    def load(cls, lang: str = DEFAULT_LANGUAGE) -> Lexicons:
        return cls(
            entities=load_entity_lexicon(lang),
            cues=load_cue_lexicon(lang),
            time=load_time_lexicon(lang),
            quantities=load_quantity_lexicon(lang),
            places=load_place_lexicon(lang),
            events=load_event_lexicon(lang=lang),
            relations=load_relation_lexicon(lang),
        )


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


class ExtractionFailed(Exception):
    """An extraction component failed on this document; the message says which and why."""


def extraction_of(doc: Doc) -> DocumentExtraction:
    """The records the extraction components wrote on `doc`; ExtractionFailed if one failed."""
    if doc._.extraction_error is not None:
        raise ExtractionFailed(doc._.extraction_error)
    return DocumentExtraction(
        published=doc._.published,
        published_not_before=doc._.published_not_before,
        sentences=doc._.sentences or [],
        mentions=doc._.mentions or [],
        claims=doc._.claims or [],
        dates=doc._.dates or [],
        quantities=doc._.quantities or [],
        place_cues=doc._.place_cues or [],
        events=doc._.events or [],
        relations=doc._.ties or [],
    )


def unparsed_extraction(article: Article, lexicon: TimeLexicon) -> DocumentExtraction:
    """What an article in a language without a pipeline yields: its publication date only
    (from metadata, else a dateline header line)."""
    published = article.published
    if published.value is None and (stated := dateline_date(article.header_fields, lexicon)):
        published = Published(value=stated, basis="text")
    return DocumentExtraction(published, None, [], [], [], [], [], [], [], [])

"""Extraction as spaCy pipeline components.

Each family of records (dates, mentions, places, descriptions, attribution spans, claims,
quantities, events, ties) is a component registered with `@Language.factory`, declaring the
Doc extensions it writes (`assigns`) and reads (`requires`); `analyze/` adds them to a
language's pipeline in the order its configuration declares, and one `nlp.pipe` runs the
parse and the extraction together. The family modules beside this one hold the logic; a
component only reads its inputs from the Doc and writes its records back.

The article a Doc comes from is set as `doc._.article` before the Doc enters the pipeline
(its id, publication date, outlet and header lines). An unexpected failure in one component
is recorded as `doc._.extraction_error` and the later components pass the Doc over, so that
one article's failure skips that article, never its batch; a time-budget overrun is not
caught here (the caller's budget decides).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import BudgetExceeded
from claimgraph.extract.claims import extract_claims
from claimgraph.extract.cues import load_cue_lexicon
from claimgraph.extract.dates import (
    dateline_date,
    extract_dates,
    latest_past_date,
    stated_today,
)
from claimgraph.extract.descriptions import descriptive_mentions
from claimgraph.extract.entity_patterns import add_pattern_entities, load_entity_matcher
from claimgraph.extract.event_frames import with_frames
from claimgraph.extract.event_lexicon import load_event_lexicon
from claimgraph.extract.event_places import focus_country
from claimgraph.extract.events import Detector, extract_events
from claimgraph.extract.learned import AttributionTagger
from claimgraph.extract.magnitudes import load_magnitude_lexicon
from claimgraph.extract.mentions import (
    extract_mentions,
    extract_sentences,
    load_entity_lexicon,
)
from claimgraph.extract.places import find_places, load_place_lexicon
from claimgraph.extract.plover_classifier import PloverClassifier
from claimgraph.extract.quantities import extract_quantities, load_quantity_lexicon
from claimgraph.extract.quotes import excerpts
from claimgraph.extract.relations import extract_relations, load_relation_lexicon
from claimgraph.extract.resources import DEFAULT_LANGUAGE
from claimgraph.extract.syntax import (
    SyntaxScheme,
    convert_to_rule_scheme,
    load_syntax_scheme,
    register_syntax_extension,
)
from claimgraph.extract.timex import load_time_lexicon
from claimgraph.gazetteer import Gazetteer
from claimgraph.ingest.records import Article, Published
from claimgraph.taxonomy import load_taxonomy

# The Doc extensions the components write, each with what it holds.
EXTENSIONS = {
    "article": "the ingest Article the Doc was made from (set before the pipeline runs)",
    "published": "Published: the publication date, from metadata or a dateline in the text",
    "published_not_before": "the latest past date the text names (a bound for an undated article)",
    "excerpts": "regions of the text quoted from a cited source (extract/quotes.py)",
    "sentences": "list[Sentence]",
    "dates": "list[DateMention]",
    "mentions": "list[Mention]",
    "place_cues": "list[PlaceCue]",
    "home": "Mention | None: the first mention of the country the article is mostly about",
    "attribution": "list[TaggedSpan]: SOURCE and CUE spans of the attribution tagger",
    "claims": "list[Claim]",
    "quantities": "list[Quantity]",
    "events": "list[Event]",
    "ties": "list[Relation]",
    "extraction_error": "str | None: why extraction failed for this Doc",
}


def register_extensions() -> None:
    """Declare the Doc extensions (once per process; spaCy keeps them on the Doc class)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def article_doc(nlp: Language, article: Article) -> Doc:
    """A Doc of the article's text, ready for the pipeline: tokenized, with `doc._.article` set."""
    register_extensions()
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return doc


class _Component:
    """Runs `extract` on each Doc whose extraction has not failed; a failure is recorded on the Doc."""

    name = "claimgraph"

    def __call__(self, doc: Doc) -> Doc:
        if doc._.extraction_error is None:
            try:
                self.extract(doc, _article(doc))
            except BudgetExceeded:
                raise
            except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the rest of the run
                doc._.extraction_error = f"{self.name}: {type(exc).__name__}: {exc}"
        return doc

    def extract(self, doc: Doc, article: Article) -> None:
        raise NotImplementedError


def _article(doc: Doc) -> Article:
    """The Doc's article; a Doc made from bare text (a test, a notebook) stands for an anonymous one."""
    article = doc._.article
    if article is None:
        article = Article(id="doc", key="text", fingerprint="", text=doc.text, title=None, url=None, outlet=None,
                          language=doc.lang_, published=Published())
        doc._.article = article
    return article


def _language(nlp: Language) -> str:
    return nlp.lang or DEFAULT_LANGUAGE


def _gazetteer_lookups(path: str | None) -> Gazetteer | None:
    return Gazetteer(Path(path)) if path else None


# --- the language seam: the parse in the rules' scheme, dates and numbers as entities -------


class SyntaxComponent:
    """A model of another annotation scheme (Universal Dependencies) rewritten into the one
    the rules read (extract/syntax.py). Runs after the model's own components."""

    def __init__(self, scheme: SyntaxScheme) -> None:
        self.scheme = scheme

    def __call__(self, doc: Doc) -> Doc:
        convert_to_rule_scheme(doc, self.scheme)
        return doc


@Language.factory("claimgraph_syntax", assigns=["token.dep", "token.head", "token.tag", "doc.ents", "token._.ud_dep"],
                  requires=["token.dep", "token.pos", "token.morph"])
def make_syntax_component(nlp: Language, name: str) -> SyntaxComponent:
    register_syntax_extension()
    return SyntaxComponent(load_syntax_scheme(_language(nlp)))


class EntityPatternComponent:
    """DATE, CARDINAL, MONEY and PERCENT spans from the language's patterns, for a model that
    labels only names (extract/entity_patterns.py)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = load_entity_matcher(nlp.vocab, _language(nlp))

    def __call__(self, doc: Doc) -> Doc:
        add_pattern_entities(doc, self.matcher)
        return doc


@Language.factory("claimgraph_entity_patterns", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_pattern_component(nlp: Language, name: str) -> EntityPatternComponent:
    return EntityPatternComponent(nlp)


# --- dates ------------------------------------------------------------------------------


class DateComponent(_Component):
    name = "claimgraph_dates"

    def __init__(self, lang: str) -> None:
        self.lexicon = load_time_lexicon(lang)

    def extract(self, doc: Doc, article: Article) -> None:
        published = article.published
        if published.value is None and (stated := dateline_date(article.header_fields, self.lexicon)):
            published = Published(value=stated, basis="text")
        day = published.value if published.value and len(published.value) == 10 else article.reference_day
        dct = date.fromisoformat(day) if day else None
        doc._.published = published
        doc._.excerpts = excerpts(article.text)  # read once: dates anchor to them, claims are voiced by them
        doc._.dates = extract_dates(doc, article.id, self.lexicon, dct=dct, excerpts=doc._.excerpts)
        if dct is None and (today := stated_today(doc, doc._.dates, self.lexicon)) is not None:
            # "Ce jeudi 14 mars 2024, ...": the text names the day it speaks from; anchor to it
            doc._.dates = extract_dates(doc, article.id, self.lexicon, dct=today, excerpts=doc._.excerpts)
        doc._.published_not_before = latest_past_date(doc._.dates)
        doc._.sentences = extract_sentences(doc, article.id)


@Language.factory("claimgraph_dates", assigns=["doc._.published", "doc._.published_not_before", "doc._.excerpts", "doc._.dates",
                                               "doc._.sentences"],
                  requires=["doc._.article", "doc.ents", "token.dep"])
def make_date_component(nlp: Language, name: str) -> DateComponent:
    register_extensions()
    return DateComponent(_language(nlp))


# --- mentions, places, descriptions ------------------------------------------------------


class MentionComponent(_Component):
    name = "claimgraph_mentions"

    def __init__(self, lang: str) -> None:
        self.lexicon = load_entity_lexicon(lang)

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.mentions = extract_mentions(doc, article.id, self.lexicon)
        doc._.place_cues = []


@Language.factory("claimgraph_mentions", assigns=["doc._.mentions"], requires=["doc._.article", "doc.ents"])
def make_mention_component(nlp: Language, name: str) -> MentionComponent:
    register_extensions()
    return MentionComponent(_language(nlp))


class PlaceComponent(_Component):
    """Place names the model mislabels retyped by gazetteer evidence, and the cues between places.
    Without a gazetteer the mentions stay as the model labelled them."""

    name = "claimgraph_places"

    def __init__(self, lang: str, gazetteer: Gazetteer | None) -> None:
        self.lexicon = load_place_lexicon(lang)
        self.entities = load_entity_lexicon(lang)
        self.gazetteer = gazetteer

    def extract(self, doc: Doc, article: Article) -> None:
        if self.gazetteer is None:
            return
        found = find_places(article.text, doc._.mentions, self.lexicon, self.entities, self.gazetteer)
        doc._.mentions, doc._.place_cues = found.mentions, found.cues


@Language.factory("claimgraph_places", assigns=["doc._.mentions", "doc._.place_cues"], requires=["doc._.mentions"],
                  default_config={"gazetteer": None})
def make_place_component(nlp: Language, name: str, gazetteer: str | None) -> PlaceComponent:
    register_extensions()
    return PlaceComponent(_language(nlp), _gazetteer_lookups(gazetteer))


class DescriptionComponent(_Component):
    """Definite descriptions ("the bloc") as mentions of the organisation named before them."""

    name = "claimgraph_descriptions"

    def __init__(self, lang: str) -> None:
        self.lexicon = load_entity_lexicon(lang)

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.mentions = descriptive_mentions(doc, article.id, doc._.mentions, self.lexicon)


@Language.factory("claimgraph_descriptions", assigns=["doc._.mentions"], requires=["doc._.mentions", "token.dep"])
def make_description_component(nlp: Language, name: str) -> DescriptionComponent:
    register_extensions()
    return DescriptionComponent(_language(nlp))


# --- claims -----------------------------------------------------------------------------


class AttributionComponent(_Component):
    """SOURCE and CUE spans from the packaged attribution tagger, tagged a batch at a time.
    Without an installed tagger the claim rules work alone."""

    name = "claimgraph_attribution"

    def __init__(self, tagger: AttributionTagger | None) -> None:
        self.tagger = tagger

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.attribution = self.tagger.tag(doc.text) if self.tagger is not None else None

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag_batch(batch)
                batch = []
        yield from self._tag_batch(batch)

    def _tag_batch(self, docs: list[Doc]) -> list[Doc]:
        pending = [d for d in docs if d._.extraction_error is None]
        if self.tagger is not None and pending:
            try:
                spans = self.tagger.tag_many([d.text for d in pending])
            except BudgetExceeded:
                raise
            except Exception:  # noqa: BLE001 - tag one at a time, so only the offending document fails
                return [self(d) for d in docs]
            for doc, found in zip(pending, spans, strict=True):
                doc._.attribution = found
        return docs


@Language.factory("claimgraph_attribution", assigns=["doc._.attribution"], requires=["doc._.article"],
                  default_config={"model": None, "learned": True})
def make_attribution_component(nlp: Language, name: str, model: str | None, learned: bool) -> AttributionComponent:
    """`learned`: tag with the packaged tagger (trained on English news: a language it was
    not trained on turns it off in analyze/data/pipelines.json, and the rules work alone)."""
    register_extensions()
    return AttributionComponent(AttributionTagger.load(model) if learned else None)


class ClaimComponent(_Component):
    name = "claimgraph_claims"

    def __init__(self, lang: str) -> None:
        self.lexicon = load_cue_lexicon(lang)

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.claims = extract_claims(doc, article.id, doc._.mentions, self.lexicon, outlet=article.outlet,
                                      tagged=doc._.attribution, excerpt_regions=doc._.excerpts)


@Language.factory("claimgraph_claims", assigns=["doc._.claims"],
                  requires=["doc._.mentions", "doc._.attribution", "doc._.excerpts", "token.dep"])
def make_claim_component(nlp: Language, name: str) -> ClaimComponent:
    register_extensions()
    return ClaimComponent(_language(nlp))


# --- quantities -------------------------------------------------------------------------


class QuantityComponent(_Component):
    name = "claimgraph_quantities"

    def __init__(self, lang: str) -> None:
        self.lexicon = load_quantity_lexicon(lang)
        self.magnitudes = load_magnitude_lexicon(lang)

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.quantities = extract_quantities(doc, article.id, self.lexicon, date_spans=[(d.start, d.end) for d in doc._.dates],
                                              magnitudes=self.magnitudes)


@Language.factory("claimgraph_quantities", assigns=["doc._.quantities"], requires=["doc._.dates", "doc.ents", "token.dep"])
def make_quantity_component(nlp: Language, name: str) -> QuantityComponent:
    register_extensions()
    return QuantityComponent(_language(nlp))


# --- events and ties --------------------------------------------------------------------


def _country_test(gazetteer: Gazetteer | None) -> Callable[[str], bool] | None:
    if gazetteer is None:
        return None
    return lambda name: any(found.primary and found.place.kind == "country" for found in gazetteer.places_named(name))


def _countries_named(gazetteer: Gazetteer | None) -> Callable[[str], frozenset[str]]:
    """The countries a name or demonym names ("Malian": Mali), none for a name the gazetteer
    does not hold as a country's."""
    if gazetteer is None:
        return lambda name: frozenset()

    @functools.lru_cache(maxsize=4096)
    def countries(name: str) -> frozenset[str]:
        return frozenset(f.place.country for f in gazetteer.places_named(name) if f.place.kind == "country" and f.place.country)

    return countries


def _capital_named(gazetteer: Gazetteer | None) -> Callable[[str], str | None]:
    """The country whose capital a name names ("Niamey": Niger), None for any other name."""
    if gazetteer is None:
        return lambda name: None

    @functools.lru_cache(maxsize=4096)
    def country(name: str) -> str | None:
        return next((f.place.country for f in gazetteer.places_named(name) if f.primary and f.place.kind == "capital"), None)

    return country


def _state_test(gazetteer: Gazetteer | None) -> Callable[[str], bool] | None:
    """A country, a capital that names its government ("ties to Lima"), or a name the gazetteer
    does not hold as a place (an organisation the model labelled a place)."""
    if gazetteer is None:
        return None

    def is_state(name: str) -> bool:
        found = gazetteer.places_named(name)
        return not found or any(f.place.kind in ("country", "capital") for f in found)

    return is_state


# The classifier's thresholds maximise F1 on news quotes that each tell an event; in whole
# sentences beside the lexicon, only its surer findings keep event precision at 0.8 or more:
# measured on the seed and story gold, thresholds x3 (README, "Events").
DETECTION_THRESHOLD_SCALE = 3.0


class EventComponent(_Component):
    name = "claimgraph_events"

    def __init__(self, lang: str, gazetteer: Gazetteer | None, *, detect: bool = True, model: str | None = None,
                 threshold_scale: float = 1.0) -> None:
        self.lexicon = load_event_lexicon(lang=lang)
        taxonomy = load_taxonomy()
        self.violent = taxonomy.with_flag("violent")
        self.is_country = _country_test(gazetteer)
        self.countries_of = _countries_named(gazetteer)
        self.capital_of = _capital_named(gazetteer)
        classifier = PloverClassifier.load(model) if detect else None
        self.detector = Detector(classifier, taxonomy, threshold_scale) if classifier is not None else None

    def extract(self, doc: Doc, article: Article) -> None:
        mentions = doc._.mentions
        home = focus_country(mentions, self.is_country) if self.is_country is not None else None  # the country it is mostly about
        doc._.home = home
        events = extract_events(doc, article.id, mentions, doc._.claims, doc._.dates, doc._.quantities, self.lexicon,
                                is_country=self.is_country, countries_of=self.countries_of, capital_of=self.capital_of, home=home,
                                detector=self.detector)
        doc._.events = with_frames(doc, events, mentions, self.lexicon, violent=self.violent, is_country=self.is_country,
                                   title=article.title)


@Language.factory("claimgraph_events", assigns=["doc._.events", "doc._.home"],
                  requires=["doc._.mentions", "doc._.claims", "doc._.dates", "doc._.quantities", "token.dep"],
                  default_config={"gazetteer": None, "detect": True, "model": None, "threshold_scale": DETECTION_THRESHOLD_SCALE})
def make_event_component(nlp: Language, name: str, gazetteer: str | None, detect: bool, model: str | None,
                         threshold_scale: float) -> EventComponent:
    """`detect`: add the events the learned classifier finds (the packaged model, or the one at
    `model`), where its probability reaches its threshold times `threshold_scale`."""
    register_extensions()
    return EventComponent(_language(nlp), _gazetteer_lookups(gazetteer), detect=detect, model=model,
                          threshold_scale=threshold_scale)



class TieComponent(_Component):
    """Ties between parties, stated or denied, and how parties stand."""

    name = "claimgraph_ties"

    def __init__(self, lang: str, gazetteer: Gazetteer | None) -> None:
        self.lexicon = load_relation_lexicon(lang)
        self.forces = load_event_lexicon(lang=lang)
        self.is_state = _state_test(gazetteer)

    def extract(self, doc: Doc, article: Article) -> None:
        doc._.ties = extract_relations(doc, article.id, doc._.mentions, self.lexicon, self.forces, is_state=self.is_state,
                                       home=doc._.home)


@Language.factory("claimgraph_ties", assigns=["doc._.ties"], requires=["doc._.mentions", "doc._.home", "token.dep"],
                  default_config={"gazetteer": None})
def make_tie_component(nlp: Language, name: str, gazetteer: str | None) -> TieComponent:
    register_extensions()
    return TieComponent(_language(nlp), _gazetteer_lookups(gazetteer))

"""The build: ingest -> analyze -> extract -> store, batch by batch, then resolve.

Each batch is one transaction, and each input's fingerprint is stored with its outcome, so a
killed build resumes where it stopped and a repeated build does nothing new.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from claimgraph.analyze import Analysis, analyze_batch, load_pipeline
from claimgraph.config import BuildOptions
from claimgraph.errors import BudgetExceeded, InputRejected
from claimgraph.extract import (
    AttributionTagger,
    TaggedSpan,
    load_cue_lexicon,
    load_entity_lexicon,
)
from claimgraph.extract.document import Lexicons, extract_document
from claimgraph.extract.event_lexicon import load_event_lexicon
from claimgraph.extract.places import load_place_lexicon
from claimgraph.extract.quantities import load_quantity_lexicon
from claimgraph.extract.relations import load_relation_lexicon
from claimgraph.extract.timex import load_time_lexicon
from claimgraph.gazetteer import Gazetteer, open_gazetteer
from claimgraph.ingest import (
    Article,
    BoilerplateRules,
    LanguageIdentifier,
    Skipped,
    document_id,
    iter_input_files,
    iter_units,
    load_rules,
    prepare_article,
)
from claimgraph.ingest.budget import time_budget
from claimgraph.ingest.dedup import fingerprint, similarity
from claimgraph.records import Document
from claimgraph.resolve.corpus import resolve_corpus
from claimgraph.store import Store
from claimgraph.store.events import add_events
from claimgraph.store.places import add_place_cues
from claimgraph.store.relations import add_relations


@dataclass
class BuildReport:
    """What one build did. `skipped` lists every input that did not become a document."""

    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    mentions: int = 0
    claims: int = 0
    events: int = 0
    entities: int | None = None  # None when entities did not need resolving again
    places: int | None = None  # geocoded place entities, when resolved again
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.added + self.unchanged + len(self.skipped)


@dataclass(frozen=True)
class BuildTools:
    """What a build loads once and passes down: the parser, the lexicons and the gazetteer."""

    nlp: Language
    boilerplate: BoilerplateRules
    languages: LanguageIdentifier
    lexicons: Lexicons
    attribution_tagger: AttributionTagger | None = None  # None: dependency rules alone
    gazetteer: Gazetteer | None = None  # None: places are found as the model labels them, not geocoded

    @classmethod
    def load(cls, options: BuildOptions, *, on_message: Callable[[str], None] = lambda _: None) -> BuildTools:
        return cls(
            nlp=load_pipeline(options.model),
            boilerplate=load_rules(),
            languages=LanguageIdentifier(),
            lexicons=Lexicons(
                entities=load_entity_lexicon(),
                cues=load_cue_lexicon(),
                time=load_time_lexicon(),
                quantities=load_quantity_lexicon(),
                places=load_place_lexicon(),
                events=load_event_lexicon(),
                relations=load_relation_lexicon(),
            ),
            attribution_tagger=AttributionTagger.load(),
            gazetteer=open_gazetteer(options.gazetteer, on_build=on_message),
        )


ProgressCallback = Callable[[str], None]


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools | None = None,
    on_input: ProgressCallback | None = None,
    on_message: ProgressCallback = lambda _: None,
) -> BuildReport:
    """Add the articles under `paths` to `store`. `on_input` is called with each input key,
    `on_message` with notices (such as the gazetteer being built on first use)."""
    tools = tools or BuildTools.load(options, on_message=on_message)
    report = BuildReport()
    batch: list[Article] = []
    skips: list[Skipped] = []
    for item in _articles(paths, store=store, options=options, tools=tools, report=report, on_input=on_input):
        if isinstance(item, Skipped):
            skips.append(item)
        else:
            batch.append(item)
        if len(batch) >= options.batch_size or len(skips) >= options.batch_size:
            _commit_batch(batch, skips, store=store, options=options, tools=tools, report=report)
            batch, skips = [], []
    _commit_batch(batch, skips, store=store, options=options, tools=tools, report=report)
    if store.entities_stale():
        report.entities, report.places = resolve_corpus(store, tools.gazetteer, not_place_names=tools.lexicons.places.not_place_names)
    return report


def _articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools,
    report: BuildReport,
    on_input: ProgressCallback | None,
) -> Iterator[Article | Skipped]:
    """Stream cleaned articles (and skips) from the inputs, passing over unchanged ones."""
    seen_ids: set[str] = set()
    for found in iter_input_files(paths):
        if isinstance(found, Skipped):
            yield found
            continue
        for unit in iter_units(found, max_bytes=options.max_bytes):
            if on_input:
                on_input(unit.key)
            if isinstance(unit, Skipped):
                yield unit
                continue
            if store.input_fingerprint(unit.key) == unit.fingerprint:
                report.unchanged += 1
                continue
            try:
                with time_budget(options.time_budget, what="ingest"):
                    article = prepare_article(unit, rules=tools.boilerplate, languages=tools.languages, max_chars=options.max_chars)
            except InputRejected as exc:
                yield Skipped(unit.key, str(exc), unit.fingerprint)
                continue
            yield _with_unique_id(article, store=store, seen_ids=seen_ids)


def _with_unique_id(article: Article, *, store: Store, seen_ids: set[str]) -> Article:
    """An exact copy of a stored text from another input gets its own id (and becomes its duplicate)."""
    source = store.document_source(article.id)
    if (source is not None and source != article.key) or article.id in seen_ids:
        article = Article(**{**article.__dict__, "id": document_id(article.text, salt=article.key)})
    seen_ids.add(article.id)
    return article


def _commit_batch(
    articles: list[Article],
    skips: list[Skipped],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools,
    report: BuildReport,
) -> None:
    if not articles and not skips:
        return
    analyses = analyze_batch(tools.nlp, articles, time_budget_s=options.time_budget) if articles else []
    parsed = [a for a in analyses if isinstance(a, Analysis) and a.doc is not None]
    tagged: dict[str, list[TaggedSpan]] = {}
    if tools.attribution_tagger is not None and parsed:
        try:
            with time_budget(options.time_budget * len(parsed), what="attribution tagging"):
                spans = tools.attribution_tagger.tag_many([a.article.text for a in parsed])
            tagged = dict(zip((a.article.id for a in parsed), spans, strict=True))
        except BudgetExceeded:
            tagged = {}  # the dependency rules alone for this batch
    with store.transaction():
        for skipped in skips:
            _record_skip(store, skipped, report)
        for result in analyses:
            if isinstance(result, Skipped):
                _record_skip(store, result, report)
            else:
                _store_analysis(store, result, tagged.get(result.article.id), options=options, tools=tools, report=report)


def _record_skip(store: Store, skipped: Skipped, report: BuildReport) -> None:
    store.forget_input_document(skipped.key)
    store.record_input(skipped.key, fingerprint=skipped.fingerprint, status="skipped", reason=skipped.reason)
    report.skipped.append(skipped)


def _store_analysis(
    store: Store, analysis: Analysis, tagged: list[TaggedSpan] | None, *, options: BuildOptions, tools: BuildTools, report: BuildReport
) -> None:
    article = analysis.article
    store.forget_input_document(article.key)
    if store.document_source(article.id) is not None:  # same text re-read under the same key
        store.record_input(article.key, fingerprint=article.fingerprint, status="document", document_id=article.id)
        report.unchanged += 1
        return
    try:
        # Extraction runs before anything is written, under the document's time budget: a
        # pathological text is skipped whole, never half stored, and never hangs the run.
        with time_budget(options.time_budget, what="extraction"):
            found = extract_document(article, analysis.doc, tools.lexicons, tagged=tagged, gazetteer=tools.gazetteer)
    except BudgetExceeded as exc:
        _record_skip(store, Skipped(article.key, str(exc), article.fingerprint), report)
        return
    except Exception as exc:  # noqa: BLE001 - one document's failure must not lose the rest of the run
        reason = f"extraction failed ({type(exc).__name__}: {exc}); please report this input"
        _record_skip(store, Skipped(article.key, reason, article.fingerprint), report)
        return
    shingles = fingerprint(article.text)
    duplicate_of, score = _near_duplicate(store, shingles.signature, shingles.bands, options.near_duplicate_threshold)
    store.add_document(Document(
        id=article.id, source=article.key, title=article.title, outlet=article.outlet, url=article.url, language=article.language,
        published_value=found.published.value, published_basis=found.published.basis,
        published_not_before=found.published_not_before, text=article.text, removed=tuple(article.removed),
        duplicate_of=duplicate_of, similarity=score,
    ))
    store.add_minhash(article.id, shingles.signature, shingles.bands)
    store.add_sentences(found.sentences)
    store.add_mentions(found.mentions)
    store.add_dates(found.dates)
    store.add_quantities(found.quantities)
    store.add_claims(found.claims)
    add_place_cues(store, found.place_cues)
    report.events += add_events(store, found.events)
    add_relations(store, found.relations)
    store.record_input(article.key, fingerprint=article.fingerprint, status="document", document_id=article.id)
    report.mentions += len(found.mentions)
    report.claims += len(found.claims)
    report.added += 1
    report.duplicates += duplicate_of is not None


def _near_duplicate(store: Store, signature: bytes, bands: tuple[bytes, ...], threshold: float) -> tuple[str | None, float | None]:
    """The earliest stored original this text nearly duplicates, with the estimated similarity."""
    for doc_id, other in store.minhash_candidates(bands):
        score = similarity(signature, other)
        if score >= threshold:
            return doc_id, round(score, 3)
    return None, None

"""The build: ingest -> analyze -> extract -> store, batch by batch, then resolve.

Each batch is one transaction, and each input's fingerprint is stored with its outcome, so a
killed build resumes where it stopped and a repeated build does nothing new. One bad input
never stops the others: whatever fails while one input is read, decoded, parsed, extracted
or stored becomes that input's skip reason, and the rest of its batch is committed. A skip
whose reason may have gone (a time budget overrun, a missing model, an internal error, a
limit) is tried again by the next build. One build at a time writes to a database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language

from claimgraph.analyze import Pipelines, load_pipeline_config
from claimgraph.analyze.engines import (
    Engine,
    Extracted,
    InProcess,
    Outcome,
    PipelineSettings,
    analyzed,
    usable_cores,
)
from claimgraph.config import BuildOptions
from claimgraph.errors import (
    BudgetExceeded,
    InputRejected,
    OverLimit,
    StoreError,
    internal_error_reason,
)
from claimgraph.extract.components import AttributionComponent
from claimgraph.extract.document import DocumentExtraction, ExtractionFailed, Lexicons
from claimgraph.extract.learned import AttributionTagger
from claimgraph.extract.timex import TimeLexicon, load_time_lexicon
from claimgraph.gazetteer import Gazetteer, open_gazetteer
from claimgraph.ingest import (
    Article,
    BoilerplateRules,
    InputUnit,
    LanguageIdentifier,
    Published,
    Reader,
    Skipped,
    all_readers,
    document_id,
    estimated_units,
    iter_input_files,
    iter_units,
    load_rules,
    prepare_article,
    reader_of_input,
)
from claimgraph.ingest.budget import time_budget
from claimgraph.ingest.dedup import Fingerprint, fingerprint, similarity
from claimgraph.ingest.readers import gives_excerpts, is_stream_key
from claimgraph.ingest.units import input_key
from claimgraph.progress import SILENT, Progress
from claimgraph.records import Document
from claimgraph.resolve.corpus import resolve_corpus
from claimgraph.resolve.reference_days import corpus_reference_days
from claimgraph.store import Store
from claimgraph.store.events import add_events
from claimgraph.store.places import add_place_cues
from claimgraph.store.read import get_document
from claimgraph.store.relations import add_relations


@dataclass
class BuildReport:
    """What one build did. `skipped` lists every input that did not become a document;
    `already_stored` the inputs whose article was stored from another input: a feed entry
    whose link or text is a stored article's, or one that the full article at its link
    superseded."""

    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    mentions: int = 0
    claims: int = 0
    events: int = 0
    entities: int | None = None  # None when entities did not need resolving again
    places: int | None = None  # geocoded place entities, when resolved again
    stored: list[str] = field(default_factory=list)  # ids of the documents this build stored, in order
    replaced: int = 0  # inputs read before whose bytes changed (their documents are replaced)
    skipped: list[Skipped] = field(default_factory=list)
    already_stored: list[Skipped] = field(default_factory=list)
    retried: int = 0  # unchanged inputs skipped before and read again (the reason may have gone)
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (input key, what reading it repaired)
    # Documents stored (and searchable) but not analysed: no pipeline for their language, by language.
    unanalysed: dict[str, int] = field(default_factory=dict)
    # Month-dated documents read again from the day the corpus gives them (resolve/reference_days.py).
    redated: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.added + self.unchanged + len(self.skipped) + len(self.already_stored)


@dataclass(frozen=True)
class BuildTools:
    """What a build loads once and passes down: the language pipelines (parse and extraction
    components), the ingest rules and the gazetteer."""

    pipelines: Pipelines
    boilerplate: BoilerplateRules
    languages: LanguageIdentifier
    time: TimeLexicon  # reads the dateline of an article no pipeline parses
    readers: dict[str, Reader]  # the registered input readers, by name
    gazetteer: Gazetteer | None = None  # None: places are found as the model labels them, not geocoded

    @classmethod
    def load(cls, options: BuildOptions, *, on_message: Callable[[str], None] = lambda _: None, progress: Progress = SILENT) -> BuildTools:
        gazetteer = open_gazetteer(options.gazetteer, on_build=on_message, steps=progress)
        return cls(
            pipelines=Pipelines(load_pipeline_config(), model=options.model, gazetteer=gazetteer.path),
            boilerplate=load_rules(),
            languages=LanguageIdentifier(),
            time=load_time_lexicon(),
            readers=all_readers(),
            gazetteer=gazetteer,
        )

    @property
    def nlp(self) -> Language:
        """The default language's pipeline (parser and extraction components)."""
        nlp = self.pipelines.for_language(self.pipelines.config.default_language)
        assert nlp is not None  # the default language is always declared
        return nlp

    @cached_property
    def lexicons(self) -> Lexicons:
        """The default language's lexicons, for code that calls the extraction families directly."""
        return Lexicons.load(self.pipelines.config.default_language)

    @property
    def attribution_tagger(self) -> AttributionTagger | None:
        component = self.nlp.get_pipe("claimgraph_attribution") if "claimgraph_attribution" in self.nlp.pipe_names else None
        return component.tagger if isinstance(component, AttributionComponent) else None


ProgressCallback = Callable[[str], None]
READING, PARSING = "reading", "parsing and extracting"  # the steps progress shows (inputs read, inputs stored)


def build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools | None = None,
    on_input: ProgressCallback | None = None,
    on_message: ProgressCallback = lambda _: None,
    progress: Progress = SILENT,
) -> BuildReport:
    """Add the articles under `paths` to `store`. `on_input` is called with each input key,
    `on_message` with notices (such as the gazetteer being built on first use); `progress`
    sees the steps (the gazetteer's building, reading, parsing, resolution) with their totals.
    Waits up to `options.lock_wait` seconds for another build of the same database to finish
    (DatabaseBusy after that)."""
    with store.build_lock(wait=options.lock_wait):
        return _locked_build(paths, store=store, options=options, tools=tools, on_input=on_input, on_message=on_message,
                             progress=progress)


def _locked_build(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools | None,
    on_input: ProgressCallback | None,
    on_message: Callable[[str], None],
    progress: Progress,
) -> BuildReport:
    tools = tools or BuildTools.load(options, on_message=on_message, progress=progress)
    paths = list(paths)
    expected = estimated_units(paths, tools.readers)
    progress.start(READING, total=expected, unit="input")
    progress.start(PARSING, total=expected, unit="input")
    report = BuildReport()
    links = StoredLinks(store)
    def read(key: str) -> None:
        progress.advance(READING)
        if on_input is not None:
            on_input(key)

    items = _articles(paths, store=store, options=options, tools=tools, report=report, on_input=read)
    batches = _batches(items, size=options.batch_size)
    with contextlib.closing(analyzed(batches, pipelines=tools.pipelines, workers=options.workers or usable_cores(),
                                     time_budget_s=options.time_budget, engine=_distributed(options, tools))) as analysed:
        for skips, outcomes in analysed:
            _commit_batch(outcomes, skips, store=store, options=options, tools=tools, report=report, links=links)
            progress.advance(PARSING, len(skips) + len(outcomes))
    progress.finish(READING)
    progress.finish(PARSING)
    if store.entities_stale():
        removed = report.replaced or report.already_stored  # a document may have gone (replaced, superseded): changes unknown
        report.entities, report.places = resolve_corpus(store, tools.gazetteer, not_place_names=tools.lexicons.places.not_place_names,
                                                        documents=None if removed else report.stored, progress=progress)
        # A month-dated article's weekdays, settled by the corpus's dated accounts of the same
        # happening: it is read again from its day, and the corpus resolved with its new dates.
        report.redated = _read_again_from_their_day(store, tools=tools, options=options)
        if report.redated:
            report.entities, report.places = resolve_corpus(store, tools.gazetteer, not_place_names=tools.lexicons.places.not_place_names,
                                                            progress=progress)
    return report


def _distributed(options: BuildOptions, tools: BuildTools) -> Callable[[], Engine] | None:
    """The engine of `--engine ray` (imported only then: Ray is an optional extra)."""
    if options.engine != "ray":
        return None
    from claimgraph.analyze.ray_engine import RayEngine

    settings = PipelineSettings.of(tools.pipelines)
    return lambda: RayEngine(settings, address=options.ray_address, workers=options.workers or None, time_budget_s=options.time_budget)


def _batches(items: Iterable[Article | Skipped], *, size: int) -> Iterator[tuple[list[Skipped], list[Article]]]:
    """The inputs in batches of `size` articles or skips, each stored in one transaction:
    (the skips, the articles to analyse)."""
    batch: list[Article] = []
    skips: list[Skipped] = []
    for item in items:
        if isinstance(item, Skipped):
            skips.append(item)
        else:
            batch.append(item)
        if len(batch) >= size or len(skips) >= size:
            yield skips, batch
            batch, skips = [], []
    if batch or skips:
        yield skips, batch


def _articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools,
    report: BuildReport,
    on_input: ProgressCallback | None,
) -> Iterator[Article | Skipped]:
    """Stream cleaned articles (and skips) from the inputs, passing over unchanged ones
    unless their last skip is to be retried."""
    seen_ids: set[str] = set()
    for found in iter_input_files(paths, tools.readers):
        if isinstance(found, Skipped):
            yield found
            continue
        try:
            for unit in iter_units(found, tools.readers, max_bytes=options.max_bytes):
                if on_input:
                    on_input(unit.key)
                if isinstance(unit, Skipped):
                    yield unit
                    continue
                state = store.input_state(unit.key)
                if state is not None and state.fingerprint == unit.fingerprint:
                    if not state.retry:
                        report.unchanged += 1
                        continue
                    report.retried += 1
                report.replaced += state is not None and state.fingerprint != unit.fingerprint
                article = _prepared(unit, options=options, tools=tools)
                yield article if isinstance(article, Skipped) else _with_unique_id(article, store=store, seen_ids=seen_ids)
        except (StoreError, sqlite3.Error):
            raise  # the database's failure is the build's, not this input's
        except Exception as exc:  # noqa: BLE001 - a reader that fails on one file fails that file alone
            yield Skipped(input_key(found), internal_error_reason(exc), retry=True)


def _prepared(unit: InputUnit, *, options: BuildOptions, tools: BuildTools) -> Article | Skipped:
    """One unit read, decoded and cleaned within its time budget, or the reason it was not:
    whatever goes wrong with one input is that input's skip reason."""
    try:
        with time_budget(options.time_budget, what="ingest"):
            return prepare_article(unit, readers=tools.readers, rules=tools.boilerplate, languages=tools.languages,
                                   max_chars=options.max_chars, max_line_chars=options.max_line_chars)
    except InputRejected as exc:
        return Skipped(unit.key, str(exc), unit.fingerprint, retry=isinstance(exc, (BudgetExceeded, OverLimit)))
    except Exception as exc:  # noqa: BLE001 - decoding and cleaning hostile bytes: any failure is this input's
        return Skipped(unit.key, internal_error_reason(exc), unit.fingerprint, retry=True)


def _with_unique_id(article: Article, *, store: Store, seen_ids: set[str]) -> Article:
    """An exact copy of a stored text from another input gets its own id (and becomes its duplicate)."""
    source = store.document_source(article.id)
    if (source is not None and source != article.key) or article.id in seen_ids:
        article = Article(**{**article.__dict__, "id": document_id(article.text, salt=article.key)})
    seen_ids.add(article.id)
    return article


class StoredLinks:
    """The stored documents by link, read from the store when an article with a link is
    first stored, then kept up to date by the build (a lookup by URL scans the table)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._by_url: dict[str, tuple[str, str]] | None = None

    def stored(self, url: str) -> tuple[str, str] | None:
        """(document id, input key) of the stored document at `url`, if it is still stored."""
        if self._by_url is None:
            self._by_url = self._store.document_links()
        found = self._by_url.get(url)
        return found if found is not None and self._store.document_source(found[0]) is not None else None

    def add(self, url: str | None, doc_id: str, key: str) -> None:
        """A document just stored (an original, not a near-duplicate), unless its link has one."""
        if url and self._by_url is not None and self.stored(url) is None:
            self._by_url[url] = (doc_id, key)


def _commit_batch(
    outcomes: list[Outcome],
    skips: list[Skipped],
    *,
    store: Store,
    options: BuildOptions,
    tools: BuildTools,
    report: BuildReport,
    links: StoredLinks,
) -> None:
    with store.transaction():
        for skipped in skips:
            _record_skip(store, skipped, report)
        for result in outcomes:
            if isinstance(result, Skipped):
                _record_skip(store, result, report)
            else:
                _store_or_skip(store, result, options=options, tools=tools, report=report, links=links)


def _record_skip(store: Store, skipped: Skipped, report: BuildReport, *, already_stored: bool = False) -> None:
    if not is_stream_key(skipped.key):  # a stream is not a file that changes: nothing of it is replaced
        store.forget_input_document(skipped.key)
    store.record_input(skipped.key, fingerprint=skipped.fingerprint, status="skipped", reason=skipped.reason, retry=skipped.retry)
    (report.already_stored if already_stored else report.skipped).append(skipped)


def _store_or_skip(store: Store, analysis: Extracted, *, options: BuildOptions, tools: BuildTools, report: BuildReport,
                   links: StoredLinks) -> None:
    """Store one analysed document inside a savepoint: if writing it fails (a value the
    database refuses), it is undone alone and skipped, and the batch goes on. The
    database's own failures (disk full, locked) are the build's: they propagate."""
    article = analysis.article
    superseded = len(report.already_stored)
    try:
        with store.savepoint():
            _store_analysis(store, analysis, options=options, tools=tools, report=report, links=links)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - one document's failure is its skip reason, not the batch's
        del report.already_stored[superseded:]  # an excerpt it superseded is back with the savepoint's rollback
        _record_skip(store, Skipped(article.key, internal_error_reason(exc), article.fingerprint, retry=True), report)


def _store_analysis(store: Store, analysis: Extracted, *, options: BuildOptions, tools: BuildTools, report: BuildReport,
                    links: StoredLinks) -> None:
    article = analysis.article
    if not is_stream_key(article.key):
        store.forget_input_document(article.key)
    note = "; ".join(article.notes) or None
    if store.document_source(article.id) is not None:  # same text re-read under the same key
        store.record_input(article.key, fingerprint=article.fingerprint, status="document", document_id=article.id, note=note)
        report.unchanged += 1
        return
    shingles = fingerprint(article.text)
    duplicate_of, score = _near_duplicate(store, shingles.signature, shingles.bands, options.near_duplicate_threshold)
    at_link = links.stored(article.url) if article.url else None
    if article.excerpt and (at_link is not None or duplicate_of is not None):
        _already_stored(store, article, at_link=at_link, duplicate_of=duplicate_of, report=report)
        return
    try:
        # The components extracted everything before anything is written: a document whose
        # extraction failed is skipped whole, never half stored.
        found = analysis.records(tools.time)
    except ExtractionFailed as exc:
        reason = f"extraction failed ({exc}); please report this input"
        _record_skip(store, Skipped(article.key, reason, article.fingerprint, retry=True), report)
        return
    if at_link is not None and gives_excerpts(reader_of_input(at_link[1], tools.readers)):
        _supersede(store, at_link[1], by=article.key, report=report)
        if duplicate_of == at_link[0]:  # it nearly duplicated the excerpt it replaces: compare again without it
            duplicate_of, score = _near_duplicate(store, shingles.signature, shingles.bands, options.near_duplicate_threshold)
    _add_document(store, article, found, shingles, duplicate_of=duplicate_of, score=score, note=note, report=report)
    if analysis.extraction is None and analysis.failure is None:
        report.unanalysed[article.language] = report.unanalysed.get(article.language, 0) + 1
    if duplicate_of is None:
        links.add(article.url, article.id, article.key)


def _add_document(store: Store, article: Article, found: DocumentExtraction, shingles: Fingerprint, *, duplicate_of: str | None,
                  score: float | None, note: str | None, report: BuildReport) -> None:
    """Write one document and everything extracted from it; `note`: what reading it repaired.
    The report counts it only once everything is written."""
    store.add_document(Document(
        id=article.id, source=article.key, title=article.title, outlet=article.outlet, url=article.url, language=article.language,
        published_value=found.published.value, published_basis=found.published.basis,
        published_not_before=found.published_not_before, text=article.text, removed=tuple(article.removed),
        duplicate_of=duplicate_of, similarity=score,
    ))
    store.add_minhash(article.id, shingles.signature, shingles.bands)
    events = _add_extraction(store, found)
    store.record_input(article.key, fingerprint=article.fingerprint, status="document", document_id=article.id, note=note)
    if note:
        report.repaired.append((article.key, note))
    report.events += events
    report.stored.append(article.id)
    report.mentions += len(found.mentions)
    report.claims += len(found.claims)
    report.added += 1
    report.duplicates += duplicate_of is not None


def _add_extraction(store: Store, found: DocumentExtraction) -> int:
    """Write what was extracted from one document; returns how many events were new."""
    store.add_sentences(found.sentences)
    store.add_mentions(found.mentions)
    store.add_dates(found.dates)
    store.add_quantities(found.quantities)
    store.add_claims(found.claims)
    add_place_cues(store, found.place_cues)
    events = add_events(store, found.events)
    add_relations(store, found.relations)
    return events


def _read_again_from_their_day(store: Store, *, tools: BuildTools, options: BuildOptions) -> list[str]:
    """The month-dated documents the corpus gives a reference day (resolve/reference_days.py),
    extracted again from that day; returns their ids. A document whose second reading fails,
    or whose records the database refuses, keeps its first."""
    articles = []
    for doc_id, day in corpus_reference_days(store).items():
        if (document := get_document(store, doc_id)) is not None:
            articles.append(Article(
                id=document.id, key=document.source, fingerprint=store.input_fingerprint(document.source) or "", text=document.text,
                title=document.title, url=document.url, outlet=document.outlet, language=document.language,
                published=Published(document.published_value, document.published_basis), removed=tuple(document.removed),
                reference_day=day))
    # Parsed before anything is written (few documents: those the corpus gave a day).
    extracted = [outcome for _, outcomes in InProcess(tools.pipelines, time_budget_s=options.time_budget).run([(None, articles)])
                 for outcome in outcomes if isinstance(outcome, Extracted) and outcome.extraction is not None and outcome.failure is None]
    redone = []
    with store.transaction():
        for outcome in extracted:
            assert outcome.extraction is not None
            try:
                with store.savepoint():
                    store.drop_extraction(outcome.article.id, published_not_before=outcome.extraction.published_not_before)
                    _add_extraction(store, outcome.extraction)
            except StoreError:
                raise
            except Exception:  # noqa: BLE001, S112 - a value the database refuses: the document keeps its first reading
                continue
            redone.append(outcome.article.id)
    return redone


def _already_stored(store: Store, article: Article, *, at_link: tuple[str, str] | None, duplicate_of: str | None,
                    report: BuildReport) -> None:
    """One article, one document: a feed entry (an excerpt) whose link or text is a stored
    article's is not stored again; recorded with the reason, so a later build passes over it."""
    why = f"its link is that of the stored {at_link[1]}" if at_link else f"its text is that of the stored {store.document_source(duplicate_of or '')}"
    _record_skip(store, Skipped(article.key, f"already stored: {why}", article.fingerprint), report, already_stored=True)


def _supersede(store: Store, excerpt_key: str, *, by: str, report: BuildReport) -> None:
    """The full article at an excerpt's link replaces it: the excerpt's document goes, and
    its input is recorded with the reason (and its fingerprint, so that reading the feed
    again does not bring it back)."""
    reason = f"superseded by the full article at its link, {by}"
    _record_skip(store, Skipped(excerpt_key, reason, store.input_fingerprint(excerpt_key)), report, already_stored=True)


def _near_duplicate(store: Store, signature: bytes, bands: tuple[bytes, ...], threshold: float) -> tuple[str | None, float | None]:
    """The earliest stored original this text nearly duplicates, with the estimated similarity."""
    for doc_id, other in store.minhash_candidates(bands):
        score = similarity(signature, other)
        if score >= threshold:
            return doc_id, round(score, 3)
    return None, None

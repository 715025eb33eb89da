"""Where the per-document stages run: in the build's own process, or in worker processes.

The per-document stages (the parse and the extraction components) are the build's cost; the
store has one writer, the build's own process. An engine takes the build's batches of
articles in order and gives back, in the same order, what extraction drew from each article
(`Extracted`) or why it was skipped: plain records, which cross a process boundary cheaply,
where a Doc would carry its vocabulary and the pipeline's state. Every batch is parsed as a
whole by one pipeline, exactly as in one process, so the records and their order do not
depend on the engine or the number of workers.

- `InProcess`: the build's process runs each batch (one core).
- `ProcessPool`: worker processes, each with its own pipelines, loaded once; a bounded
  number of batches is in flight, so memory stays flat however long the input.
- `analyze/ray_engine.py`: Ray actors on one machine or a cluster (optional extra `ray`).

Each worker keeps the per-document time budget: a batch that overruns is run again one
article at a time, so that only the slow article is skipped.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from claimgraph.analyze.nlp import Pipelines, analyze_batch, load_pipeline_config
from claimgraph.errors import ClaimgraphError, EngineNotAvailable, internal_error_reason
from claimgraph.extract.document import (
    DocumentExtraction,
    ExtractionFailed,
    extraction_of,
    unparsed_extraction,
)
from claimgraph.extract.timex import TimeLexicon
from claimgraph.ingest.records import Article, Skipped

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# Batches in flight per worker: enough to keep every worker busy while the build's process
# stores the batch before, few enough that memory does not grow with the input.
_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Extracted:
    """An article and the records its extraction drew (None: no pipeline for its language),
    or why extraction failed (`failure`): read when it is stored, so that an excerpt stored
    already is reported as such before any failure."""

    article: Article
    extraction: DocumentExtraction | None
    failure: str | None = None

    def records(self, time: TimeLexicon) -> DocumentExtraction:
        """The records to store; ExtractionFailed when a component failed on the article."""
        if self.failure is not None:
            raise ExtractionFailed(self.failure)
        return self.extraction if self.extraction is not None else unparsed_extraction(self.article, time)


Outcome = Extracted | Skipped


@dataclass(frozen=True)
class PipelineSettings:
    """What a worker needs to load the same pipelines as the build: the default language's
    model (None: the declared one) and the gazetteer file (None: without)."""

    model: str | None
    gazetteer: Path | None

    @classmethod
    def of(cls, pipelines: Pipelines) -> PipelineSettings:
        return cls(model=pipelines.model, gazetteer=pipelines.gazetteer)

    def load(self) -> Pipelines:
        return Pipelines(load_pipeline_config(), model=self.model, gazetteer=self.gazetteer)


def extract_batch(pipelines: Pipelines, articles: Sequence[Article], *, time_budget_s: float) -> list[Outcome]:
    """Parse and extract a batch (with the per-document budget) and read the records off each Doc."""
    outcomes: list[Outcome] = []
    for analysis in analyze_batch(pipelines, articles, time_budget_s=time_budget_s):
        if isinstance(analysis, Skipped):
            outcomes.append(analysis)
        elif analysis.doc is None:
            outcomes.append(Extracted(analysis.article, None))
        else:
            try:
                outcomes.append(Extracted(analysis.article, extraction_of(analysis.doc)))
            except ExtractionFailed as exc:
                outcomes.append(Extracted(analysis.article, None, failure=str(exc)))
            except Exception as exc:  # noqa: BLE001 - one document's failure is its skip reason, not the batch's
                article = analysis.article
                outcomes.append(Skipped(article.key, internal_error_reason(exc), article.fingerprint, retry=True))
    return outcomes


class Engine(Protocol):
    """Runs batches of articles through the per-document stages, yielding results in input order."""

    def run(self, batches: Iterable[tuple[T, Sequence[Article]]]) -> Iterator[tuple[T, list[Outcome]]]: ...

    def close(self) -> None: ...


class InProcess:
    """The build's own process parses each batch when the build reaches it."""

    def __init__(self, pipelines: Pipelines, *, time_budget_s: float) -> None:
        self._pipelines = pipelines
        self._budget = time_budget_s

    def run(self, batches: Iterable[tuple[T, Sequence[Article]]]) -> Iterator[tuple[T, list[Outcome]]]:
        for token, articles in batches:
            yield token, extract_batch(self._pipelines, articles, time_budget_s=self._budget) if articles else []

    def close(self) -> None:
        """Nothing to release: the pipelines belong to the build's tools."""


class ProcessPool:
    """Worker processes (started with `spawn`: no state of the build's process is inherited,
    the gazetteer's SQLite connection included), each loading the pipelines once."""

    def __init__(self, settings: PipelineSettings, *, workers: int, time_budget_s: float) -> None:
        self._budget = time_budget_s
        self._workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_load_worker, initargs=(settings,))

    def run(self, batches: Iterable[tuple[T, Sequence[Article]]]) -> Iterator[tuple[T, list[Outcome]]]:
        def submit(articles: Sequence[Article]) -> Future[list[Outcome]]:
            return self._pool.submit(_extract_in_worker, list(articles), self._budget)

        yield from in_order(batches, submit, window=self._workers * _IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Pending(Protocol[T_co]):
    def result(self) -> T_co: ...


def in_order(batches: Iterable[tuple[T, Sequence[Article]]], submit: Callable[[Sequence[Article]], _Pending[list[Outcome]]], *,
             window: int) -> Iterator[tuple[T, list[Outcome]]]:
    """Submit batches ahead, at most `window` in flight, and yield their results in input
    order (the store is written in the order a one-process build writes it)."""
    pending: deque[tuple[T, _Pending[list[Outcome]] | None]] = deque()
    for token, articles in batches:
        pending.append((token, submit(articles) if articles else None))
        if len(pending) >= window:
            yield _settled(pending.popleft())
    while pending:
        yield _settled(pending.popleft())


def _settled(item: tuple[T, _Pending[list[Outcome]] | None]) -> tuple[T, list[Outcome]]:
    token, future = item
    try:
        return token, future.result() if future is not None else []
    except BrokenProcessPool:
        raise EngineNotAvailable("a worker process ended without finishing its batch (out of memory, or killed); the build "
                                 "stored everything before it: run it again to resume, with --workers 1 to parse in one process") from None


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# A build of fewer batches than this runs in its own process: starting workers (each loads
# the model, about 2 s of a core) costs more than it saves on a few dozen articles.
POOL_AFTER_BATCHES = 3


def uses_workers(*, workers: int, batches: int) -> bool:
    """Whether a build with `workers` processes wanted, whose input holds at least `batches`
    batches (counted up to POOL_AFTER_BATCHES), parses in worker processes."""
    return workers > 1 and batches >= POOL_AFTER_BATCHES


def analyzed(batches: Iterable[tuple[T, Sequence[Article]]], *, pipelines: Pipelines, workers: int, time_budget_s: float,
             engine: Callable[[], Engine] | None = None) -> Generator[tuple[T, list[Outcome]], None, None]:
    """Run the batches through the per-document stages, in input order: in worker processes
    when `workers` > 1 and the input holds at least `POOL_AFTER_BATCHES` batches, else in this
    process; `engine` makes the engine to use whatever the input's length (Ray). The engine is
    closed when the batches are done or the caller stops."""
    batches = iter(batches)
    head = list(itertools.islice(batches, POOL_AFTER_BATCHES))
    chosen: Engine
    if engine is not None:
        chosen = engine()
    elif uses_workers(workers=workers, batches=len(head)):
        chosen = ProcessPool(PipelineSettings.of(pipelines), workers=workers, time_budget_s=time_budget_s)
    else:
        chosen = InProcess(pipelines, time_budget_s=time_budget_s)
    try:
        yield from chosen.run(itertools.chain(head, batches))
    finally:
        chosen.close()


# --- inside a worker process ------------------------------------------------------------------
# A worker's pipelines are its own state, set once by the pool's initializer in that process
# (never in the build's process) and read by every task it runs.
_worker_pipelines: list[Pipelines] = []
_ORPHAN_CHECK_S = 1.0


def _load_worker(settings: PipelineSettings) -> None:
    """Load the default language's pipeline while the build reads its first batches; a model
    that fails to load fails again in the first task, whose error the build then raises. A
    worker ends itself when the build's process is gone (killed: nothing else would stop it)."""
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True, name="claimgraph-orphan-watch").start()
    pipelines = settings.load()
    _worker_pipelines.append(pipelines)
    with contextlib.suppress(ClaimgraphError):
        pipelines.for_language(pipelines.config.default_language)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_ORPHAN_CHECK_S)
    os._exit(1)


def _extract_in_worker(articles: list[Article], time_budget_s: float) -> list[Outcome]:
    return extract_batch(_worker_pipelines[0], articles, time_budget_s=time_budget_s)

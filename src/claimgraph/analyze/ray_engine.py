"""The per-document stages on a Ray cluster: `claimgraph build --engine ray [--address ...]`.

Each Ray actor loads the pipelines once and parses and extracts whole batches, as a worker
process does (engines.py); the build's process submits a bounded number of batches ahead,
reads the results back in input order and stays the store's one writer, so the records are
those of a one-process build. Cross-document resolution runs after, in the build's process.

Without `address` a local Ray instance is started for the build (bound to 127.0.0.1) and
stopped after it; with one, the build joins that cluster as a driver. Every node needs
claimgraph installed and the gazetteer at the build's path (see the README). Ray is an
optional extra (`pip install 'claimgraph[ray]'`), imported only here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from claimgraph.analyze.engines import (
    Outcome,
    PipelineSettings,
    extract_batch,
    in_order,
)
from claimgraph.errors import EngineNotAvailable
from claimgraph.ingest.records import Article

T = TypeVar("T")

# Batches queued per actor, as for worker processes: every actor busy, memory flat.
_IN_FLIGHT_PER_ACTOR = 2


class _BatchWorker:
    """One Ray actor: the pipelines, loaded when the actor starts, and a batch at a time."""

    def __init__(self, settings: PipelineSettings) -> None:
        self._pipelines = settings.load()
        self._pipelines.for_language(self._pipelines.config.default_language)

    def extract(self, articles: list[Article], time_budget_s: float) -> list[Outcome]:
        return extract_batch(self._pipelines, articles, time_budget_s=time_budget_s)


class _Pending:
    """A Ray object reference, read like a future."""

    def __init__(self, ray: Any, ref: Any) -> None:
        self._ray, self._ref = ray, ref

    def result(self) -> list[Outcome]:
        found: list[Outcome] = self._ray.get(self._ref)
        return found


class RayEngine:
    """Batches parsed by Ray actors: `workers` of them (None: one per CPU of the cluster)."""

    def __init__(self, settings: PipelineSettings, *, address: str | None, workers: int | None, time_budget_s: float) -> None:
        self._ray = _import_ray()
        self._budget = time_budget_s
        self._started_here = not self._ray.is_initialized()
        if self._started_here:
            _connect(self._ray, address)
        count = workers or max(1, int(self._ray.cluster_resources().get("CPU", 1)))
        actor = self._ray.remote(num_cpus=1)(_BatchWorker)
        self._actors = [actor.remote(settings) for _ in range(count)]

    @property
    def workers(self) -> int:
        return len(self._actors)

    def run(self, batches: Iterable[tuple[T, Sequence[Article]]]) -> Iterator[tuple[T, list[Outcome]]]:
        turn = itertools.cycle(self._actors)

        def submit(articles: Sequence[Article]) -> _Pending:
            return _Pending(self._ray, next(turn).extract.remote(list(articles), self._budget))

        yield from in_order(batches, submit, window=len(self._actors) * _IN_FLIGHT_PER_ACTOR)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started_here:
            self._ray.shutdown()


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise EngineNotAvailable("--engine ray needs Ray: pip install 'claimgraph[ray]'") from None
    return ray


def _connect(ray: Any, address: str | None) -> None:
    """Join the cluster at `address`, or start a local instance on the loopback interface."""
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise EngineNotAvailable(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from None

"""A bounded load test of `claimgraph serve` on loopback: N concurrent clients, each sending
a fixed number of requests, the whole run stopped after a time limit. Shared by
tests/test_concurrency.py (100 clients in CI) and benchmarks/load_test.py (the long run).

Only 127.0.0.1 is ever a target (`serving` binds the app there)."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections import Counter
from dataclasses import dataclass

import httpx

PAGES = ("/api/documents?limit=10", "/api/entities?limit=10", "/api/claims?limit=10", "/api/events?limit=10", "/api/facts?limit=10",
         "/documents", "/entities", "/claims", "/", "/api/search?q=ships")


@dataclass(frozen=True)
class LoadReport:
    clients: int
    requests: int
    errors: int  # statuses other than 200, bodies that do not parse, failed connections
    statuses: dict[str, int]
    p50_ms: float
    p99_ms: float
    max_ms: float
    seconds: float


def run_load(base: str, *, clients: int, requests_per_client: int, limit_s: float = 120.0) -> LoadReport:
    """`clients` clients at once against `base` (a loopback URL), each sending
    `requests_per_client` requests over the pages in turn; stopped after `limit_s` seconds."""
    if not base.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError(f"a load test targets this machine only, not {base}")
    return asyncio.run(_load(base, clients=clients, requests_per_client=requests_per_client, limit_s=limit_s))


async def _load(base: str, *, clients: int, requests_per_client: int, limit_s: float) -> LoadReport:
    latencies: list[float] = []
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    gate = asyncio.Event()  # every client connects, then all start at once
    tasks = [asyncio.create_task(_client(base, number, requests_per_client, gate, latencies, outcomes)) for number in range(clients)]
    await asyncio.sleep(0.2)
    gate.set()
    _, pending = await asyncio.wait(tasks, timeout=limit_s)
    for task in pending:
        task.cancel()
        outcomes["unfinished"] += 1
    ordered = sorted(latencies) or [0.0]
    errors = sum(n for outcome, n in outcomes.items() if outcome != "200")
    return LoadReport(clients=clients, requests=len(latencies), errors=errors, statuses=dict(outcomes),
                      p50_ms=round(statistics.median(ordered) * 1000, 1), p99_ms=round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 1),
                      max_ms=round(ordered[-1] * 1000, 1), seconds=round(time.monotonic() - started, 1))


async def _client(base: str, number: int, count: int, gate: asyncio.Event, latencies: list[float], outcomes: Counter[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60.0) as client:
        await gate.wait()
        for index in range(count):
            path = PAGES[(number + index) % len(PAGES)]
            began = time.monotonic()
            try:
                response = await client.get(path)
                if response.status_code == 200 and path.startswith("/api/"):
                    json.loads(response.content)
                outcomes[str(response.status_code)] += 1
            except (httpx.HTTPError, ValueError) as exc:
                outcomes[type(exc).__name__] += 1
            latencies.append(time.monotonic() - began)

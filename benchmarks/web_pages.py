"""Median response time of each web page and API route on a built database, on the first
page of each list and deep in it.

    python benchmarks/web_pages.py --db bench.db [--repeat 15] [--port 8798]

Build the database first (the issue's reference is the 2,225-article BBC corpus:
`claimgraph build ../shared/data/bench/bbc_news_2225.jsonl --db bench.db`). Starts
`claimgraph serve`, requests every page REPEAT times over HTTP (loopback only, one request
at a time) and prints the median and the slowest time per page, against the 300 ms goal.
Deep pages are reached by following the lists' own `next` cursors (the API's `next_cursor`)
to about 90% of each list, so they are the pages a reader would get there. Not a test:
numbers vary by machine.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from claimgraph.present.background import serving

GOAL_MS = 300
LISTS = ("documents", "entities", "claims", "events", "facts", "contradictions", "timeline")


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def _deep(base: str, path: str, api: str, fraction: float = 0.9, most: int = 2000) -> str | None:
    """The URL of the page about `fraction` into a list: its cursor found by walking the
    API's cursors (500 records at a time), then the page's own `after`."""
    total = json.loads(_get(f"{base}/api/{api}?limit=1"))["total"]
    target = int(total * fraction)
    if target < 100:
        return None
    seen, cursor = 0, None
    for _ in range(most):
        query = f"{base}/api/{api}?limit=500&sort={_api_sort(path)}" + (f"&cursor={cursor}" if cursor else "")
        page = json.loads(_get(query))
        if seen + len(page["items"]) >= target or page["next_cursor"] is None:
            break
        seen += len(page["items"])
        cursor = page["next_cursor"]
    if cursor is None:
        return None
    return f"{path}?sort={_api_sort(path)}&after={cursor}"


def _api_sort(path: str) -> str:
    return {"/documents": "source", "/entities": "id", "/claims": "document", "/events": "document", "/facts": "id",
            "/contradictions": "type"}.get(path, "")


def _timeline_deep(base: str) -> str | None:
    """Follow the timeline's `next` links ten pages in."""
    path = "/timeline"
    for _ in range(10):
        found = re.search(rb'class="next" href="([^"]+)"', _get(base + path))
        if not found:
            return path if path != "/timeline" else None
        path = found.group(1).decode().replace("&amp;", "&")
    return path


def paths(db: Path, base: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        entity = connection.execute(
            "SELECT k.entity_id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
            "GROUP BY k.entity_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
        document = connection.execute("SELECT doc_id, id FROM claims ORDER BY length(text) DESC LIMIT 1").fetchone()
        fact = connection.execute("SELECT fact_id FROM fact_claims GROUP BY fact_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
        contradiction = connection.execute("SELECT id FROM contradictions LIMIT 1").fetchone()
    found = ["/", *(f"/{name}" for name in LISTS), "/claims?stance=deny", "/claims?sort=newest", "/events?sort=date",
             "/entities?sort=name", "/map", "/map/features.json", "/graph",
             "/search?q=" + urllib.parse.quote('"prime minister"'), "/search?in=claims&q=said", "/search?in=entities&q=Blair",
             "/api/claims?limit=50", "/api/events?limit=50", "/api/entities?limit=50", "/api/facts?limit=50",
             "/api/claims?limit=50&offset=40000", "/claims?format=csv&document=" + (document[0] if document else "")]
    if entity:
        found += [f"/entities/{entity[0]}", f"/graph?entity={entity[0]}", f"/claims?entity={entity[0]}"]
    if document:
        found.append(f"/documents/{document[0]}?claim={document[1]}")
    if fact:
        found.append(f"/facts/{fact[0]}")
    if contradiction:
        found.append(f"/contradictions/{contradiction[0]}")
    for name in LISTS:
        deep = _timeline_deep(base) if name == "timeline" else _deep(base, f"/{name}", name)
        if deep:
            found.append(deep)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--port", type=int, default=8798)
    args = parser.parse_args(argv)
    with serving(args.db, args.port, quiet=True) as base:
        print(f"{'page':<60}{'median ms':>10}{'max ms':>9}")
        medians = []
        for path in paths(args.db, base):
            shown = re.sub(r"(after|cursor)=[^&]+", r"\1=…", path)
            try:
                _get(base + path)  # once to warm what the app keeps (the town labels)
            except urllib.error.HTTPError as exc:  # a search stopped at its time limit answers 503
                print(f"{shown[:59]:<60}{'HTTP ' + str(exc.code):>19}", flush=True)
                continue
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                _get(base + path)
                times.append((time.perf_counter() - started) * 1000)
            median = statistics.median(times)
            medians.append(median)
            flag = "" if median < GOAL_MS else "  over the goal"
            print(f"{shown[:59]:<60}{median:>10.1f}{max(times):>9.1f}{flag}", flush=True)
        print(f"\nslowest median {max(medians):.1f} ms (goal: under {GOAL_MS} ms per page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Median response time of each web page and API route on a built database.

    python benchmarks/web_pages.py --db bench.db [--repeat 15] [--port 8798]

Build the database first (the issue's reference is the 2,225-article BBC corpus:
`claimgraph build ../shared/data/bench/bbc_news_2225.jsonl --db bench.db`). Starts
`claimgraph serve`, requests every page REPEAT times over HTTP and prints the median and
the slowest time per page, against the 300 ms goal. Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from claimgraph.present.background import serving

GOAL_MS = 300


def paths(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        entity = connection.execute(
            "SELECT k.entity_id FROM entity_keys k JOIN mentions m ON m.key = k.key AND m.type = k.type "
            "GROUP BY k.entity_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
        document = connection.execute("SELECT doc_id, id FROM claims ORDER BY length(text) DESC LIMIT 1").fetchone()
    found = ["/", "/timeline", "/map", "/graph", "/claims", "/contradictions", "/search?q=" + urllib.parse.quote('"prime minister"'),
             "/api/claims?limit=50", "/api/events?limit=50", "/api/entities?limit=50", "/api/facts?limit=50"]
    if entity:
        found.append(f"/entities/{entity[0]}")
    if document:
        found.append(f"/documents/{document[0]}?claim={document[1]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--port", type=int, default=8798)
    args = parser.parse_args(argv)
    with serving(args.db, args.port, quiet=True) as base:
        print(f"{'page':<48}{'median ms':>10}{'max ms':>9}")
        medians = []
        for path in paths(args.db):
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    response.read()
                times.append((time.perf_counter() - started) * 1000)
            median = statistics.median(times)
            medians.append(median)
            flag = "" if median < GOAL_MS else "  over the goal"
            print(f"{path[:47]:<48}{median:>10.1f}{max(times):>9.1f}{flag}")
        print(f"\nslowest median {max(medians):.1f} ms (goal: under {GOAL_MS} ms per page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The cross-source stage at scale: its share of the build time, and how much it reports.

    python benchmarks/cross_source.py [--limit 2225] [--db FILE] [--sample 10]

Builds the first LIMIT articles of ../shared/data/bench/bbc_news_2225.jsonl into a fresh
database (or reuses --db when it exists), then runs the corpus-level stages again, each
timed: entity resolution, geocoding, and facts with contradictions. Prints their share of
the build, the number of facts and contradictions by kind, and a sample of contradictions
to inspect (general news should yield few). Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.resolve.corpus import (
    country_lookup,
    geocode_places,
    resolve_store_entities,
)
from claimgraph.resolve.cross_source import resolve_facts
from claimgraph.store import iter_entities
from claimgraph.store.facts import iter_contradictions, iter_facts
from claimgraph.store.places import replace_places
from claimgraph.taxonomy import load_taxonomy

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bench" / "bbc_news_2225.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2225)
    parser.add_argument("--db", type=Path, help="database to build into (reused when it exists)")
    parser.add_argument("--sample", type=int, default=10, help="contradictions printed for inspection")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"benchmark corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    db = args.db or workdir / "bench.db"
    tools = BuildTools.load(BuildOptions())
    build_seconds = None
    if not db.exists():
        sample = workdir / "bench.jsonl"
        with CORPUS.open(encoding="utf-8") as source, sample.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(source, args.limit))
        with Store.open(db) as store:
            started = time.perf_counter()
            build([sample], store=store, options=BuildOptions(), tools=tools)
            build_seconds = time.perf_counter() - started
    with Store.open(db) as store:
        documents = store.connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        timings = {}
        started = time.perf_counter()
        resolve_store_entities(store, tools.gazetteer)
        timings["entities"] = time.perf_counter() - started
        started = time.perf_counter()
        places = geocode_places(list(iter_entities(store)), store, tools.gazetteer,
                                not_place_names=tools.lexicons.places.not_place_names)
        replace_places(store, places)
        timings["places"] = time.perf_counter() - started
        started = time.perf_counter()
        facts, contradictions = resolve_facts(store, country_lookup(tools.gazetteer), taxonomy=load_taxonomy())
        timings["facts and contradictions"] = time.perf_counter() - started
        print(f"{documents} documents" + (f", build {build_seconds:.1f} s ({documents / build_seconds:.1f} docs/s)" if build_seconds else ""))
        for stage, seconds in timings.items():
            share = f"  {seconds / build_seconds:6.1%} of the build" if build_seconds else ""
            print(f"  {stage:<26}{seconds:7.2f} s{share}")
        multi = sum(1 for fact in iter_facts(store) if len(fact.claims) >= 2)
        statuses = Counter(fact.status for fact in iter_facts(store))
        print(f"facts: {facts} ({multi} with two claims or more; {dict(statuses)})")
        kinds = Counter(c.type for c in iter_contradictions(store))
        print(f"contradictions: {contradictions} ({dict(kinds)}; {contradictions / max(documents, 1) * 100:.1f} per 100 articles)")
        for contradiction in itertools.islice(iter_contradictions(store), args.sample):
            print(f"  [{contradiction.type}] {contradiction.explanation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

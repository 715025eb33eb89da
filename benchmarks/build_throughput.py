"""Build throughput on the BBC benchmark corpus: documents per second, per model, and ratios.

    python benchmarks/build_throughput.py [--limit 300] [--models sm md]

Reads the first LIMIT articles of ../shared/data/bench/bbc_news_2225.jsonl (streamed into a
temporary JSONL file), builds a fresh database with each model, and prints docs/second and
the time share of each run relative to the first model. Not a test: numbers vary by machine.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, ModelNotAvailable, Store, build

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bench" / "bbc_news_2225.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BENCH)
    parser.add_argument("--limit", type=int, default=300, help="articles to build (default 300; 2225 for all)")
    parser.add_argument("--models", nargs="+", default=["sm", "md"])
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"benchmark corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.corpus.open("rb") as source, sample.open("wb") as target:
            target.writelines(itertools.islice(source, args.limit))
        results = []
        for model in args.models:
            options = BuildOptions(model=model)
            started = time.perf_counter()
            try:
                tools = BuildTools.load(options)
            except ModelNotAvailable as exc:
                print(f"skipping {model}: {exc}", file=sys.stderr)
                continue
            loaded = time.perf_counter()
            with Store.open(Path(tmp) / f"{model}.db") as store:
                report = build([sample], store=store, options=options, tools=tools)
            elapsed = time.perf_counter() - loaded
            results.append((model, report.added, elapsed, loaded - started, report.mentions))
    if not results:
        return 2
    base = results[0][2]
    print(f"{'model':<8}{'docs':>6}{'seconds':>10}{'docs/s':>9}{'load s':>8}{'mentions':>10}{'time ratio':>12}")
    for model, docs, elapsed, load, mentions in results:
        print(f"{model:<8}{docs:>6}{elapsed:>10.1f}{docs / elapsed:>9.1f}{load:>8.1f}{mentions:>10}{elapsed / base:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

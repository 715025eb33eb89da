"""Adding a few articles to a large database: the time it takes, against the size of the
addition and of the database.

    python benchmarks/incremental_add.py [--db base.db] [--base 2215] [--adds 1 10 100]

Builds the first BASE articles of ../shared/data/bench/bbc_news_2225.jsonl into a database
(or reuses --db, which must hold exactly those), then, for each N in ADDS, copies it and adds
the N articles that follow them, timing the build (reading, parsing, storing) and each step of
the corpus-level resolution (entities, places, facts). With --small it does the same on a
database of SMALL articles, so that the cost of an addition can be compared across database
sizes. The tools (model, gazetteer) are loaded once, outside the timings; the CLI's start-up
(about 2 s) is not counted. Not a test: numbers vary by machine and load.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bench" / "bbc_news_2225.jsonl"


class StepTimes:
    """A Progress that times each step."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.seconds: dict[str, float] = {}
        self.marks: list[tuple[str, float]] = []

    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        self.started[step] = time.perf_counter()
        self.marks.append((step, self.started[step]))

    def advance(self, step: str, done: int = 1) -> None:
        self.marks.append((step, time.perf_counter()))

    def finish(self, step: str) -> None:
        self.seconds[step] = time.perf_counter() - self.started[step]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="a database of the first BASE articles (built when missing)")
    parser.add_argument("--base", type=int, default=2215)
    parser.add_argument("--small", type=int, default=0, help="also add to a database of this many articles")
    parser.add_argument("--adds", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"benchmark corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    tools = BuildTools.load(BuildOptions())
    tools.nlp  # noqa: B018 - the model loaded once, outside the timings
    with tempfile.TemporaryDirectory(prefix="claimgraph-inc-") as tmp:
        work = Path(tmp)
        lines = CORPUS.read_bytes().splitlines(keepends=True)
        for size, db in ((args.base, args.db), (args.small, None)):
            if not size:
                continue
            base = _base(work, lines, size, db, tools)
            for count in args.adds:
                added = work / f"add-{size}-{count}.jsonl"
                added.write_bytes(b"".join(lines[size:size + count]))
                copy = work / f"copy-{size}-{count}.db"
                shutil.copy(base, copy)
                times = StepTimes()
                started = time.perf_counter()
                report = build([added], store=copy, options=BuildOptions(workers=1), tools=tools, progress=times)
                total = time.perf_counter() - started
                resolving = times.seconds.get("resolving entities, places, facts", 0.0)
                steps = _resolution_steps(times)
                print(f"add {count:>4} to {size:>5}: {total:6.1f} s  (read+parse+store {total - resolving:5.1f} s, resolution "
                      f"{resolving:5.1f} s: {steps})  {report.added} added")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _base(work: Path, lines: list[bytes], size: int, db: Path | None, tools: BuildTools) -> Path:
    if db is not None and db.exists():
        return db
    target = db or work / f"base-{size}.db"
    source = work / f"base-{size}.jsonl"
    source.write_bytes(b"".join(itertools.islice(lines, size)))
    started = time.perf_counter()
    with Store.open(target) as store:
        build([source], store=store, options=BuildOptions(workers=0), tools=tools)
    print(f"base of {size} articles built in {time.perf_counter() - started:.1f} s")
    return target


def _resolution_steps(times: StepTimes) -> str:
    """Entities, places, facts: the time between the resolution's marks."""
    marks = [t for step, t in times.marks if step.startswith("resolving")]
    names = ("entities", "places", "facts")
    return ", ".join(f"{name} {b - a:.1f} s" for name, a, b in zip(names, marks, marks[1:], strict=False))


if __name__ == "__main__":
    sys.exit(main())

"""Every core on one machine: the end-to-end build against a bare spaCy parse, in one run.

    python benchmarks/parallel_build.py [--limit 2225] [--workers 1 2] [--repeat 2] [--profile]

Reads the first LIMIT articles of ../shared/data/bench/bbc_news_2225.jsonl and, in turns
(interleaved, REPEAT rounds, so that a shared machine's load falls on every variant alike):

- `bare nlp.pipe(n_process=2)`: the default model alone (no extraction components), over the
  texts the build parses (the articles as ingest cleans them), the model already loaded;
- `build, N workers`: `claimgraph.build` into a fresh database with `workers=N`, end to end
  (reading, parsing and extraction in N worker processes that load their own model, storing,
  and the corpus-level resolution), the gazetteer already built.

Prints docs/s (the median of the rounds), the CPU seconds every variant used (its own and its
children's), the ratio of each build's time to the bare parse's, the machine (CPU, cores,
load average before and after) and, with --profile, where the build's process spends its
time (pyinstrument, if installed). Not a test: numbers vary by machine and load.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from claimgraph import BuildOptions, BuildTools, Store, build

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "bench" / "bbc_news_2225.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=2225)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to build with")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved rounds")
    parser.add_argument("--ray", type=int, nargs="*", default=[], help="also build with --engine ray and these worker counts")
    parser.add_argument("--no-bare", action="store_true", help="leave out the bare parse")
    parser.add_argument("--profile", action="store_true", help="profile the build's own process with pyinstrument")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"benchmark corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    print(machine())
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with args.corpus.open("rb") as source, sample.open("wb") as target:
            target.writelines(itertools.islice(source, args.limit))
        tools = BuildTools.load(BuildOptions())
        texts = cleaned_texts(sample, tools)
        nlp = bare_model(tools)
        variants: dict[str, Callable[[int], int]] = {}
        if not args.no_bare:
            variants["bare nlp.pipe(n_process=2)"] = lambda _: sum(1 for _ in nlp.pipe(texts, n_process=2))
        for workers in args.workers:
            variants[f"build, {workers} worker{'s' if workers > 1 else ''}"] = (
                lambda run, w=workers: build_into(Path(tmp) / f"w{w}-{run}.db", sample, tools, workers=w))
        for workers in args.ray:
            variants[f"build, Ray, {workers} worker{'s' if workers > 1 else ''}"] = (
                lambda run, w=workers: build_into(Path(tmp) / f"r{w}-{run}.db", sample, tools, workers=w, engine="ray"))
        timings: dict[str, list[tuple[float, float, int]]] = {name: [] for name in variants}
        for run in range(args.repeat):
            for name, variant in variants.items():
                timings[name].append(measured(lambda v=variant, r=run: v(r)))  # type: ignore[misc]
                print(f"  round {run + 1}: {name}: {timings[name][-1][0]:.1f} s", file=sys.stderr)
        report(timings)
        if args.profile:
            profile(sample, Path(tmp) / "profiled.db", tools, workers=max(args.workers))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"machine: {cpu}, {cores} cores usable, Python {platform.python_version()}, load average before: {load}"


def cleaned_texts(sample: Path, tools: BuildTools) -> list[str]:
    """The texts the build parses: each input read and cleaned as ingest does."""
    from claimgraph.ingest import Skipped, iter_units, prepare_article

    texts = []
    for unit in iter_units(sample, tools.readers, max_bytes=BuildOptions().max_bytes):
        if not isinstance(unit, Skipped):
            article = prepare_article(unit, readers=tools.readers, rules=tools.boilerplate, languages=tools.languages,
                                      max_chars=BuildOptions().max_chars)
            texts.append(article.text)
    return texts


def bare_model(tools: BuildTools) -> Language:
    """The default language's model alone, as spaCy loads it (no claimgraph component)."""
    from claimgraph.analyze import load_model

    config = tools.pipelines.config
    name = tools.pipelines.model or config.languages[config.default_language].model
    return load_model(config.aliases.get(name, name))


def build_into(db: Path, sample: Path, tools: BuildTools, *, workers: int, engine: str = "local") -> int:
    options = BuildOptions(workers=workers, engine=engine)
    with Store.open(db) as store:
        return build([sample], store=store, options=options, tools=tools).added


def measured(run: Callable[[], int]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process and its children, documents)."""
    before = _cpu()
    started = time.perf_counter()
    count = run()
    return time.perf_counter() - started, _cpu() - before, count


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def report(timings: dict[str, list[tuple[float, float, int]]]) -> None:
    bare = statistics.median(wall for wall, _, _ in next(iter(timings.values())))
    print(f"{'variant':<30}{'docs':>6}{'wall s':>9}{'docs/s':>8}{'CPU s':>8}{'x bare':>8}   (median of {len(next(iter(timings.values())))})")
    for name, runs in timings.items():
        wall = statistics.median(w for w, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        docs = runs[0][2]
        print(f"{name:<30}{docs:>6}{wall:>9.1f}{docs / wall:>8.1f}{cpu:>8.1f}{wall / bare:>8.2f}")


def profile(sample: Path, db: Path, tools: BuildTools, *, workers: int) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: no profile", file=sys.stderr)
        return
    profiler = Profiler()
    profiler.start()
    build_into(db, sample, tools, workers=workers)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    sys.exit(main())

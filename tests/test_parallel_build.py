"""Parsing and extraction in worker processes: the same records as one process, in the same
order, with the per-document time budget kept (real worker processes, the real model)."""

from __future__ import annotations

import io
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.analyze.engines import POOL_AFTER_BATCHES, ProcessPool, uses_workers
from claimgraph.export import export
from tests.conftest import write_article

PARAGRAPHS = [
    "The regional council of Dorval said on Monday that the bridge over the Lenne would reopen in March.",
    "Mayor Claire Aubin told Radio Horizon that repairs had cost 2.4 million euros.",
]


def _corpus(folder: Path, count: int) -> list[Path]:
    return [write_article(folder, f"a{i:02d}.txt", f"Bridge works in Dorval, part {i}", [*PARAGRAPHS, f"This is report number {i}."])
            for i in range(count)]


def _export_lines(db: Path) -> list[str]:
    out = io.StringIO()
    with Store.open(db) as store:
        export(store, "jsonl", out)
    return out.getvalue().splitlines()


def test_workers_store_what_one_process_stores_in_the_same_order(tmp_path: Path, build_tools: BuildTools, shared: Path) -> None:
    seeds = shared / "corpus" / "seeds"
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    build([seeds], store=one, options=BuildOptions(batch_size=1, workers=1), tools=build_tools)
    report = build([seeds], store=two, options=BuildOptions(batch_size=1, workers=2), tools=build_tools)

    assert report.added == len(list(seeds.glob("*.txt"))) >= POOL_AFTER_BATCHES  # enough batches for the pool
    assert _export_lines(two) == _export_lines(one)
    with Store.open(one) as first, Store.open(two) as second:
        order = "SELECT id FROM documents ORDER BY rowid"
        assert [r[0] for r in second.connection.execute(order)] == [r[0] for r in first.connection.execute(order)]


def test_a_slow_document_in_a_worker_is_skipped_alone(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _corpus(folder, 3)
    names = "\n".join(f"Minister Amadou Keita{i} said “we stay” according to Radio Horizon{i}." for i in range(1500))
    heavy = folder / "heavy.txt"
    heavy.write_text("A long transcript\n\n" + names + "\n", encoding="utf-8")

    report = build([folder], store=tmp_path / "t.db", options=BuildOptions(batch_size=1, workers=2, time_budget=2.0, max_chars=200_000),
                   tools=build_tools)  # over the time budget, under the length limit

    assert report.added == len(good)
    (skip,) = report.skipped
    assert skip.key == str(heavy.resolve()) and "time budget" in skip.reason


def test_results_come_back_in_input_order_however_long_each_batch_takes(build_tools: BuildTools, tmp_path: Path) -> None:
    """Batches of very different lengths, more of them than the workers hold in flight."""
    from claimgraph.analyze.engines import Extracted, PipelineSettings
    from claimgraph.ingest.records import Article, Published

    def article(i: int, sentences: int) -> Article:
        text = " ".join(f"Officials in Dorval said report {i} was ready ({j})." for j in range(sentences))
        return Article(id=f"d{i}", key=f"k{i}", fingerprint="", text=text, title=None, url=None, outlet=None, language="en",
                       published=Published())

    batches = [(i, [article(i, 200 if i % 3 == 0 else 1)]) for i in range(9)]
    pool = ProcessPool(PipelineSettings.of(build_tools.pipelines), workers=2, time_budget_s=20.0)
    try:
        results = list(pool.run(batches))
    finally:
        pool.close()
    assert [token for token, _ in results] == list(range(9))
    assert all(isinstance(outcome, Extracted) and outcome.article.id == f"d{token}" for token, (outcome,) in results)


def test_a_short_input_is_parsed_in_the_build_process() -> None:
    """Starting workers for fewer batches than POOL_AFTER_BATCHES would cost more than it saves."""
    assert not uses_workers(workers=2, batches=POOL_AFTER_BATCHES - 1)
    assert uses_workers(workers=2, batches=POOL_AFTER_BATCHES)
    assert not uses_workers(workers=1, batches=100)

"""`claimgraph build --engine ray`: the per-document stages on a real local Ray instance give
the records of a one-process build. Skipped where Ray is not installed (it is an optional
extra), unless CLAIMGRAPH_REQUIRE_RAY is set, as CI sets it."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.export import export


@pytest.fixture(scope="module")
def ray_installed() -> None:
    try:
        import ray  # noqa: F401
    except ImportError:
        if os.environ.get("CLAIMGRAPH_REQUIRE_RAY"):
            pytest.fail("CLAIMGRAPH_REQUIRE_RAY is set but Ray is not installed (pip install -e '.[ray]')")
        pytest.skip("Ray is not installed (the ray extra)")


def _export(db: Path) -> list[str]:
    out = io.StringIO()
    with Store.open(db) as store:
        export(store, "jsonl", out)
    return out.getvalue().splitlines()


def test_a_ray_build_of_the_seeds_stores_what_one_process_stores(ray_installed: None, tmp_path: Path, build_tools: BuildTools,
                                                                  shared: Path) -> None:
    seeds = shared / "corpus" / "seeds"
    build([seeds], store=tmp_path / "local.db", options=BuildOptions(workers=1), tools=build_tools)
    report = build([seeds], store=tmp_path / "ray.db", options=BuildOptions(engine="ray", workers=2, batch_size=2), tools=build_tools)

    assert report.added == 5 and not report.skipped
    assert _export(tmp_path / "ray.db") == _export(tmp_path / "local.db")

"""Fuzzed ingest: hostile bytes through every registered reader never crash or hang the
build; each is read or refused with a reason, and the good article beside them is stored.

A short run in CI (CLAIMGRAPH_FUZZ_EXAMPLES, default 150 per reader, 12 whole builds);
`python scripts/fuzz_ingest.py` runs the long one (hypothesis with a large budget, then
atheris coverage-guided): docs/reliability.md.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.ingest import all_readers
from claimgraph.ingest.readers.stdin import stream_units
from claimgraph.store import iter_documents

from .conftest import write_article
from .fuzz_inputs import (
    INPUTS,
    STDIN_MAX_BYTES,
    SUFFIX_OF,
    fuzzed_readers,
    read_one,
    read_stream,
    stdin_stream,
)

EXAMPLES = int(os.environ.get("CLAIMGRAPH_FUZZ_EXAMPLES", "150"))
BUILDS = max(3, EXAMPLES // 12)
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])


READERS = fuzzed_readers(all_readers())  # every registered reader that reads files, a later one included


def test_the_readers_of_this_repository_have_strategies_of_their_own() -> None:
    """A reader added later is fuzzed with any bytes until it brings its own strategy."""
    assert set(INPUTS) <= set(READERS)


@pytest.mark.parametrize("reader", sorted(READERS))
def test_hostile_bytes_are_read_or_refused_with_a_reason_by_every_reader(build_tools: BuildTools, reader: str) -> None:
    suffix, strategy = READERS[reader]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"

        @_SETTINGS
        @given(data=strategy)
        def check(data: bytes) -> None:
            path.write_bytes(data)
            articles, refusals = read_one(path, readers=build_tools.readers, rules=build_tools.boilerplate, languages=build_tools.languages)
            assert articles + refusals >= 1  # every input is accounted for, none dropped silently

        check()


def test_hostile_streams_on_standard_input_are_read_or_refused_with_a_reason(build_tools: BuildTools) -> None:
    @_SETTINGS
    @given(data=stdin_stream())
    def check(data: bytes) -> None:
        articles, refusals = read_stream(data, readers=build_tools.readers, rules=build_tools.boilerplate, languages=build_tools.languages)
        assert articles + refusals >= 1  # an empty stream is refused too, never passed over in silence

    check()


_KINDS = st.sampled_from(["text", "html", "json", "jsonl", "feed", "pdf", "docx", "fifo", "loop", "dangling", "folder_named_like_a_file"])


@settings(max_examples=BUILDS, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_KINDS, st.data()), min_size=1, max_size=4))
def test_a_build_over_hostile_files_stores_the_good_article_and_accounts_for_every_input(build_tools: BuildTools, inputs: list) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "in"
        good = write_article(folder, "good.txt", "Harbour Council Approves New Ferry Terminal",
                             ["The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront."])
        names = []
        for index, (kind, data) in enumerate(inputs):
            names.append(_make(folder, index, kind, data))
        with Store.open(Path(root) / "t.db") as store:
            report = build([folder], store=store, options=BuildOptions(time_budget=10.0, lock_wait=0), tools=build_tools)
            sources = {d.source for d in iter_documents(store)}
        assert str(good.resolve()) in sources
        # A feed entry whose article is stored from another input is accounted for apart (already_stored).
        accounted = sources | {s.key for s in report.skipped} | {s.key for s in report.already_stored} | {str(good.resolve())}
        for name in names:  # every input is a document (or several records of one) or a skip with its path
            assert any(key.startswith((str(folder / name), os.path.realpath(folder / name))) for key in accounted), (name, report)
        assert all(s.reason for s in report.skipped)


@settings(max_examples=max(2, BUILDS // 4), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(stream=stdin_stream())
def test_a_build_of_a_hostile_stream_on_standard_input_stores_the_good_article_and_accounts_for_every_line(
        build_tools: BuildTools, stream: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as root:
        good = write_article(Path(root) / "in", "good.txt", "Harbour Council Approves New Ferry Terminal",
                             ["The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront."])
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stream)))
        with Store.open(Path(root) / "t.db") as store:
            report = build(["-", good], store=store, options=BuildOptions(time_budget=10.0, lock_wait=0, max_bytes=STDIN_MAX_BYTES),
                           tools=build_tools)
            sources = {d.source for d in iter_documents(store)}
        assert str(good.resolve()) in sources
        units = {unit.key for unit in stream_units(io.BytesIO(stream), max_bytes=STDIN_MAX_BYTES)}
        assert units and units <= sources | {s.key for s in report.skipped}, report  # each line a document, or refused by its number
        assert all(s.reason for s in report.skipped)


def _make(folder: Path, index: int, kind: str, data: st.DataObject) -> str:
    """One hostile entry in the folder: a generated file, a FIFO, a symlink loop, a dangling
    link or a folder named like an article."""
    name = f"input{index}{SUFFIX_OF.get(kind, '.txt')}"
    path = folder / name
    if kind in INPUTS:
        path.write_bytes(data.draw(INPUTS[kind]))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(name)
    elif kind == "dangling":
        path.symlink_to("missing.txt")
    else:
        (path / "inside.txt").parent.mkdir()
        (path / "inside.txt").write_text("The mayor of Port Alder opened a library on Thursday afternoon, the council said.")
        return f"{name}/inside.txt"
    return name

"""Bad inputs are reported (path and reason) and skipped; the rest of the run completes.

Every build here also holds a good article, and each test asserts that it became a document.
Real files in tmp_path, the real pipeline, real SQLite, and the real console script.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path

import pytest

from claimgraph import (
    BudgetExceeded,
    BuildOptions,
    BuildReport,
    BuildTools,
    Store,
    build,
)
from claimgraph.ingest import Skipped
from claimgraph.ingest.budget import time_budget
from claimgraph.store import StoredDocument, iter_documents, store_stats

from .conftest import write_article

GOOD_TITLE = "Harbour Council Approves New Ferry Terminal"
GOOD_PARAGRAPHS = [
    "The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront, ending a two-year dispute over its cost.",
    "Mayor Helen Brandt said the terminal would open in 2026 and carry up to four thousand passengers a day between the mainland and the islands.",
]
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 4


def _good(folder: Path, name: str = "good.txt") -> Path:
    return write_article(folder, name, GOOD_TITLE, GOOD_PARAGRAPHS)


def _build(paths: list[Path], db: Path, tools: BuildTools, *, on_input=None, **options: object) -> tuple[BuildReport, list[StoredDocument]]:
    with Store.open(db) as store:
        report = build(paths, store=store, options=BuildOptions(**options), tools=tools, on_input=on_input)
        documents = list(iter_documents(store))
    return report, documents


def _skip_for(report: BuildReport, path: Path | str) -> Skipped:
    key = str(path.resolve()) if isinstance(path, Path) else path
    matches = [s for s in report.skipped if s.key == key]
    assert len(matches) == 1, f"expected one skip for {key}, got {report.skipped}"
    return matches[0]


def _assert_only_good_added(documents: list[StoredDocument], good: Path) -> None:
    assert [d.source for d in documents] == [str(good.resolve())]
    assert documents[0].title == GOOD_TITLE


_UNREADABLE = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\t\n  \r\n", "empty"),
    ("image.txt", PNG_BYTES, "binary"),
    ("latin1.txt", "Le caf\xe9 du port a rouvert lundi apr\xe8s deux mois de travaux.".encode("latin-1"), "not valid UTF-8"),
    ("controls.txt", b"data \x01\x02\x03\x04\x05\x06 block " * 40, "binary"),
    ("tags_only.html", b"<html><head></head><body><div><span></span><br/></div></body></html>", "no article text found in the HTML"),
    ("unclosed.html", b"<html><body><div><div><div><table><tr><td></td>", "no article text found in the HTML"),
    ("nul.html", b"<html>\x00\x00\x00<body>" + PNG_BYTES + b"</body></html>", "binary"),
    ("no_text_field.json", json.dumps({"title": "A Headline Without A Body", "url": "https://example.org/a"}).encode(), "no article text"),
    ("broken.json", b'{"title": "Cut off', "invalid JSON"),
]


@pytest.mark.parametrize(("name", "data", "reason"), _UNREADABLE, ids=[case[0] for case in _UNREADABLE])
def test_unreadable_file_is_skipped_with_its_path_and_reason_while_the_good_article_is_added(
    tmp_path: Path, build_tools: BuildTools, name: str, data: bytes, reason: str
) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    bad = folder / name
    bad.write_bytes(data)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1
    _assert_only_good_added(documents, good)
    assert reason in _skip_for(report, bad).reason


def test_file_over_max_bytes_is_skipped_naming_the_limit(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    huge = folder / "huge.txt"
    line = b"The quick brown fox jumped over the sleeping dog by the river bank on a warm morning. " * 20 + b"\n"
    with huge.open("wb") as out:
        for _ in range(50_000_000 // len(line) + 1):
            out.write(line)
    assert huge.stat().st_size > 50_000_000

    report, documents = _build([folder], tmp_path / "t.db", build_tools)  # max_bytes: the 10 MB default

    assert BuildOptions().max_bytes == 10_000_000
    _assert_only_good_added(documents, good)
    skip = _skip_for(report, huge)
    assert "10 MB limit" in skip.reason and "--max-bytes" in skip.reason
    assert "50.0 MB" in skip.reason


def test_malformed_jsonl_line_is_skipped_by_line_key_and_its_neighbours_are_added(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    first = {"title": "Library Opens In Port Alder", "maintext": "The mayor of Port Alder opened the town's first public library in thirty years on Thursday afternoon."}
    third = {"title": "Early Grape Harvest", "text": "Farmers near Berwick began the grape harvest two weeks earlier than usual after a hot and dry summer."}
    dump = folder / "dump.jsonl"
    dump.write_text(json.dumps(first) + "\n" + '{"title": "Broken", "maintext": "no closing brace"\n' + json.dumps(third) + "\n", encoding="utf-8")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    key = str(dump.resolve())
    assert report.added == 3
    assert {d.source for d in documents} == {str(good.resolve()), key + "#L1", key + "#L3"}
    (skip,) = report.skipped
    assert skip.key == key + "#L2"
    assert "JSON" in skip.reason


def test_file_deleted_during_the_run_is_skipped_as_vanished_and_the_others_are_added(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    a, b, c = (_good(folder, name) for name in ("a.txt", "b.txt", "c.txt"))
    b.write_text("Ferry Terminal Opens Early\n\nThe new ferry terminal at Port Alder opened a week early on Monday after builders finished ahead of schedule.\n")
    c.write_text("Museum Shows Old Shawls\n\nA new exhibition of nineteenth-century shawls opened at the Ravenna Folk Museum on Saturday afternoon.\n")
    seen: list[str] = []

    def delete_b_when_a_is_seen(key: str) -> None:
        seen.append(key)
        if key == str(a.resolve()):
            b.unlink()

    report, documents = _build([folder], tmp_path / "t.db", build_tools, on_input=delete_b_when_a_is_seen)

    assert seen == [str(p.resolve()) for p in (a, b, c)]
    assert {d.source for d in documents} == {str(a.resolve()), str(c.resolve())}
    assert report.added == 2
    reason = _skip_for(report, b).reason
    assert "vanished" in reason or "no such" in reason


def _pathological_text(megabytes: float) -> str:
    """Megabytes of distinct, varied sentences, one per line: slow to clean, under max_bytes."""
    rng = random.Random(20210930)
    subjects = ["The minister", "A local farmer", "The harbour authority", "Police in the capital", "The regional council", "An engineer at the plant"]
    verbs = ["said on Monday that", "confirmed that", "warned that", "denied reports that", "announced that"]
    objects = ["the bridge would reopen in spring", "water prices had risen sharply", "the vote was postponed again", "three schools were planned", "the harvest was small"]
    lines, size, number = [], 0, 0
    while size < megabytes * 1_000_000:
        line = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} (item {number})."
        lines.append(line)
        size += len(line) + 1
        number += 1
    return "\n".join(lines) + "\n"


def test_text_that_overruns_the_time_budget_is_skipped_while_a_small_article_in_the_same_run_is_added(tmp_path: Path, build_tools: BuildTools) -> None:
    # Margins measured on a 2-core machine: cleaning 6 MB of distinct lines takes ~4 s (16x the
    # 0.25 s budget), while the small article is cleaned in <1 ms and parsed in ~15 ms (~1/16).
    budget = 0.25
    folder = tmp_path / "in"
    good = _good(folder, "small.txt")
    big = folder / "big.txt"
    big.write_text(_pathological_text(6), encoding="utf-8")
    assert big.stat().st_size < BuildOptions().max_bytes

    report, documents = _build([folder], tmp_path / "t.db", build_tools, time_budget=budget)

    _assert_only_good_added(documents, good)
    assert report.added == 1
    (skip,) = report.skipped
    assert skip.key == str(big.resolve())
    assert "time budget" in skip.reason and f"{budget:g} s" in skip.reason


def test_time_budget_interrupts_a_catastrophically_backtracking_regex() -> None:
    with pytest.raises(BudgetExceeded, match="time budget"), time_budget(0.2, what="regex"):
        re.match(r"(a+)+$", "a" * 40 + "b")


def test_cli_build_reports_the_binary_file_on_stderr_and_exits_0(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    folder = tmp_path / "in"
    _good(folder)
    binary = folder / "scan.txt"
    binary.write_bytes(PNG_BYTES)

    result = subprocess.run([*claimgraph_cli, "build", str(folder), "--db", str(tmp_path / "t.db"), "--quiet"], capture_output=True, text=True, timeout=300, check=False)

    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
    assert "1 skipped" in result.stdout
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skip_lines) == 1
    assert str(binary.resolve()) in skip_lines[0] and "binary" in skip_lines[0]


def test_cli_build_exits_3_when_no_input_could_be_read(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(PNG_BYTES)
    (folder / "photo.png").write_bytes(PNG_BYTES)
    db = tmp_path / "t.db"

    result = subprocess.run([*claimgraph_cli, "build", str(folder), "--db", str(db), "--quiet"], capture_output=True, text=True, timeout=300, check=False)

    assert result.returncode == 3, (result.stdout, result.stderr)
    assert "0 added" in result.stdout and "3 skipped" in result.stdout
    for name in ("empty.txt", "scan.txt", "photo.png"):
        assert str((folder / name).resolve()) in result.stderr
    with Store.open(db) as store:  # the skips are recorded even though nothing was built
        stats = store_stats(store)
    assert (stats.documents, stats.skipped) == (0, 3)


def test_cli_stats_on_a_file_that_is_not_sqlite_exits_1_with_an_error(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    not_a_db = tmp_path / "x.db"
    not_a_db.write_text("these are notes, not a database\n" * 200, encoding="utf-8")

    result = subprocess.run([*claimgraph_cli, "stats", "--db", str(not_a_db)], capture_output=True, text=True, timeout=120, check=False)

    assert result.returncode == 1
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.stderr
    assert not_a_db.read_text(encoding="utf-8").startswith("these are notes")  # left untouched


# --- Hostile JSON and markup: each once escaped or slipped through (regression tests) ---


def test_deeply_nested_json_is_skipped_not_fatal(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    nested = folder / "nested.json"
    nested.write_bytes(b"[" * 100_000 + b"]" * 100_000)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    _assert_only_good_added(documents, good)
    assert "JSON" in _skip_for(report, nested).reason


def test_json_with_a_huge_integer_is_skipped_not_fatal(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    record = folder / "record.json"
    record.write_bytes(b'{"text": "The harbour board met on Monday to approve the plan.", "views": ' + b"9" * 5000 + b"}")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert good.resolve().as_posix() in {d.source for d in documents}
    assert report.read == 2


def test_empty_json_list_is_reported(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    empty = folder / "empty_list.json"
    empty.write_text("[]", encoding="utf-8")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    _assert_only_good_added(documents, good)
    _skip_for(report, empty)


def test_malformed_html_with_no_words_is_skipped(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    broken = folder / "broken.html"
    broken.write_bytes(b"<html><<<>>></div")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    _assert_only_good_added(documents, good)
    assert "HTML" in _skip_for(report, broken).reason


def test_a_document_that_overruns_its_budget_after_ingest_is_skipped_whole(tmp_path: Path, build_tools: BuildTools) -> None:
    """Parsing and extraction (mentions, claims, dates, quantities) run under the per-document
    budget too: a long run of names and quotes is skipped, and nothing of it is stored."""
    folder = tmp_path / "in"
    good = _good(folder)
    names = " ".join(f"Minister Amadou Keita{i} said “we stay” according to Radio Horizon{i}." for i in range(1500))
    heavy = folder / "heavy.txt"
    heavy.write_text("A long transcript\n\n" + names + "\n", encoding="utf-8")
    report, documents = _build([folder], tmp_path / "t.db", build_tools, time_budget=2.0)
    _assert_only_good_added(documents, good)
    skip = _skip_for(report, heavy)
    assert "time budget" in skip.reason
    with Store.open(tmp_path / "t.db") as store:
        orphans = store.connection.execute("SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0

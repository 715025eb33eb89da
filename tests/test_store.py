"""The store: migrations, incremental and idempotent builds, and resuming a killed build."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, StoreError, build
from claimgraph.records import Contradiction, Fact
from claimgraph.store import iter_documents, search_documents, store_stats
from claimgraph.store.facts import iter_contradictions, iter_facts, replace_facts
from claimgraph.store.migrate import migrations
from claimgraph.store.read import MATCH_END, MATCH_START, bracketed

from .conftest import write_article

PARAGRAPHS = [
    "The harbour authority of Port Elster said on Monday that two cargo ships had been held at anchor for a week.",
    "According to the shipping minister, Clara Voss, the ships carried fertiliser bound for the northern provinces.",
]


def _corpus(folder: Path, count: int) -> list[Path]:
    return [
        write_article(folder, f"article_{i:03d}.txt", f"Ship number {i} held at Port Elster", [f"Ship {i} was inspected by customs officers in the morning of day {i}.", *PARAGRAPHS[:1], f"Officials counted {i} containers."])
        for i in range(count)
    ]


def test_a_new_database_is_migrated_to_the_newest_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db") as store:
        version = store.connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert version == migrations()[-1][0]
    assert {"documents", "inputs", "mentions", "entities", "documents_fts"} <= tables


def _database_at(path: Path, version: int) -> None:
    """A claimgraph database as an older claimgraph left it: migrations up to `version` only."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for number, sql in migrations():
            if number <= version:
                connection.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")


def test_an_old_database_with_kinds_in_checks_upgrades_keeping_facts_and_takes_a_new_kind(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _database_at(db, 12)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("INSERT INTO facts VALUES ('fct_1', 'deployment by Ruvia', 'corroborated', '[\"A\", \"B\"]')")
        connection.executemany("INSERT INTO fact_claims VALUES ('fct_1', ?, ?)", [("clm_a", 0), ("clm_b", 1)])
        connection.execute("INSERT INTO fact_events VALUES ('fct_1', 'evt_a')")
        connection.execute("INSERT INTO contradictions VALUES ('ctr_1', 'numeric', 'clm_a', 'clm_b', 'Two figures.', 'fct_1')")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):  # what the old schema refused
            connection.execute("INSERT INTO contradictions VALUES ('ctr_2', 'new_kind', 'clm_a', 'clm_b', 'New.', NULL)")
    with Store.open(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == migrations()[-1][0] >= 13
        (fact,) = iter_facts(store)
        assert (fact.id, fact.status, fact.independent_origins, fact.claims) == ("fct_1", "corroborated", ("A", "B"), ("clm_a", "clm_b"))
        assert store.connection.execute("SELECT event_id FROM fact_events WHERE fact_id = 'fct_1'").fetchall()[0][0] == "evt_a"
        replace_facts(store, [Fact("fct_2", "x", ("clm_a",), (), (), "disputed")],
                      [*iter_contradictions(store), Contradiction("ctr_2", "new_kind", "clm_a", "clm_b", "New.", "fct_2")])
        assert [(c.id, c.type) for c in iter_contradictions(store)] == [("ctr_2", "new_kind"), ("ctr_1", "numeric")]
        assert [f.status for f in iter_facts(store)] == ["disputed"]
        store.connection.execute("DELETE FROM facts")  # the tables that refer to facts still follow it
        assert store.connection.execute("SELECT COUNT(*) FROM fact_claims").fetchone()[0] == 0


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not claimgraph"):
        Store.open(other)


def test_building_the_same_folder_twice_adds_nothing(tmp_path: Path, build_tools) -> None:
    _corpus(tmp_path / "in", 3)
    with Store.open(tmp_path / "kb.db") as store:
        first = build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        counts_after_first = store_stats(store)
        second = build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        counts_after_second = store_stats(store)
    assert (first.added, first.unchanged) == (3, 0)
    assert (second.added, second.unchanged, second.skipped) == (0, 3, [])
    assert second.entities is None  # nothing changed, so entities were not resolved again
    assert counts_after_second == counts_after_first


def test_adding_one_file_processes_only_that_file(tmp_path: Path, build_tools) -> None:
    _corpus(tmp_path / "in", 2)
    with Store.open(tmp_path / "kb.db") as store:
        build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        write_article(tmp_path / "in", "late.txt", "A late report from Port Elster", PARAGRAPHS)
        seen: list[str] = []
        report = build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools, on_input=seen.append)
        sources = [d.source for d in iter_documents(store)]
    assert (report.added, report.unchanged) == (1, 2)
    assert len(seen) == 3  # every input is looked at (fingerprint), only one is parsed
    assert sum(s.endswith("late.txt") for s in sources) == 1 and len(sources) == 3


def test_a_changed_file_replaces_its_document(tmp_path: Path, build_tools) -> None:
    path = write_article(tmp_path / "in", "story.txt", "Ships held at Port Elster", PARAGRAPHS)
    with Store.open(tmp_path / "kb.db") as store:
        build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        write_article(tmp_path / "in", "story.txt", "Ships released at Port Elster", [PARAGRAPHS[1], "The ships left on Friday."])
        report = build([path], store=store, options=BuildOptions(), tools=build_tools)
        documents = list(iter_documents(store))
        mentions_of_old = store.connection.execute("SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert report.added == 1
    assert [d.title for d in documents] == ["Ships released at Port Elster"]
    assert mentions_of_old == 0


def test_full_text_search_finds_a_phrase(tmp_path: Path, build_tools) -> None:
    write_article(tmp_path / "in", "story.txt", "Ships held at Port Elster", PARAGRAPHS)
    with Store.open(tmp_path / "kb.db") as store:
        build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        hits = search_documents(store, '"cargo ships"')
        misses = search_documents(store, "submarine")
    assert len(hits) == 1 and f"{MATCH_START}cargo{MATCH_END}" in hits[0][2]
    assert "[cargo]" in bracketed(hits[0][2])
    assert misses == []


def test_a_build_killed_mid_run_resumes_without_loss_or_duplication(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    """A real `claimgraph build` subprocess is SIGKILLed after some batches have committed."""
    count = 60
    _corpus(tmp_path / "in", count)
    db = tmp_path / "kb.db"
    command = [*claimgraph_cli, "build", str(tmp_path / "in"), "--db", str(db), "--batch-size", "2", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        committed = _documents_in(db)
        if committed >= 4:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 4 <= committed < count, "the kill did not land mid-run; make the corpus larger"

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)

    assert resumed.returncode == 0, resumed.stderr
    with Store.open(db) as store:
        sources = [d.source for d in iter_documents(store)]
        inputs = store.connection.execute("SELECT COUNT(*) FROM inputs WHERE status = 'document'").fetchone()[0]
    assert len(sources) == count and len(set(sources)) == count
    assert inputs == count
    added, unchanged = _summary_counts(resumed.stdout)
    assert unchanged >= committed  # what the killed run committed was kept, not redone
    assert added + unchanged == count


def _documents_in(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet, or locked for a moment
        return 0


def _summary_counts(summary: str) -> tuple[int, int]:
    """(added, unchanged) from the build summary line 'read N inputs: A added, U unchanged, ...'."""
    match = re.search(r"(\d+) added, (\d+) unchanged", summary)
    assert match, summary
    return int(match.group(1)), int(match.group(2))


def test_stats_count_claims_denials_dates_and_quantities(tmp_path: Path, build_tools) -> None:
    write_article(tmp_path / "in", "story.txt", "Ships held at Port Elster", [*PARAGRAPHS, "Ruvia and Zembla deny that 40 ships were held last week."])
    with Store.open(tmp_path / "kb.db") as store:
        build([tmp_path / "in"], store=store, options=BuildOptions(), tools=build_tools)
        stats = store_stats(store)
    assert stats.claims >= 3 and stats.denials == 2  # one denial per speaker
    assert stats.attributed_claims >= 3
    assert stats.dates >= 2 and stats.quantities >= 1


def test_dropping_a_documents_extraction_clears_every_table_extraction_fills(tmp_path: Path) -> None:
    from claimgraph.store.db import _EXTRACTED_TABLES

    with Store.open(tmp_path / "kb.db") as store:
        per_document = {row[0] for row in store.connection.execute(
            "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'doc_id'")}
    # A new table of a document's records must be listed, or a second reading would leave the first's rows.
    assert per_document - {"minhashes", "minhash_bands"} == set(_EXTRACTED_TABLES)

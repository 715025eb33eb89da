"""Skips are retried when their reason may have gone (a time budget overrun under load, a
missing model, an internal error, a limit), and `claimgraph skipped` lists them; a skip
whose reason is in the bytes (binary, empty) is final until the input changes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.query import iter_skipped_inputs

from .conftest import SHIP_PARAGRAPHS, write_article


def test_a_budget_overrun_is_retried_by_the_next_build_and_a_binary_file_is_not(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    scan = folder / "scan.txt"
    scan.write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        build([folder], store=store, options=BuildOptions(), tools=build_tools)
    article = write_article(folder, "ships.txt", "Ships Held At Port Elster", SHIP_PARAGRAPHS)

    with Store.open(db) as store:
        first = build([folder], store=store, options=BuildOptions(time_budget=0.000_001), tools=build_tools)  # "under load"
        skipped = {s.key: s for s in iter_skipped_inputs(store)}
    assert (first.added, first.unchanged, len(first.skipped)) == (0, 1, 1)
    assert skipped[str(article.resolve())].retry and "time budget" in skipped[str(article.resolve())].reason
    assert not skipped[str(scan.resolve())].retry and "binary" in skipped[str(scan.resolve())].reason

    with Store.open(db) as store:
        second = build([folder], store=store, options=BuildOptions(), tools=build_tools)
        left = list(iter_skipped_inputs(store))
    assert (second.retried, second.added, second.unchanged) == (1, 1, 1)  # the binary file is unchanged and stays skipped
    assert [s.key for s in left] == [str(scan.resolve())]

    with Store.open(db) as store:
        third = build([folder], store=store, options=BuildOptions(), tools=build_tools)
    assert (third.retried, third.added, third.unchanged) == (0, 0, 2)


def test_cli_says_how_many_it_retried_and_skipped_lists_them(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    folder = tmp_path / "in"
    write_article(folder, "ships.txt", "Ships Held At Port Elster", SHIP_PARAGRAPHS * 30)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "t.db"
    run = lambda *args: subprocess.run([*claimgraph_cli, *args], capture_output=True, text=True, timeout=300, check=False)

    first = run("build", str(folder), "--db", str(db), "--quiet", "--max-chars", "1000")
    listed = run("skipped", "--db", str(db))
    as_json = run("skipped", "--db", str(db), "--json")
    second = run("build", str(folder), "--db", str(db), "--quiet")

    assert first.returncode == 3 and "2 skipped" in first.stdout
    assert listed.returncode == 0, listed.stderr
    lines = sorted(listed.stdout.splitlines())
    assert lines[0].startswith("final") and "empty.txt: empty file" in lines[0]
    assert lines[1].startswith("retry") and "ships.txt: text has" in lines[1] and "(--max-chars)" in lines[1]
    assert "2 skipped inputs (1 to retry on the next build)" in listed.stderr
    records = sorted((json.loads(line) for line in as_json.stdout.splitlines()), key=lambda r: r["key"])
    assert [(r["kind"], Path(r["key"]).name, r["retry"]) for r in records] == [("skipped", "empty.txt", False), ("skipped", "ships.txt", True)]
    assert "(--max-chars)" in records[1]["reason"]
    assert second.returncode == 0 and "1 added" in second.stdout and "1 skipped before and retried" in second.stdout

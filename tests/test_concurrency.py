"""Concurrency: `claimgraph serve` answers correctly while `claimgraph build` writes to the
same database (WAL: readers never wait for the writer), and under 100 concurrent clients on
loopback with no error (p50 and p99 reported). Real processes, a real server on 127.0.0.1,
real HTTP; every request loop is bounded in count and time. Two builds at once:
tests/test_databases.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.present.background import serving

from .conftest import write_ship_corpus
from .load_harness import run_load

CLIENTS = int(os.environ.get("CLAIMGRAPH_LOAD_CLIENTS", "100"))
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(base: str, path: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.status, response.read()


def test_serve_answers_correctly_while_a_build_writes_to_its_database(tmp_path: Path, claimgraph_cli: list[str], build_tools: BuildTools) -> None:
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        build([write_ship_corpus(tmp_path / "first", 2)], store=store, options=BuildOptions(), tools=build_tools)
    more = write_ship_corpus(tmp_path / "more", 40, start=2)
    totals, failures, requests = [], [], 0
    with serving(db, _free_port(), quiet=True) as base:
        writer = subprocess.Popen([*claimgraph_cli, "build", str(more), "--db", str(db), "--quiet", "--batch-size", "2"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            finished = writer.poll() is not None
            for path in ("/api/documents?limit=5", "/api/claims?limit=5", "/documents", "/api/search?q=ships"):
                requests += 1
                try:
                    status, body = _get(base, path)
                except OSError as exc:
                    failures.append(f"{path}: {exc}")
                    continue
                if status != 200:
                    failures.append(f"{path}: {status}")
                elif path.startswith("/api/documents"):
                    totals.append(json.loads(body)["total"])
            if finished:
                break
        out, err = writer.communicate(timeout=60)

    assert writer.returncode == 0 and "40 added" in out, err
    assert failures == [] and requests >= 20, failures[:5]
    assert totals == sorted(totals) and totals[0] >= 2 and totals[-1] == 42  # whole batches appear, never a half-written one
    assert len(set(totals)) >= 3  # the build was seen progressing


def test_a_hundred_concurrent_clients_get_answers_without_error(tmp_path: Path, build_tools: BuildTools) -> None:
    db = tmp_path / "kb.db"
    with Store.open(db) as store:
        build([write_ship_corpus(tmp_path / "in", 12)], store=store, options=BuildOptions(), tools=build_tools)

    with serving(db, _free_port(), quiet=True) as base:
        report = run_load(base, clients=CLIENTS, requests_per_client=3, limit_s=120)

    print(f"load: {report}")
    assert report.requests == CLIENTS * 3 and report.errors == 0, report
    assert report.p50_ms > 0 and report.p99_ms >= report.p50_ms

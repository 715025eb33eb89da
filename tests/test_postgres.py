"""PostgreSQL (`--db postgresql://...`) behaves as SQLite does: a real server (tests/pg_server.py).

Which tests run on both backends, and why these: the whole suite twice would double CI's
2.5 minutes. The statements are written once (store/dialect.py translates them), so what
can differ is each statement's meaning in PostgreSQL; these tests reach every reader with
equal inputs on both and compare the answers:

- the seeds built on SQLite, on PostgreSQL and by Ray actors into PostgreSQL export the
  same records (every table the export reads, entities and facts included);
- the web app's JSON API and its lists' JSON downloads over the demo, every list with its
  sorts, filters, facets and cursors, answer the same on both; every page renders;
- the analyst's corrections (merge, split) give the same entities on both;
- the CLI end to end on PostgreSQL: build (twice: the second adds nothing), export,
  validate, stats, search, brief, and `serve` answering over HTTP;
- PostgreSQL's own text search: words, phrases, diacritics, snippets, pages; time limits.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from claimgraph import BuildOptions, BuildTools, Store, StoreError, build
from claimgraph.export import export
from claimgraph.present.app import create_app
from claimgraph.present.web import AppSettings
from claimgraph.query import corrections, iter_entities
from claimgraph.query.limits import QueryCancelled, time_limit
from claimgraph.query.search_text import parse_terms, search_documents_page
from tests.pg_server import fresh_schema

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "docs" / "demo"


def _export(target: str | Path) -> list[str]:
    out = io.StringIO()
    with Store.open(target) as store:
        export(store, "jsonl", out)
    return out.getvalue().splitlines()


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory: pytest.TempPathFactory, build_tools: BuildTools, postgres_server: str) -> Iterator[tuple[Path, str]]:
    """The demo built into SQLite and into PostgreSQL."""
    sqlite = tmp_path_factory.mktemp("pg") / "demo.db"
    with fresh_schema(postgres_server) as url:
        for target in (sqlite, url):
            report = build([DEMO], store=target, options=BuildOptions(), tools=build_tools)
            assert report.added >= 6 and not report.skipped
        yield sqlite, url


@pytest.fixture(scope="module")
def clients(demo_pair: tuple[Path, str]) -> Iterator[tuple[TestClient, TestClient]]:
    sqlite, url = demo_pair
    with TestClient(create_app(AppSettings(db_path=sqlite)), base_url="http://127.0.0.1") as a, \
            TestClient(create_app(AppSettings(db_path=url)), base_url="http://127.0.0.1") as b:
        yield a, b


def test_sqlite_postgresql_and_ray_builds_of_the_seeds_export_the_same_records(tmp_path: Path, build_tools: BuildTools, shared: Path,
                                                                               postgres_url: str, postgres_server: str) -> None:
    _require_ray()
    seeds = shared / "corpus" / "seeds"
    build([seeds], store=tmp_path / "seeds.db", options=BuildOptions(), tools=build_tools)
    build([seeds], store=postgres_url, options=BuildOptions(), tools=build_tools)
    with fresh_schema(postgres_server) as ray_url:
        build([seeds], store=ray_url, options=BuildOptions(engine="ray", workers=2, batch_size=2), tools=build_tools)
        by_ray = _export(ray_url)
    on_sqlite = _export(tmp_path / "seeds.db")

    assert len(on_sqlite) > 400
    assert _export(postgres_url) == on_sqlite
    assert by_ray == on_sqlite


def _require_ray() -> None:
    try:
        import ray  # noqa: F401
    except ImportError:
        if os.environ.get("CLAIMGRAPH_REQUIRE_RAY"):
            pytest.fail("CLAIMGRAPH_REQUIRE_RAY is set but Ray is not installed")
        pytest.skip("Ray is not installed (the ray extra)")


API = ["/api/documents", "/api/entities", "/api/entities?sort=name", "/api/claims", "/api/claims?stance=deny", "/api/claims?sort=newest",
       "/api/events", "/api/events?sort=date", "/api/facts", "/api/facts?sort=origins", "/api/contradictions",
       "/claims?format=json", "/events?format=json&type=ATTACK", "/entities?format=json&sort=name", "/documents?format=json",
       "/facts?format=json", "/contradictions?format=json", "/timeline?format=json", "/map/features.json"]


@pytest.mark.parametrize("path", API)
def test_the_api_answers_the_same_on_sqlite_and_postgresql(clients: tuple[TestClient, TestClient], path: str) -> None:
    on_sqlite, on_postgres = (client.get(path) for client in clients)
    assert on_sqlite.status_code == on_postgres.status_code == 200, on_postgres.text
    if path.startswith("/map"):  # the map's features, a set: places mentioned equally often come in either order
        assert sorted(map(json.dumps, _body(on_postgres)["features"])) == sorted(map(json.dumps, _body(on_sqlite)["features"]))
    else:
        assert _body(on_postgres) == _body(on_sqlite)


@pytest.mark.parametrize("query", ["helicopters", '"combat helicopters"', "Kessa army", "Ruvia", "12"])
def test_search_finds_the_same_documents_on_both(clients: tuple[TestClient, TestClient], query: str) -> None:
    """The same documents match (ranked by bm25 in SQLite, ts_rank_cd in PostgreSQL: the
    order of close scores, and the snippets' windows, may differ), every snippet marked."""
    found = []
    for client in clients:
        reply = client.get("/api/search", params={"q": query})
        assert reply.status_code == 200, reply.text
        items = reply.json()["items"]
        assert all("[" in item["snippet"] for item in items), items
        found.append(sorted(item["doc"] for item in items))
    assert found[0] == found[1] and found[0]


def _body(reply: httpx.Response) -> Any:
    if "json" in reply.headers.get("content-type", "") and not reply.text.lstrip().startswith("{\"kind\""):
        return reply.json()
    return [json.loads(line) for line in reply.text.splitlines() if line.strip()]


def test_list_pages_filters_facets_and_cursors_are_the_same(clients: tuple[TestClient, TestClient]) -> None:
    for path in ("/api/claims?limit=3", "/api/entities?limit=4&sort=name", "/api/events?limit=2&sort=date"):
        pages = []
        for client in clients:
            seen, reply = [], client.get(path).json()
            while True:
                seen.append([item["id"] for item in reply["items"]])
                if not reply.get("next_cursor") or len(seen) > 50:
                    break
                reply = client.get(f"{path}&cursor={reply['next_cursor']}").json()
            pages.append(seen)
        assert pages[0] == pages[1] and len(pages[0]) > 1


PAGES = ["/", "/documents", "/entities", "/claims", "/events", "/facts", "/contradictions", "/timeline", "/map", "/graph",
         "/search?q=helicopters", "/brief"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_on_postgresql(clients: tuple[TestClient, TestClient], path: str) -> None:
    reply = clients[1].get(path)
    assert reply.status_code == 200, reply.text[:500]


def test_entity_document_fact_and_contradiction_pages_render_on_postgresql(clients: tuple[TestClient, TestClient]) -> None:
    _, client = clients
    for kind in ("entities", "documents", "facts", "contradictions"):
        first = client.get(f"/api/{kind}").json()["items"][0]["id"]
        assert client.get(f"/{kind}/{first}").status_code == 200


def test_corrections_give_the_same_entities_on_both(tmp_path: Path, build_tools: BuildTools, postgres_url: str) -> None:
    sqlite = tmp_path / "demo.db"
    results = []
    for target in (sqlite, postgres_url):
        build([DEMO], store=target, options=BuildOptions(), tools=build_tools)
        with Store.open(target) as store:
            first, second = sorted((e for e in iter_entities(store) if e.type == "GPE"), key=lambda e: e.id)[:2]
            gazetteer = build_tools.gazetteer.path if build_tools.gazetteer else None
            merged = corrections.merge_entities(store, first.id, second.id, gazetteer_path=gazetteer)
            corrections.split_entity(store, merged, [second.aliases[0]], gazetteer_path=gazetteer)
            results.append(sorted((e.id, e.name, e.aliases) for e in iter_entities(store)))
    assert results[0] == results[1]


def test_the_cli_builds_exports_searches_briefs_and_serves_postgresql(tmp_path: Path, claimgraph_cli: list[str], postgres_url: str) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*claimgraph_cli, *args], capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr
        return done

    assert "added" in run("build", str(DEMO), "--db", postgres_url, "--quiet").stdout
    assert " 0 added" in run("build", str(DEMO), "--db", postgres_url, "--quiet").stdout  # nothing new the second time
    run("export", "--db", postgres_url, "--format", "jsonl", "-o", str(tmp_path / "kb.jsonl"))
    run("validate", str(tmp_path / "kb.jsonl"))
    assert "documents" in run("stats", "--db", postgres_url).stdout
    assert "[helicopters]" in run("search", "helicopters", "--db", postgres_url).stdout.lower()
    run("brief", "--db", postgres_url, "-o", str(tmp_path / "brief.md"))
    assert "[" in (tmp_path / "brief.md").read_text(encoding="utf-8")
    _serve_and_fetch(claimgraph_cli, postgres_url)


def _serve_and_fetch(claimgraph_cli: list[str], url: str) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([*claimgraph_cli, "serve", "--db", url, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("claimgraph serve did not answer")
        assert reply.status_code == 200 and reply.json()["items"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_postgresql_text_search_reads_words_phrases_and_diacritics(tmp_path: Path, build_tools: BuildTools, postgres_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {"a.txt": "Talks in Zürich\n\nThe Côte d'Ivoire delegation met Dmitry Zorov in Zürich on Monday to discuss al-Qaeda.",
             "b.txt": "Зоров в Москве\n\nДмитрий Зоров заявил, что переговоры продолжатся.",
             "c.txt": "Harbour works\n\nThe harbour authority said the works would cost 3,000 dollars more."}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    build([folder], store=postgres_url, options=BuildOptions(), tools=build_tools)
    build([folder], store=tmp_path / "kb.db", options=BuildOptions(), tools=build_tools)

    for query, expected in (("zurich", 1), ('"cote d ivoire"', 1), ("Зоров", 1), ("al-Qaeda", 1), ("3,000", 1), ("harbour works", 1),
                            ("delegation harbour", 0)):
        found = []
        for target in (postgres_url, tmp_path / "kb.db"):
            with Store.open(target) as store:
                hits, page = search_documents_page(store, parse_terms(query))
                found.append(sorted(hit.id for hit in hits))
                assert page.total == len(hits) == expected, (query, target)
                assert all("\ue000" in hit.snippet and "\ue001" in hit.snippet for hit in hits), hits
        assert found[0] == found[1], query


def test_a_long_query_on_postgresql_stops_at_its_time_limit(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        started = time.monotonic()
        with pytest.raises(QueryCancelled), time_limit(store, 0.3):
            store.connection.execute("SELECT pg_sleep(5)")
        assert time.monotonic() - started < 3
        assert store.connection.execute("SELECT 1").fetchone()[0] == 1  # the connection is usable after


def test_an_unreachable_server_is_a_store_error_that_hides_the_password() -> None:
    with pytest.raises(StoreError) as raised:
        Store.open("postgresql://someone:s3cret@127.0.0.1:1/none?connect_timeout=3")
    assert "s3cret" not in str(raised.value) and "***" in str(raised.value)


def test_a_database_of_something_else_is_refused(postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as other:
        other.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="something else"):
        Store.open(postgres_url)


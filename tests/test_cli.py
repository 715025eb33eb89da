"""The command line as users of sqlite-utils, datasette and spaCy expect it: JSON lines from
every list command (the web API's records, field for field), unknown filter values as
errors that list the valid ones, one name per option, `python -m claimgraph`, and the demo
that ships in docs/demo/ finding a corroboration and contradictions.

The database is the demo corpus, built once with the real pipeline; the commands run
in-process (click's runner) and the API answers through FastAPI's in-process client.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.cli import cli
from claimgraph.present.app import create_app
from claimgraph.present.web import AppSettings

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "docs" / "demo"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, build_tools: BuildTools) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(db) as store:
        report = build([DEMO], store=store, options=BuildOptions(), tools=build_tools)
    assert report.added >= 6 and (report.skipped, report.already_stored) == ([], []), report  # the articles, and a feed's two entries
    return db


@pytest.fixture(scope="module")
def api(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(AppSettings(db_path=demo_db)), base_url="http://127.0.0.1") as client:
        yield client


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _json_lines(*args: str) -> list[dict[str, Any]]:
    result = _run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _api(client: TestClient, path: str) -> list[dict[str, Any]]:
    reply = client.get(path, params={"limit": 500})
    assert reply.status_code == 200, reply.text
    items: list[dict[str, Any]] = reply.json()["items"]
    return items


def test_the_demo_finds_a_corroboration_and_contradictions(demo_db: Path) -> None:
    facts = _json_lines("facts", "--db", str(demo_db), "--status", "corroborated")
    contradictions = _json_lines("contradictions", "--db", str(demo_db))

    arms = [f for f in facts if f["about"].startswith("arms transfer by Ruvia")]
    assert len(arms) == 1 and len(arms[0]["independent_origins"]) == 2
    assert {c["type"] for c in contradictions} >= {"numeric", "assert_vs_deny"}
    tolls = [c for c in contradictions if c["type"] == "numeric" and c["slot"] == "killed"]
    assert any("at least 45" in c["values"] for c in tolls), tolls  # the army's toll against a lower one
    assert all(c["caveat"] and 0 < c["strength"] < 1 for c in tolls)  # told days apart, one figure a bound
    shown = _run("contradictions", "--db", str(demo_db), "--type", "numeric", "--min-strength", "0.5").stdout
    assert "Desert Courier | the Malian army" in shown and "Niger Post | Niger Post" in shown
    assert "Sahel Wire | a local official" not in shown  # 12 soldiers may be among 20 to 30 people killed: no conflict
    assert "killed: '" in shown and "'at least 45'" in shown
    assert "caveat: told" in shown
    assert _run("contradictions", "--db", str(demo_db), "--type", "numeric", "--min-strength", "0.9").stdout == ""


@pytest.mark.parametrize(("command", "path"), [
    (["claims"], "/api/claims"),
    (["events"], "/api/events"),
    (["facts", "--min-claims", "1"], "/api/facts"),
    (["contradictions"], "/api/contradictions"),
])
def test_list_commands_print_the_api_records_as_json_lines(demo_db: Path, api: TestClient, command: list[str], path: str) -> None:
    printed = _json_lines(*command, "--db", str(demo_db))

    assert printed and printed == _api(api, path)


def test_filters_and_limits_apply_to_json_lines(demo_db: Path, api: TestClient) -> None:
    denials = _json_lines("claims", "--db", str(demo_db), "--stance", "deny")
    attacks = _json_lines("events", "--db", str(demo_db), "--type", "attack", "--limit", "2")

    assert denials == [c for c in _api(api, "/api/claims") if c["stance"] == "deny"] and denials
    assert attacks == [e for e in _api(api, "/api/events") if e["type"] == "ATTACK"][:2]


def test_entities_show_prints_the_api_entity_records(demo_db: Path, api: TestClient) -> None:
    (printed,) = _json_lines("entities", "show", "--db", str(demo_db), "Kessa Brigade")

    assert printed == next(e for e in _api(api, "/api/entities") if e["id"] == printed["id"])
    assert printed["name"] == "Kessa Brigade" and printed["mentions"]


def test_search_prints_the_api_search_hits(demo_db: Path, api: TestClient) -> None:
    printed = _json_lines("search", "--db", str(demo_db), "helicopters")

    assert printed == api.get("/api/search", params={"q": "helicopters"}).json()["items"] and len(printed) >= 2


def test_stats_prints_one_json_record(demo_db: Path, api: TestClient) -> None:
    (stats,) = _json_lines("stats", "--db", str(demo_db), "--top", "3")

    assert stats["kind"] == "stats" and stats["documents"] == len(_api(api, "/api/documents"))
    assert (stats["skipped"], stats["skipped_inputs"]) == (0, [])
    assert [set(e) for e in stats["top_entities"]] == [{"name", "type", "mentions"}] * 3


@pytest.mark.parametrize(("args", "valid"), [
    (["events", "--type", "NOPE"], "'ATTACK', 'MASS_KILLING'"),
    (["events", "--status", "nope"], "'happened'"),
    (["claims", "--stance", "maybe"], "'deny'"),
    (["facts", "--status", "disputed"], "'contested'"),
    (["contradictions", "--type", "numbers"], "'assert_vs_deny'"),
    (["export", "--format", "xlsx"], "'acled', 'csv', 'ftm', 'geojson'"),
])
def test_an_unknown_filter_value_is_an_error_listing_the_valid_ones(demo_db: Path, args: list[str], valid: str) -> None:
    result = _run(*args, "--db", str(demo_db))

    assert result.exit_code == 2
    assert "Invalid value" in result.stderr and valid in result.stderr and result.stdout == ""


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_an_option_for_the_same_thing_has_the_same_name_in_every_command() -> None:
    names: dict[str, set[str]] = {}
    for _, command in _commands(cli):
        for param in command.params:
            if isinstance(param, click.Option) and param.name:
                names.setdefault(param.name, set()).add("/".join(param.opts))
    assert names["gazetteer_path"] == {"--gazetteer"}
    assert names["db_path"] == {"--db"}
    assert names["as_json"] == {"--json"}
    assert all(len(opts) == 1 for opts in names.values()), names


def test_every_list_command_has_json_output() -> None:
    listing = [("stats",), ("skipped",), ("claims",), ("events",), ("facts",), ("contradictions",), ("entities", "show"), ("search",)]
    commands = dict(_commands(cli))
    for path in listing:
        assert "as_json" in {p.name for p in commands[path].params}, path


def test_python_dash_m_claimgraph_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "claimgraph", "--help"], capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and "build" in result.stdout

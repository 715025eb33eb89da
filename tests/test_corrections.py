"""The analyst's corrections through the web API and the CLI: both hand them to the library
(`claimgraph.query.corrections`, then `claimgraph.resolve.corrections`) and turn its
`CorrectionRefused` into an HTTP 400/404 or exit status 2 with the message."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.errors import CorrectionRefused
from claimgraph.present.app import create_app
from claimgraph.present.web import AppSettings
from claimgraph.query import Store, find_entity_ids, iter_claims, record_counts
from claimgraph.resolve import corrections as library

from .conftest import build_news

with warnings.catch_warnings():  # starlette's notice that it prefers httpx2 (httpx is pinned)
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

AUTH = {"Authorization": "Bearer secret"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    return build_news(tmp_path_factory.mktemp("corrections"), build_tools, [
        ("Sahel Daily", "Ruvia sends troops",
         "Ruvia deployed 300 troops to Gao, officials said. Amadou Keita said the Vantor Group trained the soldiers."),
        ("Niamey Post", "Talks", "Keita said the talks with Kessa had failed."),
    ])


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "kb.db"
    with closing(sqlite3.connect(built)) as src, closing(sqlite3.connect(copy)) as dst:
        src.backup(dst)
    return copy


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(AppSettings(db_path=db, token="secret")), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Every call the front ends make to the library, passed on to it."""
    seen: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    for name in ("merge_entities", "split_entity", "review_claim"):
        real = getattr(library, name)

        def spy(*args: Any, _name: str = name, _real: Any = real, **kwargs: Any) -> Any:
            seen.append((_name, args[1:], kwargs))
            return _real(*args, **kwargs)

        monkeypatch.setattr(library, name, spy)
    return seen


def _refuse(monkeypatch: pytest.MonkeyPatch, name: str, message: str) -> None:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise CorrectionRefused(message)

    monkeypatch.setattr(library, name, refused)


def _ids(db: Path, *names: str) -> list[str]:
    with Store.open(db) as store:
        return [find_entity_ids(store, name)[0] for name in names]


def _entities(db: Path) -> int:
    with Store.open(db) as store:
        return record_counts(store)["entities"]


# The web API ------------------------------------------------------------------------------------


def test_the_api_merges_and_splits_through_the_library(client: TestClient, db: Path, calls: list) -> None:
    ruvia, vantor = _ids(db, "Ruvia", "Vantor Group")
    before = _entities(db)
    answer = client.post("/api/entities/merge", json={"first": ruvia, "second": vantor}, headers=AUTH)
    assert answer.status_code == 200 and answer.json()["merged"] == [ruvia, vantor]
    assert calls[-1][0] == "merge_entities" and calls[-1][1] == (ruvia, vantor) and calls[-1][2]["note"] == "web app"
    assert _entities(db) == before - 1
    (merged,) = _ids(db, "Vantor Group")
    answer = client.post("/api/entities/split", json={"entity": merged, "alias": "vantor group"}, headers=AUTH)
    assert answer.status_code == 200 and (answer.json()["split"], answer.json()["from"]) == ("vantor group", merged)
    assert calls[-1][0] == "split_entity" and calls[-1][1] == (merged, ["vantor group"])
    assert _entities(db) == before


def test_the_api_answers_404_for_unknown_records_and_400_for_refusals(client: TestClient, db: Path, calls: list) -> None:
    ruvia, = _ids(db, "Ruvia")
    unknown = client.post("/api/entities/merge", json={"first": ruvia, "second": "ent_unknown"}, headers=AUTH)
    assert (unknown.status_code, unknown.json()["detail"]) == (404, "no entity ent_unknown")
    same = client.post("/api/entities/merge", json={"first": ruvia, "second": ruvia}, headers=AUTH)
    assert (same.status_code, same.json()["detail"]) == (400, "these are one entity already")
    for alias in ("Zorov", "Ruvia"):  # not a spelling of it; its only spelling
        split = client.post("/api/entities/split", json={"entity": ruvia, "alias": alias}, headers=AUTH)
        assert (split.status_code, split.json()["detail"]) == (400, f"{alias!r} is not a spelling that can be taken out of {ruvia}")
    review = client.post("/api/claims/clm_unknown/review", headers=AUTH)
    assert (review.status_code, review.json()["detail"]) == (404, "no claim clm_unknown")
    assert [name for name, _, _ in calls] == ["split_entity"], "only what the front end cannot check reaches the library"
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM entity_corrections").fetchone() == (0,)


def test_the_api_turns_the_librarys_refusal_into_400(client: TestClient, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruvia, vantor = _ids(db, "Ruvia", "Vantor Group")
    _refuse(monkeypatch, "merge_entities", "the library says no")
    answer = client.post("/api/entities/merge", json={"first": ruvia, "second": vantor}, headers=AUTH)
    assert (answer.status_code, answer.json()["detail"]) == (400, "the library says no")


def test_the_api_reviews_a_claim_through_the_library(client: TestClient, db: Path, calls: list,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db) as store:
        claim = next(iter_claims(store)).id
    answer = client.post(f"/api/claims/{claim}/review", headers=AUTH)
    assert answer.status_code == 200 and answer.json() == {"reviewed": claim}
    assert calls == [("review_claim", (claim,), {})]
    _refuse(monkeypatch, "review_claim", f"no claim {claim}")
    answer = client.post(f"/api/claims/{claim}/review", headers=AUTH)
    assert (answer.status_code, answer.json()["detail"]) == (404, f"no claim {claim}")


# The CLI ----------------------------------------------------------------------------------------


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli, ["entities", *args])


def test_the_cli_merges_and_splits_through_the_library(db: Path, calls: list) -> None:
    before, pair = _entities(db), tuple(_ids(db, "Ruvia", "Vantor Group"))
    merged = _cli("merge", "--db", str(db), "Ruvia", "Vantor Group", "--note", "one firm")
    assert merged.exit_code == 0, merged.output
    assert calls[-1][0] == "merge_entities" and calls[-1][1] == pair and calls[-1][2]["note"] == "one firm"
    assert f"{before - 1} entities (" in merged.stderr and "merged 'Ruvia' and 'Vantor Group'" in merged.stderr
    split = _cli("split", "--db", str(db), "Ruvia", "--alias", "Vantor Group")
    assert split.exit_code == 0, split.output
    assert calls[-1][0] == "split_entity" and calls[-1][1][1] == ("Vantor Group",)
    assert f"{before} entities (" in split.stderr and "split 'Vantor Group' from 'Ruvia'" in split.stderr


def test_the_cli_checks_names_itself_and_exits_2_when_the_library_refuses(db: Path, monkeypatch: pytest.MonkeyPatch,
                                                                         calls: list) -> None:
    assert _cli("merge", "--db", str(db), "Keita", "Amadou Keita").exit_code == 1  # one entity already
    assert _cli("merge", "--db", str(db), "Zorov", "Ruvia").exit_code == 1  # no such name
    assert _cli("split", "--db", str(db), "Ruvia", "--alias", "Zorov").exit_code == 1
    assert calls == []
    _refuse(monkeypatch, "merge_entities", "the library says no")
    _refuse(monkeypatch, "split_entity", "the library says no to a split")
    merge = _cli("merge", "--db", str(db), "Ruvia", "Vantor Group")
    assert merge.exit_code == 2 and "Error: the library says no" in merge.stderr
    split = _cli("split", "--db", str(db), "Amadou Keita", "--alias", "Keita")
    assert split.exit_code == 2 and "Error: the library says no to a split" in split.stderr
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM entity_corrections").fetchone() == (0,)

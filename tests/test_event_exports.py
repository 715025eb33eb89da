"""Events end to end: a real build into SQLite, then the JSONL contract records, the ACLED-style
CSV, the PLOVER JSON lines and the CLI (`export --format acled|plover`, `events`).

The article is written for the tests: invented parties (Ruvia, Kessa, Zorov) and real towns of
Mali that the session gazetteer geocodes (Gao, Kidal).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records, export_formats
from claimgraph.export.formats.acled import ACLED_COLUMNS, acled_date, write_acled
from claimgraph.export.formats.plover import write_plover
from claimgraph.store.events import iter_events

from .conftest import write_article

PLOVER_CATEGORIES = frozenset({
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
})
EVENT_FIELDS = {
    "kind", "id", "type", "plover", "mode", "actors", "targets", "location", "date", "claims", "doc", "trigger",
    "status", "location_basis", "date_basis", "quantity", "fatalities",
}
TITLE = "Clashes near Gao"
ARTICLE = [
    "Ruvian fighters killed 7 civilians in Gao on 3 May 2021, the Kessa army said.",
    "Ruvia deployed 300 troops to Kessa. Ruvia plans to withdraw its troops from Kessa.",
    "Zorov's fighters attacked the base in Kidal.",
]


@pytest.fixture(scope="module")
def kb(tmp_path_factory, build_tools) -> Path:
    """The article built once into a store; each test opens it again."""
    folder = tmp_path_factory.mktemp("events")
    write_article(folder / "corpus", "gao.txt", TITLE, ARTICLE)
    db = folder / "kb.db"
    with Store.open(db) as store:
        build([folder / "corpus"], store=store, options=BuildOptions(), tools=build_tools)
    return db


@pytest.fixture(scope="module")
def records(kb: Path) -> list[dict]:
    with Store.open(kb) as store:
        return list(contract_records(store))


def _kind(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["kind"] == kind]


def _by_trigger(records: list[dict], trigger: str) -> dict:
    found = [r for r in _kind(records, "event") if r["trigger"]["text"] == trigger]
    assert len(found) == 1, f"{trigger!r}: {[(r['trigger']['text'], r['type']) for r in _kind(records, 'event')]}"
    return found[0]


def _names(records: list[dict], ids: list[str]) -> list[str]:
    names = {r["id"]: r["name"] for r in _kind(records, "entity")}
    return [names[i] for i in ids]


def _acled_rows(kb: Path) -> tuple[list[str], list[dict[str, str]]]:
    out = io.StringIO()
    with Store.open(kb) as store:
        counts = write_acled(store, out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    assert counts == {"event": len(rows)}
    return list(reader.fieldnames or []), rows


def _plover_lines(kb: Path) -> list[str]:
    out = io.StringIO()
    with Store.open(kb) as store:
        counts = write_plover(store, out)
    lines = out.getvalue().splitlines()
    assert counts == {"event": len(lines)}
    return lines


# JSONL contract records -------------------------------------------------------------------------


def test_the_article_gives_its_four_events(records: list[dict]) -> None:
    events = _kind(records, "event")
    assert sorted((e["trigger"]["text"], e["type"], e["plover"], e["status"]) for e in events) == [
        ("attacked", "ATTACK", "ASSAULT", "happened"),
        ("deployed", "DEPLOY", "AID", "happened"),
        ("killed", "ATTACK", "ASSAULT", "happened"),
        ("said", "ACCUSATION", "ACCUSE", "happened"),  # the army says Ruvian fighters killed: it accuses them
        ("withdraw", "WITHDRAWAL", "CONCEDE", "planned"),
    ]
    for event in events:
        assert set(event) == EVENT_FIELDS
        assert event["id"].startswith("evt_")
    assert len({e["id"] for e in events}) == len(events)


def test_event_participants_and_places_are_exported_entities(records: list[dict]) -> None:
    entities = {r["id"]: r for r in _kind(records, "entity")}
    for event in _kind(records, "event"):
        for entity_id in [*event["actors"], *event["targets"]]:
            assert entity_id in entities, (event, entity_id)
        if event["location"] is not None:
            assert entities[event["location"]]["type"] in ("GPE", "LOC", "FAC")
            assert event["location_basis"] in ("clause", "sentence", "context", "document")
        else:
            assert event["location_basis"] is None


def test_every_event_is_reported_by_a_claim_that_holds_its_trigger(records: list[dict]) -> None:
    claims = {r["id"]: r for r in _kind(records, "claim")}
    documents = {r["id"]: r for r in _kind(records, "document")}
    for event in _kind(records, "event"):
        assert event["claims"], event
        assert event["doc"] in documents
        trigger = event["trigger"]
        assert documents[event["doc"]]["text"][trigger["start"] : trigger["end"]] == trigger["text"]
        for claim_id in event["claims"]:
            claim = claims[claim_id]
            assert claim["doc"] == event["doc"]
            assert claim["start"] <= trigger["start"] and trigger["end"] <= claim["end"]


def test_the_killing_in_gao_is_dated_placed_and_counted(records: list[dict]) -> None:
    event = _by_trigger(records, "killed")
    assert _names(records, event["actors"]) == ["Ruvian"]
    assert _names(records, [event["location"]]) == ["Gao"] and event["location_basis"] == "clause"
    assert (event["date"], event["date_basis"]) == ("2021-05-03", "sentence")
    assert event["fatalities"] == {"low": 7, "best": 7, "high": 7}
    quantities = {r["id"]: r for r in _kind(records, "quantity")}
    assert event["quantity"] in quantities
    assert quantities[event["quantity"]]["value"] == 7
    (claim,) = [r for r in _kind(records, "claim") if r["id"] in event["claims"]]
    assert claim["source"]["name"] == "the Kessa army"


def test_an_undated_sentence_gives_an_undated_event(records: list[dict]) -> None:
    deployment = _by_trigger(records, "deployed")
    assert _names(records, deployment["actors"]) == ["Ruvia"]
    assert _names(records, deployment["targets"]) == ["Kessa"]
    assert (deployment["date"], deployment["date_basis"]) == (None, None)
    assert deployment["fatalities"] is None
    attack = _by_trigger(records, "attacked")
    assert _names(records, attack["actors"]) == ["Zorov"]
    assert _names(records, [attack["location"]]) == ["Kidal"]
    assert attack["date"] is None and attack["fatalities"] is None


# ACLED CSV --------------------------------------------------------------------------------------


def test_acled_csv_has_the_columns_and_one_row_per_acled_event(kb: Path, records: list[dict]) -> None:
    header, rows = _acled_rows(kb)
    assert header == list(ACLED_COLUMNS)
    kept = [e for e in _kind(records, "event") if e["status"] in ("happened", "alleged") and e["type"] != "ACCUSATION"]
    # the planned withdrawal is left out, and so is the accusation: a statement is no ACLED event
    assert sorted(r["claimgraph_id"] for r in rows) == sorted(e["id"] for e in kept)
    for row in rows:
        assert row["event_id_cnty"].endswith(row["claimgraph_id"])
        assert row["claimgraph_type"] in ("ATTACK", "DEPLOY")
        assert row["plover"] in PLOVER_CATEGORIES
        assert row["source"] == TITLE  # no outlet: the document's title
        assert row["claims"] and row["timestamp"].isdigit()


def test_acled_row_of_the_killing_in_gao(kb: Path, build_tools, records: list[dict]) -> None:
    _, rows = _acled_rows(kb)
    row = next(r for r in rows if r["claimgraph_id"] == _by_trigger(records, "killed")["id"])
    assert row["event_id_cnty"] == "MLI-" + row["claimgraph_id"]
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == ("Political violence", "Battles", "Armed clash")
    assert (row["event_date"], row["year"], row["time_precision"], row["timex"]) == ("2021-05-03", "2021", "1", "2021-05-03")
    assert (row["actor1"], row["actor2"], row["inter2"], row["interaction"]) == ("Ruvian", "", "", "")
    assert (row["location"], row["country"], row["iso"], row["region"], row["admin1"]) == ("Gao", "Mali", "466", "Western Africa", "Gao")
    assert row["geo_precision"] == "1"
    gao = max((n.place for n in build_tools.gazetteer.places_named("Gao") if n.primary and n.place.country == "ML"),
              key=lambda p: p.population)
    assert float(row["latitude"]) == pytest.approx(gao.lat, abs=1e-4)
    assert float(row["longitude"]) == pytest.approx(gao.lon, abs=1e-4)
    assert row["fatalities"] == "7"
    assert row["notes"] == ARTICLE[0]
    assert (row["status"], row["claimgraph_type"], row["plover"]) == ("happened", "ATTACK", "ASSAULT")


def test_acled_rows_of_undated_and_planned_events(kb: Path, records: list[dict]) -> None:
    _, rows = _acled_rows(kb)
    by_id = {r["claimgraph_id"]: r for r in rows}
    deployment = by_id[_by_trigger(records, "deployed")["id"]]
    assert (deployment["event_date"], deployment["year"], deployment["time_precision"], deployment["timex"]) == ("", "", "", "")
    assert (deployment["disorder_type"], deployment["event_type"], deployment["sub_event_type"]) == (
        "Strategic developments", "Strategic developments", "Change to group/activity")
    assert (deployment["actor1"], deployment["actor2"], deployment["fatalities"]) == ("Ruvia", "Kessa", "0")
    assert (deployment["mode"], deployment["status"]) == ("military", "happened")
    # placed in Kessa, which the gazetteer does not know: no country, no coordinates
    assert (deployment["location"], deployment["country"], deployment["iso"], deployment["latitude"], deployment["longitude"]) == (
        "Kessa", "", "", "", "")
    assert deployment["event_id_cnty"].startswith("XXX-")
    assert _by_trigger(records, "withdraw")["id"] not in by_id  # planned: ACLED codes what took place
    attack = by_id[_by_trigger(records, "attacked")["id"]]
    assert attack["event_type"] == "Battles" and attack["event_date"] == ""
    assert (attack["location"], attack["country"], attack["admin1"]) == ("Kidal", "Mali", "Kidal")
    assert attack["latitude"] and attack["longitude"]


@pytest.mark.parametrize(
    ("timex", "expected"),
    [
        ("2021-05-03", ("2021-05-03", "2021", 1)),
        ("2021-W05", ("2021-02-04", "2021", 2)),  # the week's Thursday
        ("2021-05", ("2021-05-15", "2021", 3)),
        ("2021", ("", "2021", None)),  # a bare year is coarser than ACLED's precisions
        ("2021-SU", ("2021-07-15", "2021", 3)),
        ("XXXX-08-30", ("", "", None)),
        ("PAST_REF", ("", "", None)),
        (None, ("", "", None)),
        ("", ("", "", None)),
    ],
)
def test_acled_date_precision(timex: str | None, expected: tuple[str, str, int | None]) -> None:
    assert acled_date(timex) == expected


# PLOVER JSON lines -----------------------------------------------------------------------------


def test_plover_lines_parse_and_cite_their_claims(kb: Path, records: list[dict]) -> None:
    lines = _plover_lines(kb)
    claims = {r["id"]: r for r in _kind(records, "claim")}
    events = {r["id"]: r for r in _kind(records, "event")}
    assert len(lines) == len(events)
    for line in lines:
        record = json.loads(line)
        assert record["event"] in PLOVER_CATEGORIES and isinstance(record["context"], list)
        event = events[record["id"]]
        assert (record["event"], record["claimgraph_type"], record["status"]) == (event["plover"], event["type"], event["status"])
        assert [a["entity"] for a in record["actors"]] == event["actors"] and [r["entity"] for r in record["recipients"]] == event["targets"]
        assert [a["name"] for a in record["actors"]] == _names(records, event["actors"])
        assert record["actor"] == (record["actors"][0] if record["actors"] else None)
        assert record["date_raw"] == event["date"]
        assert record["cite_info"]["doc_id"] == event["doc"] and record["cite_info"]["title"] == TITLE
        cited = record["cite_info"]["claims"]
        assert [c["id"] for c in cited] == event["claims"]
        for claim in cited:
            assert claim["source"] == claims[claim["id"]]["source"]["name"]
            assert claim["source_kind"] in ("person", "organization", "outlet", "unnamed", "document")


def test_plover_record_of_the_killing_in_gao(kb: Path, records: list[dict]) -> None:
    wanted = _by_trigger(records, "killed")["id"]
    record = next(r for r in map(json.loads, _plover_lines(kb)) if r["id"] == wanted)
    assert (record["event"], record["mode"], record["context"]) == ("ASSAULT", None, ["military"])
    assert record["actor"]["name"] == "Ruvian" and record["recipient"] is None
    assert (record["date"], record["date_precision"], record["date_raw"]) == ("2021-05-03", "day", "2021-05-03")
    location = record["event_loc"]
    assert (location["name"], location["country"], location["admin1"], location["precision"], location["basis"]) == (
        "Gao", "MLI", "Gao", "town", "clause")
    assert isinstance(location["geonameid"], int) and location["gazetteer_id"] == f"geonames:{location['geonameid']}"
    assert location["lat"] == pytest.approx(16.27, abs=0.05) and location["lon"] == pytest.approx(-0.04, abs=0.05)
    assert record["fatalities"] == {"low": 7, "best": 7, "high": 7}
    assert record["event_text"] == ARTICLE[0] == record["cite_info"]["text"]
    assert [c["source"] for c in record["cite_info"]["claims"]] == ["the Kessa army"]


def test_plover_record_of_an_undated_deployment(kb: Path, records: list[dict]) -> None:
    wanted = _by_trigger(records, "deployed")["id"]
    record = next(r for r in map(json.loads, _plover_lines(kb)) if r["id"] == wanted)
    assert (record["event"], record["mode"], record["context"]) == ("AID", "military", ["military"])
    assert (record["actor"]["name"], record["recipient"]["name"]) == ("Ruvia", "Kessa")
    assert record["date"] is None and record["date_precision"] is None
    # "to Kessa" places it; an invented country has no coordinates.
    location = record["event_loc"]
    assert (location["name"], location["basis"], location["lat"], location["lon"], location["geonameid"]) == ("Kessa", "clause", None, None, None)
    assert [c["source_kind"] for c in record["cite_info"]["claims"]] == ["outlet"]


def test_stored_events_can_be_filtered_by_type(kb: Path) -> None:
    with Store.open(kb) as store:
        attacks = list(iter_events(store, types=["ATTACK"]))
        every = list(iter_events(store))
    assert {e.type for e in attacks} == {"ATTACK"} and len(attacks) == 2
    assert len(every) == 5
    assert [e.start for e in every] == sorted(e.start for e in every)  # document order


# CLI ----------------------------------------------------------------------------------------------


def test_exporters_are_registered_by_format() -> None:
    formats = export_formats()
    assert {"jsonl", "acled", "plover"} <= set(formats)
    assert formats["acled"].write is write_acled and formats["plover"].write is write_plover


def test_cli_export_acled_writes_the_same_csv(kb: Path, tmp_path: Path, claimgraph_cli: list[str]) -> None:
    out = tmp_path / "events.csv"
    result = subprocess.run([*claimgraph_cli, "export", "--db", str(kb), "--format", "acled", "-o", str(out)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "exported 3 event" in result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert list(reader.fieldnames or []) == list(ACLED_COLUMNS)
    assert rows == _acled_rows(kb)[1]


def test_cli_export_plover_writes_json_lines(kb: Path, tmp_path: Path, claimgraph_cli: list[str]) -> None:
    out = tmp_path / "events.jsonl"
    result = subprocess.run([*claimgraph_cli, "export", "--db", str(kb), "--format", "plover", "-o", str(out)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    assert {json.loads(line)["event"] for line in lines} == {"ASSAULT", "AID", "CONCEDE", "ACCUSE"}


def test_cli_events_lists_only_the_type_asked_for(kb: Path, claimgraph_cli: list[str]) -> None:
    result = subprocess.run([*claimgraph_cli, "events", "--db", str(kb), "--type", "ATTACK"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(heads) == 2
    assert all(line.startswith("[ATTACK/ASSAULT]") for line in heads)
    assert any("at Gao" in line and "on 2021-05-03" in line and "Ruvian" in line for line in heads)
    assert any("at Kidal" in line and "on -" in line and "Zorov" in line for line in heads)
    assert ARTICLE[0] in result.stdout and ARTICLE[2] in result.stdout
    assert "deployed" not in result.stdout
    assert "2 events" in result.stderr


def test_cli_events_filters_by_status(kb: Path, claimgraph_cli: list[str]) -> None:
    result = subprocess.run([*claimgraph_cli, "events", "--db", str(kb), "--status", "planned"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(heads) == 1
    assert heads[0].startswith("[WITHDRAWAL/CONCEDE/withdraw] planned")
    assert "1 events" in result.stderr


def test_acled_dates_that_do_not_exist_are_left_empty_and_weekends_are_weeks() -> None:
    assert acled_date("2021-13") == ("", "", None)
    assert acled_date("2021-02-30") == ("", "", None)
    assert acled_date("2024-W10-WE") == ("2024-03-09", "2024", 2)  # the weekend's Saturday

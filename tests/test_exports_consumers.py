"""Every export format read back by its consumers' library: the JSONL contract by its JSON
Schema (`claimgraph validate`), the CSV folder by pandas, GeoJSON by the `geojson` package
and shapely, GraphML and GEXF by networkx, FollowTheMoney entities by `followthemoney`
itself, ACLED's CSV by pandas with its dates parsed; and the writers stream (memory bounded
as the database grows)."""

from __future__ import annotations

import io
import json
import sqlite3
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.export import OutputFolder, contract_records, export, export_formats
from claimgraph.export.validate import contract_schema, validate_export
from claimgraph.query import Store

from .brief_corpus import build_brief_corpus


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    return build_brief_corpus(tmp_path_factory.mktemp("consumers"), build_tools)


@pytest.fixture(scope="module")
def records(kb: Path) -> list[dict[str, Any]]:
    with Store.open(kb) as store:
        return list(contract_records(store))


def _export(kb: Path, name: str) -> str:
    out = io.StringIO()
    with Store.open(kb) as store:
        export(store, name, out)
    return out.getvalue()


def _kind(records: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r for r in records if r["kind"] == kind]


# jsonl: the contract's JSON Schema, shipped in the package ------------------------------------


def test_the_jsonl_export_is_valid_against_the_shipped_schema(kb: Path) -> None:
    import jsonschema

    schema = contract_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    report = validate_export(_export(kb, "jsonl").splitlines())
    assert report.valid, report.problems
    assert {"document", "entity", "claim", "event", "fact", "contradiction"} <= set(report.counts)


def test_validate_finds_what_breaks_the_contract() -> None:
    document = {"kind": "document", "id": "d1", "source": "a.txt", "title": None, "outlet": None, "url": None, "language": "en",
                "published": {"value": None, "basis": "guessed"}, "published_not_before": None, "text": "x", "removed": [], "duplicate_of": None}
    claim = {"kind": "claim", "id": "c1", "doc": "d2", "start": 3, "end": 1, "text": "x", "source": {"name": "x", "entity": None, "kind": "outlet"},
             "cue": None, "stance": "assert", "modality": "fact", "via": [], "entities": [], "dates": [], "quantities": []}
    report = validate_export([json.dumps(document), json.dumps(claim), json.dumps(claim), "{not json"])
    messages = [p.message for p in report.problems]
    assert any("published.basis" in m and "'guessed'" in m for m in messages)
    assert any("claim.doc: no document d2" in m for m in messages)
    assert any("start after end" in m for m in messages) and any("used twice" in m for m in messages)
    assert any(m.startswith("not JSON") for m in messages) and not report.valid


def test_cli_validate_passes_an_export_and_fails_a_broken_one(kb: Path, tmp_path: Path) -> None:
    good = tmp_path / "kb.jsonl"
    good.write_text(_export(kb, "jsonl"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(good)])
    assert result.exit_code == 0 and "valid (" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text(encoding="utf-8").replace('"stance": "assert"', '"stance": "maybe"', 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1 and "'maybe' is not one of" in result.output


# csv: a folder that pandas reads with typed columns -------------------------------------------


def test_the_csv_folder_loads_in_pandas_with_typed_columns(kb: Path, tmp_path: Path, records: list[dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    with Store.open(kb) as store:
        counts = export(store, "csv", OutputFolder(tmp_path / "csv"))
    files = {p.name for p in (tmp_path / "csv").iterdir()}
    assert files == {"documents.csv", "entities.csv", "mentions.csv", "merges.csv", "dates.csv", "quantities.csv", "claims.csv",
                     "events.csv", "facts.csv", "contradictions.csv"}
    claims = pd.read_csv(tmp_path / "csv" / "claims.csv")
    assert len(claims) == counts["claim"] == len(_kind(records, "claim"))
    assert str(claims["start"].dtype) == "int64" and str(claims["end"].dtype) == "int64"
    entities = pd.read_csv(tmp_path / "csv" / "entities.csv")
    assert str(entities["place_lat"].dtype) == "float64" and str(entities["mentions"].dtype) == "int64"
    events = pd.read_csv(tmp_path / "csv" / "events.csv", parse_dates=["event_date"])
    assert str(events["event_date"].dtype).startswith("datetime64")
    assert str(pd.read_csv(tmp_path / "csv" / "quantities.csv")["value"].dtype) == "float64"
    mentions = pd.read_csv(tmp_path / "csv" / "mentions.csv")
    assert len(mentions) == sum(len(e["mentions"]) for e in _kind(records, "entity"))
    documents = pd.read_csv(tmp_path / "csv" / "documents.csv", parse_dates=["published_value"])
    assert str(documents["published_value"].dtype).startswith("datetime64")
    facts = pd.read_csv(tmp_path / "csv" / "facts.csv")
    assert [json.loads(o) for o in facts["independent_origins"]] == [f["independent_origins"] for f in _kind(records, "fact")]
    contradictions = pd.read_csv(tmp_path / "csv" / "contradictions.csv")
    assert list(contradictions.columns[:6]) == ["id", "type", "a", "b", "explanation", "fact"] and len(contradictions) >= 1


def test_csv_with_a_byte_order_mark_for_excel(kb: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(kb), "--format", "csv", "--bom", "-o", str(tmp_path / "excel")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "excel" / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbfid,doc,")
    result = CliRunner().invoke(cli, ["export", "--db", str(kb), "--format", "csv"])
    assert result.exit_code == 2 and "writes a folder" in result.output


# geojson: valid for the geojson package, points for shapely -----------------------------------


def test_geojson_is_valid_and_its_points_load_in_shapely(kb: Path, records: list[dict[str, Any]]) -> None:
    geojson = pytest.importorskip("geojson")
    geometry = pytest.importorskip("shapely.geometry")
    collection = geojson.loads(_export(kb, "geojson"))
    assert collection.is_valid, collection.errors()
    features = collection["features"]
    places = {e["id"]: e for e in _kind(records, "entity") if e["place"] and e["place"]["lat"] is not None}
    assert {f["id"] for f in features if f["properties"]["feature_kind"] == "place"} == set(places)
    for feature in features:
        point = geometry.shape(feature["geometry"])
        assert point.geom_type == "Point" and -180 <= point.x <= 180 and -90 <= point.y <= 90
        if feature["properties"]["feature_kind"] == "place":
            place = places[feature["id"]]["place"]
            assert (point.x, point.y) == pytest.approx((place["lon"], place["lat"]))  # [longitude, latitude]
    events = [f["properties"] for f in features if f["properties"]["feature_kind"] == "event"]
    assert events and all(e["place"] and e["claims"] for e in events)
    assert any(e["place"] == "Gao" and e["event_date"] == "2021-05-03" and e["date_precision"] == "day" for e in events)


# graphml and gexf: read back by networkx ------------------------------------------------------


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_the_entity_graph_reads_back_in_networkx(kb: Path, records: list[dict[str, Any]], name: str) -> None:
    nx = pytest.importorskip("networkx")
    text = _export(kb, name)
    graph = nx.read_graphml(io.BytesIO(text.encode())) if name == "graphml" else nx.read_gexf(io.BytesIO(text.encode()))
    entities = {e["id"]: e for e in _kind(records, "entity")}
    assert set(graph.nodes) == set(entities)
    for node, data in graph.nodes(data=True):
        assert data["label"] == entities[node]["name"] and data["type"] == entities[node]["type"]
        assert data["mentions"] == len(entities[node]["mentions"])
    kinds = {data["kind"] for _, _, data in graph.edges(data=True)}
    assert {"co-mention", "event", "tie"} <= kinds
    assert all(data["weight"] >= 1 for _, _, data in graph.edges(data=True))
    names = {e["name"]: e["id"] for e in entities.values()}
    ties = [(a, b, d) for a, b, d in graph.edges(data=True) if d["kind"] == "tie"]
    assert (names["Zorov Group"], names["Anton Zorov"]) in {(a, b) for a, b, _ in ties}
    assert any(d["label"] == "affiliation/asserted" for _, _, d in ties)


# ftm: FollowTheMoney entities, checked by the library ----------------------------------------


def test_ftm_entities_are_valid_for_followthemoney(kb: Path, records: list[dict[str, Any]]) -> None:
    from followthemoney import model

    lines = [json.loads(line) for line in _export(kb, "ftm").splitlines()]
    ids = {entity["id"] for entity in lines}
    assert len(ids) == len(lines)
    for data in lines:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        assert schema.validate(data) is None, (data, schema.validate(data))
        proxy = model.get_proxy(data, cleaned=False)
        for prop in proxy.iterprops():  # every reference is to an entity of the file, of the range's schema
            if prop.type.name == "entity":
                for value in proxy.get(prop):
                    assert value in ids
    schemas = {d["schema"] for d in lines}
    assert {"Article", "Person", "Organization", "Mention", "Ownership", "UnknownLink"} <= schemas
    ownership = next(d for d in lines if d["schema"] == "Ownership")
    by_id = {d["id"]: d for d in lines}
    assert by_id[ownership["properties"]["owner"][0]]["properties"]["name"] == ["Anton Zorov"]
    assert by_id[ownership["properties"]["asset"][0]]["schema"] == "Company"
    articles = [d for d in lines if d["schema"] == "Article"]
    assert sorted(a["properties"]["publisher"][0] for a in articles) == ["Kessa Times", "Niger Post", "Sahel Daily"]


# acled: the codebook's columns, dates that pandas parses ---------------------------------------


def test_acled_loads_in_pandas_with_full_dates_and_only_acled_events(kb: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(_export(kb, "acled")), parse_dates=["event_date"], keep_default_na=False, na_values=[""])
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert set(frame["event_type"]) <= {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                                        "Strategic developments"}
    assert set(frame["status"]) <= {"happened", "alleged"}
    assert set(frame["time_precision"].dropna()) <= {1, 2, 3}
    assert set(frame["country"].dropna()) == {"Mali"} and set(frame["iso"].dropna()) == {466}
    killing = frame[frame["notes"].str.contains("killed 7 civilians")].iloc[0]
    assert (killing["disorder_type"], killing["event_type"], killing["admin1"]) == ("Political violence", "Battles", "Kidal")
    assert killing["event_date"].isoformat()[:10] == "2021-05-05" and killing["fatalities"] == 7


# streaming: the writers' memory does not grow with the database ------------------------------------


_COPIED = {  # table -> the columns that hold ids (suffixed in each copy, so that the copy is a corpus of its own)
    "documents": ("id", "duplicate_of"), "sentences": ("doc_id",), "mentions": ("doc_id", "key"), "entities": ("id",),
    "entity_keys": ("key", "entity_id"), "entity_places": ("entity_id",), "claims": ("id", "doc_id", "source_key"),
    "dates": ("id", "doc_id"), "quantities": ("id", "doc_id"), "events": ("id", "doc_id", "quantity_id"),
    "event_arguments": ("event_id", "key"), "relations": ("id", "doc_id", "subject_key", "object_key"),
    "facts": ("id",), "fact_claims": ("fact_id", "claim_id"), "contradictions": ("id", "a", "b", "fact_id"),
}


def _multiplied(kb: Path, folder: Path, copies: int) -> Path:
    """The database with `copies` copies of every record (new ids), as a bigger corpus."""
    path = folder / f"x{copies}.db"
    path.write_bytes(kb.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("ATTACH DATABASE ? AS o", (str(kb),))
    for copy in range(1, copies):
        for table, id_columns in _COPIED.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA o.table_info({table})") if not (table == "mentions" and row[1] == "id")]
            values = [f"{c} || '~{copy}'" if c in id_columns else c for c in columns]
            if table == "documents":
                values = [f"text || ' ~{copy}'" if c == "text" else v for c, v in zip(columns, values, strict=True)]
            quoted = ", ".join(f'"{c}"' for c in columns)
            connection.execute(f"INSERT INTO main.{table} ({quoted}) SELECT {', '.join(values)} FROM o.{table}")
    connection.commit()
    connection.close()
    return path


class _Sink(io.StringIO):
    """A text stream that counts what is written and keeps nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def _peak(path: Path, name: str, folder: Path) -> tuple[int, int]:
    with Store.open(path) as store:
        tracemalloc.start()
        if export_formats()[name].folder:
            export(store, name, OutputFolder(folder / f"{path.stem}-{name}"))
            written = sum(p.stat().st_size for p in (folder / f"{path.stem}-{name}").iterdir())
        else:
            sink = _Sink()
            export(store, name, sink)
            written = sink.written
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, written


def test_every_writer_streams_its_memory_bounded_as_the_database_grows(kb: Path, tmp_path: Path) -> None:
    small, large = _multiplied(kb, tmp_path, 3), _multiplied(kb, tmp_path, 12)
    for name in sorted(export_formats()):
        (small_peak, small_written), (large_peak, large_written) = _peak(small, name, tmp_path), _peak(large, name, tmp_path)
        assert large_written > 3 * small_written, name  # four times the records written ...
        assert large_peak < 1.6 * small_peak + 200_000, (name, small_peak, large_peak)  # ... in about the same memory

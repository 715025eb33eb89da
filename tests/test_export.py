"""The JSONL export follows the contract: fields, types, offsets, stable ids."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records

from .conftest import write_article

DOCUMENT_FIELDS = {"kind", "id", "source", "title", "outlet", "url", "language", "published", "published_not_before", "text", "removed", "duplicate_of"}
ENTITY_FIELDS = {"kind", "id", "name", "type", "aliases", "mentions", "place", "merged"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EQUIPMENT", "EVENT", "MEDIA"}
ARTICLE = [
    "General Amadou Keita, the head of the Ruvian army, said on Monday that troops had left the town of Kessa.",
    "Keita told Radio Horizon that the Ruvian government would not send more soldiers to Kessa.",
    "The United Nations said the withdrawal from Kessa was complete, according to horizon-news.com.",
]


def _export(tmp_path: Path, name: str, build_tools) -> list[dict]:
    folder = tmp_path / "corpus"
    if not folder.exists():
        write_article(folder, "kessa.txt", "Troops leave Kessa", ARTICLE)
    with Store.open(tmp_path / f"{name}.db") as store:
        build([folder], store=store, options=BuildOptions(), tools=build_tools)
        return list(contract_records(store))


def test_records_have_the_contract_fields_and_types(tmp_path: Path, build_tools) -> None:
    records = _export(tmp_path, "kb", build_tools)
    documents = [r for r in records if r["kind"] == "document"]
    entities = [r for r in records if r["kind"] == "entity"]
    assert len(documents) == 1 and entities
    document = documents[0]
    assert set(document) == DOCUMENT_FIELDS
    assert document["title"] == "Troops leave Kessa"
    assert document["language"] == "en"
    assert document["published"] == {"value": None, "basis": "unknown"}
    for entity in entities:
        assert set(entity) == ENTITY_FIELDS
        assert entity["type"] in ENTITY_TYPES
        assert entity["mentions"] and entity["name"] in entity["aliases"]


def test_every_mention_offset_points_at_its_text(tmp_path: Path, build_tools) -> None:
    records = _export(tmp_path, "kb", build_tools)
    texts = {r["id"]: r["text"] for r in records if r["kind"] == "document"}
    mentions = [m for r in records if r["kind"] == "entity" for m in r["mentions"]]
    assert len(mentions) >= 8
    for mention in mentions:
        assert texts[mention["doc"]][mention["start"] : mention["end"]] == mention["text"]


def test_repeated_names_and_short_forms_join_one_entity(tmp_path: Path, build_tools) -> None:
    records = _export(tmp_path, "kb", build_tools)
    by_name = {r["name"]: r for r in records if r["kind"] == "entity"}
    keita = next(r for r in by_name.values() if "Amadou Keita" in r["aliases"])
    assert "Keita" in keita["aliases"] and keita["type"] == "PERSON"
    kessa = [r for r in by_name.values() if "Kessa" in r["aliases"]]
    assert len(kessa) == 1 and len([m for m in kessa[0]["mentions"] if m["text"] == "Kessa"]) == 3


def test_entity_ids_are_stable_across_builds(tmp_path: Path, build_tools) -> None:
    first = {(r["id"], r["name"]) for r in _export(tmp_path, "one", build_tools) if r["kind"] == "entity"}
    second = {(r["id"], r["name"]) for r in _export(tmp_path, "two", build_tools) if r["kind"] == "entity"}
    assert first == second


def test_cli_export_writes_jsonl_to_a_file_and_to_stdout(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    write_article(tmp_path / "corpus", "kessa.txt", "Troops leave Kessa", ARTICLE)
    db = tmp_path / "kb.db"
    subprocess.run([*claimgraph_cli, "build", str(tmp_path / "corpus"), "--db", str(db), "-q"], check=True, capture_output=True)
    to_file = subprocess.run([*claimgraph_cli, "export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True, check=False)
    to_stdout = subprocess.run([*claimgraph_cli, "export", "--db", str(db)], capture_output=True, text=True, check=False)
    assert to_file.returncode == 0 and "1 document" in to_file.stderr
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert next(json.loads(line)["kind"] for line in lines) == "document"
    assert to_stdout.stdout.splitlines() == lines


def test_cli_claims_lists_denials_with_their_sources(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    write_article(tmp_path / "corpus", "kessa.txt", "Troops leave Kessa", [*ARTICLE, "Ruvia and Zembla deny the presence of foreign troops in Kessa."])
    db = tmp_path / "kb.db"
    subprocess.run([*claimgraph_cli, "build", str(tmp_path / "corpus"), "--db", str(db), "-q"], check=True, capture_output=True)
    denials = subprocess.run([*claimgraph_cli, "claims", "--db", str(db), "--stance", "deny"], capture_output=True, text=True, check=False)
    about_kessa = subprocess.run([*claimgraph_cli, "claims", "--db", str(db), "--entity", "Kessa", "--attributed"], capture_output=True, text=True, check=False)
    unknown = subprocess.run([*claimgraph_cli, "claims", "--db", str(db), "--entity", "Atlantis"], capture_output=True, text=True, check=False)
    assert denials.returncode == 0
    assert denials.stdout.count("[deny/") == 2 and "Ruvia" in denials.stdout and "Zembla" in denials.stdout
    assert "Keita" in about_kessa.stdout and "(outlet)" not in about_kessa.stdout
    assert unknown.returncode == 1 and "no entity named 'Atlantis'" in unknown.stderr


def test_exported_claims_follow_the_contract(tmp_path: Path, build_tools) -> None:
    records = _export(tmp_path, "kb", build_tools)
    texts = {r["id"]: r["text"] for r in records if r["kind"] == "document"}
    entity_ids = {r["id"] for r in records if r["kind"] == "entity"}
    claims = [r for r in records if r["kind"] == "claim"]
    assert len(claims) >= 3
    for claim in claims:
        assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]
        assert claim["source"]["kind"] in {"person", "organization", "media", "document", "anonymous", "outlet"}
        assert claim["stance"] in {"assert", "deny"} and claim["modality"] in {"fact", "reported", "alleged", "speculative"}
        assert set(claim["entities"]) <= entity_ids
        assert claim["source"]["entity"] is None or claim["source"]["entity"] in entity_ids
    keita = [c for c in claims if "Keita" in c["source"]["name"]]
    assert keita and keita[0]["cue"] == "said" and keita[0]["source"]["entity"] in entity_ids


def test_exported_dates_and_quantities_follow_the_contract(tmp_path: Path, build_tools) -> None:
    folder = tmp_path / "dated"
    (folder).mkdir()
    (folder / "report.txt").write_text(
        "Date: 3 March 2022\n\nKessa troops withdraw\n\n"
        "About 400 soldiers left Kessa last week, the ministry said. The force had arrived in June 2021 "
        "and cost more than €9 million a month, according to officials.\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "dated.db") as store:
        build([folder], store=store, options=BuildOptions(), tools=build_tools)
        records = list(contract_records(store))
    document = next(r for r in records if r["kind"] == "document")
    assert document["published"] == {"value": "2022-03-03", "basis": "text"}
    assert document["published_not_before"] == "2022-02-21"  # the Monday of "last week"
    dates = {r["text"]: r for r in records if r["kind"] == "date"}
    assert dates["last week"]["value"] == "2022-W08" and dates["last week"]["anchor"] == "document"
    assert dates["June 2021"]["value"] == "2021-06" and dates["June 2021"]["anchor"] == "absolute"
    quantities = {r["text"]: r for r in records if r["kind"] == "quantity"}
    soldiers = next(q for text, q in quantities.items() if "400" in text)
    assert (soldiers["value"], soldiers["qualifier"], soldiers["unit"]) == (400, "about", "soldiers")
    money = next(q for text, q in quantities.items() if "9 million" in text)
    assert (money["value"], money["unit"], money["qualifier"]) == (9_000_000, "EUR/month", "more_than")
    text = document["text"]
    for record in [*dates.values(), *quantities.values()]:
        assert text[record["start"] : record["end"]] == record["text"]
    claim = next(r for r in records if r["kind"] == "claim" and "400" in r["text"])
    assert dates["last week"]["id"] in claim["dates"] and soldiers["id"] in claim["quantities"]

"""An analyst's corrections through the library (resolve/corrections.py): applied at once and
incrementally, and always to the result a full resolution with the same corrections gives.

Each case copies one built store twice: one copy is corrected through the library, the other
gets the same correction stored and the whole corpus resolved again; every exported record
(entities with their merges and places, claims, events, facts, contradictions) must be the
same. The corpus is the shared seeds (real news, real places) and one invented article
(Ruvia, Dorvane and Pavel Orlik are made up), built once per module.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.errors import CorrectionRefused, UnknownRecord
from claimgraph.export import contract_records
from claimgraph.records import Correction
from claimgraph.resolve.corpus import resolve_corpus
from claimgraph.resolve.corrections import merge_entities, review_claim, split_entity
from claimgraph.store import find_entity_ids, iter_claims
from claimgraph.store.entities import (
    add_corrections,
    entity_corrections,
    entity_key_forms,
    entity_spellings,
)

# An invented article: a full name then its surname alone, a demonym beside its country.
INVENTED = """url: https://ruvia-ledger.example/2023/05/02/convoy-leaves-dorvane
outlet: Ruvia Ledger
published: 2023-05-02
title: Convoy commander says his troops left Dorvane

Convoy commander Pavel Orlik said on Monday that his men had left the town of Dorvane.

Orlik said a Ruvian officer had ordered the withdrawal. Ruvians living near the border welcomed
the decision, and the government of Ruvia said the convoy would return home.
"""


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, build_tools, shared: Path) -> Path:
    folder = tmp_path_factory.mktemp("corrections")
    invented = folder / "invented"
    invented.mkdir()
    (invented / "ruvia-ledger.txt").write_text(INVENTED, encoding="utf-8")
    db = folder / "seeds.db"
    with Store.open(db) as store:
        build([shared / "corpus" / "seeds", invented], store=store, options=BuildOptions(), tools=build_tools)
    return db


def _copy(db: Path, folder: Path, name: str) -> Path:
    copy = folder / name
    shutil.copy(db, copy)
    return copy


def _records(store: Store) -> list[str]:
    """Every exported record, as sorted JSON lines, and the stored corrections."""
    lines = sorted(json.dumps(record, ensure_ascii=False, sort_keys=True) for record in contract_records(store))
    return lines + [repr(c) for c in entity_corrections(store)]


def _entity_named(store: Store, name: str) -> str:
    (entity_id,) = find_entity_ids(store, name)
    return entity_id


def _corrected_both_ways(seeds_db: Path, tmp_path: Path, build_tools, correct: Callable[[Store], object]) -> tuple[list[str], list[str]]:
    """(records after `correct` through the library, records of a full resolution with the
    corrections it stored), each on its own copy of the store."""
    incremental, full = _copy(seeds_db, tmp_path, "incremental.db"), _copy(seeds_db, tmp_path, "full.db")
    with Store.open(incremental) as store:
        correct(store)
        corrections = entity_corrections(store)
        assert not store.entities_stale()
        after_incremental = _records(store)
    with Store.open(full) as store:
        add_corrections(store, corrections)
        resolve_corpus(store, build_tools.gazetteer, not_place_names=build_tools.lexicons.places.not_place_names)
        after_full = _records(store)
    return after_incremental, after_full


def test_a_merge_applied_at_once_equals_a_full_resolution_with_it(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    merged: list[str] = []

    def correct(store: Store) -> None:
        russia, moscow = _entity_named(store, "Russia"), _entity_named(store, "Moscow")
        merged.append(merge_entities(store, russia, moscow, note="one state", gazetteer=build_tools.gazetteer))
        assert find_entity_ids(store, "Moscow") == find_entity_ids(store, "Russia") == merged

    incremental, full = _corrected_both_ways(seeds_db, tmp_path, build_tools, correct)
    assert incremental == full
    (entity,) = [json.loads(line) for line in incremental if merged[0] in line and '"kind": "entity"' in line]
    assert {"Moscow", "Russia"} <= set(entity["aliases"])
    assert "merged by an analyst" in [m["reason"] for m in entity["merged"]]


def test_a_split_applied_at_once_equals_a_full_resolution_with_it(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    def correct(store: Store) -> None:
        russia = _entity_named(store, "Russia")
        entities = split_entity(store, russia, ["Russian Federation"], note="kept apart", gazetteer=build_tools.gazetteer)
        (federation,) = find_entity_ids(store, "Russian Federation")
        assert entities[0] == russia != federation and federation in entities  # "the Federation" may go its own way too

    incremental, full = _corrected_both_ways(seeds_db, tmp_path, build_tools, correct)
    assert incremental == full


def test_corrections_one_after_another_equal_a_full_resolution_with_them(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    """A merge of a demonym with its country (an anchor of facts), a split of a surname, then
    a split undoing part of the merge."""
    def correct(store: Store) -> None:
        gazetteer = build_tools.gazetteer
        merge_entities(store, _entity_named(store, "Ruvian"), _entity_named(store, "Ruvia"), gazetteer=gazetteer)
        split_entity(store, _entity_named(store, "Pavel Orlik"), ["Orlik"], gazetteer=gazetteer)
        split_entity(store, _entity_named(store, "Ruvia"), ["Ruvians"], gazetteer=gazetteer)

    incremental, full = _corrected_both_ways(seeds_db, tmp_path, build_tools, correct)
    assert incremental == full


def test_a_correction_rewrites_only_the_entities_it_changes(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    db = _copy(seeds_db, tmp_path, "kb.db")

    def rows() -> dict[str, int]:
        with closing(sqlite3.connect(db)) as connection:
            return dict(connection.execute("SELECT id, rowid FROM entities"))

    before = rows()
    with Store.open(db) as store:
        orlik = _entity_named(store, "Pavel Orlik")
        split_entity(store, orlik, ["Orlik"], gazetteer=build_tools.gazetteer)
    after = rows()
    rewritten = {i for i in after if before.get(i) != after[i]}
    assert orlik in rewritten and len(rewritten) == 2  # the person, and the surname standing alone now
    assert len(after) == len(before) + 1


def test_corrections_that_cannot_be_made_are_refused_and_not_stored(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    db = _copy(seeds_db, tmp_path, "kb.db")
    with Store.open(db) as store:
        russia, ruvia = _entity_named(store, "Russia"), _entity_named(store, "Ruvia")
        with pytest.raises(CorrectionRefused, match="one entity already"):
            merge_entities(store, russia, russia, gazetteer=build_tools.gazetteer)
        with pytest.raises(UnknownRecord):
            merge_entities(store, "ent_000000000000", russia, gazetteer=build_tools.gazetteer)
        with pytest.raises(CorrectionRefused, match="none of 'Dorvane' is a spelling"):
            split_entity(store, russia, ["Dorvane"], gazetteer=build_tools.gazetteer)
        with pytest.raises(CorrectionRefused, match="nothing is left"):
            split_entity(store, ruvia, [form.text for form in entity_spellings(store, ruvia)], gazetteer=build_tools.gazetteer)
        with pytest.raises(UnknownRecord):
            split_entity(store, "ent_000000000000", ["Ruvia"], gazetteer=build_tools.gazetteer)
        assert entity_corrections(store) == []
        key = entity_key_forms(store, russia)[0][0]
        assert key == "russia"


def test_a_merge_an_earlier_split_forbids_is_refused(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    db = _copy(seeds_db, tmp_path, "kb.db")
    with Store.open(db) as store:
        russia = _entity_named(store, "Russia")
        split_entity(store, russia, ["Russian Federation"], gazetteer=build_tools.gazetteer)
        federation = _entity_named(store, "Russian Federation")
        with pytest.raises(CorrectionRefused, match="split made earlier"):
            merge_entities(store, russia, federation, gazetteer=build_tools.gazetteer)
        assert {c.action for c in entity_corrections(store)} == {"split"}


def test_a_correction_on_a_stale_store_resolves_it_whole(seeds_db: Path, tmp_path: Path, build_tools) -> None:
    """Documents added but not resolved yet: the stored entities are not the mentions' any more."""
    db = _copy(seeds_db, tmp_path, "kb.db")
    with Store.open(db) as store:
        store.mark_entities_stale()
        russia, moscow = _entity_named(store, "Russia"), _entity_named(store, "Moscow")
        merged = merge_entities(store, russia, moscow, gazetteer=build_tools.gazetteer)
        assert not store.entities_stale()
        assert find_entity_ids(store, "Moscow") == [merged]
        assert entity_corrections(store)[0] == Correction("merge", "russia", "moscow")


def test_a_review_is_recorded_and_an_unknown_claim_refused(seeds_db: Path, tmp_path: Path) -> None:
    db = _copy(seeds_db, tmp_path, "kb.db")
    with Store.open(db) as store:
        claim = next(iter_claims(store)).id
        review_claim(store, claim)
        review_claim(store, claim)  # again: still one review
        with pytest.raises(UnknownRecord, match="no claim"):
            review_claim(store, "clm_0000000000000000")
    with closing(sqlite3.connect(db)) as connection:
        assert [row[0] for row in connection.execute("SELECT claim_id FROM claim_reviews")] == [claim]

"""Adding articles to a built database resolves only what changed, to the result a full
rebuild gives: entities are written again only where they differ, places reuse the close
spellings earlier builds matched, and the facts stage is told what changed."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.export import export
from claimgraph.resolve.corpus import _FUZZY_STATE
from claimgraph.store.state import read_state


def _export(db: Path) -> list[str]:
    out = io.StringIO()
    with Store.open(db) as store:
        export(store, "jsonl", out)
    return out.getvalue().splitlines()


def _entity_rows(db: Path) -> list[tuple[str, ...]]:
    with Store.open(db) as store:
        return sorted(tuple(map(str, row)) for row in store.connection.execute(
            "SELECT e.id, e.name, e.type, e.aliases, (SELECT group_concat(key || '/' || type) FROM entity_keys k WHERE k.entity_id = e.id), "
            "(SELECT group_concat(m.key || '>' || m.into_key || ':' || m.reason, '|') FROM entity_merges m WHERE m.entity_id = e.id) FROM entities e"))


def test_adding_articles_gives_what_a_full_rebuild_gives(tmp_path: Path, build_tools: BuildTools, shared: Path) -> None:
    stories = (shared / "corpus" / "stories" / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text("".join(stories[:-6]), encoding="utf-8")
    later.write_text("".join(stories[-6:]), encoding="utf-8")
    seeds = shared / "corpus" / "seeds"

    build([first, seeds], store=tmp_path / "incremental.db", options=BuildOptions(), tools=build_tools)
    report = build([first, seeds, later], store=tmp_path / "incremental.db", options=BuildOptions(), tools=build_tools)
    build([first, seeds, later], store=tmp_path / "full.db", options=BuildOptions(), tools=build_tools)

    assert report.added == 6 and len(report.stored) == 6
    assert _export(tmp_path / "incremental.db") == _export(tmp_path / "full.db")
    assert _entity_rows(tmp_path / "incremental.db") == _entity_rows(tmp_path / "full.db")


def test_close_spellings_matched_once_are_kept_for_the_next_build(tmp_path: Path, build_tools: BuildTools, shared: Path) -> None:
    db = tmp_path / "kb.db"
    build([shared / "corpus" / "seeds"], store=db, options=BuildOptions(), tools=build_tools)
    with Store.open(db) as store:
        kept = json.loads(read_state(store, _FUZZY_STATE) or "{}")
    assert kept["matches"] and kept["gazetteer"].startswith(str(build_tools.gazetteer.path.resolve()) if build_tools.gazetteer else "")

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with Store.open(copy) as store:  # a wrong memory would show: the rebuild must not read it as it stands
        store.connection.execute("UPDATE state SET value = ? WHERE name = ?",
                                 (json.dumps({"gazetteer": "another gazetteer", "matches": {}}), _FUZZY_STATE))
        store.mark_entities_stale()
    build([], store=copy, options=BuildOptions(), tools=build_tools)
    assert _export(copy) == _export(db)


def test_the_country_name_index_lists_names_in_the_order_fuzzy_matching_always_read_them(build_tools: BuildTools) -> None:
    """Fuzzy matching keeps the first of equally close names: the index must keep their order."""
    gazetteer = build_tools.gazetteer
    assert gazetteer is not None
    for country in ("ML", "GB"):
        keys, ids = gazetteer.name_index_of_country(country)
        assert keys == gazetteer.name_keys_in_country(country)
        assert ids == tuple(place.id for _, place in gazetteer.names_in_country(country))

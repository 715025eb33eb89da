"""The extraction components and the readers are found through their registries and run in
the declared order: the shape a new language, component or input format plugs into."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.analyze import load_pipeline_config
from claimgraph.errors import ModelNotAvailable
from claimgraph.extract.components import EXTENSIONS
from claimgraph.extract.resources import languages_with, load_lexicon_data
from claimgraph.ingest import all_readers, supported_suffixes
from claimgraph.ingest.readers import reader_for


def test_every_extraction_family_is_a_component_of_the_english_pipeline(build_tools) -> None:
    names = build_tools.nlp.pipe_names
    families = ["claimgraph_dates", "claimgraph_mentions", "claimgraph_places", "claimgraph_descriptions",
                "claimgraph_attribution", "claimgraph_claims", "claimgraph_quantities", "claimgraph_events", "claimgraph_ties"]
    assert [n for n in names if n in families] == families  # in the declared order
    assert names.index("claimgraph_paragraph_breaks") < names.index("parser")


def test_each_component_reads_only_what_an_earlier_one_wrote(build_tools) -> None:
    # spaCy checks `requires` against the `assigns` of the components before: the article is
    # the only thing set from outside the pipeline.
    problems = build_tools.nlp.analyze_pipes(pretty=False)["problems"]
    assert {attr for found in problems.values() for attr in found} == {"doc._.article"}


def test_every_assigned_extension_is_documented(build_tools) -> None:
    for name in build_tools.nlp.pipe_names:
        for attr in build_tools.nlp.get_pipe_meta(name).assigns:
            if attr.startswith("doc._."):
                assert attr.removeprefix("doc._.") in EXTENSIONS, attr


def test_the_declared_default_language_has_a_pipeline_and_every_lexicon() -> None:
    config = load_pipeline_config()
    assert config.default_language in config.languages
    for name in ("attribution", "entity_types", "events", "name_heads", "places", "quantities", "relations", "time"):
        assert config.default_language in languages_with(name)


def test_a_lexicon_missing_for_a_language_is_a_clear_error() -> None:
    with pytest.raises(ModelNotAvailable, match="no 'events' lexicon for language 'xx'"):
        load_lexicon_data("events", "xx")


def test_an_article_in_a_language_without_a_pipeline_is_not_parsed(build_tools) -> None:
    assert build_tools.pipelines.for_language("xx") is None


def test_readers_are_found_by_name_and_by_suffix() -> None:
    readers = all_readers()
    assert {"text", "html", "json", "jsonl"} <= set(readers)
    assert reader_for(Path("a/b.HTM"), readers).name == "html"
    assert reader_for(Path("dump.ndjson"), readers).name == "jsonl"
    assert reader_for(Path("scan.tiff"), readers) is None
    assert ".txt" in supported_suffixes(readers)

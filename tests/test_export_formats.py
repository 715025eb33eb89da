"""The exporters' registry: every built-in format is found by name, an unknown name is an
error that lists the known ones, another package's format is picked up (by the library and
by `claimgraph export --format`), and ACLED's types come from the event taxonomy."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import catalogue
import pytest
from click.testing import CliRunner

from claimgraph import registry
from claimgraph.cli import cli
from claimgraph.errors import UnknownFormat
from claimgraph.export import (
    ExportFormat,
    OutputFolder,
    export,
    export_formats,
    get_export_format,
)
from claimgraph.export.formats.acled import acled_types
from claimgraph.query import Store
from claimgraph.taxonomy import load_taxonomy

from .conftest import build_news

BUILT_IN = ("acled", "csv", "ftm", "geojson", "gexf", "graphml", "jsonl", "plover")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    return build_news(tmp_path_factory.mktemp("formats"), build_tools, [
        ("Sahel Daily", "Ruvia sends troops", "Ruvia deployed 300 troops to Gao on 3 May 2021, officials said."),
    ])


@pytest.fixture
def extra_format() -> Iterator[str]:
    """A format registered as another package would (a writer whose docstring is its summary)."""
    def write_counts(store: Store, out: io.TextIOBase) -> dict[str, int]:
        """Record counts as text lines.

        More about it here."""
        out.write("counted\n")
        return {"line": 1}

    registry.exporters.register("test-counts", func=write_counts)
    yield "test-counts"
    catalogue._remove(("claimgraph", "exporters", "test-counts"))


def test_every_built_in_format_is_found_by_name() -> None:
    formats = export_formats()
    assert set(BUILT_IN) <= set(formats)
    for name in BUILT_IN:
        found = get_export_format(name)
        assert isinstance(found, ExportFormat) and found.name == name and found.summary
        assert found.write.__module__ == f"claimgraph.export.formats.{name}", "one module per format"


def test_an_unknown_format_is_an_error_that_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormat) as raised:
        get_export_format("kml")
    assert "'kml'" in str(raised.value)
    assert all(name in str(raised.value) for name in BUILT_IN)


def test_the_cli_refuses_an_unknown_format_with_the_known_ones(db: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "kml"])
    assert result.exit_code == 2
    assert "'kml' is not one of" in result.output and all(f"'{name}'" in result.output for name in BUILT_IN)


def test_the_cli_help_lists_every_format_with_its_summary() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"], terminal_width=200)
    assert "[acled|csv|ftm|geojson|gexf|graphml|jsonl|plover]" in result.output
    help_text = " ".join(result.output.split())
    assert help_text.startswith("Usage") and "jsonl: the export contract; acled: ACLED CSV of events (the codebook's columns); " in help_text
    assert all(f"{name}: {get_export_format(name).summary}" in help_text for name in BUILT_IN)


def test_a_format_from_another_package_is_picked_up(db: Path, extra_format: str, tmp_path: Path) -> None:
    found = get_export_format(extra_format)
    assert found.summary == "Record counts as text lines"
    with Store.open(db) as store:
        out = io.StringIO()
        assert export(store, extra_format, out) == {"line": 1} and out.getvalue() == "counted\n"
    target = tmp_path / "counts.txt"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", extra_format, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == "counted\n" and "exported 1 line" in result.stderr


def test_every_format_writes_through_one_signature(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        for name in BUILT_IN:
            if get_export_format(name).folder:
                counts = export(store, name, OutputFolder(tmp_path / name))
                assert any(n > 0 for n in counts.values()) and list((tmp_path / name).iterdir()), name
                with pytest.raises(TypeError):
                    export(store, name, io.StringIO())
                continue
            out = io.StringIO()
            counts = export(store, name, out)
            assert counts and any(n > 0 for n in counts.values()) and out.getvalue(), name


# What export/data/acled.json held before the taxonomy did: the ACLED export must not change.
_FORMER_ACLED_TYPES = {
    "ATTACK": ["Battles", "Armed clash"],
    "ATTACK/heavy-weapons": ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
    "ATTACK/explosives": ["Explosions/Remote violence", "Remote explosive/landmine/IED"],
    "ATTACK/suicide-attack": ["Explosions/Remote violence", "Suicide bomb"],
    "ATTACK/abduct": ["Violence against civilians", "Abduction/forced disappearance"],
    "ATTACK/assassinate": ["Violence against civilians", "Attack"],
    "MASS_KILLING": ["Violence against civilians", "Attack"],
    "AIRCRAFT_DOWNED": ["Explosions/Remote violence", "Shelling/artillery/missile attack"],
    "COUP": ["Strategic developments", "Other"],
    "DEPLOY": ["Strategic developments", "Change to group/activity"],
    "ARMS_TRANSFER": ["Strategic developments", "Change to group/activity"],
    "TRAINING": ["Strategic developments", "Change to group/activity"],
    "WITHDRAWAL": ["Strategic developments", "Change to group/activity"],
    "SURVEILLANCE_FLIGHT": ["Strategic developments", "Change to group/activity"],
    "BASE_HANDOVER": ["Strategic developments", "Non-violent transfer of territory"],
    "AGREEMENT": ["Strategic developments", "Agreement"],
    "PAYMENT": ["Strategic developments", "Agreement"],
    "MEDIA_BAN": ["Strategic developments", "Other"],
    "OTHER/arrest": ["Strategic developments", "Arrests"],
    "OTHER/confiscate": ["Strategic developments", "Non-violent transfer of territory"],
    "OTHER/demo": ["Protests", "Peaceful protest"],
    "OTHER/riot": ["Riots", "Violent demonstration"],
}


def test_acled_types_come_from_the_taxonomy_as_they_did_from_the_former_table() -> None:
    taxonomy = load_taxonomy()
    modes = {None, "troops", "military", "economic", "mass-killing", "aerial", "seize", "withdraw", "disapprove", "visit", "restrict",
             *(mode for event_type in taxonomy for mode in event_type.acled_by_mode)}
    for event_type in [*taxonomy.names(), "NOT_A_TYPE"]:
        for mode in modes:
            former = _FORMER_ACLED_TYPES.get(f"{event_type}/{mode}") or _FORMER_ACLED_TYPES.get(event_type) or ["", ""]
            assert acled_types(taxonomy, event_type, mode) == tuple(former), (event_type, mode)

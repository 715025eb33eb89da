"""The offline gazetteer: name keys, lookups by any spelling, regions, and GeoNames dumps a user brings.

Lookups use the session gazetteer (`build_tools.gazetteer`, built once on the default path).
Tests that load a dump work on a copy of that file in tmp_path: the shared one is never written.
The villages of the dumps (Ouarzaba, Kelmassa) and their geonameids are invented.
"""

from __future__ import annotations

import io
import pickle
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from claimgraph import BuildOptions, Store, build
from claimgraph.export import contract_records
from claimgraph.gazetteer import (
    Gazetteer,
    GazetteerMissing,
    load_geonames_file,
    place_key,
)
from claimgraph.gazetteer.geonames_points import (
    _PlainUnpickler,
    _region,
    read_geonames_extract,
)
from claimgraph.gazetteer.sources import descriptive_words

from .conftest import write_article


def _ids(gazetteer: Gazetteer, name: str) -> set[str]:
    return {named.place.id for named in gazetteer.places_named(name)}


def _only(gazetteer: Gazetteer, name: str, *, kind: str | None = None):
    found = [n for n in gazetteer.places_named(name) if kind is None or n.place.kind == kind]
    assert len(found) == 1, f"{name!r}: {[(n.place.name, n.place.kind, n.place.country) for n in gazetteer.places_named(name)]}"
    return found[0]


# 1. Name keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ségou", "segou"),
        ("SÉGOU", "segou"),
        ("  Kidal ", "kidal"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Côte d'Ivoire", "cote d ivoire"),
        ("the Sahel", "sahel"),
        ("The Gambia", "gambia"),
        ("The Hague", "hague"),
        ("El Salvador", "el salvador"),
        ("Gao's", "gao"),
        ("Kyiv’s", "kyiv"),
        ("ФРАНЦИЯ", "франция"),
        ("Ouagadougou.", "ouagadougou"),
    ],
)
def test_place_key_folds_accents_case_punctuation_and_a_leading_article(name: str, key: str) -> None:
    assert place_key(name) == key


def test_a_lone_article_is_kept_as_the_key() -> None:
    """Only a *leading* article goes: "The" by itself is not an empty name."""
    assert place_key("The") == "the"
    assert place_key("Las Vegas") == "las vegas"  # "las" is not one of the articles dropped


def test_spellings_that_differ_only_in_accents_find_the_same_place(build_tools) -> None:
    gazetteer = build_tools.gazetteer
    assert _ids(gazetteer, "Ségou") == _ids(gazetteer, "SEGOU") == _ids(gazetteer, "segou")
    (segou,) = [n for n in gazetteer.places_named("Segou") if n.place.kind != "region"]  # the town, beside its region
    assert (segou.place.name, segou.place.country, segou.primary) == ("Ségou", "ML", True)


# 2. Alternate names ---------------------------------------------------------------------------


def test_an_old_name_finds_the_city_under_its_current_name(build_tools) -> None:
    gazetteer = build_tools.gazetteer
    mumbai = _only(gazetteer, "Mumbai")
    assert (mumbai.place.country, mumbai.primary) == ("IN", True)
    bombay = {n.place.id: n for n in gazetteer.places_named("Bombay")}
    assert mumbai.place.id in bombay
    assert bombay[mumbai.place.id].primary is False  # found, but as an alternate name
    assert bombay[mumbai.place.id].place.population > 10_000_000


def test_kiev_and_kyiv_are_one_place(build_tools) -> None:
    gazetteer = build_tools.gazetteer
    kyiv = _only(gazetteer, "Kyiv")
    kiev = _only(gazetteer, "Kiev")
    assert kiev.place == kyiv.place
    assert kyiv.place.country == "UA"
    assert kyiv.place.lat == pytest.approx(50.45, abs=0.1) and kyiv.place.lon == pytest.approx(30.52, abs=0.1)
    assert (kyiv.primary, kiev.primary) == (True, False)


@pytest.mark.parametrize(("name", "code"), [("Франция", "FR"), ("Allemagne", "DE"), ("Deutschland", "DE"), ("Côte d’Ivoire", "CI")])
def test_a_country_is_found_under_its_names_in_other_languages(build_tools, name: str, code: str) -> None:
    country = _only(build_tools.gazetteer, name, kind="country")
    assert country.place.country == code
    assert country.place.lat is not None and country.place.lon is not None


@pytest.mark.parametrize(("name", "kind", "point"), [
    ("United States", "country", (39.76, -98.5)), ("Canada", "country", (60.10867, -113.64258)),
    ("India", "country", (22.0, 79.0)), ("Texas", "region", (31.25044, -99.25061)),
])
def test_countries_and_us_states_are_at_geonames_own_points(build_tools, name: str, kind: str, point) -> None:
    # Benchmarks score against these points; countryinfo puts the United States 235 km away.
    place = _only(build_tools.gazetteer, name, kind=kind).place
    assert (place.lat, place.lon) == pytest.approx(point, abs=0.01)


def test_the_geonames_points_file_is_read_without_running_code() -> None:
    assert read_geonames_extract().points["6252001"] == pytest.approx((39.76, -98.5))
    hostile = pickle.dumps([["x", "x", "US", 0.0, 0.0, "1", "country", 0], Path("/etc")])
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        _PlainUnpickler(io.BytesIO(hostile)).load()


def test_a_demonym_names_its_country_but_not_as_a_primary_name(build_tools) -> None:
    malian = _only(build_tools.gazetteer, "Malian", kind="country")
    assert (malian.place.name, malian.place.country, malian.primary) == ("Mali", "ML", False)


def test_an_unknown_name_finds_nothing(build_tools) -> None:
    assert build_tools.gazetteer.places_named("Zarvoskaya") == ()
    assert build_tools.gazetteer.places_named("") == ()


# 3. Regions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Sahel", "the Sahel", "Sahel region"])
def test_the_sahel_is_a_region_with_coordinates_in_the_sahel_belt(build_tools, name: str) -> None:
    # Burkina Faso also has a province named Sahel; the belt is the region without a country.
    (sahel,) = [n for n in build_tools.gazetteer.places_named(name) if n.place.kind == "region" and n.place.country is None]
    assert sahel.place.id == "claimgraph:region/sahel" and sahel.primary
    assert sahel.place.country is None  # it spans countries
    assert 10 <= sahel.place.lat <= 20 and -17 <= sahel.place.lon <= 40


def test_the_middle_east_is_a_region_beside_a_namesake_village(build_tools) -> None:
    found = build_tools.gazetteer.places_named("the Middle East")
    region = [n.place for n in found if n.place.kind == "region"]
    assert [r.id for r in region] == ["claimgraph:region/middle-east"]
    assert 20 <= region[0].lat <= 38 and 30 <= region[0].lon <= 55
    # A village of the same name exists; telling them apart is the resolver's job.
    assert any(n.place.kind != "region" for n in found)


def test_a_continent_and_a_us_state_are_broad_places(build_tools) -> None:
    africa = _only(build_tools.gazetteer, "Africa", kind="continent")
    assert africa.place.country is None and africa.place.lat is not None
    alabama = _only(build_tools.gazetteer, "Alabama", kind="region")
    assert (alabama.place.country, alabama.place.admin1) == ("US", "AL")


def test_geonames_regions_that_are_no_division_are_areas(build_tools) -> None:
    # GeoNames RGN features: a desert spanning countries, a river basin inside one.
    kalahari = _only(build_tools.gazetteer, "Kalahari", kind="area")
    assert kalahari.primary and kalahari.place.country is None and -30 <= kalahari.place.lat <= -18
    murray = _only(build_tools.gazetteer, "Murray", kind="area")
    assert (murray.place.name, murray.place.country) == ("The Murray", "AU")


def test_a_geonames_region_keeps_latin_names_as_primary_and_drops_descriptions() -> None:
    # Rows as the package ships them: [name, official name, country, lon, lat, geonameid, type, population].
    rows = [["Vantor Basin", "Vantor Basin", "UA", 38.5, 48.5, "9100001", "region", 0],
            ["Vantorbas", "Vantor Basin", "UA", 38.5, 48.5, "9100001", "region", 0],
            ["Вантор", "Vantor Basin", "UA", 38.5, 48.5, "9100001", "region", 0],
            ["East Bank", "Vantor Basin", "UA", 38.5, 48.5, "9100001", "region", 0]]
    area = _region("9100001", rows, descriptive_words())
    assert (area.id, area.kind, area.country, (area.lat, area.lon)) == ("geonames:9100001", "area", "UA", (48.5, 38.5))
    assert area.primary_names == {"Vantor Basin", "Vantorbas"} and area.other_names == {"Вантор"}
    # Named by compass and landform words only, inside one country: a description, left out...
    assert _region("9100002", [["Upper Valley", "Upper Valley", "JO", 35.6, 31.9, "9100002", "region", 0]],
                   descriptive_words()) is None
    # ...but a region spanning countries keeps such a name (the file holds NaN for its country).
    spanning = _region("9100003", [["Far East", "Far East", float("nan"), 120.0, 40.0, "9100003", "region", 9]],
                       descriptive_words())
    assert (spanning.country, spanning.primary_names, spanning.population) == (None, {"Far East"}, 9)


# 4. GeoNames dumps ----------------------------------------------------------------------------

# The 19 GeoNames columns: geonameid, name, asciiname, alternatenames, latitude, longitude,
# feature class, feature code, country code, cc2, admin1, admin2, admin3, admin4, population,
# elevation, dem, timezone, modification date.
DUMP_LINES = [
    "99000001\tOuarzaba\tOuarzaba\tWarzaba,Ouarzabah\t16.41\t-0.12\tP\tPPL\tML\t\t09\t\t\t\t850\t\t262\t\t2024-01-15",
    "99000002\tKelmassa\tKelmassa\tKelmasa,KLM\t16.02\t0.31\tP\tPPL\tML\t\t09\t\t\t\t1200\t\t255\t\t2024-01-15",
    "99000003\tOuarzaba Airstrip\tOuarzaba Airstrip\tOZB\t16.43\t-0.10\tS\tAIRF\tML\t\t09\t\t\t\t0\t\t260\t\t2024-01-15",
    "99000004\tOued Ouarzaba\tOued Ouarzaba\t\t16.40\t-0.15\tH\tWAD\tML\t\t09\t\t\t\t0\t\t250\t\t2024-01-15",
    "99000005\tBroken line\t16.4\t-0.1",
    "99000006\tTinzabar\tTinzabar\t\tnorth\t-0.2\tP\tPPL\tML\t\t09\t\t\t\t300\t\t250\t\t2024-01-15",
]


def _write_dump(path: Path) -> Path:
    path.write_text("\n".join(DUMP_LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gazetteer_copy(tmp_path: Path, build_tools) -> Path:
    """A copy of the session gazetteer that a test may load dumps into."""
    return Path(shutil.copy(build_tools.gazetteer.path, tmp_path / "gazetteer.sqlite"))


def test_a_geonames_dump_adds_its_places_and_reports_its_bad_lines(tmp_path: Path, gazetteer_copy: Path) -> None:
    report = load_geonames_file(gazetteer_copy, _write_dump(tmp_path / "ML.txt"))
    # Two villages and an airstrip; the wadi (a river bed, class H) is not a place kind and is passed over.
    assert report.places == 3
    assert [(p.line, p.reason) for p in report.problems] == [
        (5, "4 columns, expected 19"),
        (6, "latitude, longitude or population is not a number"),
    ]
    gazetteer = Gazetteer(gazetteer_copy)
    try:
        village = _only(gazetteer, "Ouarzaba")
        assert village.primary
        assert village.place.id == "geonames:99000001"
        assert (village.place.country, village.place.kind, village.place.population, village.place.admin1) == ("ML", "village", 850, "09")
        assert (village.place.lat, village.place.lon) == (pytest.approx(16.41), pytest.approx(-0.12))
        for alternate in ("Warzaba", "Ouarzabah"):
            found = _only(gazetteer, alternate)
            assert (found.place.id, found.primary) == ("geonames:99000001", False)
        assert _only(gazetteer, "Kelmasa").place.id == "geonames:99000002"
        assert _only(gazetteer, "Ouarzaba Airstrip").place.kind == "airport"
        assert gazetteer.places_named("OZB") == ()  # an airport code is not a name
        assert gazetteer.places_named("KLM") == ()
        assert gazetteer.places_named("Oued Ouarzaba") == ()
        assert gazetteer.places_named("Tinzabar") == ()  # its line was skipped
        assert gazetteer.describe()["sources"]["ML.txt"] == 3
        assert _only(gazetteer, "Gao", kind="city").place.country == "ML"  # the packaged places are still there
    finally:
        gazetteer.close()


def test_the_shared_gazetteer_does_not_know_the_invented_villages(build_tools) -> None:
    """The dump tests above and below are only meaningful if the packaged data lacks these names."""
    for name in ("Ouarzaba", "Warzaba", "Kelmassa", "Kelmasa"):
        assert build_tools.gazetteer.places_named(name) == ()


def test_a_zipped_dump_loads_like_the_plain_file(tmp_path: Path, gazetteer_copy: Path) -> None:
    archive = tmp_path / "ML.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("ML.txt", "\n".join(DUMP_LINES) + "\n")
        bundle.writestr("readme.txt", "not a dump: GeoNames ships a readme in every zip\n")
    report = load_geonames_file(gazetteer_copy, archive)
    assert report.places == 3
    assert [p.line for p in report.problems] == [5, 6]
    gazetteer = Gazetteer(gazetteer_copy)
    try:
        assert _only(gazetteer, "Warzaba").place.id == "geonames:99000001"
        assert _only(gazetteer, "Kelmassa").place.kind == "village"
    finally:
        gazetteer.close()


def test_loading_a_dump_again_updates_its_places_in_place(tmp_path: Path, gazetteer_copy: Path) -> None:
    dump = _write_dump(tmp_path / "ML.txt")
    load_geonames_file(gazetteer_copy, dump)
    dump.write_text(DUMP_LINES[0].replace("\t850\t", "\t6200\t") + "\n", encoding="utf-8")
    report = load_geonames_file(gazetteer_copy, dump)
    assert (report.places, report.problems) == (1, ())
    gazetteer = Gazetteer(gazetteer_copy)
    try:
        village = _only(gazetteer, "Ouarzaba")  # still one place, now a town
        assert (village.place.population, village.place.kind) == (6200, "town")
    finally:
        gazetteer.close()


def test_loading_into_a_missing_gazetteer_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    with pytest.raises(GazetteerMissing, match="no gazetteer here"):
        load_geonames_file(missing, _write_dump(tmp_path / "ML.txt"))
    assert not missing.exists()


# 5. The command line --------------------------------------------------------------------------


def test_cli_load_then_build_geocodes_a_village_only_the_dump_knows(
    tmp_path: Path, gazetteer_copy: Path, build_tools, claimgraph_cli: list[str]
) -> None:
    """The user-brings-a-dump path: a village the packaged data lacks has no place until its
    country's GeoNames file is loaded, then `claimgraph build --gazetteer` places it."""
    corpus = tmp_path / "corpus"
    write_article(corpus, "herders.txt", "Herders attacked in Mali", [
        "Gunmen killed six herders in Ouarzaba on Sunday, officials in Mali said.",
        "The survivors of Ouarzaba fled to Gao, where the army has a base.",
    ])
    with Store.open(tmp_path / "before.db") as store:  # the packaged gazetteer
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        before = {r["name"]: r for r in contract_records(store) if r["kind"] == "entity"}
    assert "Ouarzaba" in before and before["Ouarzaba"]["place"] is None

    dump = _write_dump(tmp_path / "ML.txt")
    loaded = subprocess.run([*claimgraph_cli, "gazetteer", "load", str(dump), "--gazetteer", str(gazetteer_copy)], capture_output=True, text=True, check=False)
    assert loaded.returncode == 0, loaded.stderr
    assert f"{dump}: 3 places loaded, 2 lines skipped" in loaded.stdout
    assert f"{dump}:5: skipped: 4 columns, expected 19" in loaded.stderr
    assert f"{dump}:6: skipped: latitude, longitude or population is not a number" in loaded.stderr

    db = tmp_path / "after.db"
    built = subprocess.run([*claimgraph_cli, "build", str(corpus), "--db", str(db), "--gazetteer", str(gazetteer_copy), "-q"], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    with Store.open(db) as store:
        after = {r["name"]: r for r in contract_records(store) if r["kind"] == "entity"}
    place = after["Ouarzaba"]["place"]
    assert place is not None
    assert (place["gazetteer_id"], place["name"], place["country"], place["kind"], place["precision"]) == (
        "geonames:99000001", "Ouarzaba", "ML", "village", "town")
    assert (place["lat"], place["lon"]) == (pytest.approx(16.41), pytest.approx(-0.12))
    assert after["Gao"]["place"]["country"] == "ML"


def test_cli_load_of_a_file_without_any_place_exits_3(tmp_path: Path, gazetteer_copy: Path, claimgraph_cli: list[str]) -> None:
    dump = tmp_path / "broken.txt"
    dump.write_text(DUMP_LINES[4] + "\n" + DUMP_LINES[5] + "\n", encoding="utf-8")
    result = subprocess.run([*claimgraph_cli, "gazetteer", "load", str(dump), "--gazetteer", str(gazetteer_copy)], capture_output=True, text=True, check=False)
    assert result.returncode == 3
    assert "0 places loaded, 2 lines skipped" in result.stdout
    assert f"{dump}:1: skipped: 4 columns, expected 19" in result.stderr


def test_cli_lookup_lists_every_place_a_name_can_stand_for(build_tools, claimgraph_cli: list[str]) -> None:
    path = str(build_tools.gazetteer.path)
    bombay = subprocess.run([*claimgraph_cli, "gazetteer", "lookup", "Bombay", "--gazetteer", path], capture_output=True, text=True, check=False)
    assert bombay.returncode == 0
    lines = bombay.stdout.splitlines()
    assert len(lines) == len(build_tools.gazetteer.places_named("Bombay")) >= 2
    assert "geonames:1275339  Mumbai (city, IN, pop. 12,691,836)  19.0728, 72.8826" in lines
    unknown = subprocess.run([*claimgraph_cli, "gazetteer", "lookup", "Zarvoskaya", "--gazetteer", path], capture_output=True, text=True, check=False)
    assert (unknown.returncode, unknown.stdout) == (0, "")
    assert "no place by that name" in unknown.stderr


def test_cli_lookup_without_a_gazetteer_fails_and_builds_nothing(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    missing = tmp_path / "none.sqlite"
    result = subprocess.run([*claimgraph_cli, "gazetteer", "lookup", "Kyiv", "--gazetteer", str(missing)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"Error: {missing}: no gazetteer here" in result.stderr
    assert not missing.exists()


def test_two_builds_started_together_each_finish_a_whole_gazetteer(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    # Parallel first runs on a new machine each build the missing gazetteer; they must not
    # write one partial file together.
    path = tmp_path / "gazetteer.sqlite"
    builds = [subprocess.Popen([*claimgraph_cli, "gazetteer", "build", "--gazetteer", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(build.communicate(timeout=600), build.returncode)[::-1] for build in builds]

    assert [code for code, _ in results] == [0, 0], [err for _, (_, err) in results]
    assert {out.split(":")[0] for _, (out, _) in results} == {str(path)}
    assert Gazetteer(path).places_named("Kyiv")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]

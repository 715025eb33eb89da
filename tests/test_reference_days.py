"""An article dated only to a month takes the day it speaks from from the corpus's dated
accounts of the same happening (resolve/reference_days.py), and is read again from it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildTools, Store, build
from claimgraph.ingest.metadata import published_from
from claimgraph.resolve.reference_days import reference_days
from claimgraph.store.read import StoredDate, iter_dates, iter_documents

DATED = ("Sahel Daily", "2023-03-13", "Gunmen attack market",
         "Gunmen attacked the central market in Gao on Sunday, the police said. Stalls were burned.")
MONTH_ONLY = ("Kessa Times", "2023-03", "Ruvia denies a role",
              ("Gunmen attacked traders in Gao on Sunday. Ruvia denied on Monday that its soldiers had taken part. "
              "\"The market was attacked yesterday,\" the Ruvian foreign ministry said."))


def _weekday(doc: str, value: str, *, future: bool = False) -> StoredDate:
    return StoredDate(id=value, doc=doc, start=0, end=1, text="", value=value, type="DATE", anchor="document", future=future)


def test_the_day_the_corpus_gives_a_weekday_makes_the_article_speak_from_the_last_day_it_names() -> None:
    assert date(2023, 3, 12).isoweekday() == 7
    placed = [("month", "XXXX-WXX-7", "gao"), ("dated", "2023-03-12", "gao"), ("dated", "2023-03-14", "gao")]
    dates = {"month": [_weekday("month", "XXXX-WXX-7"), _weekday("month", "XXXX-WXX-1"), _weekday("month", "XXXX-WXX-5", future=True)]}

    # Sunday the 12th at Gao; it names Monday too: it speaks from Monday the 13th (not the
    # Friday it says will come).
    assert reference_days({"month": "2023-03"}, placed, dates) == {"month": "2023-03-13"}


@pytest.mark.parametrize(("named", "reference"), [
    (["XXXX-WXX-7", "XXXX-WXX-6"], "2023-03-12"),  # "gathered on Saturday ... stormed on Sunday": Sunday
    (["XXXX-WXX-7", "XXXX-WXX-1TMO"], "2023-03-13"),  # "on Monday morning" names Monday
    (["XXXX-WXX-6", "XXXX-WXX-7", "XXXX-WXX-1"], "2023-03-13"),
])
def test_the_article_speaks_from_the_day_closing_the_shortest_run_of_the_days_it_names(named: list[str], reference: str) -> None:
    placed = [("month", "XXXX-WXX-7", "gao"), ("dated", "2023-03-12", "gao")]
    assert reference_days({"month": "2023-03"}, placed, {"month": [_weekday("month", v) for v in named]}) == {"month": reference}


@pytest.mark.parametrize(("placed", "month", "why"), [
    ([("month", "XXXX-WXX-7", "gao"), ("a", "2023-03-12", "gao"), ("b", "2023-03-19", "gao")], "2023-03", "two Sundays told there"),
    ([("month", "XXXX-WXX-7", "gao"), ("a", "2023-03-12", "kidal")], "2023-03", "the dated account is of another town"),
    ([("month", "XXXX-WXX-7", "gao"), ("a", "2023-01-15", "gao")], "2023-03", "the dated Sunday is months before the article"),
    ([("month", "XXXX-WXX-7", "gao"), ("a", "2023-03-26", "gao")], "2023-02", "the dated Sunday is after the article's month"),
])
def test_no_day_is_given_where_the_corpus_does_not_settle_one(placed: list[tuple[str, str, str]], month: str, why: str) -> None:
    assert reference_days({"month": month}, placed, {"month": [_weekday("month", "XXXX-WXX-7")]}) == {}, why


def test_a_date_given_to_its_month_only_keeps_that_precision() -> None:
    assert published_from("2023-07") == published_from(" 2023-07 ")
    assert (published_from("2023-07").value, published_from("2023-07").basis) == ("2023-07", "metadata")
    assert published_from("2023-13").value is None and published_from("0000-07").value is None


def _write(folder: Path, articles: list[tuple[str, str, str, str]]) -> Path:
    folder.mkdir(parents=True)
    for index, (outlet, published, title, text) in enumerate(articles):
        record = {"title": title, "outlet": outlet, "date_publish": published, "text": text}
        (folder / f"article{index}.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def _dates_of(store: Store, outlet: str) -> dict[str, str]:
    (doc,) = [d.id for d in iter_documents(store) if d.outlet == outlet]
    return {d.text: d.value for d in iter_dates(store) if d.doc == doc}


def test_a_month_dated_article_is_read_again_from_the_day_another_article_gives(tmp_path: Path, build_tools: BuildTools) -> None:
    corpus = _write(tmp_path / "corpus", [DATED, MONTH_ONLY])
    with Store.open(tmp_path / "kb.db") as store:
        report = build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        dates = _dates_of(store, "Kessa Times")
        published = next(d.published_value for d in iter_documents(store) if d.outlet == "Kessa Times")

    assert len(report.redated) == 1
    assert published == "2023-03"  # the publication date stays what the metadata says
    assert dates == {"Sunday": "2023-03-12", "Monday": "2023-03-13", "yesterday": "2023-03-12"}


def test_alone_a_month_dated_article_keeps_its_weekdays_unresolved(tmp_path: Path, build_tools: BuildTools) -> None:
    corpus = _write(tmp_path / "corpus", [MONTH_ONLY])
    with Store.open(tmp_path / "kb.db") as store:
        report = build([corpus], store=store, options=BuildOptions(), tools=build_tools)
        dates = _dates_of(store, "Kessa Times")

    assert report.redated == []
    assert dates["Sunday"] == "XXXX-WXX-7" and dates["Monday"] == "XXXX-WXX-1"


def test_an_article_added_later_settles_the_day_of_one_stored_before(tmp_path: Path, build_tools: BuildTools) -> None:
    first, later = _write(tmp_path / "first", [MONTH_ONLY]), _write(tmp_path / "later", [DATED])
    with Store.open(tmp_path / "kb.db") as store:
        build([first], store=store, options=BuildOptions(), tools=build_tools)
        report = build([first, later], store=store, options=BuildOptions(), tools=build_tools)
        dates = _dates_of(store, "Kessa Times")
        again = build([first, later], store=store, options=BuildOptions(), tools=build_tools)

    assert (report.added, len(report.redated)) == (1, 1)
    assert dates["Monday"] == "2023-03-13"
    assert again.redated == [] and again.added == 0

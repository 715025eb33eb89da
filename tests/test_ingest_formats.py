"""Every input format through the real `build`: plain text, HTML, JSONL, JSON, folders.

Real files in tmp_path, the real spaCy pipeline (the session `build_tools`), a real SQLite
store; the assertions read the stored documents back.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph import BuildOptions, BuildReport, BuildTools, Store, build
from claimgraph.export import contract_records
from claimgraph.store import StoredDocument, iter_documents

from .conftest import write_article

FERRY_TITLE = "Harbour Council Approves New Ferry Terminal"
FERRY_PARAGRAPHS = [
    "The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront, ending a two-year dispute over the cost of the project.",
    "Mayor Helen Brandt said the terminal would open in 2026 and carry up to four thousand passengers a day between the mainland and the Skerry Islands.",
    "Opponents, led by councillor David Okafor, argued that a budget of 80 million dollars was far too high for a town of fewer than twenty thousand people.",
]

# About 300 words: long enough for word 5-gram shingles to tell a near copy from a new text.
BRIDGE_SENTENCES = [
    "Engineers from the regional roads agency began a full inspection of the Millbrook suspension bridge on Monday after cracks were found in two of its main cables.",
    "The bridge, which opened in 1968, carries about thirty thousand vehicles a day across the Tarran estuary and is the only direct link between the city and the northern suburbs.",
    "Agency director Sofia Marchetti said the cracks were discovered during a routine survey last week and that there was no immediate danger to drivers.",
    "Heavy lorries have nevertheless been banned from the bridge until the inspection is complete, and a speed limit of thirty kilometres an hour now applies to all other traffic.",
    "Local businesses in the northern suburbs said the lorry ban had already forced them to send deliveries on a detour of more than forty kilometres through the hills.",
    "The chamber of commerce asked the agency to publish a timetable for the repairs so that firms could plan their deliveries for the rest of the year.",
    "Marchetti told reporters that a timetable would be published once the engineers had measured the full extent of the damage to the cables and their anchorages.",
    "Opposition councillors accused the city government of neglecting maintenance for a decade and called for an independent review of every bridge in the region.",
    "The transport minister, Peter Lindgren, said on Tuesday that the national government would contribute to the cost of the repairs if the damage proved serious.",
    "Commuters interviewed at the southern end of the bridge said traffic had been slower than usual but that most journeys had taken only a few minutes longer.",
    "Bus operators added extra services on the two routes that cross the estuary and said they would keep them running for as long as the restrictions remained in place.",
    "The agency expects to present the results of the inspection to the city council at a public meeting in the second week of next month.",
    "Until then, engineers will monitor the cables around the clock with sensors installed at both towers during the weekend.",
]
BRIDGE_TITLE = "Cracks Found In Millbrook Bridge Cables"

UNRELATED_PARAGRAPHS = [
    "A new exhibition of textiles from the nineteenth century opened at the Ravenna Folk Museum on Saturday, drawing more than two thousand visitors on its first weekend.",
    "Curator Amal Haddad said the collection of embroidered shawls had been stored in the museum's basement for decades and had never before been shown to the public.",
    "The exhibition will travel to three other museums in the country next year before returning to Ravenna for a permanent display.",
]


def _build(paths: list[Path], db: Path, tools: BuildTools, **options: object) -> tuple[BuildReport, list[StoredDocument]]:
    with Store.open(db) as store:
        report = build(paths, store=store, options=BuildOptions(**options), tools=tools)
        documents = list(iter_documents(store))
    return report, documents


def test_txt_article_gets_its_headline_as_title_and_loses_trailing_furniture(tmp_path: Path, build_tools: BuildTools) -> None:
    path = tmp_path / "in" / "ferry.txt"
    path.parent.mkdir()
    path.write_text(FERRY_TITLE + "\n\n" + "\n\n".join(FERRY_PARAGRAPHS) + "\n\nShare this article\nRelated posts\nComments\n", encoding="utf-8")

    report, documents = _build([path], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped) == (1, [])
    (document,) = documents
    assert document.source == str(path.resolve())
    assert document.title == FERRY_TITLE
    assert not document.text.startswith(FERRY_TITLE)
    for furniture in ("Share this article", "Related posts", "Comments"):
        assert furniture in document.removed
        assert furniture not in document.text
    for paragraph in FERRY_PARAGRAPHS:
        assert paragraph in document.text
    assert document.language == "en"
    assert (document.published_value, document.published_basis) == (None, "unknown")


def test_html_page_yields_title_outlet_date_and_body_without_navigation_or_footer(tmp_path: Path, build_tools: BuildTools) -> None:
    body = [
        "A heavy autumn storm closed the Cardona mountain pass on Wednesday, stranding dozens of lorries on the northern approach road for most of the night.",
        "The regional transport office said snow ploughs from Berwick had reached the summit by morning and that the road would reopen once the avalanche risk had been assessed.",
        "Police spokesperson Anna Lindqvist urged drivers to avoid the route until Friday and to check the official traffic service before setting out.",
    ]
    page = tmp_path / "storm.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Storm Closes Mountain Pass | Valley Herald</title>"
        "<meta property='og:site_name' content='Valley Herald'>"
        "<meta property='article:published_time' content='2021-09-30T08:00:00Z'>"
        "</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
        "<article><h1>Storm Closes Mountain Pass</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
        "<footer><p>Subscribe to our newsletter</p><p>Copyright 2021 Valley Herald</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )

    report, documents = _build([page], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped) == (1, [])
    (document,) = documents
    assert document.title == "Storm Closes Mountain Pass"
    assert document.outlet == "Valley Herald"
    assert (document.published_value, document.published_basis) == ("2021-09-30", "metadata")
    for paragraph in body:
        assert paragraph in document.text
    assert document.text.startswith(body[0][:40])  # the <h1> headline is not repeated as the first line
    assert "Storm Closes Mountain Pass" not in document.text
    assert "Subscribe to our newsletter" not in document.text
    assert "Weather" not in document.text


def test_jsonl_records_become_one_document_per_line_with_their_metadata(tmp_path: Path, build_tools: BuildTools) -> None:
    records = [
        {
            "title": "Library Opens In Port Alder",
            "maintext": "The mayor of Port Alder opened the town's first public library in thirty years on Thursday. The building holds forty thousand books and a reading room for schoolchildren.",
            "date_publish": "2021-09-30 10:00:00",
            "url": "https://www.alder-gazette.example/news/library-opens",
            "source_domain": "alder-gazette.example",
            "language": "en",
        },
        {
            "title": "Early Grape Harvest Near Berwick",
            "text": "Farmers near Berwick began the grape harvest two weeks earlier than usual this year after a hot and dry summer. Growers expect a smaller but sweeter crop.",
            "date_publish": "2021-10-02 07:30:00",
            "url": "https://news.berwick.example/harvest",
            "source_domain": "news.berwick.example",
            "language": "en",
        },
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    report, documents = _build([dump], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped) == (2, [])
    by_source = {d.source: d for d in documents}
    key = str(dump.resolve())
    assert set(by_source) == {key + "#L1", key + "#L2"}
    for line, record in enumerate(records, start=1):
        document = by_source[f"{key}#L{line}"]
        assert document.title == record["title"]
        assert document.text == record.get("maintext", record.get("text"))
        assert document.url == record["url"]
        assert document.outlet == record["source_domain"]
        assert document.language == "en"
        assert (document.published_value, document.published_basis) == (record["date_publish"][:10], "metadata")


def test_json_list_gives_one_document_per_element_and_a_json_object_one_document(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    listed = [
        {"title": "Library Opens", "maintext": "The mayor of Port Alder opened the town's first public library in thirty years on Thursday afternoon."},
        {"title": "Harvest Starts Early", "maintext": "Farmers near Berwick began the grape harvest two weeks earlier than usual after a hot and dry summer."},
    ]
    single = {"headline": "Museum Shows Old Shawls", "content": UNRELATED_PARAGRAPHS[0], "url": "https://ravenna-post.example/shawls"}
    (folder / "list.json").write_text(json.dumps(listed), encoding="utf-8")
    (folder / "single.json").write_text(json.dumps(single), encoding="utf-8")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped) == (3, [])
    by_source = {d.source: d for d in documents}
    list_key, single_key = str((folder / "list.json").resolve()), str((folder / "single.json").resolve())
    assert set(by_source) == {list_key + "#0", list_key + "#1", single_key}
    assert [by_source[f"{list_key}#{i}"].title for i in range(2)] == ["Library Opens", "Harvest Starts Early"]
    assert by_source[list_key + "#1"].text == listed[1]["maintext"]
    assert by_source[single_key].title == "Museum Shows Old Shawls"
    assert by_source[single_key].url == single["url"]
    assert by_source[single_key].outlet == "ravenna-post.example"  # from the URL's host when no outlet field


def test_folders_are_walked_recursively_skipping_hidden_files_and_reporting_unsupported_types(tmp_path: Path, build_tools: BuildTools) -> None:
    root = tmp_path / "corpus"
    write_article(root, "top.txt", FERRY_TITLE, FERRY_PARAGRAPHS)
    write_article(root, "2021/09/deep.txt", BRIDGE_TITLE, BRIDGE_SENTENCES[:4])
    (root / "2021" / "museum.htm").write_text(
        "<html><head><title>Museum Shows Old Shawls</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in UNRELATED_PARAGRAPHS)
        + "</article></body></html>",
        encoding="utf-8",
    )
    write_article(root, ".drafts/hidden_folder.txt", "A Draft Never To Be Read", UNRELATED_PARAGRAPHS)
    write_article(root, "2021/.hidden_file.txt", "A Hidden Note Never To Be Read", UNRELATED_PARAGRAPHS)
    image = root / "2021" / "09" / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    report, documents = _build([root], tmp_path / "t.db", build_tools)

    sources = {Path(d.source).relative_to(root.resolve()).as_posix() for d in documents}
    assert sources == {"top.txt", "2021/09/deep.txt", "2021/museum.htm"}
    assert report.added == 3
    (skipped,) = report.skipped
    assert skipped.key == str(image.resolve())
    assert "unsupported" in skipped.reason and ".png" in skipped.reason
    assert report.read == 4  # hidden files are not inputs at all


def test_french_article_is_identified_as_french_and_stored(tmp_path: Path, build_tools: BuildTools) -> None:
    path = write_article(
        tmp_path,
        "marche.txt",
        "Le marché couvert de Rochefort rouvre ses portes",
        [
            "Après deux ans de travaux, le marché couvert de Rochefort a rouvert ses portes samedi matin devant plusieurs centaines d'habitants venus découvrir les nouveaux étals.",
            "Le maire a expliqué que la rénovation avait coûté près de quatre millions d'euros et que les commerçants paieraient des loyers plus bas qu'auparavant pendant la première année.",
            "Les producteurs de la région se sont réjouis de retrouver leurs clients, même si certains regrettent que le parking n'ait pas encore été agrandi.",
        ],
    )

    report, documents = _build([path], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped) == (1, [])
    (document,) = documents
    assert document.language == "fr"
    assert document.title == "Le marché couvert de Rochefort rouvre ses portes"
    assert "le marché couvert de Rochefort a rouvert ses portes samedi matin" in document.text


def test_exact_copy_in_another_file_is_stored_as_duplicate_of_the_first(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    first = write_article(folder, "a_original.txt", BRIDGE_TITLE, BRIDGE_SENTENCES)
    second = write_article(folder, "b_copy.txt", BRIDGE_TITLE, BRIDGE_SENTENCES)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert (report.added, report.duplicates) == (2, 1)
    by_source = {d.source: d for d in documents}
    original, copy = by_source[str(first.resolve())], by_source[str(second.resolve())]
    assert copy.text == original.text
    assert copy.id != original.id
    assert original.duplicate_of is None
    assert copy.duplicate_of == original.id


def test_near_copy_with_one_sentence_changed_is_a_duplicate_and_an_unrelated_article_is_not(tmp_path: Path, build_tools: BuildTools) -> None:
    assert 280 <= len(" ".join(BRIDGE_SENTENCES).split()) <= 360
    edited = list(BRIDGE_SENTENCES)
    edited[6] = "Marchetti declined to say how long the repairs might take, adding only that safety would come before speed in every decision."
    folder = tmp_path / "in"
    first = write_article(folder, "a_bridge.txt", BRIDGE_TITLE, BRIDGE_SENTENCES)
    near = write_article(folder, "b_bridge_updated.txt", BRIDGE_TITLE + " (Updated)", edited)
    other = write_article(folder, "c_museum.txt", "Museum Shows Old Shawls", UNRELATED_PARAGRAPHS)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert (report.added, report.duplicates, report.skipped) == (3, 1, [])
    by_source = {d.source: d for d in documents}
    original = by_source[str(first.resolve())]
    assert original.duplicate_of is None
    assert by_source[str(near.resolve())].text != original.text
    assert by_source[str(near.resolve())].duplicate_of == original.id
    assert by_source[str(other.resolve())].duplicate_of is None


def test_every_exported_entity_mention_is_the_exact_slice_of_its_document_text(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    write_article(folder, "ferry.txt", FERRY_TITLE, FERRY_PARAGRAPHS)
    write_article(folder, "bridge.txt", BRIDGE_TITLE, BRIDGE_SENTENCES)
    db = tmp_path / "t.db"
    report, _ = _build([folder], db, build_tools)
    assert report.added == 2 and report.mentions > 0

    with Store.open(db) as store:
        records = list(contract_records(store))
    texts = {r["id"]: r["text"] for r in records if r["kind"] == "document"}
    mentions = [m for r in records if r["kind"] == "entity" for m in r["mentions"]]

    assert len(mentions) == report.mentions
    assert {m["doc"] for m in mentions} == set(texts)
    for mention in mentions:
        assert 0 <= mention["start"] < mention["end"] <= len(texts[mention["doc"]])
        assert texts[mention["doc"]][mention["start"] : mention["end"]] == mention["text"], mention
    surfaces = {m["text"] for m in mentions}
    assert {"Helen Brandt", "Sofia Marchetti"} <= surfaces

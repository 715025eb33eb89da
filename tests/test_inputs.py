"""The input kinds beyond text, HTML and news records: RSS and Atom feeds, PDF, Word,
standard input, and the metadata header of scraped .txt files.

Every fixture is written here, by the test: feeds as XML text, PDFs by a minimal PDF writer
(`_pdf`), Word files with python-docx. Real builds with the real pipeline and SQLite; the
standard input through the real console script.
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
from pathlib import Path

import docx
import pytest

from claimgraph import BuildOptions, BuildReport, BuildTools, Store, build
from claimgraph.ingest import Skipped
from claimgraph.ingest.headers import load_header_rules, split_header
from claimgraph.ingest.readers.pdf import reflow
from claimgraph.ingest.readers.stdin import stream_units
from claimgraph.store import StoredDocument, iter_documents, store_stats

from .fuzz_inputs import pdf_bytes

ARMY = ("The army said on Monday that its soldiers had repelled an attack on the garrison in Port Alder, "
        "a fishing town on the northern coast, after a battle that lasted most of the night.")
BRIDGE = ("Engineers closed the Millbrook suspension bridge on Tuesday after cracks were found in two of its main cables, "
          "the regional roads agency said, and lorries were sent on a detour through the hills.")
FERRY = ("The council of Port Alder voted on Wednesday to build a new ferry terminal on the eastern waterfront, "
         "ending a two-year dispute over the cost of the project.")
MUSEUM = ("A museum in Ravenna opened an exhibition of embroidered shawls on Saturday, drawing more than two thousand "
          "visitors on its first weekend, its curator said.")


def _build(paths: list[Path | str], db: Path, tools: BuildTools) -> tuple[BuildReport, list[StoredDocument]]:
    with Store.open(db) as store:
        report = build(paths, store=store, options=BuildOptions(), tools=tools)
        documents = list(iter_documents(store))
    return report, documents


def _by_url(documents: list[StoredDocument]) -> dict[str | None, StoredDocument]:
    return {d.url: d for d in documents}


# --- Feeds ------------------------------------------------------------------------------------


def _rss(items: list[dict[str, str]], *, title: str = "Coast Wire") -> str:
    entries = "".join(
        f"<item><title>{item['title']}</title><link>{item['link']}</link><guid>{item['link']}</guid>"
        f"<pubDate>{item.get('date', 'Tue, 12 Mar 2024 10:00:00 GMT')}</pubDate>"
        + (f"<description><![CDATA[{item['html']}]]></description>" if "html" in item else "")
        + "</item>"
        for item in items
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://coastwire.example/</link><language>en</language>{entries}</channel></rss>")


ARMY_ITEM = {"title": "Garrison holds after night attack", "link": "https://coastwire.example/army", "html": f"<p>{ARMY}</p><p>Two soldiers were <b>wounded</b>.</p>"}
BRIDGE_ITEM = {"title": "Millbrook bridge closed", "link": "https://coastwire.example/bridge", "html": f"<p>{BRIDGE}</p>",
               "date": "Wed, 13 Mar 2024 07:15:00 GMT"}


def test_each_rss_entry_is_a_document_with_its_title_link_date_outlet_and_text(tmp_path: Path, build_tools: BuildTools) -> None:
    feed = tmp_path / "coast.rss"
    feed.write_text(_rss([ARMY_ITEM, BRIDGE_ITEM, {"title": "Headline only", "link": "https://coastwire.example/bare"}]), encoding="utf-8")

    report, documents = _build([feed], tmp_path / "t.db", build_tools)

    assert report.added == 2
    army = _by_url(documents)["https://coastwire.example/army"]
    assert (army.title, army.outlet, army.published_value, army.published_basis) == ("Garrison holds after night attack", "Coast Wire",
                                                                                     "2024-03-12", "metadata")
    assert army.source == f"{feed.resolve()}#https://coastwire.example/army"
    assert army.text == f"{ARMY}\n\nTwo soldiers were wounded."  # one paragraph per <p>, no markup
    assert _by_url(documents)["https://coastwire.example/bridge"].published_value == "2024-03-13"
    (bare,) = report.skipped
    assert bare.key.endswith("#https://coastwire.example/bare") and "no text" in bare.reason


def test_an_atom_entry_gives_its_content_before_its_summary(tmp_path: Path, build_tools: BuildTools) -> None:
    feed = tmp_path / "coast.atom"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title><id>urn:coast</id><updated>2024-03-12T10:00:00Z</updated>'
        '<entry><id>urn:coast:1</id><title>Ferry terminal approved</title><link href="https://coastwire.example/ferry"/>'
        "<updated>2024-03-14T09:00:00Z</updated><summary>A short teaser.</summary>"
        f'<content type="html">&lt;p&gt;{FERRY}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )

    report, (document,) = _build([feed], tmp_path / "t.db", build_tools)

    assert report.added == 1
    assert (document.text, document.title, document.published_value) == (FERRY, "Ferry terminal approved", "2024-03-14")
    assert document.source == f"{feed.resolve()}#urn:coast:1"


def test_reading_a_feed_again_with_a_new_entry_on_top_adds_only_that_entry(tmp_path: Path, build_tools: BuildTools) -> None:
    feed = tmp_path / "coast.xml"
    feed.write_text(_rss([ARMY_ITEM, BRIDGE_ITEM]), encoding="utf-8")
    _build([feed], tmp_path / "t.db", build_tools)
    ferry_item = {"title": "Ferry terminal approved", "link": "https://coastwire.example/ferry", "html": f"<p>{FERRY}</p>"}
    feed.write_text(_rss([ferry_item, ARMY_ITEM, BRIDGE_ITEM]), encoding="utf-8")

    report, documents = _build([feed], tmp_path / "t.db", build_tools)

    assert (report.added, report.unchanged, report.skipped) == (1, 2, [])
    assert len(documents) == 3


def test_a_feed_entry_whose_article_is_stored_is_not_stored_again(tmp_path: Path, build_tools: BuildTools) -> None:
    article = tmp_path / "army.json"  # the full article, with more text than the entry
    article.write_text(json.dumps({"url": ARMY_ITEM["link"], "title": "Garrison holds", "text": f"{ARMY}\n\n{MUSEUM}"}), encoding="utf-8")
    copy = tmp_path / "bridge.txt"  # another outlet's copy of the bridge story, under another link
    copy.write_text(f"Millbrook bridge closed\n\n{BRIDGE}\n", encoding="utf-8")
    _build([article, copy], tmp_path / "t.db", build_tools)
    feed = tmp_path / "coast.rss"
    feed.write_text(_rss([ARMY_ITEM, BRIDGE_ITEM]), encoding="utf-8")

    report, documents = _build([feed], tmp_path / "t.db", build_tools)

    assert (report.added, report.skipped, len(documents)) == (0, [], 2)
    reasons = {known.key.rsplit("/", 1)[1]: known.reason for known in report.already_stored}
    assert "its link" in reasons["army"] and str(article.resolve()) in reasons["army"]
    assert "its text" in reasons["bridge"] and str(copy.resolve()) in reasons["bridge"]
    again, _ = _build([feed], tmp_path / "t.db", build_tools)
    assert (again.added, again.unchanged, again.already_stored) == (0, 2, [])


def test_the_full_article_supersedes_the_feed_entry_stored_before_it(tmp_path: Path, build_tools: BuildTools) -> None:
    feed = tmp_path / "coast.rss"
    feed.write_text(_rss([ARMY_ITEM]), encoding="utf-8")
    _build([feed], tmp_path / "t.db", build_tools)
    article = tmp_path / "army.json"
    article.write_text(json.dumps({"url": ARMY_ITEM["link"], "title": "Garrison holds", "text": f"{ARMY}\n\n{MUSEUM}"}), encoding="utf-8")

    report, documents = _build([article], tmp_path / "t.db", build_tools)

    assert report.added == 1
    (superseded,) = report.already_stored
    assert superseded.key.endswith("#https://coastwire.example/army") and str(article.resolve()) in superseded.reason
    assert [d.source for d in documents] == [str(article.resolve())]
    again, documents = _build([feed, article], tmp_path / "t.db", build_tools)  # the feed read again adds nothing
    assert (again.added, again.unchanged, len(documents)) == (0, 2, 1)


def test_a_full_article_that_nearly_copies_the_entry_it_supersedes_is_stored_as_an_original(tmp_path: Path, build_tools: BuildTools) -> None:
    full_entry = {"title": "Millbrook bridge closed", "link": "https://coastwire.example/bridge", "html": f"<p>{BRIDGE}</p><p>{FERRY}</p><p>{MUSEUM}</p>"}
    feed = tmp_path / "coast.rss"  # a feed that carries whole articles
    feed.write_text(_rss([full_entry]), encoding="utf-8")
    _build([feed], tmp_path / "t.db", build_tools)
    page = tmp_path / "bridge.json"
    page.write_text(json.dumps({"url": full_entry["link"], "title": "Millbrook bridge closed",
                                "text": f"{BRIDGE}\n\n{FERRY}\n\n{MUSEUM}\n\nThe agency will report next month."}), encoding="utf-8")

    report, (document,) = _build([page], tmp_path / "t.db", build_tools)

    assert (report.added, report.duplicates, len(report.already_stored)) == (1, 0, 1)
    assert (document.source, document.duplicate_of) == (str(page.resolve()), None)


def test_xml_that_is_not_a_feed_is_skipped_naming_its_root_element(tmp_path: Path, build_tools: BuildTools) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>', encoding="utf-8")
    (tmp_path / "in" / "page.rss").write_text("<html><body><p>A web page saved under the wrong name</p></body></html>", encoding="utf-8")
    (tmp_path / "in" / "cut.rss").write_text("<rss><channel><item><title>Cut off", encoding="utf-8")  # read as far as it goes
    (tmp_path / "in" / "good.txt").write_text(f"Garrison holds\n\n{ARMY}\n", encoding="utf-8")

    report, documents = _build([tmp_path / "in"], tmp_path / "t.db", build_tools)

    assert [d.title for d in documents] == ["Garrison holds"]
    reasons = {Path(s.key).name: s.reason for s in report.skipped}
    assert reasons["sitemap.xml"].startswith("not an RSS or Atom feed") and "<urlset>" in reasons["sitemap.xml"]
    assert reasons["page.rss"].startswith("not an RSS or Atom feed") and "<html>" in reasons["page.rss"]
    assert [reason for name, reason in reasons.items() if name.startswith("cut.rss#")] == [
        "feed entry has no text, only a title and a link (read the article at its link instead)"]


# --- PDF ------------------------------------------------------------------------------------


def _pdf(pages: list[list[str]], *, info: dict[str, str] | None = None) -> bytes:
    """A minimal PDF 1.4: one Helvetica text object per page, a line per string (an empty
    string is an empty line), and an optional document information dictionary."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pages_id = 2 + 2 * len(pages)
    kids = []
    for lines in pages:
        shown = "".join("({}) Tj T* ".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")) for line in lines)
        stream = f"BT /F1 10 Tf 14 TL 50 780 Td {shown}ET".encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 1 0 R >> >> >>"
                       % (pages_id, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    trailer = b"/Root %d 0 R" % len(objects)
    if info:
        objects.append(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), v.encode("latin-1")) for k, v in info.items()) + b" >>")
        trailer += b" /Info %d 0 R" % len(objects)
    return pdf_bytes(objects, trailer=trailer)


# The army paragraph printed as a column of about 80 characters, as a PDF lays it out.
ARMY_LINES = ["The army said on Monday that its soldiers had repelled an attack on the garrison",
              "in Port Alder, a fishing town on the northern coast, after a battle that lasted",
              "most of the night."]


def test_a_pdf_gives_its_text_in_paragraphs_with_title_and_date_from_its_metadata(tmp_path: Path, build_tools: BuildTools) -> None:
    path = tmp_path / "army.pdf"
    path.write_bytes(_pdf([["Garrison holds after night attack", "", *ARMY_LINES], ["Two soldiers were wounded, a spokesman said."]],
                          info={"Title": "Garrison holds after night attack", "CreationDate": "D:20240312093000Z", "Producer": "test"}))

    report, (document,) = _build([path], tmp_path / "t.db", build_tools)

    assert report.added == 1
    assert (document.title, document.published_value, document.published_basis) == ("Garrison holds after night attack", "2024-03-12", "metadata")
    assert document.text == f"{ARMY}\n\nTwo soldiers were wounded, a spokesman said."


def test_a_pdf_title_that_is_only_a_file_name_is_not_taken(tmp_path: Path, build_tools: BuildTools) -> None:
    path = tmp_path / "army.pdf"
    path.write_bytes(_pdf([["Garrison holds after night attack", "", *ARMY_LINES]], info={"Title": "Microsoft Word - draft3.docx"}))

    _, (document,) = _build([path], tmp_path / "t.db", build_tools)

    assert document.title == "Garrison holds after night attack"  # the headline found in the text instead


def test_a_scanned_or_damaged_pdf_is_skipped_with_the_reason(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(_pdf([[], []], info={"Title": "Scanned report"}))
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    (folder / "renamed.pdf").write_bytes(b"GIF89a" + bytes(range(256)))
    (folder / "good.pdf").write_bytes(_pdf([["Garrison holds after night attack", "", *ARMY_LINES]]))

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert [Path(d.source).name for d in documents] == ["good.pdf"]
    reasons = {Path(s.key).name: s.reason for s in report.skipped}
    assert "no text layer" in reasons["scan.pdf"] and "2 pages" in reasons["scan.pdf"]
    assert reasons["damaged.pdf"].startswith("the PDF")
    assert reasons["renamed.pdf"] == "not a PDF file (no %PDF- header)"


def test_reflow_joins_the_lines_of_a_column_and_keeps_short_lines_apart() -> None:
    page = "\n".join(["A headline on its own", *ARMY_LINES, "Another paragraph."])
    assert reflow(page) == f"A headline on its own\n\n{ARMY}\n\nAnother paragraph."


# --- Word -----------------------------------------------------------------------------------


def _docx(path: Path, *, title: str | None, paragraphs: list[str], created: datetime.datetime | None = None) -> Path:
    document = docx.Document()
    if title:
        document.add_heading(title, level=0)  # the Title style
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if created:
        document.core_properties.created = created
    document.save(str(path))
    return path


def test_a_word_document_gives_its_paragraphs_title_and_creation_date(tmp_path: Path, build_tools: BuildTools) -> None:
    path = _docx(tmp_path / "ferry.docx", title="Ferry terminal approved", paragraphs=[FERRY, "", MUSEUM],
                 created=datetime.datetime(2024, 3, 14, 9, 30, tzinfo=datetime.UTC))

    report, (document,) = _build([path], tmp_path / "t.db", build_tools)

    assert report.added == 1
    assert (document.title, document.published_value, document.text) == ("Ferry terminal approved", "2024-03-14", f"{FERRY}\n\n{MUSEUM}")


def test_a_broken_or_empty_word_document_is_skipped_with_the_reason(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))  # an old binary .doc, renamed
    (folder / "zip.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    _docx(folder / "empty.docx", title=None, paragraphs=["", " "])
    _docx(folder / "good.docx", title="Ferry terminal approved", paragraphs=[FERRY])

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert [d.title for d in documents] == ["Ferry terminal approved"]
    reasons = {Path(s.key).name: s.reason for s in report.skipped}
    assert "not a Word .docx file" in reasons["old.docx"]
    assert "not a readable Word .docx file" in reasons["zip.docx"]
    assert reasons["empty.docx"] == "the Word document holds no text"


def test_an_unknown_extension_is_skipped_listing_every_accepted_one(tmp_path: Path, build_tools: BuildTools) -> None:
    path = tmp_path / "notes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")

    report, _ = _build([path], tmp_path / "t.db", build_tools)

    (skipped,) = report.skipped
    for suffix in (".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ".pdf", ".docx"):
        assert suffix in skipped.reason
    assert "'.doc'" in skipped.reason and "- for standard input" in skipped.reason


# --- Standard input ------------------------------------------------------------------------


def _build_stdin(claimgraph_cli: list[str], db: Path, data: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*claimgraph_cli, "build", "-", "--db", str(db), "--quiet"], check=False, input=data, capture_output=True, text=True, timeout=300)


def test_json_lines_on_standard_input_are_units_by_line_and_a_stream_never_replaces(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    db = tmp_path / "t.db"
    first = "\n".join([json.dumps({"title": "Garrison holds", "text": ARMY}), "{not json", "", json.dumps({"title": "Bridge closed", "text": BRIDGE})])

    result = _build_stdin(claimgraph_cli, db, first + "\n")

    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout and "1 skipped" in result.stdout
    assert "skipped -#L2: invalid JSON" in result.stderr
    second = _build_stdin(claimgraph_cli, db, json.dumps({"title": "Ferry approved", "text": FERRY}) + "\n")  # another stream, line 1 again
    assert "1 added" in second.stdout, second.stderr
    again = _build_stdin(claimgraph_cli, db, first + "\n")  # the first stream piped again: its articles are known by their text
    assert "0 added" in again.stdout, again.stderr
    with Store.open(db) as store:
        documents = list(iter_documents(store))
    assert sorted((d.source, d.title) for d in documents) == [("-#L1", "Ferry approved"), ("-#L1", "Garrison holds"), ("-#L4", "Bridge closed")]


def test_plain_text_on_standard_input_is_one_article(tmp_path: Path, claimgraph_cli: list[str]) -> None:
    db = tmp_path / "t.db"

    result = _build_stdin(claimgraph_cli, db, f"\nGarrison holds after night attack\n\n{ARMY}\n\n{MUSEUM}\n")

    assert result.returncode == 0, result.stderr
    with Store.open(db) as store:
        (document,) = list(iter_documents(store))
    assert (document.source, document.title, document.text) == ("-", "Garrison holds after night attack", f"{ARMY}\n\n{MUSEUM}")
    empty = _build_stdin(claimgraph_cli, tmp_path / "e.db", "\n\n")
    assert empty.returncode == 3 and "skipped -: standard input is empty" in empty.stderr


# --- The metadata header of scraped .txt files ---------------------------------------------


def test_a_txt_header_gives_url_outlet_date_and_title_and_is_not_text(tmp_path: Path, build_tools: BuildTools) -> None:
    path = tmp_path / "army.txt"
    path.write_text(f"url: https://coastwire.example/army\noutlet: Coast Wire\npublished: 2024-03-12\ntitle: Garrison holds\n\n"
                    f"Garrison holds\n{ARMY}\n", encoding="utf-8")

    _, (document,) = _build([path], tmp_path / "t.db", build_tools)

    assert (document.url, document.outlet, document.title) == ("https://coastwire.example/army", "Coast Wire", "Garrison holds")
    assert (document.published_value, document.published_basis) == ("2024-03-12", "metadata")
    assert document.text == ARMY  # neither the header nor the headline repeated below it


def test_a_title_rebuilt_from_the_url_slug_is_not_the_title(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "slug.txt").write_text(f"url: https://a.example/garrison-holds\noutlet: A\npublished: unknown\n"
                                     f"title: Garrison holds [from URL slug]\n\n{ARMY}\n", encoding="utf-8")
    (folder / "headline.txt").write_text(f"url: https://b.example/bridge\ntitle: Millbrook bridge [from URL slug]\npublished: 13 March 2024\n\n"
                                         f"Cracks close Millbrook bridge\n\n{BRIDGE}\n", encoding="utf-8")

    _, documents = _build([folder], tmp_path / "t.db", build_tools)

    slug, headline = sorted(documents, key=lambda d: d.source, reverse=True)
    assert (slug.title, slug.published_value, slug.text) == (None, None, ARMY)
    assert headline.title == "Cracks close Millbrook bridge"  # the headline in the text
    assert (headline.published_value, headline.published_basis) == ("2024-03-13", "text")  # read as a "Date:" line is


@pytest.mark.parametrize("text", [
    "Date: 14 March 2019\n\nA headline\n\nBody.",  # a lone date line: the cleaning step's, as before
    "Source: AFP\n\nBody.",  # a credit line
    "Kremlin: we did not attack\n\nBody.",  # a headline with a colon
    "url: https://a.example/x\nnot a label line at all\n\nBody.",  # not every line is 'label: value'
    "title: A headline with no blank line after it",
])
def test_what_is_not_a_metadata_header_is_left_in_the_text(text: str) -> None:
    assert split_header(text, load_header_rules()) is None


def test_stats_lists_every_skipped_input_of_every_kind(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(_pdf([[]]))
    (folder / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (folder / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(64))
    (folder / "good.txt").write_text(f"Garrison holds\n\n{ARMY}\n", encoding="utf-8")

    report, _ = _build([folder], tmp_path / "t.db", build_tools)
    with Store.open(tmp_path / "t.db") as store:
        stats = store_stats(store)

    assert report.added == 1
    assert sorted(Path(key).name for key, _ in stats.skip_reasons) == ["old.docx", "scan.pdf", "sitemap.xml"]
    assert all(isinstance(s, Skipped) and s.reason for s in report.skipped)


def test_standard_input_is_read_as_a_stream_of_units() -> None:
    """The stream itself, without a build: blank lines are no units, line numbers count
    them, a line over the limit is reported, and text over the limit is one skip."""
    lines = b'\n{"text": "a"}\n\n{"text": "' + b"b" * 50 + b'"}\n{"text": "c"}\n'
    units = list(stream_units(io.BytesIO(lines), max_bytes=40))
    assert [(u.key, isinstance(u, Skipped)) for u in units] == [("-#L2", False), ("-#L4", True), ("-#L5", False)]
    (too_long,) = stream_units(io.BytesIO(b"x" * 100 + b"\nmore text\n"), max_bytes=40)
    assert isinstance(too_long, Skipped) and too_long.key == "-" and "over the" in too_long.reason

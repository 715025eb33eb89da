"""Poison inputs never stop a build: each becomes its own skip reason (with its path), or is
read with its damage repaired and counted, and every good article beside it is stored.

Each case here once aborted a whole build, lost a valid article or hung (issue 24). Real
files (FIFOs, symlink loops, undecodable names) in tmp_path, the real pipeline and SQLite.
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from claimgraph import BuildOptions, BuildReport, BuildTools, Store, build
from claimgraph.ingest import Skipped
from claimgraph.ingest.decode import decode_bytes
from claimgraph.ingest.readers.stdin import stream_units
from claimgraph.store import StoredDocument, iter_documents

from .conftest import write_article
from .fuzz_inputs import pdf_bytes, word_document

TITLE = "Harbour Council Approves New Ferry Terminal"
PARAGRAPHS = [
    "The town council of Port Alder voted on Tuesday to approve a new ferry terminal on the eastern waterfront, ending a two-year dispute over its cost.",
    "Mayor Helen Brandt said the terminal would open in 2026 and carry up to four thousand passengers a day between the mainland and the islands.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def _good(folder: Path, name: str = "good.txt") -> Path:
    return write_article(folder, name, TITLE, PARAGRAPHS)


def _build(paths: list[Path], db: Path, tools: BuildTools, **options: object) -> tuple[BuildReport, list[StoredDocument]]:
    with Store.open(db) as store:
        report = build(paths, store=store, options=BuildOptions(**options), tools=tools)
        documents = list(iter_documents(store))
    return report, documents


def _skip(report: BuildReport, key: str) -> Skipped:
    found = [s for s in report.skipped if s.key == key]
    assert len(found) == 1, (key, report.skipped)
    return found[0]


def _record(**fields: object) -> str:
    return json.dumps({"title": "Ferry Terminal Approved", **fields})


# --- Inputs that aborted the whole build -------------------------------------------------------


@pytest.mark.parametrize("line", [
    b'{"title": "Lone \\ud800 surrogate", "text": "The council of Port Alder approved the \\udfff terminal on Tuesday, the mayor said."}',
    b'{"title": "CESU", "text": "The council of Port Alder approved the terminal \xed\xa0\x80 on Tuesday, the mayor said."}',
], ids=["escaped-surrogate", "cesu-8-bytes"])
def test_a_lone_surrogate_in_jsonl_is_repaired_and_noted_and_the_next_line_is_stored(tmp_path: Path, build_tools: BuildTools, line: bytes) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    dump = folder / "dump.jsonl"
    dump.write_bytes(line + b"\n" + _record(text=TEXT).encode() + b"\n")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    key = str(dump.resolve())
    assert {d.source for d in documents} == {key + "#L1", key + "#L2"}
    first = next(d for d in documents if d.source.endswith("#L1"))
    assert "Port Alder approved the" in first.text and first.text.encode("utf-8")
    assert [k for k, _ in report.repaired] == [key + "#L1"]


def test_a_lone_surrogate_in_a_json_list_does_not_stop_its_other_records(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "list.json").write_text('[{"text": "A lone \\ud800 here, said the harbour master of Port Alder."}, ' + _record(text=TEXT) + "]")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 2 and not report.skipped
    assert sum("\ufffd" in d.text for d in documents) == 1


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_key(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt"))
    odd.write_text("Ferry Opens Early\n\nThe new ferry terminal at Port Alder opened a week early on Monday after builders finished.\n")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 2
    assert {d.source for d in documents} == {str(good.resolve()), str(folder.resolve()) + "/caf\\xe9.txt"}


def test_a_symlink_loop_a_broken_link_and_a_symlinked_folder_are_reported_and_the_rest_is_read(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (tmp_path / "elsewhere").mkdir()
    (folder / "linked").symlink_to(tmp_path / "elsewhere")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert [d.source for d in documents] == [str(good.resolve())]
    assert "symlink loop" in _skip(report, str(folder / "loop.txt")).reason
    assert "broken symlink" in _skip(report, str(folder / "broken.txt")).reason
    assert "symlinked folder" in _skip(report, str(folder / "linked")).reason


def test_a_path_named_that_does_not_exist_is_reported_as_such_and_the_rest_is_read(tmp_path: Path, build_tools: BuildTools) -> None:
    good = _good(tmp_path / "in")

    report, documents = _build([tmp_path / "gone.txt", tmp_path / "gone.pdf", good], tmp_path / "t.db", build_tools)

    assert [d.source for d in documents] == [str(good.resolve())]
    assert _skip(report, str(tmp_path / "gone.txt")).reason == "no such file or folder"  # not "vanished": it never was there
    assert _skip(report, str(tmp_path / "gone.pdf")).reason == "no such file or folder"


def test_a_fifo_named_like_an_article_is_reported_not_waited_on(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    fifo = folder / "x.txt"
    os.mkfifo(fifo)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)  # no writer ever opens it: this returned at once

    assert [d.source for d in documents] == [str(good.resolve())]
    assert "not a regular file (a FIFO" in _skip(report, str(fifo.resolve())).reason


def test_an_empty_jsonl_file_is_reported(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    _good(folder)
    (folder / "empty.jsonl").write_bytes(b"\n\n")

    report, _ = _build([folder], tmp_path / "t.db", build_tools)

    assert "no records" in _skip(report, str((folder / "empty.jsonl").resolve())).reason


@pytest.mark.parametrize("date", ["0000-00-00", "2021-02-30", "2021-13-45", "0001-01-01", "\u0662\u0660\u0662\u0661-\u0660\u0662-\u0660\u0661",
                                  "9999-12-31"])
def test_a_bad_metadata_date_loses_the_date_not_the_article(tmp_path: Path, build_tools: BuildTools, date: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = TEXT + " It was approved last year and will open in the coming years."
    (folder / "a.json").write_text(_record(text=text, date_publish=date), encoding="utf-8")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1 and not report.skipped, report.skipped
    (document,) = documents
    assert document.published_basis != "metadata" or date == "9999-12-31"


# --- Decoding as the field's tools do ----------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("latin1.txt", "Caf\u00e9 du port\n\nLe caf\u00e9 du port a rouvert lundi apr\u00e8s deux mois de travaux, a dit le maire.\n".encode("latin-1"),
     "apr\u00e8s deux mois"),
    ("cp1252.txt", "Minister\u2019s reply\n\nThe minister\u2019s office said \u201cno\u201d to the plan on Monday \u2013 again.\n".encode("cp1252"),
     "minister\u2019s office said \u201cno\u201d"),
    ("utf16.txt", codecs.BOM_UTF16_LE + f"{TITLE}\n\n{TEXT}\n".encode("utf-16-le"), "four thousand passengers"),
    ("utf16_bomless.txt", f"{TITLE}\n\n{TEXT}\n".encode("utf-16-be"), "four thousand passengers"),
    ("utf32.txt", codecs.BOM_UTF32_LE + f"{TITLE}\n\n{TEXT}\n".encode("utf-32-le"), "four thousand passengers"),
    ("utf32_bomless.txt", f"{TITLE}\n\n{TEXT}\n".encode("utf-32-le"), "four thousand passengers"),
])
def test_undeclared_encodings_are_detected(tmp_path: Path, build_tools: BuildTools, name: str, data: bytes, expected: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1, report.skipped
    assert expected in documents[0].text


def test_an_invalid_utf8_byte_and_nul_bytes_are_repaired_and_counted_not_fatal(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = f"{TITLE}\n\n{PARAGRAPHS[0]} Caf\u00e9 owners welcomed it.\n\n{PARAGRAPHS[1]}\n".encode()
    one, two = text.index(b"voted"), text.index(b"eastern")
    damaged = text[:one] + b"\xff" + text[one:two] + b"\x00\x00" + text[two:]
    (folder / "damaged.txt").write_bytes(damaged)

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1
    assert "\x00" not in documents[0].text and documents[0].text.count("\ufffd") == 1
    ((_, note),) = report.repaired
    assert "1 undecodable byte sequence replaced" in note and "2 NUL characters removed" in note


def test_decoding_counts_what_it_replaced() -> None:
    decoded = decode_bytes("caf\u00e9 \u00e9t\u00e9 ".encode() + b"\xff\xfe" + b" fin \xc3")
    assert decoded.encoding == "utf-8" and decoded.replaced == 3  # \xff, \xfe, and the cut \xc3


def test_an_unclosed_script_does_not_swallow_the_article(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = [f"<p>Paragraph {i}: the council of Port Alder voted on day {i} to approve ferry terminal number {i}, "
                  f"the mayor said on the {i}th of the month.</p>" for i in range(8)]
    page = ("<html><head><title>Ferry</title><script>track();</script></head><body><article><h1>Ferry</h1>"
            + "".join(paragraphs[:2]) + "<script>var ad = load(" + "".join(paragraphs[2:]) + "</article></body></html>")
    (folder / "page.html").write_text(page, encoding="utf-8")

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1
    assert "Paragraph 7" in documents[0].text and "var ad" not in documents[0].text
    assert "unclosed element" in report.repaired[0][1]


def test_html_with_nul_bytes_is_read_without_them(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (folder / "page.html").write_bytes(f"<html><body><article><h1>{TITLE}</h1>".encode() + b"\x00" + f"{body}</article></body></html>".encode())

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert report.added == 1 and "four thousand passengers" in documents[0].text


# --- Over a limit: reported, never cut to fit ---------------------------------------------------


def test_text_and_lines_over_their_limits_are_reported_not_truncated_and_retried_when_raised(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    long_text = write_article(folder, "long.txt", "A Long Report", [PARAGRAPHS[0]] * 40)
    long_line = write_article(folder, "line.txt", "One Long Line", [" ".join([PARAGRAPHS[1]] * 30)])
    db = tmp_path / "t.db"

    report, documents = _build([folder], db, build_tools, max_chars=5_000, max_line_chars=3_000)

    assert [d.source for d in documents] == [str(good.resolve())]
    assert "over the 5,000 limit (--max-chars)" in _skip(report, str(long_text.resolve())).reason
    assert "line 3 has" in _skip(report, str(long_line.resolve())).reason
    assert "over the 3,000 limit (--max-line-chars)" in _skip(report, str(long_line.resolve())).reason

    again, documents = _build([folder], db, build_tools)  # the defaults are higher: both are read now

    assert (again.retried, again.added, again.unchanged) == (2, 2, 1)
    assert len(documents) == 3


# --- One failure is one input's, never its batch's ---------------------------------------------


class _ExplodingReader:
    """A reader whose parser fails unexpectedly on every file (given to the build as a
    registered reader would be)."""

    name = "exploding"
    suffixes = (".boom",)

    def units(self, path: Path, *, max_bytes: int):  # type: ignore[no-untyped-def]
        from claimgraph.ingest.units import whole_file_unit

        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit):  # type: ignore[no-untyped-def]
        raise KeyError("a bug in a reader")


def test_an_unexpected_failure_on_one_input_is_its_skip_reason_and_its_batch_is_committed(tmp_path: Path, build_tools: BuildTools) -> None:
    folder = tmp_path / "in"
    good = _good(folder, "a.txt")
    other = write_article(folder, "c.txt", "Museum Shows Old Shawls", ["A new exhibition of shawls opened at the Ravenna Folk Museum on Saturday."])
    (folder / "b.boom").write_bytes(b"anything at all")
    tools = dataclasses.replace(build_tools, readers={**build_tools.readers, "exploding": _ExplodingReader()})

    report, documents = _build([folder], tmp_path / "t.db", tools, batch_size=8)

    assert {d.source for d in documents} == {str(good.resolve()), str(other.resolve())}
    skip = _skip(report, str((folder / "b.boom").resolve()))
    assert skip.reason.startswith("internal error (KeyError: 'a bug in a reader')") and skip.retry


def test_a_write_refused_for_one_record_is_undone_alone_inside_the_batch(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store, store.transaction():
        store.connection.execute("INSERT INTO state (name, value) VALUES ('kept', '1')")
        with pytest.raises(sqlite3.IntegrityError), store.savepoint():
            store.connection.execute("INSERT INTO state (name, value) VALUES ('undone', '1')")
            store.connection.execute("INSERT INTO state (name, value) VALUES ('kept', '2')")  # the same key: refused
        store.connection.execute("INSERT INTO state (name, value) VALUES ('after', '1')")
    with Store.open(tmp_path / "t.db") as store:
        names = {row[0] for row in store.connection.execute("SELECT name FROM state")}
    assert {"kept", "after"} <= names and "undone" not in names


# --- The readers added later: feeds, PDF, Word, standard input ---------------------------------


def test_damaged_feeds_pdfs_and_word_files_are_reported_with_their_reason_and_the_rest_is_read(
        tmp_path: Path, build_tools: BuildTools, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    good = _good(folder)
    (folder / "cut.xml").write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title')
    (folder / "tags.xml").write_bytes(b"<<>&#xD800;</")
    (folder / "locked.pdf").write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Filter /Nonsense /V 9 >>"],
                                                  trailer=b"/Root 1 0 R /Encrypt 2 0 R"))
    (folder / "loop.pdf").write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))
    (folder / "notes.docx").write_bytes(_zip_of({"notes.txt": b"A zip, but no Word document."}))
    monkeypatch.setattr("claimgraph.ingest.readers.docx.MAX_INFLATED_BYTES", 1_000_000)
    (folder / "bomb.docx").write_bytes(word_document(["x" * 2_000_000]))  # 2 MB of text in a few kB

    report, documents = _build([folder], tmp_path / "t.db", build_tools)

    assert [d.source for d in documents] == [str(good.resolve())]
    reasons = {Path(s.key).name: s.reason for s in report.skipped}
    assert [reason for name, reason in reasons.items() if name.startswith("cut.xml#")] == [  # read as far as it goes
        "feed entry has no text, only a title and a link (read the article at its link instead)"]
    assert reasons["tags.xml"].startswith("not an RSS or Atom feed (not well-formed XML")
    assert reasons["locked.pdf"].startswith("the PDF could not be read: ")
    assert reasons["loop.pdf"].startswith("the PDF could not be read: ")  # its page tree points back at itself
    assert reasons["notes.docx"].startswith("not a readable Word .docx file: ")
    assert reasons["bomb.docx"].startswith("the .docx inflates to ") and "MB, over the 1 MB" in reasons["bomb.docx"] and "zip bomb" in reasons["bomb.docx"]
    assert not any(s.retry for s in report.skipped)  # the reason is in the bytes: final until the file changes


def test_a_character_reference_to_no_character_in_a_feed_is_repaired_and_noted(tmp_path: Path, build_tools: BuildTools) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Ferry terminal approved</title>'
                    f"<link>https://wire.example/ferry</link><description>{TEXT} &#xD800;</description></item></channel></rss>",
                    encoding="utf-8")

    report, (document,) = _build([feed], tmp_path / "t.db", build_tools)

    assert PARAGRAPHS[1] in document.text and document.text.encode("utf-8")
    assert [note for _, note in report.repaired] == ["1 character reference to no character (such as &#xD800;) replaced with U+FFFD"]


class _Recording(io.BytesIO):
    """A stream that remembers the longest piece any read returned."""

    longest = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.longest = max(self.longest, len(line))
        return line

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.longest = max(self.longest, len(data))
        return data


def test_a_line_over_the_limit_on_standard_input_is_never_held_whole_even_the_first(tmp_path: Path) -> None:
    giant = b'{"text": "' + b"a" * 3_000_000 + b'"}\n'
    stream = _Recording(giant + _record(text=TEXT).encode() + b"\n" + giant + b"\n" + _record(text=TEXT + " Again.").encode() + b"\n")

    units = list(stream_units(stream, max_bytes=10_000))

    assert [(u.key, isinstance(u, Skipped)) for u in units] == [("-#L1", True), ("-#L2", False), ("-#L3", True), ("-#L5", False)]
    assert "line 1 is 3.0 MB, over the 0.01 MB limit" in units[0].reason and units[0].retry  # type: ignore[union-attr]
    assert stream.longest <= 1 << 20  # read through in pieces of at most 1 MiB, never 3 MB at once


def _zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()

"""Hypothesis strategies for hostile inputs to every reader: text in mixed and truncated
encodings (UTF-8/16/32 with and without a byte-order mark, latin-1, windows-1252), NUL bytes,
flipped bytes, giant lines, malformed and deeply nested markup, JSON of wrong types and
depths; malformed RSS, RDF and Atom feeds (tags left open, undefined and external entities,
cut CDATA, dates that are no dates); PDFs that are truncated, garbage after a `%PDF-`
header, or objects that point at themselves; zips that are no Word document or hold a
broken one; hostile JSON Lines on standard input; and the checks that reading one must
pass. Shared by tests/test_fuzz_ingest.py (a short run in CI) and scripts/fuzz_ingest.py
(the long run)."""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from claimgraph.errors import InputRejected
from claimgraph.ingest import (
    Article,
    BoilerplateRules,
    InputUnit,
    LanguageIdentifier,
    Reader,
    Skipped,
    iter_units,
    prepare_article,
)
from claimgraph.ingest.readers.stdin import stream_units

SENTENCES = [
    "The council of Port Alder voted on Tuesday to approve a new ferry terminal.",
    "“We will not pay,” the minister said, according to Radio Horizon.",
    "Le café du port a rouvert lundi après deux mois de travaux.",
    "Правительство заявило, что 400 военных прибудут в среду.",
    "قال المتحدث إن الاجتماع سيعقد يوم الاثنين.",
    "At least 12 people were killed in the attack near Gao on 3 March 2021.",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1", "cp1252",
             "cp1251"]
SUFFIX_OF = {"text": ".txt", "html": ".html", "json": ".json", "jsonl": ".jsonl", "feed": ".rss", "pdf": ".pdf", "docx": ".docx"}
# What an external entity (XXE) would pull into an article if a parser resolved it.
LOCAL_FILE = "/etc/passwd"
LOCAL_FILE_MARK = "root:x:0:0"

texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str] = texts) -> bytes:
    """Text in one encoding or several spliced together, maybe truncated mid-character."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        encoding = draw(st.sampled_from(ENCODINGS))
        parts.append(draw(text).encode(encoding, errors="replace"))
    data = b"".join(parts)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """Bytes with NULs, flipped bytes, a byte-order mark or a giant line slipped in."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["nul", "flip", "bom", "giant", "cut"]))
        where = draw(st.integers(0, len(data)))
        if kind == "nul":
            data[where:where] = b"\x00" * draw(st.integers(1, 3))
        elif kind == "flip" and data:
            data[min(where, len(data) - 1)] ^= draw(st.integers(1, 255))
        elif kind == "bom":
            data[where:where] = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]))
        elif kind == "giant":
            data[where:where] = draw(st.sampled_from([b"a", b"\xe9", b"<", b"{", b" "])) * draw(st.integers(1_000, 60_000))
        else:
            del data[where:]
    return bytes(data)


def _tag(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["p", "div", "script", "style", "noscript", "iframe", "svg", "table", "td", "a", "article", "textarea",
                                 "title", "!--", "![CDATA[", "?xml", "!DOCTYPE html"]))


@st.composite
def markup(draw: st.DrawFn) -> bytes:
    """HTML: tags opened and never closed, nested deep, closed out of order, attributes cut."""
    pieces = ["<html><head><title>", draw(texts), "</title></head><body>"]
    depth = draw(st.integers(0, 3_000))
    pieces.append("<div>" * depth)
    for _ in range(draw(st.integers(0, 12))):
        tag = _tag(draw)
        pieces.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} class='x", f"<{tag}/>", "<", ">", "&amp", "&#xD800;"])))
        pieces.append(draw(texts))
    if draw(st.booleans()):
        pieces.append("</div>" * draw(st.integers(0, depth)) + "</body></html>")
    data = "".join(pieces).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    return draw(damaged(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["title", "text", "maintext", "date_publish", "url",
                                                                                       "language", "source_domain", "x"]), children, max_size=5),
    max_leaves=12,
)


@st.composite
def news_record(draw: st.DrawFn) -> Any:
    """A news record whose fields may be of any type, or any JSON value at all."""
    if draw(st.booleans()):
        return draw(json_values)
    record = {"title": draw(st.one_of(texts, json_values)), draw(st.sampled_from(["text", "maintext", "content"])): draw(st.one_of(texts, json_values)),
              "date_publish": draw(st.one_of(st.sampled_from(["0000-00-00", "2021-02-30", "2021-13-45", "0001-01-01", "٢٠٢١-٠٢-٠١",
                                                              "2021-09-30T12:00:00"]), json_values))}
    if draw(st.booleans()):
        record["url"] = draw(st.sampled_from(["http://[::1", "https://example.org/a", "\ud800", ""]))
    return record


def _json_text(draw: st.DrawFn, value: Any) -> str:
    text = json.dumps(value, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if draw(st.booleans()):  # escapes of lone surrogates, and nesting deep enough to matter
        text = text.replace('"', '"\\ud800', 1) if draw(st.booleans()) else "[" * draw(st.integers(0, 5_000)) + text
    return text


@st.composite
def json_file(draw: st.DrawFn) -> bytes:
    value = draw(st.one_of(news_record(), st.lists(news_record(), max_size=4)))
    return draw(damaged(_bytes_of(_json_text(draw, value), draw(st.sampled_from(ENCODINGS)))))


def _bytes_of(text: str, encoding: str) -> bytes:
    """Text in an encoding, a lone surrogate kept as its bytes (CESU-8) where the encoding can."""
    try:
        return text.encode(encoding, errors="surrogatepass")
    except UnicodeEncodeError:
        return text.encode(encoding, errors="replace")


@st.composite
def jsonl_file(draw: st.DrawFn) -> bytes:
    lines = [_bytes_of(_json_text(draw, draw(news_record())), "utf-8") for _ in range(draw(st.integers(0, 4)))]
    return draw(damaged(b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n", b"\n\n"]))))


def text_file() -> st.SearchStrategy[bytes]:
    return encoded().flatmap(damaged)


# --- feeds --------------------------------------------------------------------------------

_ENTITIES = ["&amp;", "&nbsp;", "&bogus;", "&#xD800;", "&#0;", "&#x110000;", "&#65;", "&lt;p&gt;", "&xxe;", "&lol2;"]
_DOCTYPES = [
    "",
    f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{LOCAL_FILE}">]>',
    '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    "<!DOCTYPE rss [<!ELEMENT",
]
_FEED_DATES = ["Tue, 02 Mar 2021 10:00:00 GMT", "Mon, 31 Feb 2021 25:61:00 +0000", "2021-02-30T00:00:00Z", "0000-00-00", "yesterday",
               "", "٢٠٢١-٠٢-٠١", "9999-12-31T23:59:60+99:99", "Sun, 00 Xyz 0000"]
_XML_ENCODINGS = ["utf-8", "UTF-16", "iso-8859-1", "windows-1252", "koi8-r", "x-unknown", ""]


def _xml_piece(draw: st.DrawFn) -> str:
    """Element content as feeds get it wrong: raw markup, cut CDATA, odd entities, deep nesting."""
    kind = draw(st.sampled_from(["escaped", "raw", "cdata", "cut_cdata", "entity", "deep", "comment"]))
    text = draw(texts)
    if kind == "escaped":
        return escape(text)
    if kind == "raw":
        return text
    if kind == "cdata":
        return f"<![CDATA[<p>{text}</p>{draw(st.sampled_from(['', '<p>', '<script>', ']]>', '<div>' * 500]))}]]>"
    if kind == "cut_cdata":
        return f"<![CDATA[<p>{text}"
    if kind == "entity":
        return escape(text) + draw(st.sampled_from(_ENTITIES))
    if kind == "deep":
        depth = draw(st.integers(1, 3_000))
        return "<div>" * depth + escape(text) + "</div>" * draw(st.integers(0, depth))
    return f"<!-- {text}"


def _element(draw: st.DrawFn, name: str, content: str) -> str:
    """An element, or one left open, or none at all."""
    form = draw(st.sampled_from(["whole", "whole", "whole", "open", "missing", "empty"]))
    return {"whole": f"<{name}>{content}</{name}>", "open": f"<{name}>{content}", "missing": "", "empty": f"<{name}/>"}[form]


@st.composite
def feed_file(draw: st.DrawFn) -> bytes:
    """An RSS 2.0, RSS 1.0 (RDF) or Atom feed, malformed: elements left open or missing,
    guids repeated, dates that are no dates, undefined and external entities (XXE, nested
    expansion), a DTD named on the network, cut CDATA, deep nesting, in a declared encoding
    that may be wrong, then damaged as any file is."""
    kind = draw(st.sampled_from(["rss", "rdf", "atom"]))
    guids = draw(st.lists(st.sampled_from(["a", "a", "b", "", "http://[::1", "urn:x:\ud800"]), max_size=4))
    entries = []
    for guid in guids:
        link = draw(st.sampled_from(["https://example.org/a", "https://example.org/b", "javascript:alert(1)", "http://[::1", "", "/relative"]))
        if kind == "atom":
            body = _element(draw, "content type=\"html\"", _xml_piece(draw)).replace("</content type=\"html\">", "</content>")
            entries.append("<entry>" + _element(draw, "title", _xml_piece(draw)) + f'<link href="{escape(link)}"/>'
                           + _element(draw, "id", guid) + _element(draw, "updated", draw(st.sampled_from(_FEED_DATES)))
                           + _element(draw, "summary", _xml_piece(draw)) + body + "</entry>")
        else:
            entries.append("<item>" + _element(draw, "title", _xml_piece(draw)) + _element(draw, "link", escape(link))
                           + _element(draw, "guid", guid) + _element(draw, "pubDate", draw(st.sampled_from(_FEED_DATES)))
                           + _element(draw, "description", _xml_piece(draw)) + "</item>")
    channel = _element(draw, "title", _xml_piece(draw)) + _element(draw, "language", draw(st.sampled_from(["en", "xx-!!", ""])))
    if kind == "atom":
        document = f'<feed xmlns="http://www.w3.org/2005/Atom">{channel}{"".join(entries)}</feed>'
    elif kind == "rdf":
        document = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
                    f"<channel>{channel}</channel>{''.join(entries)}</rdf:RDF>")
    else:
        document = f'<rss version="2.0"><channel>{channel}{"".join(entries)}</channel></rss>'
    if draw(st.booleans()):
        document = document[: draw(st.integers(0, len(document)))]  # cut off mid-element
    declared = draw(st.sampled_from(_XML_ENCODINGS))
    header = f'<?xml version="1.0" encoding="{declared}"?>' if declared else draw(st.sampled_from(["", '<?xml version="1.0"?>']))
    text = header + draw(st.sampled_from(_DOCTYPES)) + document
    return draw(damaged(_bytes_of(text, draw(st.sampled_from(ENCODINGS)))))


# --- PDF --------------------------------------------------------------------------------------


def pdf_bytes(objects: list[bytes], *, trailer: bytes = b"/Root 1 0 R", version: bytes = b"1.4") -> bytes:
    """A PDF of these objects (numbered from 1) with a cross-reference table that finds them."""
    out = bytearray(b"%PDF-" + version + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    return b"(" + text.encode("latin-1", errors="replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _text_pdf(draw: st.DrawFn) -> bytes:
    """A well-formed one-page PDF with text and a document information dictionary whose
    values may be anything a PDF string can hold (a lone surrogate in UTF-16, a date that is none)."""
    lines = draw(st.lists(texts, min_size=0, max_size=4))
    stream = b"BT /F1 10 Tf 14 TL 50 780 Td " + b"".join(_pdf_string(line) + b" Tj T* " for line in lines) + b"ET"
    info = b"<< /Title %s /CreationDate %s >>" % (
        draw(st.sampled_from([_pdf_string(draw(texts)), b"<FEFFD800>", b"<FEFF00410042>", b"()", b"42", b"/Name"])),
        draw(st.sampled_from([b"(D:20240312093000Z)", b"(D:99999999)", b"(D:0000)", b"(yesterday)", b"<>", b"[1 2]"])),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        info,
    ]
    return pdf_bytes(objects, trailer=b"/Root 1 0 R /Info 6 0 R")


_HOSTILE_PDF_OBJECTS = [
    b"<< /Type /Catalog /Pages 1 0 R >>",  # its pages are itself
    b"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 999999999 >>",  # a page tree that loops, with a huge count
    b"<< /Type /Pages /Kids [3 0 R] /Count -1 >>",
    b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 9 0 R >>",
    b"<< /Length 99999999 >>\nstream\nBT (cut) Tj ET\nendstream",  # a length past the end of the file
    b"<< /Length -5 >>\nstream\nBT ET\nendstream",
    b"<< /Length 20 /Filter /FlateDecode >>\nstream\nnot deflated at all!\nendstream",
    b"<< /Length 12 /Filter [/ASCIIHexDecode /LZWDecode /Nonsense] >>\nstream\nzz-not-hex!!\nendstream",
    b"[" * 5_000 + b"]" * 5_000,  # nested deep enough to exhaust a recursive parser
    b"<< /A << /B << /C " * 1_000 + b">> " * 3_000,
    b"<< /Filter /Standard /V 9 /R 99 /O <00> /U <00> /P -1 >>",  # an encryption dictionary no one can use
    b"(an unterminated string",
    b"<< /Type /Page /Contents [4 0 R 4 0 R 4 0 R] /MediaBox [0 0 1e309 -1] >>",
]


@st.composite
def pdf_file(draw: st.DrawFn) -> bytes:
    """What a reader named .pdf is given: a PDF cut short or with bytes flipped, garbage
    after a `%PDF-` header, or objects that point at themselves, nest without end, claim
    lengths past the end, decode with filters that fail or are encrypted with no key."""
    kind = draw(st.sampled_from(["text", "garbage", "hostile"]))
    if kind == "text":
        return draw(damaged(_text_pdf(draw)))
    if kind == "garbage":
        version = draw(st.sampled_from([b"1.4", b"1.7", b"2.0", b"9.9", b"", b"x"]))
        return b"%PDF-" + version + b"\n" + draw(st.one_of(st.binary(max_size=4096), encoded(), markup()))
    objects = draw(st.lists(st.sampled_from(_HOSTILE_PDF_OBJECTS), min_size=1, max_size=6))
    trailer = draw(st.sampled_from([b"/Root 1 0 R", b"/Root 1 0 R /Encrypt %d 0 R" % len(objects), b"/Root 99 0 R", b"", b"/Root (x)"]))
    data = pdf_bytes(objects, trailer=trailer)
    return data if draw(st.booleans()) else draw(damaged(data))


# --- Word -------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def _blank_docx() -> bytes:
    """python-docx's own blank document, as bytes: the parts a real .docx has."""
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def word_document(paragraphs: list[str]) -> bytes:
    """A real .docx holding these paragraphs (python-docx's blank document, its text replaced)."""
    with zipfile.ZipFile(io.BytesIO(_blank_docx())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    runs = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    members["word/document.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{runs}</w:body></w:document>'.encode()
    return _zip(members)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _document_xml(draw: st.DrawFn) -> bytes:
    """word/document.xml with paragraphs of hostile text, maybe malformed, maybe with a DTD."""
    runs = "".join(f"<w:p><w:r><w:t>{_xml_piece(draw)}</w:t></w:r></w:p>" for _ in range(draw(st.integers(0, 4))))
    xml = f'<w:document xmlns:w="{_W}"><w:body>{runs}</w:body></w:document>'
    if draw(st.booleans()):
        xml = xml[: draw(st.integers(0, len(xml)))]
    return _bytes_of('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + draw(st.sampled_from(_DOCTYPES)) + xml, "utf-8")


@st.composite
def docx_file(draw: st.DrawFn) -> bytes:
    """What a reader named .docx is given: a zip that is no Word document (other members, no
    content types), a real one with a broken, hostile or missing document part or a member
    that inflates far (a small zip bomb), one cut short, or bytes that merely start `PK`."""
    kind = draw(st.sampled_from(["other_zip", "broken_part", "missing_part", "bomb", "cut", "pk_garbage"]))
    if kind == "other_zip":
        names = draw(st.lists(st.sampled_from(["hello.txt", "[Content_Types].xml", "word/", "mimetype", "../../evil.txt", "a" * 300]),
                              min_size=0, max_size=4, unique=True))
        return _zip({name: draw(st.one_of(st.binary(max_size=512), encoded())) for name in names})
    if kind == "pk_garbage":
        return b"PK\x03\x04" + draw(st.binary(max_size=2048))
    with zipfile.ZipFile(io.BytesIO(_blank_docx())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    if kind == "broken_part":
        members["word/document.xml"] = _document_xml(draw)
    elif kind == "missing_part":
        del members[draw(st.sampled_from(sorted(members)))]
    elif kind == "bomb":
        members["word/document.xml"] = (f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
                                        + b" " * draw(st.integers(1_000_000, 8_000_000)) + b"</w:t></w:r></w:p></w:body></w:document>")
    data = _zip(members)
    return data[: draw(st.integers(0, len(data)))] if kind == "cut" else draw(damaged(data))


# --- standard input ---------------------------------------------------------------------------

STDIN_MAX_BYTES = 20_000  # the limit the standard-input check reads under: lines over it are drawn too



@st.composite
def stdin_stream(draw: st.DrawFn) -> bytes:
    """What is piped into `claimgraph build -`: JSON lines of any type and depth among blank
    lines, lines that are no JSON, lines far over the limit, CRLF line ends, a first line
    that is not JSON (the whole stream is then one text), nothing at all."""
    lines: list[bytes] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["record", "record", "blank", "not_json", "giant", "text"]))
        if kind == "record":
            lines.append(_bytes_of(_json_text(draw, draw(news_record())), "utf-8"))
        elif kind == "blank":
            lines.append(draw(st.sampled_from([b"", b" ", b"\t", b"\r", b"\x00"])))
        elif kind == "not_json":
            lines.append(draw(st.sampled_from([b"{not json", b"{", b"}", b"[1, 2]", b'{"text": "cut'])))
        elif kind == "giant":
            lines.append(b'{"text": "' + draw(st.sampled_from([b"a", b"\xe9", b" "])) * draw(st.integers(STDIN_MAX_BYTES, 3 * STDIN_MAX_BYTES)))
        else:
            lines.append(draw(encoded()))
    data = b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    return draw(damaged(data)) if draw(st.booleans()) else data


INPUTS = {"text": text_file(), "html": markup(), "json": json_file(), "jsonl": jsonl_file(), "feed": feed_file(), "pdf": pdf_file(),
          "docx": docx_file()}
# A reader without a strategy of its own (one added later) gets these: any bytes, text in any
# encoding, markup, JSON, each damaged.
ANY_BYTES = st.one_of(st.binary(max_size=4096), text_file(), markup(), json_file())


def fuzzed_readers(readers: dict[str, Reader]) -> dict[str, tuple[str, st.SearchStrategy[bytes]]]:
    """Every registered reader that reads files, with the suffix to name its input and the
    strategy of its hostile inputs (its own, else ANY_BYTES)."""
    return {name: (reader.suffixes[0], INPUTS.get(name, ANY_BYTES)) for name, reader in sorted(readers.items()) if reader.suffixes}


def read_one(path: Path, *, readers: dict[str, Reader], rules: BoilerplateRules, languages: LanguageIdentifier) -> tuple[int, int]:
    """Read a file as a build does, up to the parser: every unit either becomes an article
    whose text any UTF-8 store takes (no NUL, no lone surrogate), or is refused with a reason
    (InputRejected); anything else raised is a crash. Returns (articles, refusals)."""
    return _read_units(iter_units(path, readers, max_bytes=100_000), readers=readers, rules=rules, languages=languages)


def read_stream(data: bytes, *, readers: dict[str, Reader], rules: BoilerplateRules, languages: LanguageIdentifier) -> tuple[int, int]:
    """Read bytes piped to standard input as `claimgraph build -` does (`read_one`'s checks);
    a line over the limit is refused by its number, never held whole."""
    return _read_units(stream_units(io.BytesIO(data), max_bytes=STDIN_MAX_BYTES), readers=readers, rules=rules, languages=languages)


def _read_units(units: Any, *, readers: dict[str, Reader], rules: BoilerplateRules, languages: LanguageIdentifier) -> tuple[int, int]:
    articles = refusals = 0
    for unit in units:
        if isinstance(unit, Skipped):
            assert unit.reason and unit.key
            refusals += 1
            continue
        assert isinstance(unit, InputUnit)
        try:
            article = prepare_article(unit, readers=readers, rules=rules, languages=languages, max_chars=100_000, max_line_chars=50_000)
        except InputRejected as exc:
            assert str(exc)
            refusals += 1
            continue
        _check_article(article)
        articles += 1
    return articles, refusals


def _check_article(article: Article) -> None:
    for value in (article.text, article.title or "", article.url or "", article.outlet or "", *article.removed):
        value.encode("utf-8")  # a lone surrogate fails here
        assert "\x00" not in value
        assert LOCAL_FILE_MARK not in value  # no parser resolved an external entity into the text

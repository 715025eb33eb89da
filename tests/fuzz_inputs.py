"""Hypothesis strategies for hostile inputs to every reader: text in mixed and truncated
encodings (UTF-8/16/32 with and without a byte-order mark, latin-1, windows-1252), NUL bytes,
flipped bytes, giant lines, malformed and deeply nested markup, JSON of wrong types and
depths, and the checks that reading one must pass. Shared by tests/test_fuzz_ingest.py (a
short run in CI) and scripts/fuzz_ingest.py (the long run)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from claimgraph.errors import InputRejected
from claimgraph.ingest import (
    BoilerplateRules,
    LanguageIdentifier,
    Reader,
    Skipped,
    iter_units,
    prepare_article,
)

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
SUFFIX_OF = {"text": ".txt", "html": ".html", "json": ".json", "jsonl": ".jsonl"}

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


INPUTS = {"text": text_file(), "html": markup(), "json": json_file(), "jsonl": jsonl_file()}
# A reader without a strategy of its own (one added later: feeds, PDF, DOCX) gets these:
# any bytes, text in any encoding, markup, JSON, each damaged.
ANY_BYTES = st.one_of(st.binary(max_size=4096), text_file(), markup(), json_file())


def fuzzed_readers(readers: dict[str, Reader]) -> dict[str, tuple[str, st.SearchStrategy[bytes]]]:
    """Every registered reader that reads files, with the suffix to name its input and the
    strategy of its hostile inputs (its own, else ANY_BYTES)."""
    return {name: (reader.suffixes[0], INPUTS.get(name, ANY_BYTES)) for name, reader in sorted(readers.items()) if reader.suffixes}


def read_one(path: Path, *, readers: dict[str, Reader], rules: BoilerplateRules, languages: LanguageIdentifier) -> tuple[int, int]:
    """Read a file as a build does, up to the parser: every unit either becomes an article
    whose text any UTF-8 store takes (no NUL, no lone surrogate), or is refused with a reason
    (InputRejected); anything else raised is a crash. Returns (articles, refusals)."""
    articles = refusals = 0
    for unit in iter_units(path, readers, max_bytes=100_000):
        if isinstance(unit, Skipped):
            assert unit.reason
            refusals += 1
            continue
        try:
            article = prepare_article(unit, readers=readers, rules=rules, languages=languages, max_chars=100_000, max_line_chars=50_000)
        except InputRejected as exc:
            assert str(exc)
            refusals += 1
            continue
        for value in (article.text, article.title or "", article.url or "", article.outlet or "", *article.removed):
            value.encode("utf-8")  # a lone surrogate fails here
            assert "\x00" not in value
        articles += 1
    return articles, refusals

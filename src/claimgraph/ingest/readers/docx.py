"""Word documents (.docx, python-docx): the paragraphs as text, the title from a paragraph in
the Title style, else the document's properties, and the date the document was created.
(Old binary .doc files are another format, not read.)"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import has_words, normalize_text
from claimgraph.ingest.metadata import clean_str, document_title, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, whole_file_unit
from claimgraph.registry import readers

if TYPE_CHECKING:
    from docx.document import Document

_TITLE_STYLES = frozenset({"Title"})
# The most a .docx's members may inflate to, together: a Word document's parts, images
# included, stay far below; a zip bomb of a few MB would inflate to gigabytes in memory.
MAX_INFLATED_BYTES = 100_000_000
# What reading a damaged zip or part raises beneath python-docx: the zip's own errors, a
# decompressor's, a member cut short, a compression method unknown, a part missing.
_DOCX_FAILURES: tuple[type[BaseException], ...] = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError,
                                                   KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError)


@readers.register("docx")
class DocxReader:
    name = "docx"
    suffixes = (".docx",)
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        document = _open_docx(unit.data)
        try:  # parts are parsed as they are read: a broken one fails here, not on opening
            paragraphs = [(p.style.name if p.style is not None else "", normalize_text(p.text).strip()) for p in document.paragraphs]
            properties = document.core_properties
            created, title, language = properties.created, properties.title, properties.language
        except _DOCX_FAILURES as exc:
            raise InputRejected(f"not a readable Word .docx file: {_why(exc)}") from None
        styled_title = next((text for style, text in paragraphs if style in _TITLE_STYLES and text), None)
        body = "\n\n".join(text for style, text in paragraphs if text and not (style in _TITLE_STYLES and text == styled_title))
        if not has_words(body):
            raise InputRejected("the Word document holds no text")
        return RawArticle(
            key=unit.key,
            fingerprint=unit.fingerprint,
            body=body,
            title=clean_str(styled_title) or document_title(title),
            language=clean_str(language),
            published=published_from(created.date().isoformat() if created is not None else None),
        )


def _open_docx(data: bytes) -> Document:
    """The parsed document, or InputRejected saying why it cannot be read. A zip whose
    members inflate past `MAX_INFLATED_BYTES` (a zip bomb) is refused before any is inflated."""
    import docx
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError  # type: ignore[import-untyped]

    if not data.startswith(b"PK"):
        raise InputRejected("not a Word .docx file (not a zip archive; an old binary .doc?)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
        if inflated > MAX_INFLATED_BYTES:
            raise InputRejected(f"the .docx inflates to {inflated / 1e6:,.0f} MB, over the {MAX_INFLATED_BYTES / 1e6:g} MB "
                                "a document's text can need (a zip bomb?)")
        return docx.Document(io.BytesIO(data))
    except (OpcError, PythonDocxError, LxmlError, *_DOCX_FAILURES) as exc:
        raise InputRejected(f"not a readable Word .docx file: {_why(exc)}") from None


def _why(exc: BaseException) -> str:
    """An exception in words: its message, else its name (some are raised without one)."""
    return str(exc) or type(exc).__name__

"""Word documents (.docx, python-docx): the paragraphs as text, the title from a paragraph in
the Title style, else the document's properties, and the date the document was created.
(Old binary .doc files are another format, not read.)"""

from __future__ import annotations

import io
import zipfile
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


@readers.register("docx")
class DocxReader:
    name = "docx"
    suffixes = (".docx",)
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        document = _open_docx(unit.data)
        paragraphs = [(p.style.name if p.style is not None else "", normalize_text(p.text).strip()) for p in document.paragraphs]
        styled_title = next((text for style, text in paragraphs if style in _TITLE_STYLES and text), None)
        body = "\n\n".join(text for style, text in paragraphs if text and not (style in _TITLE_STYLES and text == styled_title))
        if not has_words(body):
            raise InputRejected("the Word document holds no text")
        properties = document.core_properties
        created = properties.created
        return RawArticle(
            key=unit.key,
            fingerprint=unit.fingerprint,
            body=body,
            title=clean_str(styled_title) or document_title(properties.title),
            language=clean_str(properties.language),
            published=published_from(created.date().isoformat() if created is not None else None),
        )


def _open_docx(data: bytes) -> Document:
    """The parsed document, or InputRejected saying why it cannot be read."""
    import docx
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

    if not data.startswith(b"PK"):
        raise InputRejected("not a Word .docx file (not a zip archive; an old binary .doc?)")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError, PythonDocxError, XMLSyntaxError) as exc:
        raise InputRejected(f"not a readable Word .docx file: {exc}") from None

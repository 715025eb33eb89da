"""PDF files (pypdf): the text layer page by page, with the title and creation date from the
document's metadata. A PDF without a text layer (a scan) is skipped with that reason: there
is no text to read without OCR, which claimgraph does not do.

Text extraction gives one line per printed line, so paragraphs are rebuilt: a line that fills
the column runs on into the next, a short one ends its paragraph (a headline, a paragraph's
last line).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import InputRejected
from claimgraph.ingest.decode import has_words, normalize_text
from claimgraph.ingest.metadata import document_title, published_from
from claimgraph.ingest.records import RawArticle, Skipped
from claimgraph.ingest.units import InputUnit, whole_file_unit
from claimgraph.registry import readers

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

# A line at least this share of the widest line fills the column: the paragraph runs on.
_FULL_LINE = 0.75
# Lines shorter than this never run on, however narrow the column (headlines, captions).
_MIN_RUN_ON_CHARS = 40
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


@readers.register("pdf")
class PdfFileReader:
    name = "pdf"
    suffixes = (".pdf",)
    excerpts = False

    def units(self, path: Path, *, max_bytes: int) -> Iterator[InputUnit | Skipped]:
        yield from whole_file_unit(path, reader=self.name, max_bytes=max_bytes)

    def parse(self, unit: InputUnit) -> RawArticle:
        pdf = _open_pdf(unit.data)
        pages = [_page_text(page) for page in pdf.pages]
        body = "\n\n".join(reflow(text) for text in pages if text.strip())
        if not has_words(body):
            raise InputRejected(f"the PDF has no text layer ({len(pages)} page{'s' * (len(pages) != 1)} of images: a scan?); "
                                "OCR it first, claimgraph reads only text")
        info = pdf.metadata
        return RawArticle(
            key=unit.key,
            fingerprint=unit.fingerprint,
            body=body,
            title=document_title(_info_str(info, "/Title")),
            published=published_from(_iso_date(_info_str(info, "/CreationDate"))),
        )


def _open_pdf(data: bytes) -> PdfReader:
    """The parsed PDF, or InputRejected saying why it cannot be read (damaged, encrypted)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on sloppy files are not the user's business
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise InputRejected("not a PDF file (no %PDF- header)")
    try:
        pdf = PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise InputRejected("the PDF is encrypted with a password")
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as exc:
        raise InputRejected(f"the PDF could not be read: {exc or type(exc).__name__}") from None
    return pdf


def _page_text(page: PageObject) -> str:
    from pypdf.errors import PyPdfError

    try:
        return normalize_text(page.extract_text())
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError) as exc:
        raise InputRejected(f"the PDF's text could not be read: {exc or type(exc).__name__}") from None


def reflow(text: str) -> str:
    """One page's lines joined into paragraphs: a line that fills the column runs on."""
    lines = [line.strip() for line in text.split("\n")]
    width = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            _close(paragraphs, current)
            continue
        current.append(line)
        if len(line) < max(_MIN_RUN_ON_CHARS, _FULL_LINE * width):
            _close(paragraphs, current)
    _close(paragraphs, current)
    return "\n\n".join(paragraphs)


def _close(paragraphs: list[str], current: list[str]) -> None:
    if current:
        paragraphs.append(" ".join(current))
        current.clear()


def _info_str(info: Mapping[str, Any] | None, name: str) -> str | None:
    """A text entry of the document information dictionary (None when there is none)."""
    value = info.get(name) if info is not None else None
    return str(value) if value is not None else None


def _iso_date(value: str | None) -> str | None:
    """A PDF date ("D:20240312093000Z") as an ISO date."""
    match = _PDF_DATE.match(value.strip()) if value else None
    return "-".join(match.groups()) if match else None

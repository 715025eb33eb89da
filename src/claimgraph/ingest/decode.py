"""Bytes to text the way the field's tools read what they are given: a byte-order mark
first, then UTF-8, then the encoding charset-normalizer detects; bytes that no encoding
explains are replaced (U+FFFD) and counted rather than the article rejected; NUL bytes are
removed. Only what is not text at all (empty, binary) is refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from claimgraph.errors import InputRejected

_SNIFF_BYTES = 8192
_WORD = re.compile(r"[^\W\d_]{2}")
# Share of control characters (other than tab/newline/CR/form feed) above which bytes are binary.
_MAX_CONTROL_SHARE = 0.02
# Share of replaced (undecodable) characters above which bytes are binary, whatever the encoding.
_MAX_REPLACED_SHARE = 0.05
_FEW_REPLACED = 16  # ... or control characters: below this many, a damaged text, not a binary file
# Byte-order marks, the longer first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Where the zero bytes of ASCII-range text fall in UTF-16/32 without a mark: (unit, zero positions).
_BOMLESS = (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)), ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)))
_REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
# Browsers read undeclared Western text as windows-1252 (WHATWG Encoding): between encodings
# that explain the bytes equally well, it is the one chosen.
_WESTERN_DEFAULT = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes, with what reading it took: the encoding, how many undecodable
    byte sequences were replaced with U+FFFD and how many NUL characters were removed."""

    text: str
    encoding: str
    replaced: int = 0
    nuls: int = 0

    @property
    def notes(self) -> tuple[str, ...]:
        """What was repaired, in words, for the build report (empty when nothing was)."""
        notes = []
        if self.replaced:
            notes.append(f"{self.replaced} undecodable byte sequence{'s' if self.replaced > 1 else ''} replaced with U+FFFD (read as {self.encoding})")
        elif self.encoding not in ("utf-8", "ascii"):
            notes.append(f"read as {self.encoding}")
        if self.nuls:
            notes.append(f"{self.nuls} NUL character{'s' if self.nuls > 1 else ''} removed")
        return tuple(notes)


def decode_text(data: bytes) -> str:
    """Bytes as NFC text with LF line ends (see `decode_bytes`)."""
    return decode_bytes(data).text


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes as a reader of news would: a byte-order mark (UTF-8, UTF-16, UTF-32),
    UTF-16/32 recognised without one, UTF-8, else the encoding charset-normalizer finds.

    Raises InputRejected for empty or binary input, naming the reason.
    """
    if not data.strip():
        raise InputRejected("empty file (no text)")
    encoding, body = _encoding_of(data)
    text = body.decode(encoding, errors="replace")
    replaced = text.count(_REPLACEMENT) - (body.count(_REPLACEMENT.encode("utf-8")) if encoding == "utf-8" else 0)
    _refuse_binary(text[:_SNIFF_BYTES], replaced=replaced, total=len(text))
    nuls = text.count("\x00")
    text = normalize_text(text)
    if not text.strip():
        raise InputRejected("empty file (no text)")
    return Decoded(text=text, encoding=encoding, replaced=max(0, replaced), nuls=nuls)


def has_words(text: str | None) -> bool:
    """Whether a text holds at least one word (two letters in a row, in any script)."""
    return bool(text and _WORD.search(text))


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no NUL characters and no lone surrogates (JSON's "\\ud800" and
    CESU-8 bytes give them; no UTF-8 encoder takes them): the one form every offset refers to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _SURROGATE.sub(_REPLACEMENT, text)
    return unicodedata.normalize("NFC", text)


def lone_surrogates(text: str) -> int:
    """How many lone surrogates a string holds (each becomes U+FFFD in `normalize_text`)."""
    return len(_SURROGATE.findall(text))


def _encoding_of(data: bytes) -> tuple[str, bytes]:
    """The encoding to read `data` with, and the bytes to read (without their mark)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, data[len(bom):]
    if (bomless := _bomless_unicode(data[:_SNIFF_BYTES])) is not None:
        return bomless, data
    try:
        data.decode("utf-8")
        return "utf-8", data
    except UnicodeDecodeError:
        pass
    lossy = data.decode("utf-8", errors="replace")
    invalid = lossy.count(_REPLACEMENT)
    multibyte = len(_DECODED_NON_ASCII.findall(lossy))
    if multibyte >= invalid:
        return "utf-8", data  # UTF-8 with a few broken bytes (a flipped bit, a cut character)
    return _detected_encoding(data) or "utf-8", data


def _bomless_unicode(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, told by where the zero bytes of text
    in the Latin range fall (every other byte, or three bytes in four)."""
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    for encoding, unit, zero_positions in _BOMLESS:
        usable = len(sample) - len(sample) % unit
        columns = [sample[position:usable:unit] for position in range(unit)]
        count = usable // unit
        zero = [column.count(0) / count for column in columns]
        if all(zero[p] >= 0.9 for p in zero_positions) and all(zero[p] <= 0.1 for p in range(unit) if p not in zero_positions):
            return encoding
    return None


def _detected_encoding(data: bytes) -> str | None:
    """charset-normalizer's choice; between equally good ones, windows-1252 (the web's
    default for undeclared text) when it is among them, so that the choice never hangs on
    the order of a tie."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    names = {name for m in tied for name in (m.encoding, *m.could_be_from_charset)}
    return _WESTERN_DEFAULT if _WESTERN_DEFAULT in names else str(best.encoding)


def _refuse_binary(sample: str, *, replaced: int, total: int) -> None:
    """Text has few control characters (NUL included: a few are stripped, many mean binary)
    and few bytes no encoding explains (a handful are a damaged text, whatever its length)."""
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > _FEW_REPLACED and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputRejected(f"binary file ({controls} control characters in the first {len(sample)})")
    if replaced > _FEW_REPLACED and replaced / max(1, total) > _MAX_REPLACED_SHARE:
        raise InputRejected(f"binary or undecodable file ({replaced} of its {total} characters are no text in any encoding tried)")

"""Bytes to text, refusing what is not text."""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimgraph.errors import InputRejected

_SNIFF_BYTES = 8192
_WORD = re.compile(r"[^\W\d_]{2}")
# Share of control characters (other than tab/newline/CR/form feed) above which bytes are binary.
_MAX_CONTROL_SHARE = 0.02


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) bytes to NFC text with LF line ends.

    Raises InputRejected for empty, binary or undecodable input, naming the reason.
    """
    if not data.strip():
        raise InputRejected("empty file (no text)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_or_reject(data, "utf-16")
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise InputRejected("binary file (contains NUL bytes)")
        text = _decode_or_reject(data, "utf-8-sig")
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputRejected(f"binary file ({controls} control characters in the first {len(sample)})")
    return normalize_text(text)


def has_words(text: str | None) -> bool:
    """Whether a text holds at least one word (two letters in a row, in any script)."""
    return bool(text and _WORD.search(text))


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no NUL characters: the one form every offset refers to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _decode_or_reject(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise InputRejected(f"not valid {name}: byte 0x{bad} at offset {exc.start}") from None

"""Repair the markup that makes an HTML parser swallow an article.

An element left open whose content a parser reads as raw text (`<script>`, `<style>`,
`<textarea>`) or an unclosed comment runs to the end of the file, and so does one that the
extractor throws away whole (`<noscript>`, `<iframe>`, `<svg>`, `<template>`...): the
article after it vanishes. Browsers do the same, but a scraped page was cut or broken on
its way, not written to hide its text. Such an opening (one after the last closing tag of
its name) is taken out, with the script or style text that follows it up to the next `<`.
Works on bytes, in any ASCII-compatible encoding, in linear time.
"""

from __future__ import annotations

import re

# Read as raw text up to their closing tag: the text after an unclosed one is code, not prose.
_RAW_TEXT = ("script", "style", "textarea")
# Dropped whole by the extractor: an unclosed one takes the rest of the page with it.
_DISCARDED = ("noscript", "iframe", "template", "svg", "math", "object", "select", "option", "frameset")


def close_swallowing_elements(data: bytes) -> tuple[bytes, int]:
    """The markup with every unclosed swallowing element (and comment) opened after the
    last closing of its kind taken out, and how many were."""
    repaired = 0
    lowered = data.lower()
    for name in (*_RAW_TEXT, *_DISCARDED):
        tail = lowered.rfind(b"</" + name.encode())
        start = max(tail, 0)
        if lowered.find(b"<" + name.encode(), start) < 0:
            continue
        content = rb"[^<]*" if name in _RAW_TEXT else b""
        pattern = re.compile(rb"<" + name.encode() + rb"(?![A-Za-z0-9-])[^>]*>?" + content, re.IGNORECASE)
        data, count = _sub_from(pattern, data, start)
        if count:
            repaired += count
            lowered = data.lower()
    last_close = lowered.rfind(b"-->")
    if lowered.find(b"<!--", max(0, last_close)) >= 0:
        head, rest = data[: max(0, last_close)], data[max(0, last_close):]
        rest, count = re.subn(rb"<!--", b"", rest)
        data, repaired = head + rest, repaired + count
    return data, repaired


def _sub_from(pattern: re.Pattern[bytes], data: bytes, start: int) -> tuple[bytes, int]:
    """`pattern.subn` on what follows `start` only."""
    rest, count = pattern.subn(b"", data[start:])
    return data[:start] + rest, count

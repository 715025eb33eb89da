"""From a raw article body to the cleaned text: headline found, furniture removed.

Order matters: metadata lines at the top ("Date: ...") first, then the headline, then
furniture by cue, by repetition, and by position (short fragments at either edge).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.ingest.boilerplate import (
    BoilerplateRules,
    furniture_reason,
    is_fragment,
    normalized,
    repeated_lines,
    word_count,
)

_TITLE_MAX_WORDS = 30
# Repeated lines up to this long are captions or labels, removed wherever they occur.
_CAPTION_MAX_WORDS = 12
_TITLE_MAX_CHARS = 250
_SITE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[|–—-]\s+(?P<tail>[^|–—]+)$")
# A paragraph long enough to be prose: where the edge zones of furniture end.
_PROSE_MIN_WORDS = 12


@dataclass(frozen=True)
class CleanedBody:
    """The article text with its headline and furniture taken out."""

    text: str
    title: str | None
    removed: tuple[str, ...]
    header_fields: tuple[tuple[str, str], ...]  # ("date", "14 March 2019") from the top lines


def clean_body(body: str, *, rules: BoilerplateRules, title: str | None, detect_title: bool) -> CleanedBody:
    """Clean one body. `title` is a headline known from metadata; `detect_title` looks for one."""
    lines = [line.strip() for line in body.split("\n")]
    drop: set[int] = set()
    removed: list[str] = []

    header_fields = _take_header_fields(lines, rules, drop, removed)
    title, title_index = _take_title(lines, drop, known=title, detect=detect_title, rules=rules)
    if title_index is not None:
        drop.add(title_index)

    repeats = repeated_lines([lines[i] for i in range(len(lines)) if i not in drop], max_words=_TITLE_MAX_WORDS)
    seen_prose: set[str] = set()
    for index, line in enumerate(lines):
        if index in drop or not line:
            continue
        key = normalized(line)
        if furniture_reason(line, rules):
            drop.add(index)
        elif key in repeats:
            # A short repeated line is a caption or label: every copy goes. A repeated
            # sentence of prose (live blogs repeat updates) keeps its first occurrence.
            if word_count(line) <= _CAPTION_MAX_WORDS or key in seen_prose:
                drop.add(index)
            seen_prose.add(key)
    _drop_edge_fragments(lines, drop, rules)

    already = set(removed)
    removed.extend(lines[i] for i in sorted(drop) if lines[i] and i != title_index and lines[i] not in already)
    text = _join_kept(lines, drop)
    return CleanedBody(text=text, title=title, removed=tuple(removed), header_fields=header_fields)


def _take_header_fields(lines: list[str], rules: BoilerplateRules, drop: set[int], removed: list[str]) -> tuple[tuple[str, str], ...]:
    fields = []
    for index, line in enumerate(lines):
        if not line:
            continue
        match = rules.head_label.match(line)
        if not match or word_count(line) > 10:
            break
        fields.append((line.split(":", 1)[0].strip().lower(), match.group("value").strip()))
        drop.add(index)
        removed.append(line)
    return tuple(fields)


def _take_title(lines: list[str], drop: set[int], *, known: str | None, detect: bool, rules: BoilerplateRules) -> tuple[str | None, int | None]:
    """The headline and the index of the line that holds it (None when no line does).

    Furniture above the headline ("By Jane Smith", "Share this article") is passed over; it
    is removed with the rest of the furniture afterwards.
    """
    candidates = [i for i, line in enumerate(lines) if line and i not in drop]
    first = next((i for i in candidates[:4] if furniture_reason(lines[i], rules) is None), candidates[0] if candidates else None)
    if known is not None:
        known = _strip_site_suffix(known)
        # Extracted HTML and some dumps repeat the headline as the body's first line.
        if first is not None and normalized(_strip_site_suffix(lines[first])) == normalized(known):
            return known, first
        return known, None
    if first is None or not detect:
        return None, None
    # A section label above the headline ("Africa", "WORLD NEWS") is passed over as well.
    later = [i for i in candidates[:4] if i > first]
    for index in [first, *later]:
        if _looks_like_title(lines, index):
            return _strip_site_suffix(lines[index]), index
        if word_count(lines[index]) > 3 or lines[index].endswith((".", "!", "?")):
            break
    return None, None


def _looks_like_title(lines: list[str], index: int) -> bool:
    line = lines[index]
    if word_count(line) > _TITLE_MAX_WORDS or len(line) > _TITLE_MAX_CHARS or word_count(line) < 2:
        return False
    if line.endswith((".", ":", ";", ",")):
        return False
    following = next((l for l in lines[index + 1 :] if l), "")
    blank_after = index + 1 < len(lines) and not lines[index + 1]
    return blank_after or len(following) >= 2 * len(line)


def _strip_site_suffix(title: str) -> str:
    """'Headline – News' or 'Headline | Outlet' -> 'Headline' when the tail is a short site name."""
    match = _SITE_SUFFIX.match(title)
    if match and word_count(match.group("tail")) <= 3 and word_count(match.group("head")) >= 3:
        return match.group("head").strip()
    return title


def _drop_edge_fragments(lines: list[str], drop: set[int], rules: BoilerplateRules) -> None:
    """Short fragments before the first and after the last prose paragraph are furniture
    (navigation, 'Comments', 'Top'); the same fragments between paragraphs are headings."""
    order = [i for i, line in enumerate(lines) if line and i not in drop]
    prose = [i for i in order if word_count(lines[i]) >= _PROSE_MIN_WORDS or lines[i].endswith((".", "!", "?"))]
    if not prose:
        return
    for index in order:
        if index >= prose[0]:
            break
        if is_fragment(lines[index], rules):
            drop.add(index)
    for index in reversed(order):
        if index <= prose[-1]:
            break
        if is_fragment(lines[index], rules):
            drop.add(index)


def _join_kept(lines: list[str], drop: set[int]) -> str:
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in drop:
            continue
        if not line and (not kept or not kept[-1]):
            continue  # collapse runs of blank lines (and blank lines left by dropped ones)
        kept.append(line)
    return "\n".join(kept).strip()

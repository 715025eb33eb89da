"""The metadata header many scrapers write above a plain-text article:

    url: https://example.org/2024/03/12/story
    outlet: Sahel Daily
    published: 2024-03-12
    title: Ruvian instructors arrive in Gao

then a blank line and the body. Read as metadata, these lines would otherwise be taken for
the article's first paragraph (and its "headline"). The labels live in data/headers.json.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

_LABELLED = re.compile(r"^(?P<label>[A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class HeaderRules:
    """Which labels give which field, and which values and title endings mean 'not known'."""

    labels: dict[str, str]  # lower-case label -> field
    decisive: frozenset[str]  # labels that make a block a header on their own
    rebuilt_title: re.Pattern[str]
    unknown_values: frozenset[str]


@dataclass(frozen=True)
class Header:
    """The fields a header gives (only those with a known value), and the body below it."""

    fields: dict[str, str] = field(default_factory=dict)
    body: str = ""


def load_header_rules() -> HeaderRules:
    data = json.loads(resources.files("claimgraph.ingest").joinpath("data/headers.json").read_text("utf-8"))
    markers = "|".join(re.escape(m) for m in data["rebuilt_title_markers"])
    return HeaderRules(
        labels={label.lower(): name for name, labels in data["fields"].items() for label in labels},
        decisive=frozenset(data["decisive"]),
        rebuilt_title=re.compile(rf"\s*(?:{markers})\s*$", re.IGNORECASE),
        unknown_values=frozenset(v.lower() for v in data["unknown_values"]),
    )


def split_header(text: str, rules: HeaderRules) -> Header | None:
    """The header at the top of `text` and the body below it, or None when the text does not
    open with one (its first block is left as it is)."""
    stripped = text.lstrip("\n")
    block, blank, body = stripped.partition("\n\n")
    if not blank:
        return None
    matches = [_LABELLED.match(line.strip()) for line in block.split("\n")]
    if not all(matches):
        return None
    lines = tuple((m.group("label").strip(), m.group("value").strip()) for m in matches if m)
    known = [rules.labels.get(label.lower()) for label, _ in lines]
    named = {name for name in known if name}
    if not {label.lower() for label, _ in lines} & rules.decisive and len(named) < 2:
        return None
    fields: dict[str, str] = {}
    for name, (_, value) in zip(known, lines, strict=True):
        if name is None or name in fields or not value or value.lower() in rules.unknown_values:
            continue
        # A title rebuilt from the address ("... [from URL slug]") is a guess, not the page's
        # headline: left out, so that the headline is looked for in the text.
        if not (name == "title" and rules.rebuilt_title.search(value)):
            fields[name] = value
    return Header(fields=fields, body=body)

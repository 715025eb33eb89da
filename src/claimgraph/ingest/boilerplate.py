"""Tell page furniture (subscribe prompts, credits, navigation, captions) from article lines.

The cues live in data/boilerplate.json; this module holds the logic that weighs them with
the line's shape and its place in the document (furniture gathers at the top and bottom).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

_SENTENCE_END = tuple('.!?…"”’»)')
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
# "us" only in lower case: "US" is the United States.
_READER_ADDRESS = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Oo]ur|us)\b")
_MENU_SEPARATORS = re.compile(r"\s[|•»·›]\s|\s/\s")


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled cues from a boilerplate data file."""

    line_patterns: tuple[re.Pattern[str], ...]
    cue_patterns: tuple[re.Pattern[str], ...]
    credit_label: re.Pattern[str]
    credit_words: re.Pattern[str]
    head_label: re.Pattern[str]
    byline: re.Pattern[str]
    outlet_patterns: tuple[re.Pattern[str], ...]
    cue_max_words: int
    cue_short_words: int
    short_line_max_words: int
    credit_max_words: int


def load_rules(path: str | None = None) -> BoilerplateRules:
    """Load the cue lexicon: the packaged one, or a file of the same shape."""
    if path is None:
        raw = resources.files("claimgraph.ingest").joinpath("data/boilerplate.json").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    data = json.loads(raw)
    flags = re.IGNORECASE

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return BoilerplateRules(
        line_patterns=tuple(re.compile(p, flags) for p in data["line"]),
        cue_patterns=tuple(re.compile(p, flags) for p in data["cue"]),
        credit_label=re.compile(rf"^(?:{alternation(data['credit_labels'])})\s*[:|/]\s*(?P<rest>.*)$", flags),
        credit_words=re.compile(rf"\b(?:{alternation(data['credit_words'])})\b", flags),
        head_label=re.compile(rf"^(?:{alternation(data['head_labels'])})\s*:\s*(?P<value>.+)$", flags),
        byline=re.compile(data["byline"]),
        outlet_patterns=tuple(re.compile(p) for p in data["outlet_patterns"]),  # case matters: names are capitalised
        cue_max_words=int(data["cue_max_words"]),
        cue_short_words=int(data["cue_short_words"]),
        short_line_max_words=int(data["short_line_max_words"]),
        credit_max_words=int(data["credit_max_words"]),
    )


def outlet_in_furniture(removed: tuple[str, ...], rules: BoilerplateRules) -> str | None:
    """The publisher named by removed furniture ('Subscribe to The Vantor Courier'), if any."""
    for line in removed:
        for pattern in rules.outlet_patterns:
            if (match := pattern.search(line)) and (outlet := match.group("outlet").strip(" .,-")):
                return outlet
    return None


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_fragment(line: str, rules: BoilerplateRules) -> bool:
    """A few words with no sentence ending: a heading inside the body, furniture at its edges."""
    return word_count(line) <= rules.short_line_max_words and not line.endswith(_SENTENCE_END)


def furniture_reason(line: str, rules: BoilerplateRules) -> str | None:
    """Why this line, on its own, is page furniture; None when it may be article text."""
    words = word_count(line)
    if any(p.search(line) for p in rules.line_patterns):
        return "furniture pattern"
    if words <= rules.cue_max_words and _is_cue_line(line, words, rules):
        return "furniture cue"
    if (match := rules.credit_label.match(line)) and _is_credit_text(match.group("rest"), rules):
        return "credit line"
    if words <= rules.credit_max_words and rules.credit_words.search(line) and not line.endswith(_SENTENCE_END):
        return "credit line"
    if _URL.search(line) and word_count(_URL.sub(" ", line)) <= 3:
        return "bare link"
    if rules.byline.match(line) and words <= rules.credit_max_words + 2:
        return "byline"
    if len(_MENU_SEPARATORS.findall(line)) >= 2 and words <= 3 * (len(_MENU_SEPARATORS.findall(line)) + 1):
        return "menu"
    return None


def _is_cue_line(line: str, words: int, rules: BoilerplateRules) -> bool:
    """A furniture cue decides a line that is short, talks to the reader, or holds two cues."""
    hits = sum(1 for p in rules.cue_patterns if p.search(line))
    if not hits:
        return False
    return words <= rules.cue_short_words or hits >= 2 or bool(_READER_ADDRESS.search(line))


def _is_credit_text(rest: str, rules: BoilerplateRules) -> bool:
    # "Source: TWITTER / X" or "Image: map of the region" is a credit; "Source: <a long citation>" is content.
    rest = rest.strip()
    if not rest or _URL.fullmatch(rest):
        return True
    return word_count(rest) <= rules.credit_max_words and not rest.endswith(_SENTENCE_END[:3])


def repeated_lines(lines: list[str], *, max_words: int) -> set[str]:
    """Lines that occur more than once in one document: captions and furniture repeat, prose does not."""
    counts = Counter(_normalized(line) for line in lines if line and word_count(line) <= max_words)
    return {key for key, count in counts.items() if count > 1}


def normalized(line: str) -> str:
    return _normalized(line)


def _normalized(line: str) -> str:
    return " ".join(_WORD.findall(line.casefold()))

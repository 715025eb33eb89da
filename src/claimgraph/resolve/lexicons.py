"""Words of the extraction lexicons (extract/data/<lang>/) that the cross-source stage reads
too (vague amounts, measures, contrast markers, person roles), and its own word lists
(resolve/data/: anaphors, citing words, clause verbs). Read in every language at
once, since a corpus mixes them, and only when first needed (the extraction layer loads
spaCy on import).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any


def _entries(lexicon: str, key: str) -> Iterator[Any]:
    """What every language's lexicon holds under `key`, language by language (None where absent)."""
    from claimgraph.extract.resources import (  # the extraction layer loads spaCy: not at import
        languages_with,
        load_lexicon_data,
    )

    for language in languages_with(lexicon):
        yield load_lexicon_data(lexicon, language).get(key)


@cache
def lexicon_words(lexicon: str, key: str, *, values: bool = False) -> frozenset[str]:
    """Every language's entries under `key` of one lexicon, case-folded: a list's items, or a
    mapping's keys (its values with `values`)."""
    found: set[str] = set()
    for entries in _entries(lexicon, key):
        entries = entries or ()
        found |= {str(entry).casefold() for entry in (entries.values() if values and isinstance(entries, dict) else entries)}
    return frozenset(found)


@cache
def data_words(name: str) -> frozenset[str]:
    """Every language's words of one of the cross-source stage's own word lists
    (resolve/data/<name>.json: a list per language, beside a "_comment"), case-folded."""
    data = json.loads(resources.files("claimgraph.resolve").joinpath(f"data/{name}.json").read_text("utf-8"))
    return frozenset(word.casefold() for language, words in data.items() if not language.startswith("_") for word in words)


@cache
def lexicon_mapping(lexicon: str, key: str) -> dict[str, str]:
    """Every language's mapping under `key` of one lexicon, its keys case-folded, its values
    as text ("thursday": "3", "jeudi": "3")."""
    return {str(name).casefold(): str(value) for entries in _entries(lexicon, key) if isinstance(entries, dict)
            for name, value in entries.items()}


@cache
def lexicon_classes(lexicon: str, key: str) -> dict[str, str]:
    """Every language's classes of words under `key` of one lexicon (a mapping of each class
    to its words), as each word, case-folded, to its class."""
    return {str(word).casefold(): str(name) for classes in _entries(lexicon, key) if isinstance(classes, dict)
            for name, words in classes.items() for word in words}

"""Words of the extraction lexicons (extract/data/<lang>/) that the cross-source stage reads
too: vague amounts, measures, contrast markers, person roles. Read in every language at
once, since a corpus mixes them, and only when first needed (the extraction layer loads
spaCy on import).
"""

from __future__ import annotations

from functools import cache


@cache
def lexicon_words(lexicon: str, key: str, *, values: bool = False) -> frozenset[str]:
    """Every language's entries under `key` of one lexicon, case-folded: a list's items, or a
    mapping's keys (its values with `values`)."""
    from claimgraph.extract.resources import (  # the extraction layer loads spaCy: not at import
        languages_with,
        load_lexicon_data,
    )

    found: set[str] = set()
    for language in languages_with(lexicon):
        entries = load_lexicon_data(lexicon, language).get(key, ())
        found |= {str(entry).casefold() for entry in (entries.values() if values and isinstance(entries, dict) else entries)}
    return frozenset(found)

"""Date and number spans for a model that does not label them.

The English model labels DATE, CARDINAL, MONEY and PERCENT spans, which the date and
quantity extractors start from; the French model labels only names (PER, LOC, ORG, MISC).
For such a language, `data/<lang>/entity_patterns.json` holds spaCy Matcher token patterns
for those labels (days, months, "il y a deux semaines", "1 500", "1,5 milliard d'euros",
"des centaines"), and the matches become entity spans where the model found no entity.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from claimgraph.extract.resources import load_lexicon_data


def load_entity_matcher(vocab: Vocab, lang: str) -> Matcher:
    """A Matcher with the language's patterns, each under its entity label."""
    data = load_lexicon_data("entity_patterns", lang)
    matcher = Matcher(vocab)
    for label, patterns in data["patterns"].items():
        matcher.add(label, patterns)
    return matcher


def add_pattern_entities(doc: Doc, matcher: Matcher) -> None:
    """Add the longest non-overlapping matches as entities, beside the model's own; a match
    as long as a model entity it overlaps, or longer, replaces it: the model's names take in
    day names and numbers ("Vendredi" as a person), the patterns take in no names."""
    found = [Span(doc, start, end, label=doc.vocab.strings[key]) for key, start, end in matcher(doc)]
    matches = filter_spans(found)
    kept = [ent for ent in doc.ents if not any(m.start < ent.end and ent.start < m.end and len(m) >= len(ent) for m in matches)]
    added = [m for m in matches if not any(e.start < m.end and m.start < e.end for e in kept)]
    doc.ents = sorted(kept + added, key=lambda span: span.start)

"""Name keys shared by the gazetteer and the place matcher.

A key is what two spellings of one place name have in common: accents, case, punctuation,
hyphens and a leading article do not count ("Ségou" and "SEGOU", "Guinea-Bissau" and
"Guinea Bissau", "the Hague" and "Hague"). Scripts without an ASCII folding
(Cyrillic, Arabic) keep their letters, case-folded.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING = frozenset({"the"})  # not "el", "la", "al": they are part of names (El Salvador vs Salvador)


def place_key(name: str) -> str:
    bare = _POSSESSIVE.sub("", name.strip())
    decomposed = unicodedata.normalize("NFKD", bare)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _WORD.findall(folded.casefold().replace("_", " "))
    while len(words) > 1 and words[0] in _LEADING:
        words = words[1:]
    return " ".join(words)


def is_usable_name(name: str) -> bool:
    """Whether an alternate name can stand for a place in running text: not a code
    (airport codes, postcodes), a link, or a single letter."""
    if len(name) < 2 or any(ch.isdigit() for ch in name) or "/" in name or "http" in name:
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2:
        return False
    # All-capital short forms are mostly codes (IATA, ICAO, postal); the ones worth keeping
    # (country abbreviations such as UAE, DRC) come from the alias list, not from GeoNames.
    return not (name.isupper() and len(name) <= 4 and name.isascii())

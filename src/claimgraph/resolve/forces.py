"""Which named organisations are private armed forces, by their own names.

"The Zorov PMC" or "Zorov Private Military Company" says what Zorov is; a denial that
"such mercenaries" are in a country then meets what other sources say Zorov does there
(contradictions.py). Extraction marks the phrases of one sentence ("contractors",
"a private security company"); this marks entities by any of their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Acronyms only in capitals ("PMC", not "pmc"); the spelled-out forms in any case.
_ACRONYM = re.compile(r"\b(?:PMC|PSC)s?\b")
_SPELLED = re.compile(r"\b(?:private (?:military|security) (?:compan(?:y|ies)|contractors?|firms?)|mercenar(?:y|ies))\b", re.IGNORECASE)


def names_private_force(names: Iterable[str]) -> bool:
    """Whether one of an entity's names says it is a private military or security company."""
    return any(_ACRONYM.search(name) or _SPELLED.search(name) for name in names)

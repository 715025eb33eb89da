"""Comparable forms of entity names: what makes two spellings one name.

A mention key is already a normalized name ("zorov group", "dmitriy vantor"). Across
documents and languages the same thing is still written many ways; these functions reduce a
key to forms that collide when the names do:

- `skeleton`: transliterated to ASCII (anyascii: "Зоров" is "Zorov") and folded the way
  transliterations differ (w/v, y/i, ye-/e-, doubled letters), so "Yelena" and "Elena",
  "Dmitriy" and "Dmitry" meet; a plural demonym is its singular ("Ruvians").
- `core`: an organisation's name without its designator ("X Group", "X PMC", "ChVK X" are X),
  and a country named as a possessor or demonym replaced by its code, with head synonyms
  ("Ruvia's army", "the Ruvian military" are one key).
- `initials`: what an acronym of the name would be ("European Union" -> "eu").
- `domain_core`: the registered name of a web domain ("information.example.com" -> "example").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from anyascii import anyascii  # type: ignore[import-untyped]

_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_REPEATS = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class NameRules:
    designators: tuple[tuple[str, ...], ...]  # designator phrases as word tuples, longest first
    head_synonyms: dict[str, str]
    acronym_stopwords: frozenset[str]
    domain_suffixes: frozenset[str]
    institution_heads: frozenset[str]
    fuzzy_min_score: float
    fuzzy_min_length: int
    # The skeleton of each name of an organisation named in several languages -> its first name.
    across_languages: dict[str, str] = field(default_factory=dict)

    def same_name_in_languages(self, key: str, kind: str) -> str | None:
        """The common name of a key that names one of the organisations known in several languages."""
        return self.across_languages.get(skeleton(key, kind)) or self.across_languages.get(skeleton(key, ""))


def load_name_rules() -> NameRules:
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/entity_names.json").read_text("utf-8"))
    phrases = sorted((tuple(p.split()) for p in data["designator_phrases"]), key=len, reverse=True)
    return NameRules(
        designators=tuple(phrases),
        head_synonyms=dict(data["head_synonyms"]),
        acronym_stopwords=frozenset(data["acronym_stopwords"]),
        domain_suffixes=frozenset(data["domain_suffixes"]),
        institution_heads=frozenset(data["institution_heads"]),
        fuzzy_min_score=float(data["fuzzy_min_score"]),
        fuzzy_min_length=int(data["fuzzy_min_length"]),
        across_languages={skeleton(name, ""): names[0] for names in data["names_across_languages"] for name in names},
    )


def ascii_words(key: str) -> list[str]:
    return _NON_WORD.sub(" ", anyascii(key).lower()).split()


def skeleton(key: str, kind: str) -> str:
    """The key as transliterations of it would all be written."""
    words = [_fold(word) for word in ascii_words(key)]
    if kind == "NORP" and words and len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]
    return " ".join(w for w in words if w)


def _fold(word: str) -> str:
    if word.startswith(("ye", "ie")) and len(word) > 3:
        word = "e" + word[2:]
    word = word.replace("w", "v").replace("y", "i").replace("ph", "f").replace("kh", "h").replace("j", "i")
    return _REPEATS.sub(r"\1", word) if len(word) >= 4 else word  # "BBA" is no "BA"


def core(key: str, rules: NameRules, country_of: Callable[[str], str | None] | None = None) -> str | None:
    """An organisation's core name, or None when the key has no designator or country part
    (then it is its own skeleton)."""
    words = ascii_words(key)
    changed = False
    stripped = _strip_designators(words, rules)
    if stripped != words:
        words, changed = stripped, True
    if country_of is not None and len(words) >= 2:
        code = country_of(words[0]) or (country_of(words[0][:-1]) if words[0].endswith("s") else None)  # "malis army"
        if code is not None:
            rest = " ".join(words[1:])
            words = [f"<{code}>", *rules.head_synonyms.get(rest, rest).split()]
            changed = True
    if not changed or not words or all(w in rules.acronym_stopwords for w in words):
        return None  # "the Group" has no core name
    return " ".join(_fold(w) for w in words)


def _strip_designators(words: list[str], rules: NameRules) -> list[str]:
    """'zorov private military company' -> ['zorov']; 'chvk zorov' -> ['zorov']; never
    down to nothing ('the Group' stays)."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        for phrase in rules.designators:
            size = len(phrase)
            if len(words) > size and tuple(words[-size:]) == phrase:
                words, changed = words[:-size], True
                break
            if len(words) > size and tuple(words[:size]) == phrase:
                words, changed = words[size:], True
                break
    return words


def initials(key: str, rules: NameRules) -> str | None:
    """'european union' -> 'eu'; None for one-word names."""
    words = [w for w in ascii_words(key) if w not in rules.acronym_stopwords]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def domain_core(key: str, rules: NameRules) -> str | None:
    """'information tv5monde com' (a domain written as a name) -> 'tv5monde'."""
    words = ascii_words(key)
    if len(words) < 2 or words[-1] not in rules.domain_suffixes:
        return None
    return words[-2]


_ARTICLE_PARTICLES = frozenset({"al", "el", "the", "le", "la"})


def facility_core(key: str, rules: NameRules) -> tuple[str, str] | None:
    """(core, head) of a facility's name: 'al faran central hospital' -> ('faran central', 'hospital');
    None when the name is its head alone."""
    words = [_fold(word) for word in ascii_words(key)]
    while words and words[0] in _ARTICLE_PARTICLES:
        words = words[1:]
    if len(words) < 2:
        return None
    return " ".join(words[:-1]), words[-1]

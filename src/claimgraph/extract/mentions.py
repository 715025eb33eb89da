"""Entity mentions from the parse, completed within each document.

spaCy finds a name once and misses it the next time, or finds "Joana Mbeki" and then
only "Mbeki". Every occurrence of a name found in a document is a mention, and a short
form (a surname, an organisation without its designator) takes the key of its long form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from claimgraph.extract.expand import (
    NameHeads,
    expanded_names,
    facility_names,
    load_name_heads,
    media_domains,
)
from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.records import Mention, Sentence


@dataclass(frozen=True)
class EntityLexicon:
    """The label mapping and name words from extract/data/en/entity_types.json."""

    labels: dict[str, str]
    org_designators: frozenset[str]
    leading_words: frozenset[str]
    heads: NameHeads
    descriptions: dict[str, frozenset[str]]  # "bloc" -> last words of the names it can refer to
    description_contrasts: frozenset[str] = frozenset()  # "the rival group" is not the group named before


def load_entity_lexicon(lang: str = DEFAULT_LANGUAGE) -> EntityLexicon:
    data = load_lexicon_data("entity_types", lang)
    return EntityLexicon(
        labels=dict(data["labels"]),
        org_designators=frozenset(data["org_designators"]),
        leading_words=frozenset(data["leading_words"]),
        heads=load_name_heads(lang),
        descriptions={word: frozenset(fits) for word, fits in data.get("descriptions", {}).items()},
        description_contrasts=frozenset(data.get("description_contrasts", [])),
    )


_POSSESSIVE = re.compile(r"[’']s?$")
_KEY_WORD = re.compile(r"[\w]+")


def name_key(name: str, lexicon: EntityLexicon) -> str:
    """Accent-, case- and punctuation-free form of a name, without a leading article or possessive."""
    bare = _POSSESSIVE.sub("", name.strip())
    plain = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode("ascii") or bare
    words = _KEY_WORD.findall(plain.casefold())
    while len(words) > 1 and words[0] in lexicon.leading_words:
        words = words[1:]
    return " ".join(words)


def extract_sentences(doc: Doc, doc_id: str) -> list[Sentence]:
    return [Sentence(doc_id, i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]


def extract_mentions(doc: Doc, doc_id: str, lexicon: EntityLexicon) -> list[Mention]:
    """Mentions of named entities: the model's spans, then every other occurrence of those names."""
    text = doc.text
    spans: dict[tuple[int, int], str] = {}
    named = [(ent, lexicon.labels[ent.label_]) for ent in doc.ents if ent.label_ in lexicon.labels]
    for ent, kind in named:
        start, end = _trim(text, ent.start_char, ent.end_char, lexicon)
        if end > start:
            spans[(start, end)] = _facility_by_head(ent, kind, lexicon)
    for start, end, kind in expanded_names(doc, named, lexicon.heads) + media_domains(text, lexicon.heads):
        if not _crosses(spans, start, end, kind):
            spans[(start, end)] = kind
    for start, end, kind in facility_names(doc, lexicon.heads):
        if not any(s <= start and end <= e for s, e in spans):  # a longer name already holds it
            for inner in [key for key in spans if start <= key[0] and key[1] <= end]:
                del spans[inner]  # "Central" of "Faran Central hospital" is part of the facility's name
            spans[(start, end)] = kind
    defined = _defined_acronyms(text, spans)
    forms = _forms_by_key(text, spans, lexicon)
    _add_other_occurrences(text, spans, forms)
    long_forms = _long_forms(forms, lexicon)
    long_forms.update({(name_key(acronym, lexicon), kind): name_key(name, lexicon) for acronym, (name, kind) in defined.items()})
    sentence_starts = [s.start_char for s in doc.sents]
    mentions = []
    for (start, end), kind in sorted(spans.items()):
        key = name_key(text[start:end], lexicon)
        if not key:
            continue
        mentions.append(
            Mention(
                doc=doc_id,
                start=start,
                end=end,
                text=text[start:end],
                type=kind,
                key=long_forms.get((key, kind), key),
                sentence=_sentence_index(sentence_starts, start),
            )
        )
    return mentions


def _facility_by_head(ent: Span, kind: str, lexicon: EntityLexicon) -> str:
    """An organisation named by a facility's head noun ("Al-Nour Hospital", "Tarbela Dam") is
    the facility: what is built somewhere, where events happen. A place name whose head noun,
    before an "of" phrase, names an institution or a building ("Embassy of Kessa", "Ambassade
    de France") is that institution or building, not the place its phrase names."""
    head = ent[-1].lemma_.lower()
    if kind == "ORG" and lexicon.heads.type_of_head.get(head) == "FAC":
        return "FAC"
    root = ent.root
    named_by = lexicon.heads.type_of_head.get(root.lemma_.lower())
    if kind == "GPE" and named_by in ("ORG", "FAC") and root.i < ent.end - 1 and any(c.dep_ == "prep" and c.norm_ == "of" for c in root.children):
        return named_by
    return kind


# A preposition, an article and only lowercase words end a name: "Council on Foreign
# Relations" is one name, "the Federation on the uniforms" is "Federation" and a phrase.
_LOWERCASE_TAIL = re.compile(r" (?:on|in|at|of|for|with|from|to|by) (?:the|a|an|his|her|its|their)(?: [a-z][\w-]*)+$")


def _trim(text: str, start: int, end: int, lexicon: EntityLexicon) -> tuple[int, int]:
    """Drop a leading article, a trailing lowercase phrase, and a trailing possessive or
    punctuation from a span."""
    span = text[start:end]
    first, _, rest = span.partition(" ")
    if rest and first.casefold() in lexicon.leading_words:
        start += len(first) + 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")]":
        end -= 1
    if tail := _LOWERCASE_TAIL.search(text[start:end]):  # "the Federation [on the uniforms]"
        end = start + tail.start()
    if (match := _POSSESSIVE.search(text[start:end])) and end - start > 2 and match.group() != "s":
        end -= len(match.group())
    return start, end


_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Z&]{1,7})\s*\)")
_ACRONYM_KINDS = frozenset({"ORG", "MEDIA", "FAC"})  # not places: "BAMAKO (AFP)" is a dateline
_INSIDE_DEFINITION = re.compile(r"\s*\(\s*[A-Z][A-Z&]{1,7}\s*\)?$")


def _defined_acronyms(text: str, spans: dict[tuple[int, int], str]) -> dict[str, tuple[str, str]]:
    """Acronyms an article defines: a name of two words or more followed by capitals in
    brackets ("the Office for the Coordination of Relief (OCR)") — the acronym is that name in
    this article, whatever its letters spell (names are often cut or translated). The acronym
    becomes a mention of the name's type where the model did not tag it. acronym -> (the
    name, its type)."""
    defined: dict[str, tuple[str, str]] = {}
    for (start, end), kind in sorted(spans.items()):
        inside = _INSIDE_DEFINITION.search(text, start, end)
        if inside is not None and kind in _ACRONYM_KINDS:  # the model took the brackets in: "Relief (OCR"
            del spans[(start, end)]
            end = start + len(text[start:inside.start()].rstrip())
            spans[(start, end)] = kind
        match = _DEFINITION.match(text, end)
        name = text[start:end]
        if match is None or kind not in _ACRONYM_KINDS or len(name.split()) < 2 or name.isupper():
            continue  # "BAMAKO (AFP)": a dateline, in capitals, names its agency, not itself
        acronym = match.group(1)
        span = (match.start(1), match.end(1))
        if span not in spans and not any(s < span[1] and span[0] < e for s, e in spans):
            spans[span] = kind
        if spans.get(span) == kind:
            defined.setdefault(acronym, (text[start:end], kind))
    return defined



def _forms_by_key(text: str, spans: dict[tuple[int, int], str], lexicon: EntityLexicon) -> dict[str, tuple[str, str]]:
    """Each distinct surface form found by the model -> (its type, its key), plus the short
    forms a text uses after a first full mention: a person's surname, an organisation's name
    without its designator ("Zorov" for "Zorov Group")."""
    forms: dict[str, tuple[str, str]] = {}
    for (start, end), kind in spans.items():
        form = text[start:end]
        forms.setdefault(form, (kind, name_key(form, lexicon)))
    for form, (kind, key) in list(forms.items()):
        short = _short_form(form, kind, lexicon)
        if short and short not in forms:
            forms[short] = (kind, name_key(short, lexicon))
    return forms


def _short_form(form: str, kind: str, lexicon: EntityLexicon) -> str | None:
    words = form.split()
    if len(words) < 2:
        return None
    if kind == "PERSON":
        short = words[-1]
    elif kind == "ORG" and all(w.casefold() in lexicon.org_designators for w in words[1:]):
        short = words[0]
    else:
        return None
    return short if len(short) >= 3 and short[0].isupper() and short.isalpha() else None


def _add_other_occurrences(text: str, spans: dict[tuple[int, int], str], forms: dict[str, tuple[str, str]]) -> None:
    """Occurrences of a found name that the model did not tag (same spelling, whole words)."""
    for form, (kind, _) in sorted(forms.items(), key=lambda item: -len(item[0])):
        if len(form) < 2:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if not _crosses(spans, match.start(), match.end(), kind):
                spans[(match.start(), match.end())] = kind


def _crosses(spans: dict[tuple[int, int], str], start: int, end: int, kind: str) -> bool:
    """Whether a new span would clash with a mention already there: the same extent, a partial
    overlap, or nesting inside a mention of the same type ("Zorov" inside "Zorov Group").
    A name nested in one of another type stays: "Ruvia" in the ORG "Ruvia's army"."""
    for (s, e), other_kind in spans.items():
        if s < end and start < e:
            nested = (s <= start and end <= e) or (start <= s and e <= end)
            if (s, e) == (start, end) or not nested or other_kind == kind:
                return True
    return False


def _long_forms(forms: dict[str, tuple[str, str]], lexicon: EntityLexicon) -> dict[tuple[str, str], str]:
    """Map a short key to the one longer key of the same type it abbreviates in this document:
    a surname to the full name, "zorov" to "zorov group"."""
    keys_by_type: dict[str, set[str]] = {}
    for kind, key in forms.values():
        keys_by_type.setdefault(kind, set()).add(key)
    mapping: dict[tuple[str, str], str] = {}
    for kind, keys in keys_by_type.items():
        for short in keys:
            candidates = [k for k in keys if k != short and _abbreviates(short, k, kind, lexicon)]
            if len(candidates) == 1:
                mapping[(short, kind)] = candidates[0]
    return mapping


def _abbreviates(short: str, long: str, kind: str, lexicon: EntityLexicon) -> bool:
    short_words, long_words = short.split(), long.split()
    if len(short_words) >= len(long_words):
        return False
    if kind == "PERSON":
        return long_words[-len(short_words) :] == short_words
    if kind == "ORG":
        rest = long_words[len(short_words) :]
        return long_words[: len(short_words)] == short_words and all(w in lexicon.org_designators for w in rest)
    return False


def _sentence_index(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        mid = (low + high) // 2
        if starts[mid] <= offset:
            low = mid + 1
        else:
            high = mid
    return max(0, low - 1)

"""Independent origins: where each claim of a fact comes from, counted once per origin.

A claim's origin is the outlet that relayed it (its `via`), else its named source, else the
outlet of its article (of the original, for a near-duplicate). A news agency named in a
relay or in an unnamed source's name is that agency ("a French diplomatic source told
Reuters", "Reuters sources", "a report in Interfax military news"); a named source or an
outlet is one only under the agency's whole name ("AFP", not "Michael Bloomberg"). And
an article's own unsourced figure that an agency reported in another article of the same
fact counts as the agency's: outlets rewrite wire copy without naming it, and a figure is
the fingerprint that gives it away. Likewise two claims of two articles that are one text
(four fifths of their words shared) by one source are one origin: the same copy run twice. And a source that says it has its
figures from another ("the UN refugee office, which relies on the Kessa Red Cross") relays the other wherever
the other tells the fact too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePath
from typing import Protocol, TypeVar

from claimgraph.records import Document, StoredClaim
from claimgraph.resolve.lexicons import data_words

# A relay that names no one ("according to the article", "the report said") adds no origin.
_GENERIC_RELAY = re.compile(r"^(?:the|this|that|a|an)\s+(?:article|report|story|piece|statement|newspaper|paper|outlet|"
                            r"publication|site|website|agency|channel|broadcaster|media)$", re.IGNORECASE)


@dataclass(frozen=True)
class Agencies:
    """News agencies by the names they go by."""

    pattern: re.Pattern[str] | None
    canonical: dict[str, str]  # a name as written -> the agency's name

    def find(self, name: str) -> str | None:
        """The agency a source or relay name names, if any ("a report in Interfax military news")."""
        match = self.pattern.search(name) if self.pattern else None
        return self.canonical[match.group(0)] if match else None

    def exact(self, name: str) -> str | None:
        """The agency a name is, whole ("AFP", "the Associated Press"); "Michael Bloomberg" and
        "a PTI spokesman" are not agencies."""
        return self.canonical.get(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))


def load_agencies() -> Agencies:
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/news_agencies.json").read_text("utf-8"))
    return agencies_from(data["agencies"])


def agencies_from(names: dict[str, list[str]]) -> Agencies:
    canonical = {alias: agency for agency, aliases in names.items() for alias in aliases}
    if not canonical:
        return Agencies(None, {})
    alternatives = "|".join(re.escape(alias) for alias in sorted(canonical, key=len, reverse=True))
    return Agencies(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), canonical)


NO_AGENCIES = Agencies(None, {})


class Reported(Protocol):
    """What origin counting reads of what a fact gathers (an anchored event, a tie)."""

    @property
    def doc(self) -> str: ...

    @property
    def claims(self) -> tuple[str, ...]: ...

    @property
    def background(self) -> bool: ...


R = TypeVar("R", bound=Reported)


@dataclass(frozen=True)
class ToldClaim:
    """One claim as origin counting reads it, where a fact gathers claims, not events (an
    incident's accounts, a quoted statement)."""

    claims: tuple[str, ...]
    doc: str
    background: bool = False

    @classmethod
    def of(cls, claim: StoredClaim) -> ToldClaim:
        return cls((claim.id,), claim.doc)


@dataclass(frozen=True)
class DocumentIndex:
    """What the cross-source stage keeps of each document, never its text: the origin name it
    counts as (its outlet, else its title or file; an original's, for a near-duplicate) and its
    publication dates."""

    origins: dict[str, str]  # document id -> origin name
    published: dict[str, tuple[str | None, str | None]]  # document id -> (earliest possible, stated), each None when unknown

    def outlet_of(self, doc_id: str) -> str:
        return self.origins.get(doc_id, doc_id)

    def publication_dates(self, doc_id: str) -> tuple[str | None, str | None]:
        return self.published.get(doc_id, (None, None))


def index_documents(documents: Iterable[Document]) -> DocumentIndex:
    """Read the documents once (streamed), keeping their origin names and publication dates."""
    own: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    published: dict[str, tuple[str | None, str | None]] = {}
    for document in documents:
        own[document.id] = document.outlet or document.title or PurePath(document.source.split("#")[0]).name
        if document.duplicate_of:
            duplicate_of[document.id] = document.duplicate_of
        stated = document.published_value if document.published_basis != "unknown" else None
        published[document.id] = (document.published_not_before or stated, stated)
    origins = {doc: own[duplicate_of[doc]] if duplicate_of.get(doc) in own else name for doc, name in own.items()}
    return DocumentIndex(origins, published)


def claim_origin(claim: StoredClaim, outlet_of: Callable[[str], str], agencies: Agencies = NO_AGENCIES) -> str:
    """Where a claim comes from; an unnamed source is only as independent as the article
    that quotes it."""
    via = [name for name in claim.via if not _GENERIC_RELAY.match(name.strip()) and not names_outlet(name, outlet_of(claim.doc))]
    if via:
        return agencies.find(via[0]) or via[0]
    if claim.source_kind == "anonymous":  # "Reuters sources"; else only the article vouches for it
        return agencies.find(claim.source_name) or agencies.exact(outlet_of(claim.doc)) or outlet_of(claim.doc)
    if claim.source_kind != "outlet":
        return agencies.exact(claim.source_name) or claim.source_name  # a named person, organisation or publication
    return agencies.exact(outlet_of(claim.doc)) or outlet_of(claim.doc)


def names_outlet(relay: str, outlet: str) -> bool:
    """Whether a relay names the article's own outlet ("told the Sahel Daily" in the Sahel
    Daily, "told KBC Sport" in KBC News): the source spoke to the article itself, which relays
    nothing. The names match whole (without "the" and a note in brackets), or both are a brand
    in capitals with at most one word after it ("KBC Sport", "KBC News"; not "The Times" and
    "the Times of Kessa"), or the outlet is a web address whose name is the relay's brand."""
    mine, theirs = _brand_words(relay), _brand_words(outlet)
    if not mine or not theirs:
        return False
    if [w.casefold() for w in mine] == [w.casefold() for w in theirs]:
        return True
    if mine[0] == theirs[0] and len(mine[0]) >= 2 and mine[0].isupper() and len(mine) <= 2 and len(theirs) <= 2:
        return True
    site = re.match(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+)\.", outlet.strip().casefold())
    return site is not None and len(theirs) == 1 and len(mine) <= 2 and site.group(1) == mine[0].casefold()


def _brand_words(name: str) -> list[str]:
    words = re.findall(r"[\w.'’-]+", re.sub(r"\(.*?\)", " ", name))
    return words[1:] if words and words[0].casefold() == "the" else words


def is_cited(claim: StoredClaim) -> bool:
    """Whether a claim names its source (a person, an organisation, a publication), rather
    than being told in the outlet's own voice or by an unnamed source."""
    return claim.source_kind in ("person", "organization", "media")


def count_origins(group: Iterable[R], claims: dict[str, StoredClaim], outlet_of: Callable[[str], str],
                  agencies: Agencies, same_figure: Callable[[R, R], bool],
                  speaker_key: Callable[[StoredClaim], str | None] = lambda claim: None,
                  cites: Mapping[str, frozenset[str]] | None = None,
                  speaker_name: Callable[[str], str | None] = lambda key: None,
                  repeats: Mapping[str, str] | None = None, own_view: bool = False) -> tuple[str, ...]:
    """The distinct origins of the claims that assert a fact's events (sorted names);
    `speaker_key` tells claims whose speakers are one although named apart (a key, or None),
    and `speaker_name` may name such a speaker (else the first claim's origin names it);
    `cites`, the sources each source says it has its figures from (`citations`); `repeats`,
    the claims that tell a figure as another's ("its first toll of 640 was repeated by
    broadcasters"), each with the claim its article first tells that figure by, whose origin it has;
    `own_view`: the fact is how parties stand as articles see it (a tie), where an article's own
    voice is its own view, not a restatement of a source it quotes."""
    repeats = repeats or {}
    asserting = [(event, claims[repeats.get(c, c)]) for event in group for c in event.claims if repeats.get(c, c) in claims]
    origin_of = {claim.id: claim_origin(claim, outlet_of, agencies) for _, claim in asserting}
    # A source that says it has its figures from another, where the other tells the fact too:
    # the fact is the other's, relayed ("the UN refugee office, which relies on the Kessa Red
    # Cross", and the Red Cross's own figure).
    telling = {claim.source_entity: claim for _, claim in asserting if claim.source_entity and claim.source_kind != "outlet"}
    relaying: dict[str, StoredClaim] = {}
    for _, claim in asserting:
        cited = next((telling[y] for y in sorted((cites or {}).get(claim.source_entity or "", ())) if y in telling), None)
        if cited is not None and claim.source_entity != cited.source_entity:
            relaying[claim.id] = cited
            origin_of[claim.id] = origin_of[cited.id]
    # "Keita questioned the junta after the coup": the coup is the article's setting, which the
    # speaker presupposes; the article is its origin.
    origin_of.update({claim.id: agencies.exact(outlet_of(claim.doc)) or outlet_of(claim.doc)
                      for event, claim in asserting if event.background})
    agency_names = set(agencies.canonical.values())
    wire = [(event, origin_of[claim.id]) for event, claim in asserting if origin_of[claim.id] in agency_names]
    # The article's own (or an unnamed source's) figure that an agency gave in another
    # article: the article has this fact from the agency, and so do its other unsourced claims.
    own = {claim.id for _, claim in asserting if origin_of[claim.id] == outlet_of(claim.doc)}
    relayed: dict[str, str] = {}
    for event, claim in asserting:
        if claim.id in own and claim.doc not in relayed and not agencies.exact(outlet_of(claim.doc)):
            agency = next((agency for other, agency in wire if other.doc != event.doc and same_figure(event, other)), None)
            if agency:
                relayed[claim.doc] = agency
    # The article's own voice telling what a source in the same article tells of it restates
    # that source ("Police arrested Amadou Keita on Sunday" over "the Kessa Democratic Party
    # said Keita was arrested after a speech"): the source's origin, not a second one; unless the fact is the
    # article's own view of how parties stand (`own_view`), or the event its setting.
    told_by_source: dict[str, StoredClaim] = {}
    if not own_view:
        for event, claim in asserting:
            if claim.source_kind != "outlet" and not event.background and claim.id not in relaying:
                told_by_source.setdefault(claim.doc, claim)
    named: dict[str, str] = {}
    copied: list[tuple[frozenset[str], str, str, str]] = []  # (words, document, source, key) of each claim counted
    for event, claim in asserting:
        if claim.source_kind == "outlet" and claim.doc in told_by_source and claim.doc not in relayed and not event.background:
            claim = told_by_source[claim.doc]
        origin = relayed.get(claim.doc, origin_of[claim.id]) if claim.id in own else origin_of[claim.id]
        # One speaker under two names ("Mr Keita", "Amadou Keita") is one origin.
        key = f"entity:{claim.source_entity}" if claim.source_entity and origin == claim.source_name else _origin_key(origin)
        if claim.id in relaying:
            key = f"entity:{relaying[claim.id].source_entity}"
        # An unnamed source is its article's, unless the fact knows whom it speaks for
        # ("officials in Bamako" telling Mali's position).
        unnamed = claim.source_kind == "anonymous" and origin == outlet_of(claim.doc)
        if (origin == claim.source_name or unnamed) and (same := speaker_key(claim)):
            key = same
            origin = speaker_name(same) or origin
        # Two outlets running one agency's copy tell one text, reworded at most, by one
        # source (or each in its own voice): one origin.
        words = text_words(claim.text)
        source = claim.source_entity or ("" if claim.source_kind == "outlet" else claim.source_name.casefold())
        key = next((other_key for other_words, doc, other_source, other_key in copied
                    if doc != claim.doc and other_source == source and restates(words, other_words)), key)
        copied.append((words, claim.doc, source, key))
        # one origin told under several names is shown by the first, or by the first that
        # names someone when it does not ("Kessa's interior minister", not "his office")
        if key not in named or (not _names_someone(named[key]) and _names_someone(origin)):
            named[key] = origin
    return tuple(sorted(set(named.values())))


def citations(claims: Iterable[StoredClaim], entity_names: Mapping[str, str], can_cite: Callable[[str], bool]) -> dict[str, frozenset[str]]:
    """The sources each source says it has its figures from: a claim by X whose words cite
    (the `citing` words of resolve/data/citing.json: "relies on", "citing") an entity that
    `can_cite` (a body or a person, not a place) named within a few words after ("According to
    the UN refugee office, which relies on the Kessa Red Cross, 300 are missing"); not one
    quoted by another ("Keita, quoted by the agency")."""
    words = sorted(data_words("citing"), key=lambda w: (-len(w), w))  # the longest first: "relied on" before "on"
    found: dict[str, set[str]] = {}
    for claim in claims:
        if not claim.source_entity or claim.source_kind == "outlet":
            continue
        text = claim.text.casefold()
        for match in re.finditer(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", text):
            after = text[match.end(): match.end() + _CITED_WITHIN]
            if re.match(r"\s*(?:by|par)\b", after):
                continue  # "Keita, quoted by the agency": the agency cites Keita, not the other way
            named = [(after.find(entity_names[e].casefold()), e) for e in claim.entities
                     if e != claim.source_entity and e in entity_names and can_cite(e) and entity_names[e].casefold() in after]
            if named:
                found.setdefault(claim.source_entity, set()).add(min(named)[1])
    return {source: frozenset(cited) for source, cited in found.items()}


_CITED_WITHIN = 60  # characters after a citing word in which the cited source is named


_RESTATED = 0.8  # share of their words two claims have in common to be one text copied
_COPIED_WORDS = 8  # a shorter claim may be worded alike by chance ("Ruvia denied it")


def word_list(text: str) -> list[str]:
    """A text's words, case-folded, in order."""
    return re.findall(r"\w+", text.casefold())


def text_words(text: str) -> frozenset[str]:
    return frozenset(word_list(text))


def restates(a: frozenset[str], b: frozenset[str], *, min_words: int = _COPIED_WORDS) -> bool:
    """Whether two claims' words are one text copied (four fifths of them shared, and enough of
    them, `min_words`, to tell a copy from a coincidence)."""
    return min(len(a), len(b)) >= min_words and len(a & b) >= _RESTATED * len(a | b)


def _names_someone(name: str) -> bool:
    """Whether a name has a word in capitals other than a possessive opening a sentence ("His
    office")."""
    words = name.split()
    if words and words[0].casefold() in _POSSESSIVES:
        words = words[1:]
    return any(word[:1].isupper() for word in words)


_POSSESSIVES = frozenset({"his", "her", "its", "their", "son", "sa", "ses", "leur", "leurs"})


def _origin_key(origin: str) -> str:
    return " ".join(origin.casefold().replace("’", "'").split())

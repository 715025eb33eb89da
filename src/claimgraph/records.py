"""The records the pipeline's layers hand each other: what extraction finds in one article
(sentences, mentions, claims, dates, quantities, events, ties), what resolution makes of
the corpus (entities, places, facts, contradictions), and the stored forms the store reads
back (`Document`, `Stored*`: with their ids, and with mention keys resolved to entities).

They live below every layer so that extract produces them, store persists them and resolve,
query and export read them, without any layer importing a higher one. Offsets are character
offsets into the document's cleaned text; `doc` is the document id.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a document's text, with the key that groups its variants."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    key: str  # resolution key: normalized name of the longest form this mention refers to
    sentence: int


@dataclass(frozen=True)
class PlaceCue:
    """How the text relates the place mention at (start, end) to the one at (anchor_start, anchor_end):
    ``near``, ``in`` (explicitly), ``comma`` ("X, Y": a hint that X is in Y) or ``at``
    (a facility or event at the place its name starts with)."""

    doc: str
    start: int
    end: int
    relation: str
    anchor_start: int
    anchor_end: int


@dataclass(frozen=True)
class ClaimSource:
    """Who makes a claim. `entity_key`/`entity_type` point at a mention key resolved later."""

    name: str
    kind: str  # person | organization | media | document | anonymous | outlet
    start: int | None = None
    end: int | None = None
    entity_key: str | None = None
    entity_type: str | None = None


@dataclass(frozen=True)
class Claim:
    doc: str
    start: int
    end: int
    text: str
    source: ClaimSource
    cue: str | None
    stance: str  # assert | deny
    modality: str  # fact | reported | alleged | speculative
    via: tuple[str, ...]
    sentence: int


@dataclass(frozen=True)
class DateMention:
    doc: str
    start: int
    end: int
    text: str
    value: str
    type: str  # DATE | DURATION
    anchor: str  # absolute | document | unknown
    future: bool  # in a clause about what will happen


@dataclass(frozen=True)
class Quantity:
    doc: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str  # exact | at_least | up_to | about | more_than | range
    about: str
    slot: str | None = None  # the magnitude slot it gives the size of: killed, injured, missing, displaced, arrested, sum
    scope: str | None = None  # the part a count of harm is limited to, as told: "in the north", "from Ruvia", "elsewhere", "a day"
    owner: str | None = None  # whose figure a count of harm is told as: "its" (a pronoun, in lower case), "the ministry"


@dataclass(frozen=True)
class Level:
    """How many are left after a reduction or a withdrawal, as the text gives it."""

    value: float
    qualifier: str  # the qualifier of the figure it comes from ("about 2,000": about)
    text: str  # the words that give it: "by half", "to about 2,000", "its troops"


@dataclass(frozen=True)
class Fatalities:
    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class EventArgument:
    role: str  # actor | target | location
    start: int
    end: int
    text: str
    key: str  # the mention key; the entity is found through it once entities are resolved
    type: str


@dataclass(frozen=True)
class Event:
    doc: str
    sentence: int
    start: int  # the trigger
    end: int
    trigger: str
    type: str
    plover: str
    mode: str | None
    context: str | None
    status: str  # happened | negated | planned | possible | conditional | denied | alleged
    arguments: tuple[EventArgument, ...]
    location_basis: str | None  # clause | sentence | document
    date: str | None  # TIMEX3 value from the sentence
    date_basis: str | None  # sentence (never the publication date)
    quantity: tuple[int, int] | None  # span of the quantity giving its size, sum or toll
    fatalities: Fatalities | None
    force: str | None = None  # "private" when a party is a private armed force (event_denials.py)
    denies: str | None = None  # a denial's denied content: "presence" or the denied event's type
    background: bool = False  # told as the time of another event ("after the coup"), not as news
    level: Level | None = None  # what a reduction or withdrawal leaves ("by half", "its troops": none)
    kind_words: tuple[str, ...] = ()  # what names its kind: "gas" in "a gas deal", "pay" in "agreed to pay"
    another: bool = False  # told as another of its kind: "a new deal", "another attack"

    def role(self, name: str) -> list[EventArgument]:
        return [a for a in self.arguments if a.role == name]


@dataclass(frozen=True)
class Party:
    """A named party (its mention's key and type), or a kind of force named by kind."""

    text: str
    key: str | None
    type: str | None
    force: str | None = None  # "private": mercenaries, contractors, private military companies


@dataclass(frozen=True)
class Relation:
    doc: str
    sentence: int
    start: int  # the word stating the tie
    end: int
    trigger: str
    kind: str  # affiliation, or a standing: cooperation | tension
    polarity: str  # asserted | denied
    subject: Party
    object: Party | None  # None when a denial names no other party ("has denied any such links")
    quoted: bool = False  # stated inside a quotation: the speaker's own words


@dataclass(frozen=True)
class MentionForm:
    """How often one surface text occurs under one (key, type)."""

    key: str
    type: str
    text: str
    count: int


@dataclass(frozen=True)
class Merge:
    """One union: `key` joined `into`'s group for `reason`."""

    key: str
    into: str
    reason: str


@dataclass(frozen=True)
class Correction:
    """An analyst's decision on two keys: `merge` them, or `split` them for good."""

    action: str  # merge | split
    key: str
    other: str


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    keys: tuple[tuple[str, str], ...]  # the (key, type) pairs of its mentions
    merges: tuple[Merge, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    about: str
    claims: tuple[str, ...]
    events: tuple[str, ...]
    independent_origins: tuple[str, ...]
    status: str  # corroborated | single_source | contested


@dataclass(frozen=True)
class Contradiction:
    id: str
    type: str  # its kind, as its comparator declares it: numeric | assert_vs_deny | date | responsibility | ...
    a: str  # claim id
    b: str
    explanation: str
    fact: str | None
    slot: str | None = None  # what differs: a figure's slot (killed, missing, ...), date, blame, denial
    value_a: str | None = None  # what each side tells of it, as told
    value_b: str | None = None
    caveat: str | None = None  # what may explain the difference: time, scope or precision, said in words
    strength: float | None = None  # 1: a plain conflict; lower as its caveat may explain it; None: not rated


# --- what the store reads back ---------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """A cleaned article as stored: its text, the input it came from, when it was published,
    and the earlier document it nearly duplicates."""

    id: str
    source: str  # the input key it came from
    title: str | None
    outlet: str | None
    url: str | None
    language: str
    published_value: str | None
    published_basis: str
    published_not_before: str | None
    text: str
    removed: tuple[str, ...]  # the lines cleaning removed
    duplicate_of: str | None
    similarity: float | None = None  # estimated Jaccard similarity with `duplicate_of`


@dataclass(frozen=True)
class StoredMention:
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class StoredPlace:
    """Where a resolved entity is, as stored."""

    gazetteer_id: str | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    kind: str
    precision: str


@dataclass(frozen=True)
class StoredEntity:
    """A resolved entity as stored, with every mention of it and its place."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[StoredMention, ...]
    place: StoredPlace | None = None


@dataclass(frozen=True)
class ResolvedPlace:
    """Where geocoding puts an entity, with how precisely (ACLED's geo_precision in spirit)."""

    entity_id: str
    gazetteer_id: str | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    kind: str
    precision: str  # town | near_town | region | country
    admin1: str | None = None  # the first-level division, to place "X, <Region>" inside it (not stored)


@dataclass(frozen=True)
class StoredClaim:
    """A stored claim: its source resolved to an entity (whose type names the source's kind),
    and the entities, dates and quantities inside its span."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    source_name: str
    source_kind: str
    source_entity: str | None
    cue: str | None
    stance: str
    modality: str
    via: tuple[str, ...]
    entities: tuple[str, ...]
    dates: tuple[str, ...] = ()
    quantities: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredQuantity:
    id: str
    doc: str
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    about: str
    slot: str | None = None  # the magnitude slot it gives the size of: killed, injured, missing, displaced, arrested, sum
    scope: str | None = None  # the part a count of harm is limited to, as told: "in the north", "from Ruvia", "elsewhere", "a day"
    owner: str | None = None  # whose figure a count of harm is told as: "its" (a pronoun, in lower case), "the ministry"


@dataclass(frozen=True)
class StoredEvent:
    """A stored event: its parties resolved to entities, and the claims that report it."""

    id: str
    doc: str
    start: int
    end: int
    trigger: str
    text: str  # the sentence that reports it
    type: str
    plover: str
    mode: str | None
    context: str | None
    status: str
    actors: tuple[str, ...]  # entity ids
    targets: tuple[str, ...]
    location: str | None  # entity id of a place
    location_basis: str | None
    date: str | None
    date_basis: str | None
    quantity: str | None  # quantity record id
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    claims: tuple[str, ...]
    force: str | None = None  # "private" when a party is a private armed force
    denies: str | None = None  # a denial's denied content: "presence" or an event type
    background: bool = False  # told as the time of another event ("after the coup")
    level: tuple[float, str, str] | None = None  # (value, qualifier, words) left by a reduction or withdrawal
    states: tuple[str, ...] = ()  # entity ids of the actors and targets named as states (GPE), not by a demonym
    kind_words: tuple[str, ...] = ()  # what names its kind ("gas" in "a gas deal", "pay" in "agreed to pay")
    another: bool = False  # told as another of its kind ("a new deal")


@dataclass(frozen=True)
class StoredRelation:
    """A stored tie: the relation as extracted, with its id, its parties' entities (None for a
    force named by kind, or a party whose entity is gone) and the claims that carry it."""

    id: str
    doc: str
    start: int  # the word stating the tie
    end: int
    trigger: str
    kind: str
    polarity: str  # asserted | denied
    subject: Party
    object: Party | None
    subject_entity: str | None
    object_entity: str | None
    claims: tuple[str, ...]
    quoted: bool = False


# The values the fields above take, which the CLI's and the API's filters accept (anything
# else is an error, not an empty list). Event types are the taxonomy's (taxonomy.py).
STANCES = ("assert", "deny")
MODALITIES = ("fact", "reported", "alleged", "speculative")
EVENT_STATUSES = ("happened", "negated", "planned", "possible", "conditional", "denied", "alleged")
FACT_STATUSES = ("corroborated", "single_source", "contested")

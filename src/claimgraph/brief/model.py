"""The brief's records: every sentence of it carries the numbers of the footnotes that cite
its evidence, and each footnote is one stored claim (outlet, date, the sentence quoted)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class BriefScope:
    """What a brief covers: claims by or about an entity, naming a place, in documents
    published on or after a date (each optional; names as the analyst gave them)."""

    entity: str | None = None
    place: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD

    def describe(self) -> str:
        parts = [f"about {self.entity}" if self.entity else "", f"at {self.place}" if self.place else "",
                 f"published since {self.since}" if self.since else ""]
        return ", ".join(p for p in parts if p) or "the whole knowledge base"


@dataclass(frozen=True)
class Citation:
    """A footnote: one stored claim, with where and when it was published and who makes it."""

    number: int
    claim: str  # claim id
    doc: str
    outlet: str
    published: str | None
    source: str  # who makes the claim ("Russia's Foreign Ministry"; the outlet for its own voice)
    quote: str  # the claim's sentence, verbatim, in the language of its document
    language: str | None = None  # that language (ISO 639-1)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the brief and the footnotes that cite it (never none)."""

    text: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    claims: int  # claims in scope by or about it
    said: tuple[Sentence, ...]  # what is claimed about it (and what it claims)


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # as the text gives it: "2021-09-30", "2021-09", "30 August (year not given)"
    sentence: Sentence


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    claims: int  # claims in scope naming it
    sentence: Sentence


@dataclass(frozen=True)
class Side:
    source: str
    outlet: str
    published: str | None
    stance: str
    sentence: Sentence  # the side's claim, quoted, citing it


@dataclass(frozen=True)
class ContestedPoint:
    """A contradiction between two claims: what differs, with each side and its source."""

    id: str
    kind: str
    about: str | None  # the fact it is about
    explanation: Sentence  # cites both sides
    details: tuple[tuple[str, str], ...]  # further fields of the record (slot, values, strength, caveat...), as given
    sides: tuple[Side, Side]


@dataclass(frozen=True)
class FactEntry:
    id: str
    about: str
    status: str
    origins: tuple[str, ...]
    sentence: Sentence
    details: tuple[tuple[str, str], ...] = ()


@dataclass
class Brief:
    """A situation report drawn from a knowledge base, every sentence cited."""

    title: str
    scope: BriefScope
    documents: int  # documents with claims in scope
    period: tuple[str, str] | None  # first and last publication date of those documents
    left_out: dict[str, int]  # what the scope or the brief's limits left out, by section
    actors: list[Actor] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    places: list[PlaceEntry] = field(default_factory=list)
    contested: list[ContestedPoint] = field(default_factory=list)
    corroborated: list[FactEntry] = field(default_factory=list)
    single_source: list[FactEntry] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    @property
    def says_languages(self) -> bool:
        """Whether its footnotes say each source's language: the brief is written in English
        and quotes its sources as they are, so wherever one is not English or they are in
        several."""
        languages = {c.language for c in self.citations}
        return len(languages) > 1 or bool(languages - {"en", None})

    def sentences(self) -> list[Sentence]:
        """Every sentence of the brief, in reading order."""
        found = [s for actor in self.actors for s in actor.said]
        found += [entry.sentence for entry in self.timeline] + [place.sentence for place in self.places]
        for point in self.contested:
            found += [point.explanation, *(side.sentence for side in point.sides)]
        found += [fact.sentence for fact in [*self.corroborated, *self.single_source]]
        return found

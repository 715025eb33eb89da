"""Extract: typed records (sentences, entity mentions, claims) from a parsed article."""

from claimgraph.extract.claims import extract_claims
from claimgraph.extract.cues import CueLexicon, load_cue_lexicon
from claimgraph.extract.event_lexicon import EventLexicon, Trigger, load_event_lexicon
from claimgraph.extract.events import extract_events
from claimgraph.extract.frames import Frame, find_frames
from claimgraph.extract.learned import AttributionTagger, TaggedSpan, learned_frames
from claimgraph.extract.mentions import (
    EntityLexicon,
    extract_mentions,
    extract_sentences,
    load_entity_lexicon,
    name_key,
)
from claimgraph.records import (
    Claim,
    ClaimSource,
    Event,
    EventArgument,
    Fatalities,
    Mention,
    Sentence,
)

__all__ = [
    "AttributionTagger",
    "Claim",
    "ClaimSource",
    "CueLexicon",
    "EntityLexicon",
    "Event",
    "EventArgument",
    "EventLexicon",
    "Fatalities",
    "Frame",
    "Mention",
    "Sentence",
    "TaggedSpan",
    "Trigger",
    "extract_claims",
    "extract_events",
    "extract_mentions",
    "extract_sentences",
    "find_frames",
    "learned_frames",
    "load_cue_lexicon",
    "load_entity_lexicon",
    "load_event_lexicon",
    "name_key",
]

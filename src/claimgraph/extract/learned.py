"""Attribution spans from a statistical tagger trained on PolNeAR (scripts/train_attribution_model.py).

The dependency rules in frames.py fail where the parse fails ("Trump said that ..." with the
subject attached elsewhere). The tagger does not parse: it marks SOURCE and CUE spans. Its
cues that no rule found become frames, with the nearest tagged source of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from claimgraph.extract.cues import CueLexicon
from claimgraph.extract.frames import Frame, takes_its_complement
from claimgraph.extract.spans import can_speak, doc_text, relays_in

MODEL_PACKAGE_PATH = "models/attribution"


@dataclass(frozen=True)
class TaggedSpan:
    start: int
    end: int
    label: str  # SOURCE | CUE


class AttributionTagger:
    """The packaged SOURCE/CUE tagger. Load once per run and pass it in."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, path: str | Path | None = None) -> AttributionTagger | None:
        """The tagger at `path`, or the packaged one; None when no model is installed."""
        location = Path(path) if path else Path(str(resources.files("claimgraph.extract").joinpath(MODEL_PACKAGE_PATH)))
        if not (location / "meta.json").exists():
            return None
        return cls(spacy.load(location))

    def tag(self, text: str) -> list[TaggedSpan]:
        return self.tag_many([text])[0]

    def tag_many(self, texts: list[str]) -> list[list[TaggedSpan]]:
        """Tag a batch (nlp.pipe): one list of spans per text."""
        return [[TaggedSpan(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in self.nlp.pipe(texts)]


def learned_frames(sentence: Span, tagged: list[TaggedSpan], rule_frames: list[Frame], lexicon: CueLexicon) -> list[Frame]:
    """Frames for the tagged cues of a sentence that overlap no rule frame's cue, each with the
    nearest tagged source (before the cue first)."""
    inside = [t for t in tagged if sentence.start_char <= t.start and t.end <= sentence.end_char]
    sources = [t for t in inside if t.label == "SOURCE" and _can_speak_span(sentence, t, lexicon)]
    frames = []
    for cue in (t for t in inside if t.label == "CUE"):
        if not sources or any(f.cue_span[0] < cue.end and cue.start < f.cue_span[1] for f in rule_frames):
            continue
        source = min(sources, key=lambda s: (s.start > cue.start, abs(s.start - cue.start)))
        frames.append(_frame(sentence, cue, source, lexicon))
    return frames


def _states_a_figure(verb: Token, lexicon: CueLexicon) -> bool:
    """A figure verb whose object is a figure noun ("estimated the number of people killed")."""
    return verb.lemma_.lower() in lexicon.figure_verbs and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lexicon.figure_nouns for c in verb.children)


def _can_speak_span(sentence: Span, tagged: TaggedSpan, lexicon: CueLexicon) -> bool:
    """The rules' test, on the tagged span's head: a person, group or document, not an agreement."""
    span = sentence.doc.char_span(tagged.start, tagged.end, alignment_mode="expand")
    return span is not None and can_speak(span.root, lexicon)


def _frame(sentence: Span, cue: TaggedSpan, source: TaggedSpan, lexicon: CueLexicon) -> Frame:
    doc = sentence.doc
    cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    root = cue_span.root if cue_span is not None else None
    verb = lexicon.verbs.get(root.lemma_.lower()) if root is not None else None
    # a speech verb by the lexicon, standing as speech by its complement ("rebels attacked the
    # airport" is a deed, though the tagger may mark it as a cue) or stating a figure ("the
    # report estimated the death toll at ...")
    spoken = root is not None and verb is not None and not verb.attitude and (
        takes_its_complement(root, verb) or _states_a_figure(root, lexicon))
    # the outlet the source came through, named in its own phrase ("a memo handed to AFP")
    source_span = doc.char_span(source.start, source.end, alignment_mode="expand")
    return Frame(
        kind="learned",
        cue=doc_text(doc)[cue.start : cue.end],
        cue_span=(cue.start, cue.end),
        sources=((source.start, source.end),),
        scope=(sentence.start_char, sentence.end_char),
        stance=verb.stance if verb is not None else "assert",
        modality=verb.modality if verb is not None else None,
        main=root is not None and root.dep_ == "ROOT",
        via=tuple(relays_in(source_span.root, lexicon)) if source_span is not None else (),
        # Only a known speech verb lets a learned frame attribute a claim; other cues are
        # kept as attitudes (counted as attributions, not used to attribute claims).
        attitude=not spoken,
    )

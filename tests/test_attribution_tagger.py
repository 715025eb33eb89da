"""The packaged attribution tagger (trained on PolNeAR train) and how its spans become frames."""

from __future__ import annotations

import pytest

from claimgraph.extract import (
    AttributionTagger,
    TaggedSpan,
    find_frames,
    learned_frames,
    load_cue_lexicon,
)

LEXICON = load_cue_lexicon()
SENTENCE = "The senator said on Monday that the bill would pass before the summer recess."


@pytest.fixture(scope="module")
def tagger() -> AttributionTagger:
    loaded = AttributionTagger.load()
    assert loaded is not None, "the packaged model is missing (scripts/train_attribution_model.py)"
    return loaded


def test_the_packaged_tagger_marks_a_source_and_its_cue(tagger: AttributionTagger) -> None:
    spans = tagger.tag(SENTENCE)
    texts = {(SENTENCE[s.start : s.end], s.label) for s in spans}
    assert ("said", "CUE") in texts
    assert any(label == "SOURCE" and "senator" in text for text, label in texts)


def test_a_tagged_cue_the_rules_missed_becomes_a_frame(tagger: AttributionTagger, build_tools) -> None:
    doc = build_tools.nlp(SENTENCE)
    sentence = next(doc.sents)
    frames = learned_frames(sentence, tagger.tag(SENTENCE), [], LEXICON)  # as if no rule had fired
    assert len(frames) == 1
    frame = frames[0]
    assert frame.kind == "learned" and frame.cue == "said" and not frame.attitude
    assert "senator" in SENTENCE[frame.sources[0][0] : frame.sources[0][1]]


def test_a_tagged_cue_a_rule_already_found_adds_nothing(tagger: AttributionTagger, build_tools) -> None:
    sentence = next(build_tools.nlp(SENTENCE).sents)
    rules = find_frames(sentence, LEXICON)
    assert rules and learned_frames(sentence, tagger.tag(SENTENCE), rules, LEXICON) == []


def test_a_tagged_source_that_cannot_speak_is_ignored(build_tools) -> None:
    text = "Troops will arrive within weeks according to an agreement signed in May."
    sentence = next(build_tools.nlp(text).sents)
    start = text.index("an agreement")
    tagged = [TaggedSpan(text.index("according"), text.index("according") + len("according to"), "CUE"), TaggedSpan(start, start + len("an agreement"), "SOURCE")]
    assert learned_frames(sentence, tagged, [], LEXICON) == []


def test_without_a_model_folder_there_is_no_tagger(tmp_path) -> None:
    assert AttributionTagger.load(tmp_path) is None

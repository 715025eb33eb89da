"""The packaged PLOVER sentence classifier (scripts/train_event_classifier.py), on sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy

from claimgraph.extract.event_detection import SURE_PROBABILITY, detect
from claimgraph.extract.plover_classifier import (
    FeatureSpec,
    PloverClassifier,
    feature_indices,
    text_windows,
)

PLOVER = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
          "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}
ATTACK = "Rebel fighters shelled the border town overnight, killing twelve soldiers and wounding dozens of civilians."
ACCUSATION = "The opposition leader accused the interior minister of rigging the vote and demanded an inquiry."
FOOTBALL = "The midfielder scored twice in the second half as the home side beat their rivals 3-1 on Saturday."


@pytest.fixture(scope="module")
def classifier() -> PloverClassifier:
    loaded = PloverClassifier.load()
    assert loaded is not None, "the packaged model is missing (scripts/train_event_classifier.py)"
    return loaded


def test_the_packaged_model_loads_with_the_sixteen_plover_categories(classifier: PloverClassifier) -> None:
    assert set(classifier.labels) == PLOVER and len(classifier.labels) == 16
    assert set(classifier.meta["thresholds"]) == PLOVER
    assert all(0 < t < 1 for t in classifier.thresholds)


def test_a_folder_without_a_model_loads_nothing(tmp_path: Path) -> None:
    assert PloverClassifier.load(tmp_path) is None


def test_an_attack_scores_assault_highest_and_above_its_threshold(classifier: PloverClassifier) -> None:
    scores = classifier.scores([ATTACK])[0]
    assert max(scores, key=scores.__getitem__) == "ASSAULT"
    assert "ASSAULT" in classifier.predict([ATTACK])[0]


def test_an_accusation_scores_accuse_highest_and_above_its_threshold(classifier: PloverClassifier) -> None:
    scores = classifier.scores([ACCUSATION])[0]
    assert max(scores, key=scores.__getitem__) == "ACCUSE"
    assert "ACCUSE" in classifier.predict([ACCUSATION])[0]


def test_a_football_report_is_no_event(classifier: PloverClassifier) -> None:
    assert classifier.predict([FOOTBALL]) == [frozenset()]
    scores = classifier.scores([FOOTBALL])[0]
    assert all(scores[label] < threshold for label, threshold in zip(classifier.labels, classifier.thresholds, strict=True))


def test_a_batch_scores_each_text_as_it_would_alone(classifier: PloverClassifier) -> None:
    texts = [ATTACK, FOOTBALL, ACCUSATION, "Talks resumed."]
    batch = classifier.scores(texts)
    for text, scores in zip(texts, batch, strict=True):
        alone = classifier.scores([text])[0]
        assert alone.keys() == scores.keys()
        assert all(abs(alone[k] - scores[k]) < 1e-6 for k in alone)
    assert classifier.predict(texts) == [classifier.predict([t])[0] for t in texts]


def test_empty_input_gives_empty_output(classifier: PloverClassifier) -> None:
    assert classifier.scores([]) == []
    assert classifier.predict([]) == []
    assert classifier.predict(["", "   "]) == [frozenset(), frozenset()]


def test_scores_are_probabilities(classifier: PloverClassifier) -> None:
    values = np.array([list(s.values()) for s in classifier.scores([ATTACK, ACCUSATION, FOOTBALL])])
    assert ((values >= 0) & (values <= 1)).all()


def test_a_long_sentence_is_scored_by_its_best_window() -> None:
    spec = FeatureSpec(window_words=4, window_stride=2)
    windows = text_windows("one two three four five six seven", spec)
    assert windows[0] == "one two three four five six seven"
    assert windows[1:] == ["one two three four", "three four five six", "four five six seven"]
    assert text_windows("short text", spec) == ["short text"]


def test_features_are_stable_and_fold_numbers() -> None:
    spec = FeatureSpec()
    assert np.array_equal(feature_indices("Troops killed 12 people", spec), feature_indices("troops killed 7 people", spec))
    assert feature_indices("", spec).size == 0


def test_a_sure_finding_is_kept_however_far_the_thresholds_are_scaled(classifier: PloverClassifier) -> None:
    # PROTEST's threshold times the build's scale passes 1: without a ceiling no protest
    # could ever be found, however sure the model is.
    doc = spacy.blank("en")("Thousands of protesters marched through the capital demanding the president resign.")
    (found,) = detect(classifier, [doc[:]], scale=100.0)
    assert found.categories == {"PROTEST"} and found.probabilities["PROTEST"] >= SURE_PROBABILITY

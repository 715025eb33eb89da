"""A learned PLOVER event detector and typer for sentences (scripts/train_event_classifier.py).

The trigger lexicon (data/events.json) only knows the words it lists; news tells the same
events in words without end. This classifier reads a sentence and gives, for each of the 16
PLOVER categories, the probability that the sentence reports such an event; none above its
threshold means "no event here". It was trained on NGEC-2025's LLM-judged VOA quotes
(positives) against news sentences screened free of events (negatives), see the script.

The model is one logistic regression per category over hashed word 1-2-grams and character
5-grams: numpy only, a few thousand sentences a second on one core. The training quotes
are short excerpts while a sentence may hold a long preamble before its event, so a
sentence is scored as its best window: the whole sentence and its overlapping word windows,
each scored alone, the highest probability per category kept.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_PACKAGE_PATH = "models/plover"
META_FILE = "meta.json"
WEIGHTS_FILE = "weights.npz"
FORMAT_VERSION = 1

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[^\w\s]")


@dataclass(frozen=True)
class FeatureSpec:
    """How a text becomes hashed feature indices; stored with the model so that training and
    scoring cannot drift apart."""

    bits: int = 18  # 2**bits hash buckets
    word_ngrams: tuple[int, ...] = (1, 2)
    char_ngram: int = 5  # 0: no character n-grams
    window_words: int = 8  # 0: score the whole text only
    window_stride: int = 4

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FeatureSpec:
        return cls(bits=int(data["bits"]), word_ngrams=tuple(int(n) for n in data["word_ngrams"]),
                   char_ngram=int(data["char_ngram"]), window_words=int(data["window_words"]),
                   window_stride=int(data["window_stride"]))

    def to_json(self) -> dict[str, Any]:
        return {"bits": self.bits, "word_ngrams": list(self.word_ngrams), "char_ngram": self.char_ngram,
                "window_words": self.window_words, "window_stride": self.window_stride}


def tokens(text: str) -> list[str]:
    """Lower-cased words, numbers folded to "0" (a toll's digits say nothing of its event) and
    punctuation marks."""
    folded = text.lower().replace("\u2019", "'")
    return ["0" if match[0].isdigit() else match for match in _TOKEN.findall(folded)]


def feature_indices(text: str, spec: FeatureSpec) -> npt.NDArray[np.int64]:
    """The sorted distinct hash buckets of a text's word n-grams and character n-grams.

    crc32 rather than Python's hash(): it is the same in every process and on every machine."""
    words = tokens(text)
    mask = (1 << spec.bits) - 1
    grams = {" ".join(words[i:i + n]) for n in spec.word_ngrams for i in range(len(words) - n + 1)}
    if spec.char_ngram:
        joined = " " + " ".join(words) + " "
        size = spec.char_ngram
        grams.update("#" + joined[i:i + size] for i in range(len(joined) - size + 1))
    return np.array(sorted({zlib.crc32(gram.encode()) & mask for gram in grams}), dtype=np.int64)


def text_windows(text: str, spec: FeatureSpec) -> list[str]:
    """The text itself, then its overlapping windows of `window_words` words when it is longer."""
    words = text.split()
    if not spec.window_words or len(words) <= spec.window_words:
        return [text]
    last = len(words) - spec.window_words
    starts = list(range(0, last + 1, spec.window_stride))
    if starts[-1] != last:
        starts.append(last)
    return [text] + [" ".join(words[start:start + spec.window_words]) for start in starts]


@dataclass(frozen=True)
class PloverClassifier:
    """The packaged sentence classifier. Load once per run and pass it in."""

    labels: tuple[str, ...]
    weights: npt.NDArray[np.float32]  # (2**bits, len(labels))
    bias: npt.NDArray[np.float32]  # (len(labels),)
    thresholds: npt.NDArray[np.float32]  # (len(labels),): predict a category at or above it
    features: FeatureSpec
    meta: Mapping[str, Any]

    @classmethod
    def load(cls, path: str | Path | None = None) -> PloverClassifier | None:
        """The classifier at `path`, or the packaged one; None when no model is installed."""
        location = Path(path) if path else Path(str(resources.files("claimgraph.extract").joinpath(MODEL_PACKAGE_PATH)))
        if not (location / META_FILE).exists() or not (location / WEIGHTS_FILE).exists():
            return None
        meta = json.loads((location / META_FILE).read_text(encoding="utf-8"))
        labels = tuple(str(label) for label in meta["labels"])
        with np.load(location / WEIGHTS_FILE) as arrays:
            weights = arrays["weights"].astype(np.float32)
            bias = arrays["bias"].astype(np.float32)
        thresholds = np.array([float(meta["thresholds"][label]) for label in labels], dtype=np.float32)
        return cls(labels=labels, weights=weights, bias=bias, thresholds=thresholds,
                   features=FeatureSpec.from_json(meta["features"]), meta=meta)

    def probabilities(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """(len(texts), len(labels)) probabilities, each text scored as its best window."""
        result = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        if not texts:
            return result
        pieces: list[str] = []
        owners: list[int] = []
        for number, text in enumerate(texts):
            windows = text_windows(text, self.features)
            pieces.extend(windows)
            owners.extend([number] * len(windows))
        np.maximum.at(result, np.array(owners), self._window_probabilities(pieces))
        return result

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The probability of each PLOVER category, per text."""
        return [dict(zip(self.labels, (float(p) for p in row), strict=True)) for row in self.probabilities(texts)]

    def predict(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """The categories at or above their threshold, per text (empty: no event)."""
        above = self.probabilities(texts) >= self.thresholds
        return [frozenset(label for label, hit in zip(self.labels, row, strict=True) if hit) for row in above]

    def word_weights(self, words: Sequence[str], label: str) -> list[float]:
        """The learned weight of each word alone (its unigram feature) for one category: how
        much the word says the category's event is told, so where in a sentence it is told."""
        column = self.labels.index(label)
        mask = (1 << self.features.bits) - 1
        found = []
        for word in words:
            folded = tokens(word)
            found.append(float(self.weights[zlib.crc32(folded[0].encode()) & mask, column]) if len(folded) == 1 else 0.0)
        return found

    def _window_probabilities(self, pieces: Sequence[str]) -> npt.NDArray[np.float32]:
        """Logistic probabilities of each piece, its features L2-normalised (binary values)."""
        indices = [feature_indices(piece, self.features) for piece in pieces]
        counts = np.array([len(found) for found in indices])
        logits = np.tile(self.bias, (len(pieces), 1))
        filled = counts > 0
        if filled.any():
            flat = np.concatenate([found for found in indices if len(found)])
            starts = np.concatenate(([0], np.cumsum(counts[filled])[:-1]))
            sums = np.add.reduceat(self.weights[flat], starts, axis=0)
            logits[filled] += sums / np.sqrt(counts[filled])[:, None]
        return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)

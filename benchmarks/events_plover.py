"""PLOVER category F1 of claimgraph's events on the hand-annotated seed gold, per category
and macro-averaged, for comparison with NGEC's PLOVER classifier (macro F1 0.52).

    python benchmarks/events_plover.py EXPORT.jsonl [--gold ../shared/eval/gold]

EXPORT.jsonl is `claimgraph export --format jsonl` of the seeds. Matching is the scorer's
own (../shared/eval/score.py, imported): a system event reports a gold event when its claims
cover the gold quote, and its category is right when the scorer accepts it (PLOVER's own
double readings, such as a deal being AGREE or SUPPORT). Recall of a category is over the
gold events of that category; precision over the system events of that category that fall
in the annotated documents. The macro average is over the categories the gold uses.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
NGEC_MACRO_F1 = 0.52  # NGEC PLOVER event classifier, as published (its own test set)


def load_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimgraph_seed_scorer", folder / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {folder / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def category_counts(score: ModuleType, export_path: Path, gold_dir: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """(gold per category, gold found per category, system per category, system right per category)."""
    export = score.Export(score.read_export(export_path))
    gold = score.read_gold(gold_dir)
    docs = score.align_documents(gold.documents, export)
    ctx = score.Context(docs, export, gold.corpus, score.Diagnostics(unmatched_docs=[]))
    gold_total: Counter[str] = Counter()
    gold_found: Counter[str] = Counter()
    for doc in ctx.docs:
        for event, spans in doc.located_items("events"):
            category = score.fold(str(event.get("plover") or ""))
            gold_total[category] += 1
            accepted = score.plover_accepted(event)
            if any(score.fold(str(e.get("plover") or "")) in accepted for e in score.events_reporting(ctx, doc, spans)):
                gold_found[category] += 1
    system_total: Counter[str] = Counter()
    system_right: Counter[str] = Counter()
    for event in export.of_kind("event"):
        locations = ctx.matched_locations(event.get("claims"), outside_borderline=True)
        if not locations:
            continue
        category = score.fold(str(event.get("plover") or ""))
        system_total[category] += 1
        doc_id = locations[0][0]
        spans = [span for claim_doc, span in locations if claim_doc == doc_id]
        doc = ctx.matched_docs[doc_id]
        system_right[category] += any(category in score.plover_accepted(g) and score.event_reports(doc, spans, quotes)
                                      for g, quotes in doc.located_items("events"))
    return gold_total, gold_found, system_total, system_right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--gold", type=Path, default=SHARED_EVAL / "gold")
    args = parser.parse_args(argv)
    score = load_scorer(SHARED_EVAL)
    gold_total, gold_found, system_total, system_right = category_counts(score, args.export, args.gold)
    print(f"{'PLOVER':<11}{'gold':>5}{'recall':>8}{'system':>8}{'precision':>10}{'F1':>7}")
    f1s = []
    for category in sorted(gold_total):
        recall = gold_found[category] / gold_total[category]
        precision = system_right[category] / system_total[category] if system_total[category] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{category.upper():<11}{gold_total[category]:>5}{recall:>8.2f}{system_total[category]:>8}{precision:>10.2f}{f1:>7.2f}")
    extra = sorted(set(system_total) - set(gold_total))
    if extra:
        print("system categories the gold never uses: " + ", ".join(f"{c.upper()} ({system_total[c]})" for c in extra))
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    print(f"\nmacro F1 over {len(f1s)} gold categories: {macro:.2f}   (NGEC PLOVER classifier, published: {NGEC_MACRO_F1:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

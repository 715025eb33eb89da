"""TIMEX3 normalization on TimeBank and AQUAINT (TempEval-3 training data, TBAQ-cleaned).

    python benchmarks/timex_tempeval.py [--corpus TimeBank AQUAINT] [--errors 20]

Given the gold spans: the share of DATE expressions whose value claimgraph's normalizer
gets right, each anchored to its file's document creation time (DCT). End to end: the date
expressions claimgraph's extractor finds in the raw text, scored as span (overlap) + value
F1 against the gold DATE expressions. Printed beside the published TempEval-3 value F1 of
HeidelTime and SUTime (end-to-end figures on the TempEval-3 platinum test set).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from datetime import date
from html import unescape
from pathlib import Path

from claimgraph import BuildOptions
from claimgraph.analyze import load_pipeline
from claimgraph.extract.dates import extract_dates, normalize_span
from claimgraph.extract.timex import load_time_lexicon

TBAQ = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "eval" / "temporal_tempeval3" / "TBAQ-cleaned"
PUBLISHED = {"HeidelTime": 77.61, "SUTime": 67.38}
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[date, str, list[tuple[int, int, str, str]]]:
    """DCT, plain text of <TEXT>, and gold (start, end, type, value) of its TIMEX3s."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.DOTALL)
    dct = date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL).group(1)
    text, gold = [], []
    cursor = 0
    for token in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", body, re.DOTALL):
        if token.group(0).startswith("<TIMEX3"):
            inner = unescape(re.sub(r"<[^>]+>", "", token.group(2)))
            attrs = dict(_ATTR.findall(token.group(1)))
            gold.append((cursor, cursor + len(inner), attrs.get("type", ""), attrs.get("value", "")))
            text.append(inner)
            cursor += len(inner)
        elif token.group(0).startswith("<"):
            continue
        else:
            piece = unescape(token.group(0))
            text.append(piece)
            cursor += len(piece)
    return dct, "".join(text), gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=TBAQ)
    parser.add_argument("--corpus", nargs="+", default=["TimeBank", "AQUAINT"])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong normalizations")
    parser.add_argument("--no-end-to-end", action="store_true")
    args = parser.parse_args(argv)
    files = [f for name in args.corpus for f in sorted((args.data / name).glob("*.tml"))]
    if not files:
        print(f"TempEval data not found under {args.data}", file=sys.stderr)
        return 2
    lexicon = load_time_lexicon()
    nlp = load_pipeline(BuildOptions().model)
    right = total = 0
    errors: Counter[tuple[str, str, str]] = Counter()
    documents = [read_tml(path) for path in files]
    parsed = list(nlp.pipe(text for _, text, _ in documents))
    for (dct, text, gold), doc in zip(documents, parsed, strict=True):
        for start, end, kind, value in gold:
            if kind != "DATE":
                continue
            total += 1
            found, _ = normalize_span(doc, start, end, lexicon, dct=dct)  # the extractor's own context
            if found is not None and found.value.upper() == value.upper():
                right += 1
            else:
                errors[(text[start:end], value, found.value if found else "-")] += 1
    print(f"{len(files)} files ({', '.join(args.corpus)}), {total} gold DATE expressions")
    print(f"value accuracy given gold spans (DATE): {100 * right / total:.1f}")
    for (expression, gold_value, ours), count in errors.most_common(args.errors):
        print(f"  {count:3d}x {expression!r}: gold {gold_value}, ours {ours}")
    if not args.no_end_to_end:
        started = time.perf_counter()
        system_count = gold_count = matched = 0
        for (dct, text, gold), doc in zip(documents, parsed, strict=True):
            gold_dates = [(s, e, v) for s, e, k, v in gold if k == "DATE"]
            found = [d for d in extract_dates(doc, "d", lexicon, dct=dct) if d.type == "DATE"]
            system_count += len(found)
            gold_count += len(gold_dates)
            unmatched = list(gold_dates)
            for mention in found:
                hit = next((g for g in unmatched if g[0] < mention.end and mention.start < g[1]), None)
                if hit is not None:
                    unmatched.remove(hit)
                    matched += mention.value.upper() == hit[2].upper()
        precision = matched / system_count if system_count else 0.0
        recall = matched / gold_count if gold_count else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"end to end, DATE span (overlap) + value: P {100 * precision:.1f} R {100 * recall:.1f} F1 {100 * f1:.1f} ({time.perf_counter() - started:.0f} s)")
    print("published TempEval-3 value F1 (all TIMEX3 types, platinum test): " + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Attribution spans on PolNeAR (Newell et al. 2018): source and cue F1, exact and overlap.

    python benchmarks/attribution_polnear.py [--split dev] [--limit N]

Runs claimgraph's attribution frame finder (the same one `claimgraph build` uses) over the
PolNeAR articles in ../shared/data/eval/quote_attribution_polnear/<split>/ and scores its
source and cue spans against the gold, one annotation file per article. Printed beside
BBC Citron's published PARC 3.0 figures (a different corpus: a reference, not a head-to-head).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from claimgraph import BuildOptions
from claimgraph.analyze import load_pipeline
from claimgraph.extract import (
    AttributionTagger,
    Frame,
    find_frames,
    learned_frames,
    load_cue_lexicon,
)
from claimgraph.extract.quotes import quote_spans

POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "eval" / "quote_attribution_polnear"
PUBLISHED = {"source_exact": 82.0, "source_overlap": 85.3, "cue_exact": 82.3}

Span = tuple[int, int]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    exact: int = 0
    overlap: int = 0

    def f1(self, matched: int) -> float:
        precision = matched / self.system if self.system else 0.0
        recall = matched / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def read_gold(path: Path) -> dict[str, list[Span]]:
    """Source and Cue spans of a brat file; a discontinuous span counts from first to last piece."""
    spans: dict[str, list[Span]] = {"Source": [], "Cue": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        label_and_offsets = fields[1]
        label, offsets = label_and_offsets.split(" ", 1)
        if label in spans:
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[label].append((pieces[0][0], pieces[-1][1]))
    return spans


def outermost(frames: list[Frame], doc) -> list[Frame]:  # type: ignore[no-untyped-def]
    """PolNeAR is univocal (each token belongs to one attribution at most), so an attribution
    inside a quotation or inside another attribution's reported clause is not annotated there.
    claimgraph keeps those nested frames (they make relay chains); they are left out here."""
    quotes = quote_spans(doc.text)
    unquoted = [f for f in frames if not any(q[0] < f.cue_span[0] and f.cue_span[1] < q[1] for q in quotes)]
    contents = []
    for frame in unquoted:
        if frame.content_root is not None:
            tokens = list(doc[frame.content_root].subtree)
            span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
            if not (span[0] <= frame.cue_span[0] < span[1]):  # a content never holds its own cue
                contents.append(span)
    return [f for f in unquoted if not any(c[0] <= f.cue_span[0] and f.cue_span[1] <= c[1] for c in contents)]


def score(gold: list[Span], system: list[Span], counts: Counts) -> None:
    counts.gold += len(gold)
    counts.system += len(system)
    counts.exact += len(set(gold) & set(system))
    unmatched = list(gold)
    for span in system:  # one-to-one: each gold span is matched at most once
        hit = next((g for g in unmatched if g[0] < span[1] and span[0] < g[1]), None)
        if hit is not None:
            unmatched.remove(hit)
            counts.overlap += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0, help="articles to score (0: all)")
    parser.add_argument("--model", default=BuildOptions().model)
    parser.add_argument("--tagger", default=None, help="attribution tagger folder (default: the packaged one)")
    parser.add_argument("--rules-only", action="store_true", help="score the dependency rules without the tagger")
    args = parser.parse_args(argv)
    texts = args.data / args.split / "text"
    annotations = args.data / args.split / "attributions"
    if not texts.is_dir():
        print(f"PolNeAR not found at {texts}", file=sys.stderr)
        return 2
    nlp, lexicon = load_pipeline(args.model), load_cue_lexicon()
    tagger = None if args.rules_only else AttributionTagger.load(args.tagger)
    pairs = []
    for ann in sorted(annotations.glob("*.ann")):
        text = texts / (ann.stem.rsplit("_", 1)[0] + ".txt")
        if text.exists() and all(text != t for t, _ in pairs):  # first annotator of each article
            pairs.append((text, ann))
    if args.limit:
        pairs = pairs[: args.limit]
    sources, cues = Counts(), Counts()
    started = time.perf_counter()
    raw = [t.read_text(encoding="utf-8") for t, _ in pairs]
    for (_, ann), doc in zip(pairs, nlp.pipe(raw), strict=True):
        tagged = tagger.tag(doc.text) if tagger is not None else []
        found = []
        for sentence in doc.sents:
            rules = find_frames(sentence, lexicon)
            found += rules + learned_frames(sentence, tagged, rules, lexicon)
        frames = outermost(found, doc)
        gold = read_gold(ann)
        written = sorted({s for f in frames for s in (f.sources if f.written_sources is None else f.written_sources)})
        score(gold["Source"], written, sources)
        score(gold["Cue"], sorted({f.cue_span for f in frames}), cues)
    elapsed = time.perf_counter() - started
    method = "dependency rules" + ("" if tagger is None else " + attribution tagger")
    print(f"method: {method}")
    print(f"PolNeAR {args.split}: {len(pairs)} articles, {sources.gold} gold sources, {cues.gold} gold cues, {elapsed:.1f} s")
    print(f"{'':<16}{'claimgraph':>12}{'Citron (PARC 3.0)':>20}")
    print(f"{'source exact F1':<16}{100 * sources.f1(sources.exact):>12.1f}{PUBLISHED['source_exact']:>20.1f}")
    print(f"{'source overlap':<16}{100 * sources.f1(sources.overlap):>12.1f}{PUBLISHED['source_overlap']:>20.1f}")
    print(f"{'cue exact F1':<16}{100 * cues.f1(cues.exact):>12.1f}{PUBLISHED['cue_exact']:>20.1f}")
    print(f"{'cue overlap':<16}{100 * cues.f1(cues.overlap):>12.1f}{'':>20}")
    for name, counts in (("source", sources), ("cue", cues)):
        p = counts.overlap / counts.system if counts.system else 0
        r = counts.overlap / counts.gold if counts.gold else 0
        print(f"{name} overlap precision {100 * p:.1f} recall {100 * r:.1f} (system {counts.system}, gold {counts.gold})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

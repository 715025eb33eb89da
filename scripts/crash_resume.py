"""The long crash-safety run (README, "Reliability and security"): builds of real news killed
with SIGKILL at random moments, in ingest and in the cross-source stage, each kill followed
by `PRAGMA integrity_check`, and resumed to their end; every resumed database's sorted JSONL
export is compared, record for record, with an uninterrupted build's.

    python scripts/crash_resume.py --articles 60 --kills 40

The articles are the first N of the shared BBC corpus (../shared/data/bench/bbc_news_2225.jsonl),
read where they are. The harness is tests/crash_harness.py (the CI test runs 20 kills on six
short articles). Exit status 1 when a check failed.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "data" / "bench" / "bbc_news_2225.jsonl")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--kills", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--seed", type=int, default=24)
    args = parser.parse_args()

    from claimgraph import BuildOptions, BuildTools
    from tests.crash_harness import kill_and_resume

    options = BuildOptions(batch_size=args.batch_size)
    tools = BuildTools.load(options)
    with tempfile.TemporaryDirectory(prefix="claimgraph-kills-") as folder:
        corpus = Path(folder) / "articles.jsonl"
        with args.corpus.open(encoding="utf-8") as source:
            corpus.write_text("".join(itertools.islice(source, args.articles)), encoding="utf-8")
        report = kill_and_resume([corpus], Path(folder), tools=tools, options=options, kills=args.kills, seed=args.seed)
    print(json.dumps({"articles": args.articles, **dataclasses.asdict(report)}, indent=2))
    sys.exit(0 if report.identical and not report.integrity_failures and report.kills == args.kills else 1)


if __name__ == "__main__":
    main()

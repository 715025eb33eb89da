"""Load test of the web app (README, "Reliability and security"): N concurrent clients on
loopback, each sending a fixed number of requests over the lists, the API and search; prints
the errors and the p50/p99 latencies. Bounded in count and in time; 127.0.0.1 only.

    python benchmarks/load_test.py --db bench.db --clients 100 --requests 20

The harness is tests/load_harness.py (the CI test runs 100 clients x 3 requests).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=20, help="requests per client")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds after which the run stops, finished or not")
    args = parser.parse_args()

    from claimgraph.present.background import serving
    from tests.load_harness import run_load

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with serving(args.db, port, quiet=True) as base:
        report = run_load(base, clients=args.clients, requests_per_client=args.requests, limit_s=args.limit)
    print(json.dumps(dataclasses.asdict(report), indent=2))
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()

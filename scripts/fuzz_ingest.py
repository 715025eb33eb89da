"""The long fuzzing run of ingest (docs/reliability.md): every registered reader, on hostile
bytes, must read or refuse each input with a reason (InputRejected), never crash or hang.

Two phases, each counting the cases it tried:

1. hypothesis, with the strategies of tests/fuzz_inputs.py (the CI test runs a few hundred
   of them) and a large budget: `--hypothesis N` examples per reader, and as many streams
   on standard input;
2. atheris, coverage-guided (libFuzzer) over the same check, the reader chosen by the first
   byte, every loaded Python module instrumented (claimgraph's ingest, trafilatura, charset-normalizer...):
   `--atheris N` runs (`pip install -c constraints.txt -e '.[fuzz]'`).

    python scripts/fuzz_ingest.py --hypothesis 2500 --atheris 12000 --report fuzz-report.json

Exit status 1 on the first crash (atheris leaves the input as crash-*; hypothesis prints the
shrunk example), 0 when every case passed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests/fuzz_inputs.py: the strategies and the check the CI test uses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hypothesis", type=int, default=2500, help="hypothesis examples per reader (0: skip the phase)")
    parser.add_argument("--atheris", type=int, default=12000, help="atheris runs (0: skip the phase)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one atheris input may take before it counts as a hang")
    parser.add_argument("--report", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    if args.hypothesis:
        figures["hypothesis"] = hypothesis_phase(args.hypothesis)
        print(f"hypothesis: {figures['hypothesis']}", flush=True)
    if args.report:
        args.report.write_text(json.dumps(figures, indent=2) + "\n")
    if args.atheris:
        atheris_phase(args.atheris, timeout=args.timeout, report=args.report, figures=figures)  # exits


def hypothesis_phase(examples: int) -> dict[str, object]:
    from hypothesis import HealthCheck, given, settings

    from tests.fuzz_inputs import fuzzed_readers, read_one, read_stream, stdin_stream

    tools = _tools()
    counts: dict[str, int] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        for reader, (suffix, strategy) in fuzzed_readers(tools.readers).items():
            path = Path(folder) / f"input{suffix}"
            counts[reader] = 0

            def one(data: bytes, reader: str = reader, path: Path = path) -> None:
                counts[reader] += 1
                path.write_bytes(data)
                read_one(path, readers=tools.readers, rules=tools.boilerplate, languages=tools.languages)

            check = settings(max_examples=examples, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])(
                given(data=strategy)(lambda data: one(data)))
            check()
    counts["stdin"] = 0

    def stream(data: bytes) -> None:  # what is piped into `claimgraph build -`
        counts["stdin"] += 1
        read_stream(data, readers=tools.readers, rules=tools.boilerplate, languages=tools.languages)

    settings(max_examples=examples, deadline=None, database=None,
             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])(
        given(data=stdin_stream())(lambda data: stream(data)))()
    return {"cases": sum(counts.values()), "per_reader": counts, "crashes": 0, "seconds": round(time.monotonic() - started)}


def atheris_phase(runs: int, *, timeout: int, report: Path | None, figures: dict[str, object]) -> None:
    import atheris

    from tests.fuzz_inputs import fuzzed_readers, read_one

    tools = _tools()
    atheris.instrument_all()  # coverage of every loaded Python function: claimgraph's ingest, trafilatura, charset-normalizer...
    fuzzed = fuzzed_readers(tools.readers)
    readers = sorted(fuzzed)
    folder = Path(tempfile.mkdtemp(prefix="claimgraph-fuzz-"))
    paths = {name: folder / f"input{fuzzed[name][0]}" for name in readers}
    state = {"cases": 0, "started": time.monotonic()}

    def one_input(data: bytes) -> None:
        state["cases"] += 1
        if not data:
            return
        path = paths[readers[data[0] % len(readers)]]
        path.write_bytes(data[1:])
        read_one(path, readers=tools.readers, rules=tools.boilerplate, languages=tools.languages)
        if state["cases"] == runs:
            figures["atheris"] = {"cases": state["cases"], "crashes": 0, "seconds": round(time.monotonic() - state["started"])}
            print(f"atheris: {figures['atheris']}", flush=True)
            if report:
                report.write_text(json.dumps(figures, indent=2) + "\n")

    atheris.Setup([sys.argv[0], f"-runs={runs}", f"-timeout={timeout}", "-rss_limit_mb=4096", "-max_len=65536", str(_seeds(folder))],
                  one_input)
    atheris.Fuzz()


def _seeds(folder: Path) -> Path:
    """A corpus to start from: one well-formed input per reader (the first byte picks it)."""
    from tests.fuzz_inputs import fuzzed_readers, pdf_bytes, word_document

    seeds = folder / "seeds"
    seeds.mkdir()
    sentence = "The council of Port Alder voted on Tuesday to approve a new ferry terminal, the mayor said."
    shown = b"BT /F1 10 Tf 50 780 Td (" + sentence.encode() + b") Tj ET"
    examples = {"html": f"<html><body><article><h1>Ferry</h1><p>{sentence}</p></article></body></html>".encode(),
                "json": json.dumps({"title": "Ferry", "text": sentence, "date_publish": "2021-09-30"}).encode(),
                "jsonl": (json.dumps({"title": "Ferry", "text": sentence}) + "\n" + json.dumps({"text": sentence}) + "\n").encode(),
                "text": f"Ferry Terminal Approved\n\n{sentence}\n".encode(),
                "feed": (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Ferry</title>'
                         f"<link>https://example.org/ferry</link><guid>ferry</guid><pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>"
                         f"<description>{sentence}</description></item></channel></rss>").encode(),
                "pdf": pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                  b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                                  b"<< /Length %d >>\nstream\n%s\nendstream" % (len(shown), shown),
                                  b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]),
                "docx": word_document([sentence])}
    for index, name in enumerate(sorted(fuzzed_readers(_tools().readers))):
        (seeds / f"seed-{name}").write_bytes(bytes([index]) + examples.get(name, examples["text"]))
    return seeds


def _tools():  # type: ignore[no-untyped-def]
    """The readers, boilerplate rules and language identifier of a build (no spaCy needed)."""
    from claimgraph.ingest import LanguageIdentifier, all_readers, load_rules

    class Tools:
        readers = all_readers()
        boilerplate = load_rules()
        languages = LanguageIdentifier()

    return Tools


if __name__ == "__main__":
    main()

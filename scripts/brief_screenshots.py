"""Screenshots of the brief for the README: the HTML brief in headless Chromium and the first
page of the PDF brief through pdftoppm (Debian's chromium and poppler-utils).

    python scripts/brief_screenshots.py --db docs-demo.db [--out docs/screenshots]

Built from `docs/demo/` (`claimgraph build docs/demo --db docs-demo.db`), never from other
articles.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from claimgraph.brief import BriefScope, build_brief, write_brief
from claimgraph.query import Store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--page", type=int, default=1, help="the PDF page to show")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with Store.open(args.db) as store:
        brief = build_brief(store, BriefScope())
    with tempfile.TemporaryDirectory() as folder:
        html, pdf = Path(folder) / "brief.html", Path(folder) / "brief.pdf"
        write_brief(brief, html)
        write_brief(brief, pdf)
        subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1400",
                        f"--screenshot={(args.out / 'brief-html.png').resolve()}", html.resolve().as_uri()],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(args.page), "-l", str(args.page), str(pdf),
                        str(args.out / "brief-pdf")], check=True)
    print(f"wrote {args.out / 'brief-html.png'} and {args.out / 'brief-pdf.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

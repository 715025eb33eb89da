"""Screenshots of every page of the web app, for the README.

    python scripts/screenshots.py --db demo.db [--out docs/screenshots] [--search WORDS] [--port 8799]

The README's screenshots are of `docs/demo/`, short articles and a feed written for this purpose
(`claimgraph build docs/demo --db docs-demo.db`), so no article from elsewhere is copied.

Starts `claimgraph serve` on the database, opens each page in headless Chromium (Debian's
chromium and chromedriver, through selenium) and saves one PNG per page.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
import urllib.parse
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from claimgraph.present.background import serving


def pages(db: Path, search: str) -> list[tuple[str, str]]:
    """(name, path) of each page, the entity, document, fact and contradiction ones picked from the database."""
    with sqlite3.connect(db) as connection:
        entity = connection.execute(
            "SELECT e.id FROM entities e JOIN entity_keys k ON k.entity_id = e.id JOIN mentions m ON m.key = k.key AND m.type = k.type "
            "WHERE e.type IN ('PERSON', 'ORG') GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
        claim = connection.execute("SELECT id, doc_id FROM claims WHERE source_kind != 'outlet' ORDER BY doc_id, start LIMIT 1").fetchone()
        fact = connection.execute("SELECT fact_id FROM fact_claims GROUP BY fact_id ORDER BY COUNT(*) DESC, fact_id LIMIT 1").fetchone()
        contradiction = connection.execute("SELECT id FROM contradictions ORDER BY type, id LIMIT 1").fetchone()
    found = [("overview", "/"), ("documents", "/documents"), ("entities", "/entities"), ("claims", "/claims"), ("events", "/events"),
             ("facts", "/facts"), ("contradictions", "/contradictions"), ("timeline", "/timeline"), ("map", "/map"), ("graph", "/graph"),
             ("search", "/search?q=" + urllib.parse.quote(search)), ("search-claims", "/search?in=claims&q=" + urllib.parse.quote(search))]
    if entity:
        found += [("entity", f"/entities/{entity[0]}"), ("graph-focus", f"/graph?entity={entity[0]}")]
    if claim:
        found.append(("reader", f"/documents/{claim[1]}?claim={claim[0]}#claim-{claim[0]}"))
    if fact:
        found.append(("fact", f"/facts/{fact[0]}"))
    if contradiction:
        found.append(("contradiction", f"/contradictions/{contradiction[0]}"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--search", default="instructors", help="the query shown on the search page")
    args = parser.parse_args(argv)
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    args.out.mkdir(parents=True, exist_ok=True)
    with serving(args.db, args.port) as base:
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            for name, path in pages(args.db, args.search):
                browser.get(base + path)
                time.sleep(3 if name.startswith(("map", "graph")) else 0.3)  # the map fetches its base layers; the graph lays itself out
                browser.save_screenshot(str(args.out / f"{name}.png"))
                print(args.out / f"{name}.png")
        finally:
            browser.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

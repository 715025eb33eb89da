"""The web app end to end: the real `claimgraph serve` in a subprocess over the seed corpus
(plus hostile articles), its pages driven in headless Chromium (one browser for the module,
its console read for Content-Security-Policy violations), its JSON API and its security
checks over HTTP.

The browser tests skip when Chromium or its driver is not installed (CI installs Debian's
`chromium` and `chromium-driver`); the HTTP tests only need the server.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import pytest

from claimgraph import BuildOptions, Store, build

from .conftest import write_article

CHROMIUM = Path(os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CLAIMGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver"))
DOWNLOADS = Path(os.environ.get("CLAIMGRAPH_TEST_DOWNLOADS", "/tmp/claimgraph-test-downloads")) / str(os.getpid())

SCRIPT_PAYLOAD = "<script>window.__xss=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__xss=2">'
LINK_PAYLOAD = "javascript:window.__xss=3"
HOSTILE_TITLE = f"Hostile {SCRIPT_PAYLOAD} headline"
HOSTILE_PARAGRAPHS = [
    f"The ministry in Bamako said {IMG_PAYLOAD} on Monday that the talks had failed.",
    f"Officials said {SCRIPT_PAYLOAD} had been found on the ministry website.",
    f'Officials said visitors should not follow <a href="{LINK_PAYLOAD}">{LINK_PAYLOAD}</a> links.',
]
RLO_SPEAKER = "Zorvan Ministry"
RLO_PARAGRAPHS = [  # U+202E (right-to-left override) inside a claim would reverse what follows it, the attribution included
    f"The {RLO_SPEAKER} said that \u202eseitilaicifo\u202c had met in Bamako on Monday.",
    "The envoy said \ue000FAKE\ue001 plans were discussed in Bamako, according to the Zorvan envoy.",  # private-use: the search markers
]
LONG_LINE = "Q" * 150_000

BAMAKO = (12.65, -8.0)  # lat, lon
TIMBUKTU = (16.77, -3.01)


# Fixtures: the database, the servers, the browser ------------------------------------------------


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, shared: Path, build_tools) -> Path:
    """The seed corpus and one hostile article, built into a SQLite file."""
    folder = tmp_path_factory.mktemp("web")
    write_article(folder / "hostile", "hostile.txt", HOSTILE_TITLE, HOSTILE_PARAGRAPHS)
    write_article(folder / "hostile", "bidi.txt", "Zorvan envoy visits Bamako", RLO_PARAGRAPHS)
    (folder / "hostile" / "long.txt").write_text("A line too long\n\nThe minister spoke in Bamako on Monday.\n\n"
                                                 f"The minister said the code was {LONG_LINE} and nothing else.\n", encoding="utf-8")
    db = folder / "kb.db"
    with Store.open(db) as store:
        # The long line is over the default limits (a text is skipped, not cut): raised for it.
        report = build([shared / "corpus" / "seeds", folder / "hostile"], store=store,
                       options=BuildOptions(max_chars=400_000, max_line_chars=400_000), tools=build_tools)
    assert report.added >= 2 and not report.skipped, report
    return db


def _copy_db(source: Path, target: Path) -> Path:
    """A consistent copy (the backup API, so a WAL file is never left behind)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, process: subprocess.Popen, url: str, db: Path, log: Path) -> None:
        self.process, self.url, self.db, self.log = process, url, db, log

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _serve(cli: list[str], db: Path, log: Path, *args: str, host: str = "127.0.0.1") -> Server:
    """`claimgraph serve` in a subprocess, once it answers HTTP (any status: 401 counts)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_TOKEN"}
    with log.open("wb") as out:
        process = subprocess.Popen([*cli, "serve", "--db", str(db), "--host", host, "--port", str(port), *args],
                                   stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(process, f"http://127.0.0.1:{port}", db, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"claimgraph serve exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            httpx.get(server.url + "/openapi.json", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.stop()
    pytest.fail(f"claimgraph serve did not answer within 30 s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def server(web_db: Path, claimgraph_cli: list[str]) -> Iterator[Server]:
    """The read-only app (no token) on 127.0.0.1."""
    running = _serve(claimgraph_cli, web_db, web_db.parent / "serve.log")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def token_server(web_db: Path, claimgraph_cli: list[str]) -> Iterator[Server]:
    """The app with `--token secret` on 127.0.0.1, over its own copy of the database."""
    db = _copy_db(web_db, web_db.parent / "kb-token.db")
    running = _serve(claimgraph_cli, db, web_db.parent / "serve-token.log", "--token", "secret")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def api(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def hostile_doc(api: httpx.Client) -> dict:
    documents = _all(api, "/api/documents")
    (document,) = [d for d in documents if (d["title"] or "").startswith("Hostile ")]
    return document


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"headless browser tests need {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(DOWNLOADS), "download.prompt_for_download": False})
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _all(client: httpx.Client, path: str, **params: str) -> list[dict]:
    """Every record of a paginated endpoint (by cursor)."""
    items: list[dict] = []
    cursor: str | None = None
    for _ in range(1000):
        page = client.get(path, params={**params, "limit": 500, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("more than 1000 pages")


def _console_problems(driver) -> list[str]:  # type: ignore[no-untyped-def]
    """The browser console's errors and CSP reports since the last call."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


def _wait(driver, condition, timeout: float = 10):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector: str) -> list:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


# 1. Every page, clicked through ---------------------------------------------------------------

LIST_PAGES = ("documents", "entities", "claims", "events", "facts", "contradictions", "timeline")


def test_every_page_is_reached_from_the_navigation_without_console_errors(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/")
    _console_problems(browser)
    counts = {name: int(_css(browser, f"#count-{name}")[0].text) for name in
              ("documents", "entities", "claims", "events", "facts", "contradictions", "dates", "quantities")}
    assert all(n > 0 for n in counts.values()), counts
    assert counts["claims"] == api.get("/api/claims", params={"limit": 1}).json()["total"]
    assert "Mali" in [a.text for a in _css(browser, "ol.entities li a")]
    for name in (*LIST_PAGES, "map", "graph"):
        link = next(a for a in _css(browser, "header nav a") if a.text == name)
        link.click()
        _wait(browser, lambda d, name=name: d.execute_script("return document.body.dataset.page") == name)
        assert urlsplit(browser.current_url).path == f"/{name}"
        if name in LIST_PAGES:
            total = int(browser.find_element("css selector", "#total").text.replace(",", ""))
            if name != "timeline":
                assert total == api.get(f"/api/{name}", params={"limit": 1}).json()["total"], name
            assert total > 0 and _css(browser, "section.rows [data-id]"), name
        if name == "map":
            _wait(browser, lambda d: d.execute_script("return window.claimgraphMap && window.claimgraphMap.ready"), timeout=20)
        if name == "graph":
            _wait(browser, lambda d: d.execute_script("return window.claimgraphGraph && window.claimgraphGraph.nodes().length > 10"))
        assert not _console_problems(browser), name
    # one record of each kind opens its own page; every record links to its sentence in the reader
    for kind, selector in (("facts", "a.about"), ("contradictions", "a.explanation"), ("entities", "td a"), ("documents", "td a")):
        browser.get(f"{server.url}/{kind}")
        first = _css(browser, f"section.rows {selector}")[0]
        href = first.get_attribute("href")
        first.click()
        _wait(browser, lambda d, href=href: d.current_url == href)
        assert browser.find_element("css selector", "h1").text
        assert not _css(browser, ".error-title"), kind
        assert not _console_problems(browser), kind
    for kind in ("claims", "events", "timeline"):
        browser.get(f"{server.url}/{kind}")
        hrefs = [a.get_attribute("href") for a in _css(browser, "section.rows a[href*='/documents/']")]
        assert hrefs and all("claim=" in h for h in hrefs[:5]), kind


def test_a_fact_page_shows_its_accounts_by_origin(browser, server: Server, api: httpx.Client) -> None:
    facts = _all(api, "/api/facts")
    fact = max(facts, key=lambda f: (len(f["independent_origins"]), len(f["claims"])))
    browser.get(f"{server.url}/facts/{fact['id']}")
    accounts = _css(browser, "blockquote.account")
    assert sorted(a.get_attribute("data-claim") for a in accounts) == sorted(fact["claims"])
    assert len(_css(browser, "section.origin")) >= 1
    for account in accounts:
        assert account.find_element("css selector", ".mark").text.lower().startswith(("asserts", "denies"))
        assert "/documents/" in account.find_element("css selector", "a").get_attribute("href")


def test_a_contradiction_page_shows_both_sides_marked(browser, server: Server, api: httpx.Client) -> None:
    for record in _all(api, "/api/contradictions"):
        browser.get(f"{server.url}/contradictions/{record['id']}")
        sides = _css(browser, "blockquote.side")
        assert [s.get_attribute("data-claim") for s in sides] == [record["a"], record["b"]]
        marks = [s.find_element("css selector", ".mark").text for s in sides]
        assert marks[0].startswith("A") and marks[1].startswith("B")
        assert all(("ASSERTS" in m.upper() or "DENIES" in m.upper()) for m in marks)
        if record["type"] == "numeric":
            assert any("FIGURE" in m.upper() for m in marks), marks
        assert record["explanation"] in browser.find_element("css selector", ".explanation").text


# 2. Filters, facets, keyset pages, downloads ---------------------------------------------------


def test_contradictions_filter_by_kind_and_strength(browser, tmp_path: Path, build_tools, claimgraph_cli: list[str]) -> None:
    """On the demo corpus (articles written for the project), whose accounts disagree with caveats."""
    db = tmp_path / "demo.db"
    with Store.open(db) as store:
        build([Path(__file__).resolve().parent.parent / "docs" / "demo"], store=store, options=BuildOptions(), tools=build_tools)
    demo = _serve(claimgraph_cli, db, tmp_path / "serve.log")
    try:
        with httpx.Client(base_url=demo.url, timeout=30) as api:
            records = _all(api, "/api/contradictions")
            rated = [r for r in records if r.get("strength") is not None]
            assert rated and any(r["strength"] < 1 for r in rated), records
            browser.get(f"{demo.url}/contradictions")
            options = [o.get_attribute("value") for o in _css(browser, "form.filters select[name=strength] option")]
            assert options[1:] == ["0.25", "0.5", "0.75", "1"] and _css(browser, "form.filters select[name=type]")
            for threshold in ("0.5", "0.75", "1"):
                shown = {r["id"] for r in api.get("/contradictions", params={"format": "json", "strength": threshold}).json()}
                assert shown == {r["id"] for r in rated if r["strength"] >= float(threshold)}
            kind = rated[0]["type"]
            of_kind = {r["id"] for r in api.get("/contradictions", params={"format": "json", "type": kind}).json()}
            assert of_kind == {r["id"] for r in records if r["type"] == kind}
            assert api.get("/contradictions", params={"strength": "0.6"}).status_code == 400  # the form's steps only
    finally:
        demo.stop()



def test_filtering_and_paging_past_the_first_page(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/claims")
    facet = next(a for a in _css(browser, ".facet[data-facet=stance] a") if a.get_attribute("data-value") == "assert")
    facet.click()
    _wait(browser, lambda d: "stance=assert" in d.current_url)
    expected = [c["id"] for c in _all(api, "/api/claims", stance="assert")]
    assert int(browser.find_element("css selector", "#total").text.replace(",", "")) == len(expected) > 50
    seen: list[str] = []
    for _ in range(10):
        seen += [li.get_attribute("data-claim") for li in _css(browser, "ul.claims li.claim")]
        following = _css(browser, "nav.pager a.next")
        if not following:
            break
        following[0].click()
        _wait(browser, lambda d: "after=" in d.current_url)
    assert seen == expected, "page after page, the filtered view in order, none twice"
    shared_url = browser.current_url  # a view's URL is shareable: it gives the same rows again
    rows = [li.get_attribute("data-claim") for li in _css(browser, "ul.claims li.claim")]
    browser.get(shared_url)
    assert [li.get_attribute("data-claim") for li in _css(browser, "ul.claims li.claim")] == rows
    _css(browser, "nav.pager a.previous")[0].click()
    _wait(browser, lambda d: "before=" in d.current_url)
    assert [li.get_attribute("data-claim") for li in _css(browser, "ul.claims li.claim")] == expected[len(expected) - len(rows) - 50:len(expected) - len(rows)]
    # the select of a filter applies itself (script in a static file)
    from selenium.webdriver.support.ui import Select

    browser.get(server.url + "/events")
    Select(_css(browser, "select[name=status]")[0]).select_by_value("happened")
    _wait(browser, lambda d: "status=happened" in d.current_url)
    assert all("status-happened" in li.get_attribute("class") for li in _css(browser, "ul.events li.event"))


def test_a_downloaded_csv_is_the_filtered_view(browser, server: Server, api: httpx.Client) -> None:
    import csv

    csv.field_size_limit(1_000_000)  # the hostile article's 150,000-character line is one claim
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    for old in DOWNLOADS.glob("*"):
        old.unlink()
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(DOWNLOADS)})
    browser.get(server.url + "/claims?modality=reported&sort=newest")
    _css(browser, "a.download-csv")[0].click()
    target = DOWNLOADS / "claimgraph-claims.csv"
    _wait(browser, lambda d: target.exists() and target.stat().st_size > 0, timeout=20)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    expected = _all(api, "/api/claims", modality="reported", sort="newest")
    assert [r["id"] for r in rows] == [c["id"] for c in expected]
    assert all(r["modality"] == "reported" for r in rows)
    for row, claim in zip(rows, expected):
        assert row["text"].lstrip("'") == claim["text"] and row["doc"] == claim["doc"]
    as_json = api.get("/events", params={"format": "json", "status": "happened"}).json()
    assert [e["id"] for e in as_json] == [e["id"] for e in _all(api, "/api/events", status="happened", sort="date")]


def test_keyset_pages_agree_with_offset_pages(api: httpx.Client) -> None:
    by_offset = []
    offset: int | None = 0
    while offset is not None:
        body = api.get("/api/claims", params={"limit": 37, "offset": offset}).json()
        by_offset += body["items"]
        offset = body["next_offset"]
    assert [c["id"] for c in by_offset] == [c["id"] for c in _all(api, "/api/claims")]
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"stance": "maybe"}, {"cursor": "garbage!"}, {"nonsense": "1"}):
        answer = api.get("/api/claims", params=bad)
        assert answer.status_code == 422, (bad, answer.text)
        assert "sqlite" not in answer.text.lower()


# 3. Search -------------------------------------------------------------------------------------

HOSTILE_QUERIES = ("al-Qaeda", "Côte d'Ivoire", "U.S.", "AT&T", "3,000", "50%", "Вагнер", '"unbalanced', "NEAR(a b)", "a OR", "*", "^x",
                   "col:umn", "()")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_text_is_searched_as_words(query: str, browser, server: Server) -> None:
    browser.get(server.url + "/search?q=" + quote(query))
    text = browser.find_element("css selector", "main").text
    assert "syntax" not in text.lower() and "fts5" not in text.lower(), text
    if query.strip("*^()") and any(c.isalnum() for c in query):
        counts = {s: int(browser.find_element("css selector", f"#count-{s}").text.replace(",", "")) for s in ("documents", "entities", "claims")}
        if not any(counts.values()):
            assert _css(browser, "#no-results"), "a clear message for an empty result"
    else:
        assert _css(browser, "#search-error"), "no word to search for is said so"
    assert browser.find_element("css selector", "input[name=q]").get_attribute("value") == query
    assert not _console_problems(browser)


def test_search_finds_phrases_in_each_section_and_pages(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/")
    from selenium.webdriver.common.keys import Keys

    _css(browser, "form.search input[name=q]")[0].send_keys('"Russian mercenaries"', Keys.ENTER)
    _wait(browser, lambda d: "/search" in d.current_url)
    hits = _css(browser, "li.hit")
    assert hits
    for hit in hits:
        marked = " ".join(m.text for m in hit.find_elements("css selector", "mark")).casefold()
        assert "russian" in marked and "mercenaries" in marked, hit.text
    assert int(browser.find_element("css selector", "#count-documents").text) == api.get(
        "/api/search", params={"q": '"Russian mercenaries"', "limit": 100}).json()["total"]
    browser.get(server.url + "/search?in=claims&q=" + quote('"Russian mercenaries"'))
    claims = _css(browser, "ul.claims li.hit")
    assert claims and all("russian mercenaries" in " ".join(m.text for m in li.find_elements("css selector", "mark")).casefold()
                          for li in claims)
    browser.get(server.url + "/search?in=entities&q=Wagner")
    assert any("Wagner" in a.text for a in _css(browser, "li.hit a"))
    browser.get(server.url + "/search?in=claims&q=Mali")  # more claims than one page: page past the first
    total = int(browser.find_element("css selector", "#count-claims").text)
    seen = [li.get_attribute("data-id") for li in _css(browser, "li.hit")]
    while _css(browser, "nav.pager a.next"):
        _css(browser, "nav.pager a.next")[0].click()
        _wait(browser, lambda d: "after=" in d.current_url)
        seen += [li.get_attribute("data-id") for li in _css(browser, "li.hit")]
    assert total > 20 and len(seen) == len(set(seen)) == total
    browser.get(server.url + "/search?q=" + quote('"mercenaries Russian"'))
    assert not _css(browser, "li.hit") and _css(browser, "#no-results"), "a phrase is matched in order"


def test_a_long_search_is_refused_at_once(server: Server) -> None:
    started = time.monotonic()
    answer = httpx.get(server.url + "/search", params={"q": "word " * 12_000}, timeout=30)
    assert answer.status_code == 400 and "at most" in answer.text
    api_answer = httpx.get(server.url + "/api/search", params={"q": "a" * 1500}, timeout=30)
    assert api_answer.status_code == 422
    assert time.monotonic() - started < 5


# 4. The reader ---------------------------------------------------------------------------------


def _check_reader_selection(driver, claim_id: str, claim_text: str) -> None:  # type: ignore[no-untyped-def]
    _wait(driver, lambda d: "/documents/" in d.current_url)
    assert urlsplit(driver.current_url).fragment == f"claim-{claim_id}"
    selected = driver.execute_script(
        "return Array.from(document.querySelectorAll('article.reader .selected')).map(s => [s.dataset.claim, s.textContent])")
    assert selected and {claim for claim, _ in selected} == {claim_id}
    assert "".join(text for _, text in selected) == claim_text
    top = driver.execute_script(f"return document.getElementById('claim-{claim_id}').getBoundingClientRect().top")
    assert -2 <= top < driver.execute_script("return window.innerHeight"), "the reader scrolled to the claim"


def test_a_claim_opens_the_reader_where_mentions_link_to_entities(browser, server: Server, api: httpx.Client) -> None:
    claims = _all(api, "/api/claims")
    standalone = {c["id"]: c for c in claims if c["start"] > 2000 and not any(
        o["doc"] == c["doc"] and o["id"] != c["id"] and o["start"] < c["end"] and c["start"] < o["end"] for o in claims)}
    claim = next(iter(standalone.values()))
    browser.get(server.url + f"/claims?document={claim['doc']}")
    link = next(a for a in _css(browser, "ul.claims li.claim a.claim-text") if f"claim={claim['id']}" in a.get_attribute("href"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    _check_reader_selection(browser, claim["id"], claim["text"])
    mentions = _css(browser, "article.reader a.mention")
    assert mentions and all(re.fullmatch(r".*/entities/ent_[0-9a-f]+", a.get_attribute("href")) for a in mentions)
    name = mentions[0].text
    mentions[0].click()
    _wait(browser, lambda d: "/entities/" in d.current_url)
    assert name.casefold() in browser.find_element("css selector", "ul.aliases").text.casefold()


def test_an_untitled_document_shows_no_local_path(browser, server: Server, api: httpx.Client, web_db: Path) -> None:
    for document in _all(api, "/api/documents")[:10]:
        browser.get(f"{server.url}/documents/{document['id']}")
        shown = browser.find_element("css selector", "main").text
        assert str(web_db.parent) not in shown and "/tmp/" not in shown


# 5. Hostile articles ---------------------------------------------------------------------------


def _assert_inert(driver, visible: list[str]) -> None:  # type: ignore[no-untyped-def]
    time.sleep(0.2)  # an onerror fires just after load
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert not _css(driver, 'img[src="x"]')
    assert not _css(driver, "a[href^='javascript:' i]")
    text = driver.find_element("css selector", "body").text
    for payload in visible:
        assert payload in text, f"{payload!r} should show as text"


@pytest.mark.parametrize("page", ["reader", "search", "claims", "entity", "timeline", "events", "documents", "map"])
def test_hostile_article_text_does_not_run(page: str, browser, server: Server, api: httpx.Client, hostile_doc: dict) -> None:
    doc = hostile_doc["id"]
    paths = {"reader": (f"/documents/{doc}", [SCRIPT_PAYLOAD, IMG_PAYLOAD, LINK_PAYLOAD]),
             "search": ("/search?q=onerror", [HOSTILE_TITLE]),
             "claims": (f"/claims?document={doc}", [IMG_PAYLOAD]),
             "entity": (f"/entities/{next(e for e in _all(api, '/api/entities') if e['name'] == 'Bamako')['id']}", []),
             "timeline": ("/timeline", []), "events": (f"/events?document={doc}", []), "documents": ("/documents?sort=title", []),
             "map": ("/map", [])}
    path, visible = paths[page]
    browser.get(server.url + path)
    _assert_inert(browser, visible)
    assert not _console_problems(browser), "no script runs and none is refused: the page has no inline script"
    raw = httpx.get(server.url + path, timeout=30).text
    for payload in (SCRIPT_PAYLOAD, "<img src=x", f'href="{LINK_PAYLOAD}'):
        assert payload not in raw


def test_a_right_to_left_override_does_not_reverse_the_attribution(browser, server: Server, api: httpx.Client) -> None:
    claim = next(c for c in _all(api, "/api/claims") if "\u202e" in c["text"])
    browser.get(f"{server.url}/claims?document={claim['doc']}")
    row = next(li for li in _css(browser, "ul.claims li.claim") if li.get_attribute("data-claim") == claim["id"])
    assert row.find_element("css selector", "a.claim-text bdi")
    # Read where the attribution's first and last letters are drawn: left to right when isolated.
    order = browser.execute_script(
        """const bdi = arguments[0].querySelector('.attribution > bdi, .attribution > a > bdi'); const text = bdi.firstChild;
        const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect(); };
        const first = at(0), last = at(text.length - 1);
        return [first.left, last.left, first.top, last.top, bdi.textContent];""", row)
    assert order[4] == claim["source"]["name"]
    assert order[2] < order[3] or order[0] < order[1], f"the source's name reads left to right: {order}"
    line = browser.execute_script("return getComputedStyle(arguments[0].querySelector('a.claim-text bdi')).unicodeBidi", row)
    assert line == "isolate"


def test_private_use_characters_cannot_forge_a_search_highlight(browser, server: Server) -> None:
    browser.get(server.url + "/search?q=envoy")
    hits = _css(browser, "li.hit")
    assert hits
    marks = [m.text for hit in hits for m in hit.find_elements("css selector", "mark")]
    assert marks and all(m.casefold() == "envoy" for m in marks), marks
    assert "FAKE" in " ".join(hit.text for hit in hits), "the text's own characters stay text"


def test_a_150000_character_line_wraps(browser, server: Server, api: httpx.Client) -> None:
    document = next(d for d in _all(api, "/api/documents") if LONG_LINE in d["text"])
    for path in (f"/documents/{document['id']}", "/documents", f"/claims?document={document['id']}"):
        browser.get(server.url + path)
        width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], (path, width)


# 6. Timeline, map and graph --------------------------------------------------------------------


def test_the_timeline_speaks_dates_and_lists_each_sentence_once(browser, server: Server) -> None:
    browser.get(server.url + "/timeline")
    items = browser.execute_script(
        "return Array.from(document.querySelectorAll('li.timeline-item')).map(li => [li.dataset.date, "
        "li.querySelector('.date').textContent.trim(), li.querySelector('a.sentence').getAttribute('href'), li.dataset.id])")
    dates = [d for d, _, _, _ in items]
    assert len(items) >= 10
    assert not any(shown in ("PAST_REF", "FUTURE_REF") or re.fullmatch(r"[\dX]{4}-\w+", shown) for _, shown, _, _ in items), items
    assert {d: s for d, s, _, _ in items}.get("XXXX-08-30") == "30 August (year not given)"
    years = [int(d[:4]) for d in dates if d[:4].isdigit()]
    assert years == sorted(years)
    sentences = [(href.split("?")[0], d, i.split(":")[2]) for d, _, href, i in items]
    assert len(sentences) == len(set(sentences)), "one row per sentence and date"


def test_the_map_clusters_places_draws_country_level_places_as_areas_and_links_events(browser, server: Server) -> None:
    browser.get(server.url + "/map")
    _wait(browser, lambda d: d.execute_script("return window.claimgraphMap && window.claimgraphMap.ready"), timeout=30)
    base = browser.execute_script("return window.claimgraphMap.base")
    assert base["provinces"] > 4000 and base["countries"] > 200, "first-level boundaries, packaged"
    features = browser.execute_script("return window.claimgraphMap.state.features.map(f => f.properties)")
    country_level = {f["name"] for f in features if f["kind"] == "place" and f["precision"] == "country"}
    assert "Mali" in country_level
    drawn = browser.execute_script(
        "const names = new Set(); window.claimgraphMap.cluster.getLayers().forEach(m => names.add(m.feature.properties.name)); return [...names]")
    assert not country_level & set(drawn), "a place known only as a country is no point"
    areas = browser.execute_script("return Array.from(document.querySelectorAll('path.area-country')).map(p => p.dataset.name)")
    assert "Mali" in areas
    assert _css(browser, ".marker-cluster"), "nearby markers are clustered"
    assert len(_css(browser, "#map-legend span")) >= 4
    # An event's popup links to the sentence that tells it.
    href = browser.execute_script(
        """const m = window.claimgraphMap.cluster.getLayers().find(l => l.feature.properties.kind === 'event');
        window.claimgraphMap.cluster.zoomToShowLayer(m, () => m.openPopup()); return null;""")
    _wait(browser, lambda d: _css(d, ".leaflet-popup-content a[href*='/documents/']"))
    href = _css(browser, ".leaflet-popup-content a[href*='/documents/']")[0].get_attribute("href")
    assert "claim=" in href
    from selenium.webdriver.support.ui import Select

    Select(_css(browser, "#map-kind")[0]).select_by_value("event")
    drawn = browser.execute_script("return window.claimgraphMap.cluster.getLayers().map(m => m.feature.properties.kind)")
    assert drawn and set(drawn) == {"event"}
    assert not _console_problems(browser)


def test_the_graph_is_force_directed_with_directed_typed_edges_and_a_focus(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/graph")
    _wait(browser, lambda d: d.execute_script("return window.claimgraphGraph && window.claimgraphGraph.nodes().length > 10"))
    summary = browser.execute_script(
        """const cy = window.claimgraphGraph; const p = cy.nodes().map(n => n.position());
        return {nodes: cy.nodes().length, events: cy.edges('[kind = "event"]').map(e => e.style('target-arrow-shape')),
                labels: cy.nodes().every(n => n.style('label').length > 0), xs: new Set(p.map(q => Math.round(q.x))).size,
                radii: new Set(p.map(q => Math.round(Math.hypot(q.x - p[0].x, q.y - p[0].y)))).size};""")
    assert summary["labels"] and summary["nodes"] > 10
    assert summary["events"] and set(summary["events"]) == {"triangle"}, "event edges point from actor to target"
    assert summary["xs"] > summary["nodes"] // 2, "a layout, not a circle"
    mali = next(e for e in _all(api, "/api/entities") if e["name"] == "Mali")
    browser.get(f"{server.url}/graph?entity={mali['id']}")
    _wait(browser, lambda d: d.execute_script("return window.claimgraphGraph && window.claimgraphGraph.nodes().length > 1"))
    focus = browser.execute_script("return window.claimgraphGraph.nodes('[focus = 1]').map(n => n.id())")
    assert focus == [mali["id"]]
    assert browser.execute_script(f"return window.claimgraphGraph.getElementById('{mali['id']}').degree() > 3")
    assert not _console_problems(browser)
    assert httpx.get(f"{server.url}/graph?entity=ent_000000000000", timeout=30).status_code == 404


# 7. Security -----------------------------------------------------------------------------------


def test_security_headers_on_every_response(server: Server, hostile_doc: dict) -> None:
    for path in ("/", "/claims", f"/documents/{hostile_doc['id']}", "/api/claims", "/openapi.json", "/static/app/app.css",
                 "/static/geo/admin1.topo.json", "/nope", "/claims?sort=nonsense", "/map/features.json"):
        headers = httpx.get(server.url + path, timeout=30).headers
        policy = headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy, path
        assert "default-src 'none'" in policy
        assert headers.get("x-content-type-options") == "nosniff", path
        assert headers.get("referrer-policy") == "same-origin", path
        assert headers.get("x-frame-options") == "DENY", path
    page = httpx.get(server.url + "/map", timeout=30).text
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", page), "no inline script"
    assert " on" not in re.sub(r"<[^>]*>", lambda m: "" if " on" not in m.group(0) else " on", page) or "onerror" not in page


def test_an_unknown_host_name_is_refused(server: Server) -> None:
    assert httpx.get(server.url + "/api/claims", headers={"Host": "attacker.example"}, timeout=30).status_code == 421
    assert httpx.get(server.url + "/", headers={"Host": "attacker.example:8000"}, timeout=30).status_code == 421
    assert httpx.get(server.url + "/", headers={"Host": "localhost"}, timeout=30).status_code == 200


def test_errors_are_pages(server: Server) -> None:
    for path, status in (("/nope", 404), ("/claims?sort=nonsense", 400), ("/documents/nope", 404), ("/claims?from=yesterday", 400),
                         ("/claims?after=%21%21", 400), ("/search?q=" + "a" * 500, 400), ("/entities/ent_x/graph", 404)):
        answer = httpx.get(server.url + path, timeout=30)
        assert answer.status_code == status, (path, answer.status_code)
        assert answer.headers["content-type"].startswith("text/html"), path
        assert "<h1" in answer.text and "sqlite" not in answer.text.lower() and "Traceback" not in answer.text, path
    assert httpx.get(server.url + "/api/claims", params={"sort": "x"}, timeout=30).headers["content-type"] == "application/json"


def test_writes_are_refused_by_the_read_only_app(api: httpx.Client, server: Server) -> None:
    claim = api.get("/api/claims", params={"limit": 1}).json()["items"][0]
    entities = api.get("/api/entities", params={"limit": 2}).json()["items"]
    writes = [("/api/entities/merge", {"first": entities[0]["id"], "second": entities[1]["id"]}),
              ("/api/entities/split", {"entity": entities[0]["id"], "alias": entities[0]["name"]}),
              (f"/api/claims/{claim['id']}/review", None)]
    for path, body in writes:
        answer = api.post(path, json=body, headers={"Authorization": "Bearer secret"})
        assert answer.status_code == 403 and "read-only" in answer.json()["detail"], (path, answer.text)
    with closing(sqlite3.connect(server.db)) as db:
        assert db.execute("SELECT COUNT(*) FROM claim_reviews").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM entity_corrections").fetchone() == (0,)


def test_state_changes_need_the_origin_and_the_csrf_token(token_server: Server) -> None:
    with httpx.Client(base_url=token_server.url, timeout=30) as client:
        claim = client.get("/api/claims", params={"limit": 1}).json()["items"][0]
        path = f"/api/claims/{claim['id']}/review"
        assert client.post(path).status_code == 401
        assert client.post(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post(path, headers={"Authorization": "secret"}).status_code == 401
        # A form served from another local port: the cookie goes with it, but the origin is not ours and it has no CSRF token.
        client.cookies.set("claimgraph_token", "secret")
        forged = client.post(path, headers={"Origin": "http://127.0.0.1:1", "Content-Type": "application/x-www-form-urlencoded"})
        assert forged.status_code == 403
        assert client.post(path, headers={"Sec-Fetch-Site": "same-site"}).status_code == 403
        assert client.post(path).status_code == 403, "a cookie alone is not enough: the page's CSRF token is needed"
        page = client.get(f"/documents/{claim['doc']}", params={"claim": claim["id"]}).text
        csrf = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', page).group(1)
        assert client.post(path, headers={"X-CSRF-Token": csrf, "Origin": token_server.url}).status_code == 200
        assert client.delete(path, headers={"X-CSRF-Token": csrf}).json() == {"unreviewed": claim["id"]}
        client.cookies.clear()
        assert client.post(path, headers={"Authorization": "Bearer secret"}).json() == {"reviewed": claim["id"]}
        assert client.post("/api/claims/clm_000000000000/review", headers={"Authorization": "Bearer secret"}).status_code == 404
    with closing(sqlite3.connect(token_server.db)) as db:
        assert db.execute("SELECT claim_id FROM claim_reviews").fetchall() == [(claim["id"],)]


def test_the_token_leaves_the_address_after_signing_in(token_server: Server) -> None:
    with httpx.Client(base_url=token_server.url, timeout=30) as client:
        answer = client.get("/claims", params={"token": "secret", "stance": "deny"})
        assert answer.status_code == 303
        assert answer.headers["location"] == "/claims?stance=deny"
        assert "secret" not in answer.headers["location"]
        assert client.cookies.get("claimgraph_token") == "secret"
    assert httpx.get(token_server.url + "/claims", params={"token": "wrong"}, timeout=30).status_code == 401
    with httpx.Client(base_url=token_server.url, timeout=30) as client:
        signed = client.post("/login", content="token=secret&next=%2Fentities", headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert signed.status_code == 303 and signed.headers["location"] == "/entities"
        off_site = client.post("/login", content="token=secret&next=%2F%2Fevil.example", headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert off_site.headers["location"] == "/"


def test_the_analyst_reviews_a_claim_in_the_browser_and_undoes_it(browser, token_server: Server) -> None:
    browser.get(token_server.url + "/login")
    browser.find_element("css selector", "input[name=token]").send_keys("secret")
    browser.find_element("css selector", "form.login button").click()
    _wait(browser, lambda d: urlsplit(d.current_url).path == "/" and _css(d, "#logout"))
    assert "token" not in browser.current_url
    browser.get(token_server.url + "/claims?reviewed=no")
    button = _css(browser, "button.review")[0]
    claim = button.get_attribute("data-claim")
    button.click()
    _wait(browser, lambda d: _css(d, f"li.claim[data-claim='{claim}'].reviewed"))
    browser.get(token_server.url + "/claims?reviewed=yes")
    assert claim in [li.get_attribute("data-claim") for li in _css(browser, "ul.claims li.claim")]
    undo = next(b for b in _css(browser, "button.review") if b.get_attribute("data-claim") == claim)
    assert undo.text == "undo review"
    undo.click()
    _wait(browser, lambda d: not _css(d, f"li.claim[data-claim='{claim}'].reviewed"))
    assert not _console_problems(browser)
    _css(browser, "#logout")[0].click()
    _wait(browser, lambda d: not _css(d, "#logout"))


# 8. The JSON API -------------------------------------------------------------------------------

CONTRACT_FIELDS = {
    "documents": {"kind", "id", "source", "title", "outlet", "url", "language", "published", "text"},
    "entities": {"kind", "id", "name", "type", "aliases", "mentions", "place"},
    "claims": {"kind", "id", "doc", "start", "end", "text", "source", "cue", "stance", "modality", "via", "entities"},
    "events": {"kind", "id", "type", "plover", "actors", "targets", "location", "date", "claims", "doc"},
    "facts": {"kind", "id", "about", "claims", "independent_origins", "status"},
    "contradictions": {"kind", "id", "type", "a", "b", "explanation", "fact"},
}


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_api_records_have_the_contract_shape(name: str, api: httpx.Client, web_db: Path) -> None:
    from claimgraph.export import contract_records

    records = _all(api, f"/api/{name}")
    kind = "entity" if name == "entities" else name.removesuffix("s")
    for record in records:
        assert CONTRACT_FIELDS[name] <= record.keys(), (name, sorted(record))
    with Store.open(web_db) as store:
        exported = [r for r in contract_records(store) if r["kind"] == kind]
    strip = (lambda r: {k: v for k, v in r.items() if k != "merged"})
    assert [strip(r) for r in records] == [strip(r) for r in exported], "the API serves the export's records, in its order"


def test_api_search_and_schema(api: httpx.Client) -> None:
    found = api.get("/api/search", params={"q": '"Russian mercenaries"'}).json()
    assert found["items"] and all({"doc", "title", "snippet"} <= hit.keys() for hit in found["items"])
    assert api.get("/api/search", params={"q": '"unbalanced'}).status_code == 200
    assert api.get("/api/search", params={"q": "%%"}).status_code == 422
    assert api.get("/api/search").status_code == 422
    schema = api.get("/openapi.json").json()
    for path in ("/api/documents", "/api/entities", "/api/claims", "/api/events", "/api/facts", "/api/contradictions",
                 "/api/search", "/api/entities/merge", "/api/entities/split", "/api/claims/{claim_id}/review"):
        assert path in schema["paths"], path
    assert not any(path in schema["paths"] for path in ("/", "/map", "/timeline", "/claims")), "pages are not API"


# 9. Serving --------------------------------------------------------------------------------------


def test_serving_beyond_this_machine_without_a_token_or_with_a_blank_one_is_refused(web_db: Path, claimgraph_cli: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_TOKEN"}
    for args in (["--host", "0.0.0.0"], ["--token", "   "], ["--token", " secret "]):
        refused = subprocess.run([*claimgraph_cli, "serve", *args, "--port", str(_free_port()), "--db", str(web_db)],
                                 check=False, capture_output=True, text=True, timeout=60, env=env)
        assert refused.returncode == 1, args
        assert "token" in refused.stderr.casefold() and "Traceback" not in refused.stderr


def test_serving_beyond_this_machine_asks_every_request_for_the_token(web_db: Path, claimgraph_cli: list[str]) -> None:
    exposed = _serve(claimgraph_cli, web_db, web_db.parent / "serve-exposed.log", "--token", "s3cret", host="0.0.0.0")
    try:
        with httpx.Client(base_url=exposed.url, timeout=30) as client:
            for path in ("/", "/api/claims", "/openapi.json", "/map/features.json"):
                assert client.get(path).status_code == 401, path
            assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert client.get("/login").status_code == 200
            opened = client.get("/", params={"token": "s3cret"})
            assert opened.status_code == 303 and opened.headers["location"] == "/"
            assert client.get("/").status_code == 200, "the cookie opens later requests"
        assert httpx.get(exposed.url + "/api/claims", headers={"Authorization": "Bearer s3cret"}, timeout=30).status_code == 200
    finally:
        exposed.stop()


def test_an_analyst_merges_and_splits_entities_with_the_token(token_server: Server) -> None:
    auth = {"Authorization": "Bearer secret"}
    with httpx.Client(base_url=token_server.url, timeout=120) as client:
        entities = _all(client, "/api/entities")
        russia = next(e for e in entities if e["name"] == "Russia" or "Russia" in e["aliases"])
        moscow = next(e for e in entities if e["name"] == "Moscow" or "Moscow" in e["aliases"])
        merged = client.post("/api/entities/merge", json={"first": russia["id"], "second": moscow["id"]}, headers=auth)
        assert merged.status_code == 200, merged.text
        joined = merged.json()["entity"]
        page = client.get(f"/entities/{joined}")
        assert page.status_code == 200 and "merged by an analyst" in page.text
        split = client.post("/api/entities/split", json={"entity": joined, "alias": "Moscow"}, headers=auth)  # the undo
        assert split.status_code == 200, split.text
        again = _all(client, "/api/entities")
        assert len(again) == len(entities)

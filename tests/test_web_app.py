"""The web app end to end: the real `claimgraph serve` in a subprocess over the seed corpus
(plus one hostile article), its pages driven in headless Chromium, its JSON API over HTTP.

The browser tests skip when Chromium or its driver is not installed (CI installs Debian's
`chromium` and `chromium-driver`); the HTTP tests only need the server.
"""

from __future__ import annotations

import math
import os
import re
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest

from claimgraph import BuildOptions, Store, build

from .conftest import write_article

CHROMIUM = Path(os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CLAIMGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver"))

SCRIPT_PAYLOAD = "<script>window.__xss=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__xss=2">'
LINK_PAYLOAD = "javascript:window.__xss=3"
HOSTILE_TITLE = f"Hostile {SCRIPT_PAYLOAD} headline"
HOSTILE_PARAGRAPHS = [
    f"The ministry in Bamako said {IMG_PAYLOAD} on Monday that the talks had failed.",
    f"Officials said {SCRIPT_PAYLOAD} had been found on the ministry website.",
    f'Officials said visitors should not follow <a href="{LINK_PAYLOAD}">{LINK_PAYLOAD}</a> links.',
]

BAMAKO = (12.65, -8.0)  # lat, lon
TIMBUKTU = (16.77, -3.01)


# Fixtures: the database, the servers, the browser ------------------------------------------------


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, shared: Path, build_tools) -> Path:
    """The seed corpus and one hostile article, built into a SQLite file."""
    folder = tmp_path_factory.mktemp("web")
    write_article(folder / "hostile", "hostile.txt", HOSTILE_TITLE, HOSTILE_PARAGRAPHS)
    db = folder / "kb.db"
    with Store.open(db) as store:
        report = build([shared / "corpus" / "seeds", folder / "hostile"], store=store, options=BuildOptions(), tools=build_tools)
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
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _all(client: httpx.Client, path: str, **params: str) -> list[dict]:
    """Every record of a paginated endpoint."""
    items, offset = [], 0
    while offset is not None:
        page = client.get(path, params={**params, "offset": offset, "limit": 500})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        offset = body["next_offset"]
    return items


def _wait(driver, condition, timeout: float = 10):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _css(driver, selector: str) -> list:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


# 1. The pages render their content ---------------------------------------------------------------


def test_overview_shows_counts_most_mentioned_and_contradictions(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/")
    assert browser.execute_script("return document.body.dataset.page") == "overview"
    counts = {name: int(_css(browser, f"#count-{name}")[0].text) for name in
              ("documents", "entities", "claims", "events", "facts", "contradictions", "dates", "quantities")}
    assert all(n > 0 for n in counts.values()), counts
    assert counts["documents"] == len(_all(api, "/api/documents"))
    assert counts["claims"] == len(_all(api, "/api/claims"))
    assert counts["contradictions"] == len(_all(api, "/api/contradictions"))

    top = _css(browser, "ol.entities li a")
    assert len(top) >= 5
    names = [a.text for a in top]
    assert "Mali" in names, names  # the seeds are about Mali
    assert all(re.fullmatch(r".*/entities/ent_[0-9a-f]+", a.get_attribute("href")) for a in top)
    assert _css(browser, ".contradiction-brief"), "the seeds give a contradiction: the overview lists the newest"


def _date_group(value: str) -> int:
    if value[:4].isdigit():
        return 0  # a calendar date
    if value.startswith("XXXX"):
        return 1  # a date without a year, as written
    return 2  # a reference such as PAST_REF


def test_timeline_is_in_date_order(browser, server: Server) -> None:
    browser.get(server.url + "/timeline")
    items = browser.execute_script(
        "return Array.from(document.querySelectorAll('li.timeline-item')).map("
        "li => [li.dataset.date, li.querySelector('.date').textContent.trim(), li.querySelector('a.sentence').getAttribute('href')])")
    assert len(items) >= 10
    dates = [date for date, _, _ in items]
    assert all(shown == date for date, shown, _ in items), "the date is shown as written"
    groups = [_date_group(d) for d in dates]
    assert set(groups) == {0, 1, 2}, f"the seeds give calendar, yearless and reference dates: {dates}"
    assert groups == sorted(groups), f"calendar dates, then yearless ones, then references: {dates}"
    years = [int(d[:4]) for d in dates if _date_group(d) == 0]
    assert years == sorted(years), f"calendar dates by year: {dates}"
    full_days = [d for d in dates if re.fullmatch(r"\d{4}-\d\d-\d\d", d)]
    assert full_days == sorted(full_days)
    assert "XXXX-08-30" in dates, "'August 30' keeps no year"
    assert all(href.startswith("/documents/") for _, _, href in items)


def test_graph_has_linked_nodes(browser, server: Server) -> None:
    browser.get(server.url + "/graph")
    nodes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#graph a.node[data-entity]')).map(a => ["
        "a.dataset.entity, a.getAttribute('href'), +a.querySelector('circle').getAttribute('cx'), "
        "+a.querySelector('circle').getAttribute('cy'), a.querySelector('text').textContent])")
    edges = browser.execute_script(
        "return Array.from(document.querySelectorAll('#graph line.edge')).map(l => "
        "[+l.getAttribute('x1'), +l.getAttribute('y1'), +l.getAttribute('x2'), +l.getAttribute('y2')])")
    assert len(nodes) >= 10 and len(edges) >= 5
    assert all(href == f"/entities/{entity}" and name for entity, href, _, _, name in nodes)
    points = {(round(x, 1), round(y, 1)) for _, _, x, y, _ in nodes}
    for x1, y1, x2, y2 in edges:  # every line joins two drawn nodes
        assert (round(x1, 1), round(y1, 1)) in points and (round(x2, 1), round(y2, 1)) in points
    shown = _css(browser, "#graph a.node")[0]
    assert shown.is_displayed() and shown.rect["width"] > 0


def test_claims_page_lists_claims_with_reader_links(browser, server: Server, api: httpx.Client) -> None:
    browser.get(server.url + "/claims")
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('ul.claims li.claim > a')).map(a => [a.getAttribute('href'), a.textContent])")
    first_page = api.get("/api/claims", params={"limit": 100}).json()["items"]
    assert len(links) == len(first_page) == 100
    for (href, text), claim in zip(links, first_page):
        assert href == f"/documents/{claim['doc']}?claim={claim['id']}#claim-{claim['id']}"
        assert text == claim["text"]
    assert _css(browser, "a[href^='/claims?offset=100']"), "more than 100 claims: a next link"
    browser.get(server.url + "/claims?stance=deny")
    denials = _css(browser, "ul.claims li.claim")
    assert denials and all("claim-deny" in li.get_attribute("class") for li in denials)


def test_contradictions_page_shows_both_sides(browser, server: Server, api: httpx.Client) -> None:
    contradictions = _all(api, "/api/contradictions")
    assert contradictions, "the seeds give at least one contradiction"
    browser.get(server.url + "/contradictions")
    articles = _css(browser, "article.contradiction")
    assert [a.get_attribute("id") for a in articles] == [c["id"] for c in contradictions]
    for article, record in zip(articles, contradictions):
        sides = article.find_elements("css selector", "blockquote.side")
        assert len(sides) == 2
        claims = [parse_qs(urlsplit(side.find_element("css selector", "a").get_attribute("href")).query)["claim"][0] for side in sides]
        assert claims == [record["a"], record["b"]]
        assert all(side.find_element("css selector", "a").text and side.find_element("css selector", "footer").text for side in sides)
        assert record["explanation"] in article.text


# 2. The map --------------------------------------------------------------------------------------


def _degrees_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]))


def test_map_puts_the_markers_at_their_places(browser, server: Server) -> None:
    browser.get(server.url + "/map")
    _wait(browser, lambda d: d.execute_script("return window.claimgraphMap && document.querySelectorAll('.marker-place').length > 0"))
    features = browser.execute_script(
        "return window.claimgraphMap.layer.getLayers().map(m => ({name: m.feature.properties.name, kind: m.feature.properties.kind, "
        "coordinates: m.feature.geometry.coordinates, latlng: [m.getLatLng().lat, m.getLatLng().lng]}))")
    embedded = browser.execute_script("return JSON.parse(document.getElementById('map-data').textContent).features.length")
    assert len(features) == embedded > 0
    for feature in features:  # GeoJSON is [lon, lat]; Leaflet put each marker at lat, lon
        lon, lat = feature["coordinates"]
        assert feature["latlng"] == pytest.approx([lat, lon])

    places = {f["name"]: f for f in features if f["kind"] == "place"}
    assert "Bamako" in places and "Timbuktu" in places, sorted(places)
    for name, real in (("Bamako", BAMAKO), ("Timbuktu", TIMBUKTU)):
        assert _degrees_apart(tuple(places[name]["latlng"]), real) <= 0.5, (name, places[name])

    assert len(_css(browser, ".marker-place")) == len(places) == sum(f["kind"] == "place" for f in features)
    assert len(_css(browser, ".marker-event")) == sum(f["kind"] == "event" for f in features) > 0
    # The marker element for Bamako is drawn where Leaflet projects Bamako's real coordinates.
    measure = (
        """const [lat, lon, name] = arguments; const map = window.claimgraphMap.map;
        const el = Array.from(document.querySelectorAll('.marker-place')).find(e => e.dataset.name === name);
        if (!el) return null;
        const box = el.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
        const want = map.latLngToContainerPoint([lat, lon]), half = map.latLngToContainerPoint([lat + 0.5, lon]);
        return {x: box.left + box.width / 2 - frame.left, y: box.top + box.height / 2 - frame.top, wx: want.x, wy: want.y,
                tolerance: Math.hypot(half.x - want.x, half.y - want.y), lat: +el.dataset.lat, lon: +el.dataset.lon};""")

    def settled(driver) -> bool:  # the view may still be zooming to fit its markers: measure once it is still
        first = driver.execute_script(measure, *BAMAKO, "Bamako")
        time.sleep(0.2)
        return first is not None and first == driver.execute_script(measure, *BAMAKO, "Bamako")

    _wait(browser, settled)
    found = browser.execute_script(measure, *BAMAKO, "Bamako")
    assert found is not None, "no marker element for Bamako"
    assert _degrees_apart((found["lat"], found["lon"]), BAMAKO) <= 0.5
    assert math.hypot(found["x"] - found["wx"], found["y"] - found["wy"]) <= max(found["tolerance"], 2), found
    # The country outlines (served by the app) are drawn too.
    _wait(browser, lambda d: d.execute_script(
        "let n = 0; window.claimgraphMap.map.eachLayer(l => { if (l.feature && !l.feature.properties.kind) n++; }); return n > 50"))


# 3. Search ---------------------------------------------------------------------------------------


def test_search_finds_a_phrase_and_marks_it(browser, server: Server) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/")
    box = _css(browser, "form.search input[name=q]")[0]
    box.send_keys('"Russian mercenaries"', Keys.ENTER)
    _wait(browser, lambda d: "/search" in d.current_url)
    assert parse_qs(urlsplit(browser.current_url).query)["q"] == ['"Russian mercenaries"']
    hits = _css(browser, "li.hit")
    assert hits
    for hit in hits:
        marked = " ".join(m.text for m in hit.find_elements("css selector", "mark")).casefold()
        assert "russian" in marked and "mercenaries" in marked, hit.text
        assert hit.find_element("css selector", "a").get_attribute("href").startswith(server.url + "/documents/")
    titles = [hit.find_element("css selector", "a").text for hit in hits]
    assert "Wagner group in Mali – Bamako and Moscow deny the presence of Russian mercenaries" in titles

    browser.get(server.url + "/search?q=" + quote('"mercenaries Russian"'))
    assert not _css(browser, "li.hit"), "a phrase is matched in order, not as separate words"


# 4. From a claim to the reader -------------------------------------------------------------------


def _check_reader_selection(driver, claim_id: str, claim_text: str) -> None:  # type: ignore[no-untyped-def]
    _wait(driver, lambda d: "/documents/" in d.current_url)
    assert urlsplit(driver.current_url).fragment == f"claim-{claim_id}"
    assert parse_qs(urlsplit(driver.current_url).query)["claim"] == [claim_id]
    selected = driver.execute_script(
        "return Array.from(document.querySelectorAll('article.reader span.selected')).map(s => [s.dataset.claim, s.textContent, s.id])")
    assert selected, "the claim's spans are marked selected"
    assert {claim for claim, _, _ in selected} == {claim_id}
    anchored = driver.execute_script(
        f"const a = document.getElementById('claim-{claim_id}'); return a && a.nextElementSibling.classList.contains('selected')")
    assert anchored, "the claim's anchor sits right before its first span"
    assert "".join(text for _, text, _ in selected) == claim_text
    assert not driver.execute_script(f"return document.querySelectorAll('article.reader span:not(.selected)[data-claim=\"{claim_id}\"]').length")
    top = driver.execute_script(f"return document.getElementById('claim-{claim_id}').getBoundingClientRect().top")
    assert -2 <= top < driver.execute_script("return window.innerHeight"), "the reader scrolled to the claim"


def _standalone_claims(api: httpx.Client) -> dict[str, dict]:
    """Claims whose text no other claim overlaps: the reader marks all of such a claim's text.

    (Two claims over one sentence, or one inside another, share spans: each span names one claim.)
    """
    claims = _all(api, "/api/claims")
    return {c["id"]: c for c in claims if not any(o["doc"] == c["doc"] and o["id"] != c["id"] and o["start"] < c["end"]
                                                    and c["start"] < o["end"] for o in claims)}


def test_clicking_a_claim_opens_the_reader_at_it(browser, server: Server, api: httpx.Client) -> None:
    standalone = _standalone_claims(api)
    browser.get(server.url + "/claims")
    links = [a for a in _css(browser, "ul.claims li.claim > a")
             if (c := standalone.get(parse_qs(urlsplit(a.get_attribute("href")).query)["claim"][0])) and c["start"] > 2000]
    assert links, "a claim far enough into its document that the reader must scroll to it"
    link = links[len(links) // 2]
    href, text = link.get_attribute("href"), link.text
    claim_id = parse_qs(urlsplit(href).query)["claim"][0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    _check_reader_selection(browser, claim_id, text)


def test_clicking_a_claim_on_an_entity_page_opens_the_reader(browser, server: Server, api: httpx.Client) -> None:
    standalone = _standalone_claims(api)
    browser.get(server.url + "/")
    entity = next(a for a in _css(browser, "ol.entities li a") if a.text == "Mali")
    entity.click()
    _wait(browser, lambda d: "/entities/" in d.current_url)
    assert browser.find_element("css selector", "h1").text.startswith("Mali")
    assert "Mali" in [li.text.split(" ×")[0] for li in _css(browser, "ul.aliases li")]
    claims = [a for a in _css(browser, "li.claim > a") if parse_qs(urlsplit(a.get_attribute("href")).query)["claim"][0] in standalone]
    assert claims, "claims about Mali"
    link = claims[-1]
    href, text = link.get_attribute("href"), link.text
    claim_id = parse_qs(urlsplit(href).query)["claim"][0]
    assert "Mali" in text or "Malian" in text
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    _check_reader_selection(browser, claim_id, text)


# 5. Article text is never markup -----------------------------------------------------------------


def _assert_inert(driver, visible: list[str]) -> None:  # type: ignore[no-untyped-def]
    time.sleep(0.2)  # an onerror fires just after load
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert not _css(driver, 'img[src="x"]')
    assert not _css(driver, "a[href^='javascript:' i]")
    assert driver.execute_script("return Array.from(document.scripts).filter(s => s.textContent.includes('__xss')).length") == 0
    text = driver.find_element("css selector", "body").text
    for payload in visible:
        assert payload in text, f"{payload!r} should show as text"


def _claims_page_with(api: httpx.Client, doc: str) -> int:
    index = next(i for i, claim in enumerate(_all(api, "/api/claims")) if claim["doc"] == doc)
    return index // 100 * 100


@pytest.mark.parametrize("page", ["reader", "reader-selected", "search", "overview", "claims", "entity", "timeline", "map"])
def test_hostile_article_text_does_not_run(page: str, browser, server: Server, api: httpx.Client, hostile_doc: dict) -> None:
    doc = hostile_doc["id"]
    hostile_claims = [c for c in _all(api, "/api/claims") if c["doc"] == doc]
    assert any(IMG_PAYLOAD in c["text"] for c in hostile_claims), hostile_claims
    if page == "reader":
        path, visible = f"/documents/{doc}", [SCRIPT_PAYLOAD, IMG_PAYLOAD, LINK_PAYLOAD, f'<a href="{LINK_PAYLOAD}">']
    elif page == "reader-selected":
        claim = next(c for c in hostile_claims if IMG_PAYLOAD in c["text"])
        path, visible = f"/documents/{doc}?claim={claim['id']}#claim-{claim['id']}", [IMG_PAYLOAD]
    elif page == "search":
        path, visible = "/search?q=onerror", [HOSTILE_TITLE, "<img src=x onerror="]
    elif page == "overview":
        path, visible = "/", []
    elif page == "claims":
        path, visible = f"/claims?offset={_claims_page_with(api, doc)}", [IMG_PAYLOAD]
    elif page == "entity":
        bamako = next(e for e in _all(api, "/api/entities") if e["name"] == "Bamako")
        path, visible = f"/entities/{bamako['id']}", [IMG_PAYLOAD]
    else:
        path, visible = f"/{page}", []
    browser.get(server.url + path)
    _assert_inert(browser, visible)
    if page.startswith("reader"):
        assert browser.title.startswith(HOSTILE_TITLE)
        assert browser.find_element("css selector", "h1").text == HOSTILE_TITLE
    raw = httpx.get(server.url + path, timeout=30).text
    for payload in (SCRIPT_PAYLOAD, "<img src=x", f'href="{LINK_PAYLOAD}'):
        assert payload not in raw


def test_a_hostile_search_query_is_shown_as_text(browser, server: Server) -> None:
    query = '<script>window.__xss=4</script><img src=x onerror="window.__xss=5">'
    browser.get(server.url + "/search?q=" + quote(query))
    _assert_inert(browser, [query])
    assert browser.find_element("css selector", "input[name=q]").get_attribute("value") == query


# 6. The JSON API ---------------------------------------------------------------------------------


def test_api_pages_through_the_records(api: httpx.Client) -> None:
    first = api.get("/api/claims", params={"limit": 2}).json()
    assert (len(first["items"]), first["offset"], first["limit"], first["next_offset"]) == (2, 0, 2, 2)
    second = api.get("/api/claims", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert (len(second["items"]), second["offset"]) == (2, 2)
    four = api.get("/api/claims", params={"limit": 4}).json()["items"]
    assert first["items"] + second["items"] == four
    everything = _all(api, "/api/claims")
    assert len({c["id"] for c in everything}) == len(everything) > 100
    last = api.get("/api/claims", params={"limit": 500, "offset": len(everything) - 1}).json()
    assert last["items"] == everything[-1:] and last["next_offset"] is None
    assert api.get("/api/claims", params={"offset": len(everything)}).json()["items"] == []
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"stance": "maybe"}):
        assert api.get("/api/claims", params=bad).status_code == 422, bad
    denials = _all(api, "/api/claims", stance="deny")
    assert denials and all(c["stance"] == "deny" for c in denials)


CONTRACT_FIELDS = {
    "documents": {"kind", "id", "source", "title", "outlet", "url", "language", "published", "text"},
    "entities": {"kind", "id", "name", "type", "aliases", "mentions", "place"},
    "claims": {"kind", "id", "doc", "start", "end", "text", "source", "cue", "stance", "modality", "via", "entities"},
    "events": {"kind", "id", "type", "plover", "actors", "targets", "location", "date", "claims", "doc"},
    "facts": {"kind", "id", "about", "claims", "independent_origins", "status"},
    "contradictions": {"kind", "id", "type", "a", "b", "explanation", "fact"},
}


@pytest.mark.parametrize("name", sorted(CONTRACT_FIELDS))
def test_api_records_have_the_contract_shape(name: str, api: httpx.Client) -> None:
    records = _all(api, f"/api/{name}")
    assert records
    kind = "entity" if name == "entities" else name.removesuffix("s")
    for record in records:
        assert CONTRACT_FIELDS[name] <= record.keys(), (name, sorted(record))
        assert record["kind"] == kind
    if name == "claims":
        documents = {d["id"]: d["text"] for d in _all(api, "/api/documents")}
        for claim in records:
            assert set(claim["source"]) >= {"name", "kind", "entity"}
            assert claim["stance"] in {"assert", "deny"} and claim["modality"]
            assert documents[claim["doc"]][claim["start"]:claim["end"]] == claim["text"]
    if name == "contradictions":
        claims = {c["id"] for c in _all(api, "/api/claims")}
        assert all(c["a"] in claims and c["b"] in claims for c in records)


def test_api_search_and_schema(api: httpx.Client) -> None:
    found = api.get("/api/search", params={"q": '"Russian mercenaries"'}).json()
    assert found["items"] and all({"doc", "title", "snippet"} <= hit.keys() for hit in found["items"])
    assert all("[" in hit["snippet"] for hit in found["items"])
    assert api.get("/api/search", params={"q": '"unbalanced'}).status_code == 400
    assert api.get("/api/search").status_code == 422

    schema = api.get("/openapi.json").json()
    for path in ("/api/documents", "/api/entities", "/api/claims", "/api/events", "/api/facts", "/api/contradictions",
                 "/api/search", "/api/entities/merge", "/api/entities/split", "/api/claims/{claim_id}/review"):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/entities/merge"]
    assert not any(path in schema["paths"] for path in ("/", "/map", "/timeline")), "pages are not API"


def test_static_assets_are_served_by_the_app(api: httpx.Client) -> None:
    assert api.get("/static/leaflet/leaflet.js").status_code == 200
    outlines = api.get("/static/world.geojson")
    assert outlines.status_code == 200 and outlines.json()["type"] == "FeatureCollection"
    assert len(outlines.json()["features"]) > 50
    assert api.get("/static/app/map.js").status_code == 200


def test_writes_are_refused_by_the_read_only_app(api: httpx.Client, server: Server) -> None:
    before = _all(api, "/api/entities")
    claim = api.get("/api/claims", params={"limit": 1}).json()["items"][0]
    entities = api.get("/api/entities", params={"limit": 2}).json()["items"]
    writes = [("/api/entities/merge", {"first": entities[0]["id"], "second": entities[1]["id"]}),
              ("/api/entities/split", {"entity": entities[0]["id"], "alias": entities[0]["name"]}),
              (f"/api/claims/{claim['id']}/review", None)]
    for path, body in writes:
        for headers in ({}, {"Authorization": "Bearer secret"}):
            answer = api.post(path, json=body, headers=headers)
            assert answer.status_code == 403, (path, answer.text)
            assert "read-only" in answer.json()["detail"]
    assert _all(api, "/api/entities") == before, "nothing changed"
    with closing(sqlite3.connect(server.db)) as db:
        assert db.execute("SELECT COUNT(*) FROM claim_reviews").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM entity_corrections").fetchone() == (0,)


def test_a_claim_review_needs_the_token(token_server: Server) -> None:
    with httpx.Client(base_url=token_server.url, timeout=30) as client:
        assert client.get("/").status_code == 200, "on 127.0.0.1 reading needs no token"
        claim = client.get("/api/claims", params={"limit": 1}).json()["items"][0]
        path = f"/api/claims/{claim['id']}/review"
        assert client.post(path).status_code == 401
        assert client.post(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.post(path, headers={"Authorization": "secret"}).status_code == 401
        answer = client.post(path, headers={"Authorization": "Bearer secret"})
        assert answer.status_code == 200 and answer.json() == {"reviewed": claim["id"]}
        assert client.post("/api/claims/clm_000000000000/review", headers={"Authorization": "Bearer secret"}).status_code == 404
        assert client.post("/api/entities/merge", json={"first": "x", "second": "y"}).status_code == 401
    with closing(sqlite3.connect(token_server.db)) as db:
        assert db.execute("SELECT claim_id FROM claim_reviews").fetchall() == [(claim["id"],)]


# 7. Listening beyond this machine needs a token --------------------------------------------------


def test_serving_beyond_this_machine_without_a_token_is_refused(web_db: Path, claimgraph_cli: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_TOKEN"}
    refused = subprocess.run([*claimgraph_cli, "serve", "--host", "0.0.0.0", "--port", str(_free_port()), "--db", str(web_db)],
                             capture_output=True, text=True, timeout=60, env=env, check=False)
    assert refused.returncode == 1
    assert "token" in refused.stderr.casefold() and "0.0.0.0" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_serving_beyond_this_machine_asks_every_request_for_the_token(web_db: Path, claimgraph_cli: list[str]) -> None:
    exposed = _serve(claimgraph_cli, web_db, web_db.parent / "serve-exposed.log", "--token", "s3cret", host="0.0.0.0")
    try:
        with httpx.Client(base_url=exposed.url, timeout=30) as client:
            for path in ("/", "/api/claims", "/openapi.json", "/static/world.geojson"):
                assert client.get(path).status_code == 401, path
            assert client.get("/", params={"token": "wrong"}).status_code == 401
            assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
            opened = client.get("/", params={"token": "s3cret"})
            assert opened.status_code == 200 and 'id="count-documents"' in opened.text
            assert client.cookies.get("claimgraph_token") == "s3cret"
            assert client.get("/api/claims").status_code == 200, "the cookie set after ?token= opens later requests"
        assert httpx.get(exposed.url + "/api/claims", headers={"Authorization": "Bearer s3cret"}, timeout=30).status_code == 200
        assert httpx.get(exposed.url + "/api/claims", timeout=30).status_code == 401
    finally:
        exposed.stop()
    assert exposed.process.returncode is not None



def _entity_named(entities: list[dict], name: str) -> dict:
    (found,) = [e for e in entities if name in e["aliases"] or e["name"] == name]
    return found


def test_an_analyst_merges_and_splits_entities_with_the_token(token_server: Server) -> None:
    auth = {"Authorization": "Bearer secret"}
    with httpx.Client(base_url=token_server.url, timeout=60) as client:
        entities = _all(client, "/api/entities")
        russia, moscow = _entity_named(entities, "Russia"), _entity_named(entities, "Moscow")
        assert russia["id"] != moscow["id"]
        pair = {"first": russia["id"], "second": moscow["id"]}
        assert client.post("/api/entities/merge", json=pair).status_code == 401
        merged = client.post("/api/entities/merge", json=pair, headers=auth)
        assert merged.status_code == 200, merged.text
        after = _all(client, "/api/entities")
        assert len(after) == len(entities) - 1
        joined = _entity_named(after, "Moscow")
        assert "Russia" in joined["aliases"] + [joined["name"]]
        assert "merged by an analyst" in [m["reason"] for m in joined["merged"]]
        page = client.get(f"/entities/{joined['id']}")
        assert page.status_code == 200 and "merged by an analyst" in page.text

        assert client.post("/api/entities/split", json={"entity": joined["id"], "alias": "Moscow"}).status_code == 401
        bad = client.post("/api/entities/split", json={"entity": joined["id"], "alias": "Timbuktu"}, headers=auth)
        assert bad.status_code == 400
        split = client.post("/api/entities/split", json={"entity": joined["id"], "alias": "Moscow"}, headers=auth)
        assert split.status_code == 200, split.text
        again = _all(client, "/api/entities")
        assert len(again) == len(entities)
        assert _entity_named(again, "Moscow")["id"] != _entity_named(again, "Russia")["id"]
        assert client.post("/api/entities/merge", json={"first": "ent_000000000000", "second": russia["id"]},
                           headers=auth).status_code == 404
    with closing(sqlite3.connect(token_server.db)) as db:
        assert [action for action, in db.execute("SELECT action FROM entity_corrections ORDER BY rowid")][:1] == ["merge"]


def test_every_claim_of_a_shared_sentence_can_be_opened_in_the_reader(api: httpx.Client) -> None:
    """'Ruvia and Kessa deny ...' is one claim per speaker over one span: the reader marks and
    anchors whichever of them is opened, and an inner clause does not leave a gap."""
    claims = _all(api, "/api/claims")
    spans: dict[tuple[str, int, int], list[str]] = {}
    for claim in claims:
        spans.setdefault((claim["doc"], claim["start"], claim["end"]), []).append(claim["id"])
    shared = [ids for ids in spans.values() if len(ids) > 1]
    assert shared, "the seeds have sentences with two speakers"
    for ids in shared:
        doc = next(c["doc"] for c in claims if c["id"] == ids[0])
        for claim_id in ids:
            html = api.get(f"/documents/{doc}", params={"claim": claim_id}).text
            assert f'id="claim-{claim_id}"' in html
            assert "selected" in html

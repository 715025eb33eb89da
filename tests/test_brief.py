"""The brief: every footnote resolves to a stored claim (outlet, date and sentence as stored),
every sentence cites, every contradiction of the scope appears with both sides cited, and
the brief renders as Markdown, HTML and PDF, from the CLI and from the web app."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.brief import (
    Brief,
    BriefScope,
    RenderUnavailable,
    build_brief,
    render_html,
    render_markdown,
    render_pdf,
)
from claimgraph.cli import cli
from claimgraph.errors import InvalidQuery
from claimgraph.query import (
    Store,
    claims_by_id,
    document_briefs,
    iter_contradictions,
)

from .brief_corpus import build_brief_corpus


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory, build_tools) -> Path:
    return build_brief_corpus(tmp_path_factory.mktemp("brief"), build_tools)


def _brief(kb: Path, scope: BriefScope | None = None) -> Brief:
    with Store.open(kb) as store:
        return build_brief(store, scope or BriefScope())


def _check_citations(kb: Path, brief: Brief) -> None:
    """Every footnote is a stored claim, told as stored; every sentence cites; numbers run 1..n."""
    assert [c.number for c in brief.citations] == list(range(1, len(brief.citations) + 1))
    with Store.open(kb) as store:
        claims = {c.id: c for c in claims_by_id(store, [c.claim for c in brief.citations])}
        documents = document_briefs(store, [c.doc for c in claims.values()])
    for citation in brief.citations:
        claim = claims[citation.claim]  # resolves to a stored claim
        document = documents[claim.doc]
        assert (citation.doc, citation.quote) == (claim.doc, claim.text)
        named = document.outlet or (f"the article “{document.title}”" if document.title else document.file_name)
        assert (citation.outlet, citation.published) == (named, document.published)
    used = set()
    for sentence in brief.sentences():
        assert sentence.cites and sentence.text.strip()
        used |= set(sentence.cites)
    assert used == {c.number for c in brief.citations}  # no footnote that no sentence cites


def _contested_claims(brief: Brief) -> dict[str, tuple[str, str]]:
    """Each contested point's id -> the claims its two sides cite."""
    claim_of = {c.number: c.claim for c in brief.citations}
    return {p.id: (claim_of[p.sides[0].sentence.cites[0]], claim_of[p.sides[1].sentence.cites[0]]) for p in brief.contested}


def test_every_footnote_resolves_to_a_stored_claim(kb: Path) -> None:
    brief = _brief(kb)
    _check_citations(kb, brief)
    assert brief.actors and brief.timeline and brief.places and brief.single_source and brief.corroborated


def test_every_contradiction_appears_with_both_sides_cited(kb: Path) -> None:
    brief = _brief(kb)
    with Store.open(kb) as store:
        contradictions = list(iter_contradictions(store))
    assert len(contradictions) >= 2
    shown = _contested_claims(brief)
    for contradiction in contradictions:
        assert shown[contradiction.id] == (contradiction.a, contradiction.b)
        point = next(p for p in brief.contested if p.id == contradiction.id)
        claim_of = {c.number: c.claim for c in brief.citations}
        assert {claim_of[n] for n in point.explanation.cites} == {contradiction.a, contradiction.b}


def test_a_scoped_brief_keeps_the_contradictions_of_its_scope(kb: Path) -> None:
    with Store.open(kb) as store:
        contradictions = list(iter_contradictions(store))
    gao = _brief(kb, BriefScope(place="Gao"))
    _check_citations(kb, gao)
    assert gao.contested and all("Gao" in p.explanation.text for p in gao.contested)
    later = _brief(kb, BriefScope(since="2021-05-08"))  # the Kessa Times only: no figure is disputed there
    _check_citations(kb, later)
    assert later.documents == 1 and not later.contested
    zorov = _brief(kb, BriefScope(entity="Zorov Group"))
    _check_citations(kb, zorov)
    assert zorov.actors[0].name == "Zorov Group"
    scoped = {c.id for c in contradictions} & set(_contested_claims(zorov))
    assert scoped == {p.id for p in zorov.contested}
    with pytest.raises(InvalidQuery):
        _brief(kb, BriefScope(entity="Nobody Anywhere"))


def test_contested_points_show_the_fields_a_contradiction_gains(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A contradiction between accounts carries the slot that differs, both values, a strength
    and a caveat: the brief shows whatever of these fields the record has."""
    from claimgraph.brief import compose

    original = compose.iter_contradictions
    detailed = {"slot": "killed", "value_a": "7", "value_b": "12", "strength": 0.8, "caveat": "told 2 days apart"}
    monkeypatch.setattr(compose, "iter_contradictions", lambda store: (dataclasses.replace(c, **detailed) for c in original(store)))
    brief = _brief(kb)
    assert brief.contested and all({("slot", "killed"), ("value a", "7"), ("value b", "12")} <= set(p.details) for p in brief.contested)
    assert "slot: killed" in render_markdown(brief) and "strength: 0.8" in render_html(brief)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.claims: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.links.append((values["href"] or "")[1:])
        if tag == "li" and values.get("data-claim"):
            self.claims[values["id"] or ""] = values["data-claim"] or ""


def test_html_and_markdown_footnotes_resolve(kb: Path) -> None:
    brief = _brief(kb)
    anchors = _Anchors()
    anchors.feed(render_html(brief))
    assert anchors.links and set(anchors.links) <= anchors.ids
    assert anchors.claims == {f"fn-{c.number}": c.claim for c in brief.citations}
    markdown = render_markdown(brief)
    defined = set(re.findall(r"^\[\^(\d+)\]: ", markdown, re.MULTILINE))
    used = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    assert used == defined == {str(c.number) for c in brief.citations}
    assert all(f"(`{c.claim}`)" in markdown for c in brief.citations)


def test_the_pdf_renders(kb: Path, tmp_path: Path) -> None:
    try:
        pdf = render_pdf(_brief(kb))
    except RenderUnavailable as exc:
        pytest.skip(f"no PDF here: {exc}")
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        (tmp_path / "brief.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "brief.pdf"), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))


def test_cli_brief_writes_markdown_with_its_map_and_html(kb: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["brief", "--db", str(kb), "-o", str(tmp_path / "brief.md")])
    assert result.exit_code == 0, result.output
    assert "contested points" in result.stderr
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Situation brief") and "](brief.map.svg)" in markdown
    assert (tmp_path / "brief.map.svg").read_text(encoding="utf-8").startswith("<svg")
    result = CliRunner().invoke(cli, ["brief", "--db", str(kb), "--entity", "Ruvia", "-o", str(tmp_path / "ruvia.html")])
    assert result.exit_code == 0, result.output
    assert "<h1>Situation brief: Ruvia</h1>" in (tmp_path / "ruvia.html").read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["brief", "--db", str(kb), "--entity", "Nobody Anywhere"]).exit_code == 2
    assert CliRunner().invoke(cli, ["brief", "--db", str(kb), "--since", "May 2021"]).exit_code == 2
    assert CliRunner().invoke(cli, ["brief", "--db", str(kb), "-o", str(tmp_path / "brief.docx")]).exit_code == 1


def test_the_web_app_serves_the_brief_of_its_filter(kb: Path) -> None:
    from fastapi.testclient import TestClient

    from claimgraph.present.app import create_app
    from claimgraph.present.web import AppSettings

    client = TestClient(create_app(AppSettings(kb)), base_url="http://127.0.0.1")  # a host the app answers
    page = client.get("/brief", params={"place": "Gao"})
    assert page.status_code == 200 and 'class="point"' in page.text and "Situation brief" in page.text
    assert 'href="/brief.pdf?place=Gao"' in page.text
    markdown = client.get("/brief.md", params={"place": "Gao"})
    assert markdown.status_code == 200 and markdown.text.startswith("# Situation brief at Gao")
    assert client.get("/brief", params={"entity": "Nobody Anywhere"}).status_code == 404
    assert client.get("/brief", params={"since": "yesterday"}).status_code == 422
    assert client.get("/brief.docx").status_code == 404

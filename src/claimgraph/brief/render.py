"""The brief written out: Markdown (footnotes as `[^n]`), HTML (a standalone page, or the
body the web app shows) and PDF (the HTML laid out by WeasyPrint, which needs the Pango
system library: `RenderUnavailable` says so when it is missing)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup

from claimgraph.brief.map import map_svg
from claimgraph.brief.model import Brief, Sentence
from claimgraph.errors import ClaimgraphError


class RenderUnavailable(ClaimgraphError):
    """A brief's format cannot be made here (the PDF needs WeasyPrint and its system libraries)."""


def render_html(brief: Brief, *, standalone: bool = True) -> str:
    """The brief as HTML: a page of its own, or (`standalone=False`) a fragment to put in one."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("claimgraph.brief", "templates"), autoescape=select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True)
    svg = map_svg(brief.places)
    return environment.get_template("brief.html").render(brief=brief, standalone=standalone, map_svg=Markup(svg) if svg else None)


def render_pdf(brief: Brief) -> bytes:
    """The brief as a PDF (A4), laid out from its HTML by WeasyPrint."""
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: Pango or its companions are not installed
        raise RenderUnavailable(f"PDF output needs WeasyPrint and the Pango library (Debian: libpango-1.0-0 libpangoft2-1.0-0): {exc}") from None
    return HTML(string=render_html(brief), base_url=".").write_pdf()  # type: ignore[no-any-return]


def render_markdown(brief: Brief, *, map_file: str | None = None) -> str:
    """The brief as Markdown with footnotes (`[^n]`); `map_file`: the map's SVG file to show."""
    lines = [f"# {brief.title}", "", f"*Scope: {brief.scope.describe()} · {brief.documents} documents"
             + (f" · published {brief.period[0]} to {brief.period[1]}" if brief.period else "")
             + f" · {len(brief.citations)} sources cited.*", "",
             "*Generated from the knowledge base alone: every sentence cites the stored claims it rests on.*"]
    if brief.left_out:
        lines += ["", "*Left out by the brief's limits or its scope: " + "; ".join(f"{n} {name}" for name, n in brief.left_out.items()) + ".*"]
    lines += ["", "## Contested points", ""]
    heading = None
    for point in brief.contested:
        if (point.kind, point.about) != heading or not point.about:
            heading = (point.kind, point.about)
            lines += [f"### {point.kind.replace('_', ' ')}" + (f": {point.about}" if point.about else ""), ""]
        lines += [_cited(point.explanation), ""]
        if point.details:
            lines += ["*" + " · ".join(f"{name}: {value}" for name, value in point.details) + "*", ""]
        for label, side in zip(("A", "B"), point.sides, strict=True):
            who = ", ".join(dict.fromkeys([side.source, side.outlet, *([side.published] if side.published else [])]))
            lines.append(f"- **Side {label}** ({who}): {_cited(side.sentence)}")
        lines.append("")
    if not brief.contested:
        lines += ["No contradiction between sources in this scope.", ""]
    lines += ["## Key actors and what is claimed about them", ""]
    for actor in brief.actors:
        lines += [f"### {actor.name} ({actor.type}, {actor.claims} claims)", "", *(f"- {_cited(s)}" for s in actor.said), ""]
    lines += ["## Timeline", "", *(f"- **{entry.date}** — {_cited(entry.sentence)}" for entry in brief.timeline), ""]
    lines += ["## Places", ""]
    if map_file and brief.places:
        lines += [f"![Map of the places named in the scope's claims]({map_file})", ""]
    lines += [f"{n}. {_cited(place.sentence)}" for n, place in enumerate(brief.places, 1)] + [""]
    lines += ["## Corroborated facts", "", *(f"- {_cited(fact.sentence)}" for fact in brief.corroborated), ""]
    lines += ["## Single-source claims to check", "", *(f"- {_cited(fact.sentence)}" for fact in brief.single_source), ""]
    lines += ["## Sources", ""]
    for c in brief.citations:
        who = f" · {c.source}" if c.source != c.outlet else ""
        language = f", in {c.language or 'an unknown language'}" if brief.says_languages else ""
        lines.append(f"[^{c.number}]: {c.outlet}, {c.published or 'undated'}{language}{who}: “{_escape(c.quote)}” (`{c.claim}`)")
    return "\n".join(lines) + "\n"


def _cited(sentence: Sentence) -> str:
    return _escape(sentence.text) + "".join(f"[^{n}]" for n in sentence.cites)


def _escape(text: str) -> str:
    """Text that Markdown shows as it is (no emphasis, links or footnotes of its own)."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("`", "\\`")


def write_brief(brief: Brief, path: Path, *, formats: Sequence[str] = ("md", "html", "pdf")) -> list[Path]:
    """Write the brief to `path` in the format its suffix names (.md, .html, .pdf); a
    Markdown brief gets its map beside it (`NAME.map.svg`). The files written."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in formats:
        raise RenderUnavailable(f"{path}: a brief is written as .md, .html or .pdf")
    if suffix == "pdf":
        path.write_bytes(render_pdf(brief))
        return [path]
    if suffix == "html":
        path.write_text(render_html(brief), encoding="utf-8")
        return [path]
    written = [path]
    svg = map_svg(brief.places)
    map_file = None
    if svg:
        map_path = path.with_name(path.stem + ".map.svg")
        map_path.write_text(svg + "\n", encoding="utf-8")
        map_file, written = map_path.name, [path, map_path]
    path.write_text(render_markdown(brief, map_file=map_file), encoding="utf-8")
    return written

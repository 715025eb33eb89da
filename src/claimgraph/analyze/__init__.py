"""Analyze: each language's spaCy pipeline (parser and extraction components), loaded once,
run over batches of articles."""

from claimgraph.analyze.nlp import (
    Analysis,
    Pipelines,
    analyze_batch,
    extract_article,
    load_model,
    load_pipeline,
    load_pipeline_config,
)

__all__ = ["Analysis", "Pipelines", "analyze_batch", "extract_article", "load_model", "load_pipeline", "load_pipeline_config"]

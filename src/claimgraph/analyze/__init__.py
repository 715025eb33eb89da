"""Analyze: one spaCy pipeline, loaded once, run over batches of articles."""

from claimgraph.analyze.nlp import Analysis, analyze_batch, load_pipeline

__all__ = ["Analysis", "analyze_batch", "load_pipeline"]

"""Extract: typed records (entity mentions, sentences) from a parsed article."""

from claimgraph.extract.mentions import EntityLexicon, Mention, Sentence, extract_mentions, extract_sentences, load_entity_lexicon, name_key

__all__ = ["EntityLexicon", "Mention", "Sentence", "extract_mentions", "extract_sentences", "load_entity_lexicon", "name_key"]

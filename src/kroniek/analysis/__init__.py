"""Analysis: sentences, tokens, lemmas, part of speech, morphology, dependencies."""

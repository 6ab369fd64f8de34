"""Tagging, lemmatisation, parsing and entity recognition with kroniek's shipped Dutch models.

Until the trained models ship (see training/), lemmas come from simplemma's Dutch tables and the
other columns stay empty.
"""
from __future__ import annotations

from functools import lru_cache

from kroniek.doc import Document


@lru_cache(maxsize=4096 * 4)
def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="nl")


class Analyzer:
    @classmethod
    def load(cls) -> Analyzer:
        return cls()

    def __call__(self, doc: Document) -> Document:
        for t in doc.tokens:
            t.lemma = _lemma(t.text)
        return doc

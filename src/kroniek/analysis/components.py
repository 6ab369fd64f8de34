"""Pipeline components of the analysis layer."""
from __future__ import annotations

from kroniek.analysis.sentences import split_sentences
from kroniek.analysis.tokenizer import tokenize
from kroniek.doc import Document, Sentence, Token
from kroniek.pipeline import Component, component


def _pretokenized(doc: Document) -> None:
    pos = 0
    text = doc.text
    for words in doc.pretokenized or []:
        first = len(doc.tokens)
        for w in words:
            s = text.index(w, pos)
            doc.tokens.append(Token(i=len(doc.tokens), start=s, end=s + len(w), text=w, sent=len(doc.sentences)))
            pos = s + len(w)
        for t in doc.tokens[first:]:
            t.space_after = t.end < len(text) and text[t.end] == " "
        if len(doc.tokens) > first:
            doc.sentences.append(
                Sentence(doc.tokens[first].start, doc.tokens[-1].end, first, len(doc.tokens))
            )


@component("tokenize")
def make_tokenize() -> Component:
    def tokenize_doc(doc: Document) -> Document:
        doc.tokens, doc.sentences = [], []
        if doc.pretokenized is not None:
            _pretokenized(doc)
            return doc
        toks = tokenize(doc.text)
        for a, b in split_sentences(doc.text, toks):
            si = len(doc.sentences)
            for k in range(a, b):
                s, e, w, sp = toks[k]
                doc.tokens.append(Token(i=k, start=s, end=e, text=w, sent=si, space_after=sp))
            doc.sentences.append(Sentence(toks[a][0], toks[b - 1][1], a, b))
        return doc

    return tokenize_doc


@component("analyze")
def make_analyze() -> Component:
    from kroniek.analysis.model import Analyzer

    return Analyzer.load()

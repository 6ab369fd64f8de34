"""The "times" pipeline component: fills doc.times."""
from __future__ import annotations

from bisect import bisect_right

from kroniek.doc import Document, Quantity, TimeExpr
from kroniek.pipeline import Component, component
from kroniek.time.recognize import find_times
from kroniek.time.resolve import Resolver
from kroniek.time.tense import sentence_key, sentence_tense


def read_times(doc: Document) -> list[TimeExpr]:
    """The normalised time expressions of a document, in text order."""
    resolver = Resolver(doc.date)
    out: list[TimeExpr] = []
    for f in find_times(doc.text):
        sentence = sentence_key(doc, f.start)
        t = resolver.resolve(f.start, f.end, doc.text[f.start:f.end], f.sem, sentence_tense(doc, f.start), sentence)
        if t is not None:
            out.append(t)
    return out


def _inside_times(doc: Document) -> None:
    # a day, year or clock time is not an amount: drop numbers the quantities layer took from it
    spans = [(t.start, t.end) for t in doc.times if t.type in ("DATE", "TIME", "SET")]  # in text order, disjoint
    starts = [s for s, _ in spans]

    def inside(q: Quantity) -> bool:
        k = bisect_right(starts, q.start) - 1
        return k >= 0 and q.end <= spans[k][1]

    doc.quantities = [q for q in doc.quantities if not inside(q)]


@component("times")
def make_times() -> Component:
    def times(doc: Document) -> Document:
        doc.times = read_times(doc)
        _inside_times(doc)
        return doc

    return times

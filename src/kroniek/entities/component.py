"""The "entities" pipeline component: names found, linked to the knowledge base, grouped per
identity, with actor codes valid at the document date and coreferent references attached."""
from __future__ import annotations

from kroniek.doc import Document
from kroniek.entities.coref import group, nominal_references, pronoun_references
from kroniek.entities.link import choose
from kroniek.entities.mentions import Found, kb_matches, proper_spans, recogniser_mentions
from kroniek.kb import KB, load
from kroniek.pipeline import Component, component


def find(doc: Document, kb: KB) -> list[Found]:
    """Knowledge-base names, then the recogniser's mentions they did not cover, then other proper nouns."""
    found = kb_matches(doc, kb)
    for m in recogniser_mentions(doc):
        over = [f for f in found if f.start < m.end and m.start < f.end]
        if over:
            for f in over:
                f.type = f.type or m.type
            continue
        f = Found(m.start, m.end, m.text, -1, -1, kb.lookup(m.text), m.type, "ner")
        t0, t1 = doc.token_at(m.start), doc.token_at(max(m.start, m.end - 1))
        if t0 is not None and t1 is not None:
            f.first, f.last = t0.i, t1.i + 1
        found.append(f)
    taken = {i for f in found for i in range(f.first, f.last)}
    # dates and amounts ("Maandag", "Zeker 774") belong to the other layers
    for x in (*doc.times, *doc.quantities):
        t = doc.token_at(x.start)
        while t is not None and t.start < x.end:
            taken.add(t.i)
            t = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
    found.extend(proper_spans(doc, taken))
    return sorted(found, key=lambda f: f.start)


def read_entities(doc: Document, kb: KB) -> Document:
    day = doc.date.earliest.isoformat() if doc.date else None
    linked = [choose(f) for f in find(doc, kb)]
    doc.entities = group(doc, linked, day)
    nominal_references(doc, doc.entities)
    pronoun_references(doc, doc.entities)
    for e in doc.entities:
        e.references.sort(key=lambda m: m.start)
    names = {(m.start, m.end) for e in doc.entities for m in e.mentions}
    doc.mentions = [m for m in doc.mentions if (m.start, m.end) not in names]
    doc.mentions.extend(m for e in doc.entities for m in e.mentions)
    doc.mentions.sort(key=lambda m: m.start)
    return doc


@component("entities")
def make_entities() -> Component:
    kb = load()

    def entities(doc: Document) -> Document:
        return read_entities(doc, kb)

    return entities

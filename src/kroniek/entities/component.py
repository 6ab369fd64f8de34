"""The "entities" pipeline component: names found, linked to the knowledge base, grouped per
identity, with actor codes valid at the document date and coreferent references attached."""
from __future__ import annotations

from kroniek.doc import Document, Mention
from kroniek.entities.coref import group, nominal_references, pronoun_references
from kroniek.entities.lexicon import words
from kroniek.entities.link import choose
from kroniek.entities.mentions import (
    Found,
    after_portfolio,
    guess_type,
    kb_matches,
    person_title_before,
    proper_spans,
    recogniser_mentions,
)
from kroniek.entities.parties import party_members
from kroniek.kb import KB, load
from kroniek.kb.normalize import key, possessive_len
from kroniek.pipeline import Component, component

_PLACES = frozenset({"city", "capital", "country", "region"})


def _evident(doc: Document, f: Found) -> bool:
    toks = doc.tokens[f.first : f.last]
    return person_title_before(doc, f.first) or (len(toks) > 1 and all(t.upos == "PROPN" for t in toks))


def _place_over_person(doc: Document, f: Found, ner_type: str) -> bool:
    """Whether a known place keeps its type although the recogniser calls it a person ("badplaats Sotsji"):
    unless a person's title stands right before it ("president Washington")."""
    if ner_type != "PER" or not f.candidates or f.candidates[0][0].kind not in _PLACES:
        return False
    return not person_title_before(doc, f.first)


def _wider(doc: Document, m: Mention, over: list[Found]) -> bool:
    """Whether the recogniser's span holds the knowledge-base names and more than an article or possessive."""
    if any(f.start < m.start or f.end > m.end for f in over):
        return False
    extra = doc.text[m.start : over[0].start] + doc.text[over[-1].end : m.end]
    # lower-case words only are no part of a name: "Rutte veroordeelde" is Rutte and a verb
    if extra.split() and all(w[:1].islower() for w in extra.split()) and extra.strip().lower() not in words("article"):
        return False
    extra = extra.strip().lower()
    return not (extra.strip(".,;:!?\"'’ ") == "" or extra in words("article")
                or possessive_len("x" * 3 + extra) == len(extra))


def _in_context(doc: Document, m: Mention) -> Mention:
    """A recogniser's name read with the words before it: after a person's title ("oppositieleider Ivana
    Petrenko") it is a person whatever type the recogniser gave; "minister van Economie Kris Peeters" tagged
    as one name loses the portfolio, which is not part of the person."""
    t0, t1 = doc.token_at(m.start), doc.token_at(max(m.start, m.end - 1))
    if t0 is None or t1 is None:
        return m
    if after_portfolio(doc, t0.i, t1.i + 1):
        start = doc.tokens[t0.i + 1].start
        return Mention(start, m.end, doc.text[start : m.end], "PER", m.source)
    if m.type != "PER" and person_title_before(doc, t0.i) and all(t.text[:1].isupper() for t in doc.tokens[t0.i : t1.i + 1]):
        return Mention(m.start, m.end, m.text, "PER", m.source)
    return m


def _without_title(doc: Document, kb: KB, m: Mention) -> Mention:
    """A recogniser's name that is a word and then a known person is that person, the word a title the
    role tables may lack: "Commissievoorzitter Von der Leyen", "Bondskanselier Scholz"."""
    t0 = doc.token_at(m.start)
    if t0 is None or t0.i + 1 >= len(doc.tokens) or doc.tokens[t0.i + 1].start >= m.end or kb.lookup(m.text):
        return m
    start = doc.tokens[t0.i + 1].start
    if not any(e.type == "PER" and form == "name" for e, form in kb.lookup(doc.text[start : m.end])):
        return m
    return Mention(start, m.end, doc.text[start : m.end], "PER", m.source)


def find(doc: Document, kb: KB) -> list[Found]:
    """Knowledge-base names, then the recogniser's mentions they did not cover, then other proper nouns."""
    found = kb_matches(doc, kb)
    for m in recogniser_mentions(doc):
        if not any(c.isalpha() for c in m.text):
            continue  # a recogniser's slip (";") names nothing
        m = _without_title(doc, kb, _in_context(doc, m))
        over = [f for f in found if f.start < m.end and m.start < f.end]
        if over and not _wider(doc, m, over):
            for f in over:
                if f.type is None and not _place_over_person(doc, f, m.type):
                    f.type = m.type
            continue
        for f in over:
            found.remove(f)  # "AMP België": the recogniser's wider name wins over the country inside it
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
    proper = proper_spans(doc, taken)
    if any(m.source == "ner" for m in doc.mentions):
        # next to a statistical recogniser, bare capitals are mostly what it rightly left out:
        # keep only names with evidence (a title before them, several words all tagged as names, or the
        # surname of a person named before: "Petrenko" after "Ivana Petrenko")
        surnames = {key(f.text).rsplit(" ", 1)[-1] for f in found
                    if f.type == "PER" or (f.candidates and f.candidates[0][0].type == "PER")}
        proper = [f for f in proper if _evident(doc, f) or key(f.text) in surnames]
    found.extend(proper)
    return _merge_places(doc, sorted(found, key=lambda f: f.start))


def _mergeable(f: Found) -> bool:
    """A place, or a one-word surname, can be part of a longer unknown name ("Abbas Araghchi")."""
    if not f.candidates or f.candidates[0][1] != "name":
        return False
    kind = f.candidates[0][0].kind
    return kind in _PLACES or (kind in ("leader", "person") and f.last - f.first == 1)


def _merge_places(doc: Document, found: list[Found]) -> list[Found]:
    """An unknown name right next to a place or surname is one longer name: "La Palma", "Abbas Araghchi"."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.last == f.first and f.first >= 0
                and doc.tokens[prev.first].sent == doc.tokens[f.first].sent
                and {prev.source, f.source} == {"proper", "kb"}
                and all(x.source == "proper" or _mergeable(x) for x in (prev, f))):
            start, end = prev.start, f.end
            out[-1] = Found(start, end, doc.text[start:end], prev.first, f.last, [],
                            guess_type(doc, prev.first, f.last), "proper")
            continue
        out.append(f)
    return out


def read_entities(doc: Document, kb: KB) -> Document:
    day = doc.date.earliest.isoformat() if doc.date else None
    linked = [choose(f) for f in find(doc, kb)]
    doc.entities = group(doc, linked, day)
    party_members(doc, doc.entities, kb, day)
    nominal_references(doc, doc.entities)
    pronoun_references(doc, doc.entities)
    for e in doc.entities:
        e.references.sort(key=lambda m: m.start)
    # the recogniser's mentions are now resolved: each became an entity's name or was corrected by the kb
    doc.mentions = sorted((m for e in doc.entities for m in e.mentions), key=lambda m: m.start)
    return doc


@component("entities")
def make_entities() -> Component:
    kb = load()

    def entities(doc: Document) -> Document:
        return read_entities(doc, kb)

    return entities

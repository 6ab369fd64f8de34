"""The noun phrase a token heads and the actor it names: the pieces every argument rule works with."""
from __future__ import annotations

from kroniek.doc import Argument, Document, Entity
from kroniek.entities.lexicon import role_of
from kroniek.events import actors
from kroniek.events.syntax import SentenceView


def _entity_tokens(doc: Document) -> dict[int, str]:
    """Token index -> id of the entity whose name mention covers it."""
    toks = doc.tokens
    ent_at: dict[int, str] = {}
    for m in doc.mentions:
        if m.entity:
            t = doc.token_at(m.start)
            while t is not None and t.start < m.end:
                ent_at[t.i] = m.entity
                t = toks[t.i + 1] if t.i + 1 < len(toks) else None
    return ent_at


def entity_tokens(doc: Document) -> dict[int, str]:
    """Token index -> id of the entity whose name mention covers it, built once per document."""
    return doc.derived("entity-at-token", (len(doc.mentions), len(doc.tokens)), lambda: _entity_tokens(doc))


def entity(doc: Document, eid: str | None) -> Entity | None:
    """The document's entity with id `eid`."""
    by_id = doc.derived("entity-by-id", len(doc.entities), lambda: {e.id: e for e in doc.entities})
    return by_id.get(eid) if eid is not None else None


def entity_at(doc: Document, i: int) -> Entity | None:
    """The entity whose name mention covers token i."""
    return entity(doc, entity_tokens(doc).get(i))


# what belongs to a noun phrase's core: its determiners, modifiers and the names in apposition
_CORE_RELS = frozenset({"det", "amod", "nummod", "appos", "flat", "compound", "nmod:poss", "fixed", "case"})


def phrase(view: SentenceView, i: int) -> tuple[int, int]:
    """Character span of the core of the noun phrase headed by token i: the head with its
    determiners, adjectives and names, without its own preposition, clauses or prepositional
    phrases (a slipped parse hangs whole clauses on a noun). Stops at a verb."""
    toks = {i}
    todo = [i]
    while todo:
        k = todo.pop()
        for c in view.kids.get(k, []):
            rel = view.rel(c)
            approx = rel == "advmod" and view.doc.tokens[k].upos == "NUM"  # "zeker 774"
            if rel in _CORE_RELS or rel.split(":")[0] in ("flat", "compound") or approx:
                if view.doc.tokens[c].upos in ("VERB", "AUX"):
                    continue
                toks.add(c)
                todo.append(c)
    lo = hi = i
    while lo - 1 in toks:
        lo -= 1
    while hi + 1 in toks:
        hi += 1
    while lo < i and view.rel(lo) == "case":
        lo += 1
    return view.doc.tokens[lo].start, view.doc.tokens[hi].end


def argument(doc: Document, view: SentenceView, i: int) -> Argument:
    start, end = phrase(view, i)
    if doc.tokens[i].upos == "PRON" or start == doc.tokens[i].start and end == doc.tokens[i].end:
        a = actors.for_token(doc, i, start, end)  # a pronoun is resolved by coreference
    else:
        a = actors.for_span(doc, start, end)
    return _of_place(doc, view, i, a) if a.entity is None else a


def _of_place(doc: Document, view: SentenceView, i: int, a: Argument) -> Argument:
    """A role of a place is of that place's country: "de burgemeester [van Istanbul]", "de president
    [van Frankrijk]", whatever country the text named before (the phrase core leaves "van" out). A
    noun without an actor of its own is of the organisation after "van": "voorzitter [van de Europese
    Commissie]"."""
    role = role_of(doc.tokens[i].text, doc.tokens[i].lemma)
    if role is None and (a.actor or doc.tokens[i].upos != "NOUN"):
        return a
    for c in view.children(i, "nmod"):
        cases = view.children(c, "case")
        if not cases or view.lemma(cases[0]) != "van":
            continue
        owner = entity_at(doc, c)
        if owner is not None and (owner.type not in ("LOC", "ORG") or not (owner.country or owner.actor)):
            owner = None
        # a role is of a place's country; any other noun only of an organisation with a code (not "het
        # westen [van Turkije]", a place)
        if owner is None or (owner.type != "LOC" or not owner.country if role is not None
                             else owner.type != "ORG" or not owner.actor):
            continue
        end = doc.tokens[view.subtree(c)[-1]].end
        code = owner.country + role.role if role is not None else owner.actor or owner.country
        return Argument(doc.text[a.start:end], a.start, end, None, code)
    return a


def within(a: Argument, span: tuple[int, int] | None) -> bool:
    return span is not None and a.start is not None and a.end is not None and span[0] <= a.start and a.end <= span[1]


def has_actor(a: Argument | None) -> bool:
    return a is not None and bool(a.actor or a.entity)


def same(a: Argument | None, b: Argument | None) -> bool:
    """The same party: one entity, or (without entities) overlapping phrases. Two phrases with one
    actor code are not the same party: the police and the protesters are both Belarusian."""
    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return a.entity == b.entity
    if None in (a.start, a.end, b.start, b.end):
        return a.text == b.text
    return a.start < b.end and b.start < a.end  # type: ignore[operator]

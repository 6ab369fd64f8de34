"""Actors for argument phrases, from the entities layer (kroniek.entities.actors).

When the entities layer is not installed, the actor is read from the entity mentions that the
pipeline has already put on the document, so events still get the entities they name.
"""
from __future__ import annotations

from kroniek.doc import Argument, Document

try:
    from kroniek.entities import actors as _entities
except ImportError:  # the entities layer is optional; its absence is not an error
    _entities = None


def _from_mentions(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    best = None
    for m in doc.mentions:
        if m.entity and start <= m.start and m.end <= end:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
    if best is None:
        return None, None
    ent = next((e for e in doc.entities if e.id == best.entity), None)
    return best.entity, ent.actor if ent else None


def for_span(doc: Document, start: int, end: int) -> Argument:
    text = doc.text[start:end]
    if _entities is not None:
        ref = _entities.actor_for_span(doc, start, end)
        if ref is not None:
            return Argument(text, start, end, ref.entity, ref.actor)
        return Argument(text, start, end)
    entity, actor = _from_mentions(doc, start, end)
    return Argument(text, start, end, entity, actor)


def for_token(doc: Document, i: int, start: int, end: int) -> Argument:
    """The argument headed by token i whose phrase spans [start, end)."""
    text = doc.text[start:end]
    if _entities is not None:
        ref = _entities.actor_for_token(doc, i)
        if ref is not None:
            return Argument(text, start, end, ref.entity, ref.actor)
        return Argument(text, start, end)
    entity, actor = _from_mentions(doc, start, end)
    return Argument(text, start, end, entity, actor)


def as_seat(doc: Document, arg: Argument | None) -> Argument | None:
    """A party that is a seat of an institution the article names stands for it ("Brussel eist ..." in an
    article about the EU: the EU); the bare place name only, and only with the entities layer's tables."""
    if _entities is None or arg is None or arg.entity is None:
        return arg
    from kroniek.entities.lexicon import seats

    ent = next((e for e in doc.entities if e.id == arg.entity), None)
    code = seats().get(ent.name) if ent is not None and ent.type == "LOC" else None
    if code is None or arg.text not in {m.text for m in ent.mentions}:
        return arg
    if not any(e.actor == code for e in doc.entities if e is not ent):
        return arg
    return Argument(arg.text, arg.start, arg.end, arg.entity, code)

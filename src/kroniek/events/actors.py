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

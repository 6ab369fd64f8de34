"""Actors of argument phrases: the API the event coder uses to turn a phrase into a CAMEO actor.

Stable signatures (other layers rely on them):

    actor_for_span(doc, start, end) -> ActorRef | None
        `start`/`end` are character offsets into `doc.text` (end exclusive) of a noun phrase.
        The actor comes from, in order: an entity mention inside the span; a role word with a
        country adjective or name ("de Russische president" -> RUSGOV); a role word alone, read
        against the document's main country ("de regering" in a story about Belarus -> BLRGOV);
        a pronoun resolved to the most recent compatible entity. None when nothing applies.

    actor_for_token(doc, i) -> ActorRef | None
        The actor of the phrase headed by token `i` (its dependency subtree when the parse is
        there, else the token itself), pronouns ("hij", "zij") included.

`ActorRef.entity` is the id of a `doc.entities` entity (or None), `ActorRef.actor` the CAMEO
code valid at the document date (or None when only the entity is known).
Run after the "entities" component: it reads `doc.entities` and `doc.mentions`.
"""
from __future__ import annotations

from dataclasses import dataclass

from kroniek.doc import Document
from kroniek.entities.lexicon import pronouns
from kroniek.entities.resolve import group_antecedent, phrase_actor, pronoun_antecedent

# a clause hanging off the head (relative clause, coordination) is not part of the phrase
_CLAUSAL = frozenset({"acl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc", "punct"})


@dataclass(slots=True)
class ActorRef:
    entity: str | None
    actor: str | None
    text: str
    start: int
    end: int


def actor_for_span(doc: Document, start: int, end: int) -> ActorRef | None:
    """The actor of the noun phrase at characters [start, end) of `doc.text`."""
    if start >= end:
        return None
    entity, actor = phrase_actor(doc, start, end)
    if entity is None and actor is None:
        return None
    return ActorRef(entity=entity, actor=actor, text=doc.text[start:end], start=start, end=end)


def _subtree_span(doc: Document, i: int) -> tuple[int, int]:
    """Character span of token i with its dependents (just the token without a parse)."""
    tok = doc.tokens[i]
    if tok.head < 0 and not tok.deprel:
        return tok.start, tok.end
    sent = doc.sentences[tok.sent]
    inside = {i}
    changed = True
    while changed:
        changed = False
        for t in doc.tokens[sent.token_start : sent.token_end]:
            if t.i not in inside and t.head in inside and t.deprel.split(":")[0] not in _CLAUSAL:
                inside.add(t.i)
                changed = True
    lo, hi = min(inside), max(inside)
    return doc.tokens[lo].start, doc.tokens[hi].end


def actor_for_token(doc: Document, i: int) -> ActorRef | None:
    """The actor of the phrase headed by token i, pronouns resolved by coreference."""
    if not 0 <= i < len(doc.tokens):
        return None
    tok = doc.tokens[i]
    ante = pronoun_antecedent(doc, i)
    if ante is not None:
        ent = next((e for e in doc.entities if e.id == ante), None)
        return ActorRef(entity=ante, actor=ent.actor if ent else None, text=tok.text, start=tok.start, end=tok.end)
    span = group_antecedent(doc, i) if tok.text.lower() in pronouns() else None
    if span is not None:
        ref = actor_for_span(doc, *span)
        if ref is not None:
            return ActorRef(entity=ref.entity, actor=ref.actor, text=tok.text, start=tok.start, end=tok.end)
        return None
    start, end = _subtree_span(doc, i)
    return actor_for_span(doc, start, end)

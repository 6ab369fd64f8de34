"""Pairs named by a plural ("de twee leiders spraken elkaar", "beide landen zetten hun samenwerking
voort"): the two most recently named actors of different countries, nearest first, with the
phrase's noun choosing persons, places or organisations where it can."""
from __future__ import annotations

from kroniek.doc import Argument, Document


def pair_kind(doc: Document, start: int, end: int, words: dict[str, str]) -> str | None:
    """The kind (PER, LOC, ORG, or '' for any) when [start, end) is a pair phrase, else None."""
    counted, kind = False, ""
    for t in doc.tokens:
        if t.start >= end:
            break
        if t.start < start:
            continue
        for w in {t.text.lower(), (t.lemma or "").lower()}:
            k = words.get(w)
            if k == "count":
                counted = True
            elif k:
                kind = k
    return kind if counted else None


def resolve_pair(doc: Document, before: int, kind: str) -> tuple[Argument, Argument] | None:
    ents = {e.id: e for e in doc.entities}
    found: list[tuple[str, object]] = []  # (country, mention)
    for m in sorted(doc.mentions, key=lambda m: m.start, reverse=True):
        if m.start >= before or not m.entity:
            continue
        e = ents.get(m.entity)
        if e is None or not e.actor or (kind and e.type != kind):
            continue
        country = e.actor[:3]
        if any(c == country for c, _ in found):
            continue
        found.append((country, m))
        if len(found) == 2:
            break
    if len(found) < 2:
        return None if kind == "" else resolve_pair(doc, before, "")
    (_, a), (_, b) = found
    first, second = sorted((a, b), key=lambda m: m.start)  # type: ignore[attr-defined]
    return (
        Argument(first.text, first.start, first.end, first.entity, ents[first.entity].actor),  # type: ignore[attr-defined]
        Argument(second.text, second.start, second.end, second.entity, ents[second.entity].actor),  # type: ignore[attr-defined]
    )

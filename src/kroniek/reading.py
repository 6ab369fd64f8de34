"""A processed `Document` as a reading: the JSON contract of `kroniek read` (see docs/reading.md)."""
from __future__ import annotations

from typing import Any

from kroniek.doc import Argument, Document, Event, TimeExpr

SCHEMA_VERSION = 1


def _arg(a: Argument | None) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {"entity": a.entity, "actor": a.actor, "text": a.text}
    if a.start is not None:
        out["start"], out["end"] = a.start, a.end
    return out


def _time(t: TimeExpr) -> dict[str, Any]:
    out: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
    if t.type in ("DATE", "TIME"):
        out["earliest"], out["latest"] = t.earliest, t.latest
    if t.mod:
        out["mod"] = t.mod
    return out


def _event(v: Event) -> dict[str, Any]:
    return {
        "id": v.id,
        "trigger": {"start": v.trigger_start, "end": v.trigger_end, "text": v.trigger_text},
        "sentence": v.sentence,
        "plover": v.plover,
        "plover_mode": v.plover_mode,
        "cameo": v.cameo,
        "news_type": v.news_type,
        "goldstein": v.goldstein,
        "quadclass": v.quadclass,
        "source": _arg(v.source),
        "target": _arg(v.target),
        "time": v.time,
        "location": _arg(v.location),
        "quantities": list(v.quantities),
        "modality": v.modality,
        "attribution": _arg(v.attribution),
    }


def to_reading(doc: Document, tokens: bool = True) -> dict[str, Any]:
    sents = []
    for s in doc.sentences:
        item: dict[str, Any] = {"start": s.start, "end": s.end}
        if tokens:
            base = s.token_start
            item["tokens"] = [
                {
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "lemma": t.lemma or None,
                    "upos": t.upos or None,
                    "xpos": t.xpos or None,
                    "feats": t.feats or None,
                    "head": (t.head - base + 1) if t.head >= 0 else 0,
                    "deprel": t.deprel or None,
                }
                for t in doc.tokens[s.token_start : s.token_end]
            ]
        sents.append(item)
    return {
        "id": doc.id,
        "date": doc.date.given if doc.date else None,
        "language": doc.language,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "text": doc.text,
        "sentences": sents,
        "entities": [
            {
                "id": e.id,
                "type": e.type,
                "name": e.name,
                "kb": e.kb,
                "actor": e.actor,
                "country": e.country,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
                "references": [{"start": m.start, "end": m.end, "text": m.text} for m in e.references],
                **({"lat": e.lat, "lon": e.lon} if e.lat is not None else {}),
            }
            for e in doc.entities
        ],
        "times": [_time(t) for t in doc.times],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "unit": q.unit, "kind": q.kind,
             **({"approx": q.approx} if q.approx else {})}
            for q in doc.quantities
        ],
        "events": [_event(v) for v in doc.events],
        "warnings": list(doc.warnings),
        "kroniek": {"schema": SCHEMA_VERSION},
    }

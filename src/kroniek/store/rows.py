"""A reading (the JSON of `kroniek read`) becomes table rows: one article, its sentences, entities, times, ..."""
from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kroniek.dates import BadDate, parse_doc_date
from kroniek.store.codes import goldstein, quadclass

Row = dict[str, Any]


def content_hash(reading: dict[str, Any]) -> str:
    """What makes two articles the same article: their text and what was said about where and when it appeared."""
    key = [reading.get(k) for k in ("text", "date", "title", "url", "source")]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


def entity_key(ent: dict[str, Any]) -> str:
    """The global registry key: the knowledge-base id when known, else type and normalised name."""
    if ent.get("kb"):
        return str(ent["kb"])
    name = " ".join(str(ent.get("name") or "").split()).casefold()
    return f"{ent.get('type') or 'MISC'}:{name}"


def parse_day(value: Any, upper: bool = False) -> date | None:
    """An ISO day, or the first (last, with `upper`) day of an ISO month or year; None if not a date."""
    if not value or not isinstance(value, str):
        return None
    try:
        d = parse_doc_date(value[:10] if len(value) > 10 else value)
    except BadDate:
        return None
    if d is None:
        return None
    return d.latest if upper else d.earliest


def _coords(*sources: dict[str, Any] | None) -> tuple[float | None, float | None]:
    for src in sources:
        if not src:
            continue
        lat, lon = src.get("lat"), src.get("lon")
        if lat is None and isinstance(src.get("coordinates"), list | tuple) and len(src["coordinates"]) == 2:
            lat, lon = src["coordinates"]
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            return float(lat), float(lon)
    return None, None


def _given(value: Any, kind: type) -> Any:
    """A number the reading already gives (the events layer may score events itself), else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return kind(value)
    return None


def _text_of(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return value.get("text") or value.get("entity")
    return str(value)


@dataclass(slots=True)
class Mention:
    """One event as reported in one article, with everything deduplication and the events table need."""

    row: Row  # the event_mentions row
    event: Row  # the events row it would found if it matches no known event
    key: str | None  # dedup key; None: too vague to merge with anything


@dataclass(slots=True)
class ArticleRows:
    article: Row
    sentences: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    times: list[Row] = field(default_factory=list)
    quantities: list[Row] = field(default_factory=list)
    events: list[Mention] = field(default_factory=list)


def stored_reading(reading: dict[str, Any]) -> bytes:
    """The reading as stored for `Chronicle.article`: without the text (its own column) and the tokens (bulk),
    zlib-compressed JSON (a reading is mostly repeated keys: it shrinks five- to tenfold)."""
    slim = {k: v for k, v in reading.items() if k != "text"}
    slim["sentences"] = [{k: v for k, v in s.items() if k != "tokens"} for s in reading.get("sentences") or []]
    return zlib.compress(json.dumps(slim, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def load_reading(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


def _doc_interval(reading: dict[str, Any]) -> tuple[date | None, date | None]:
    try:
        d = parse_doc_date(reading.get("date"))
    except BadDate:
        return None, None
    return (d.earliest, d.latest) if d else (None, None)


def _actor_key(part: dict[str, Any] | None, ent_ids: dict[str, str]) -> str:
    if not part:
        return ""
    if part.get("actor"):
        return str(part["actor"])
    if part.get("entity") in ent_ids:
        return "@" + ent_ids[part["entity"]]
    return ""


def to_rows(reading: dict[str, Any], article_id: str, digest: str, seq: int, now: Any) -> ArticleRows:
    text: str = reading.get("text") or ""
    d0, d1 = _doc_interval(reading)
    sents = reading.get("sentences") or []
    ents = reading.get("entities") or []
    evs = reading.get("events") or []
    art = {
        "article_id": article_id, "doc_id": str(reading.get("id")), "hash": digest, "seq": seq,
        "date": reading.get("date"), "date_start": d0, "date_end": d1, "title": reading.get("title"),
        "url": reading.get("url"), "source": reading.get("source"), "language": reading.get("language"),
        "text": text, "n_sentences": len(sents), "n_entities": len(ents), "n_events": len(evs),
        "reading": stored_reading(reading), "ingested_at": now,
    }
    out = ArticleRows(art)
    spans = []
    for i, s in enumerate(sents):
        out.sentences.append({"article_id": article_id, "idx": i, "start": s.get("start"), "end": s.get("end")})
        spans.append((s.get("start") or 0, s.get("end") or 0))

    ent_ids: dict[str, str] = {}
    ent_by_local: dict[str, dict[str, Any]] = {}
    for ent in ents:
        gid = entity_key(ent)
        ent_ids[str(ent.get("id"))] = gid
        ent_by_local[str(ent.get("id"))] = ent
        lat, lon = _coords(ent)
        out.entities.append({"entity_id": gid, "kb": ent.get("kb"), "type": ent.get("type"), "name": ent.get("name"),
                             "actor": ent.get("actor"), "lat": lat, "lon": lon})
        for m in ent.get("mentions") or []:
            out.mentions.append({"article_id": article_id, "local_id": ent.get("id"), "entity_id": gid,
                                 "start": m.get("start"), "end": m.get("end"), "text": m.get("text")})
    for i, t in enumerate(reading.get("times") or []):
        out.times.append({"article_id": article_id, "idx": i, "start": t.get("start"), "end": t.get("end"),
                          "text": t.get("text"), "type": t.get("type"), "value": t.get("value"),
                          "earliest": parse_day(t.get("earliest")), "latest": parse_day(t.get("latest"), upper=True)})
    for i, q in enumerate(reading.get("quantities") or []):
        v = q.get("value")
        out.quantities.append({"article_id": article_id, "idx": i, "start": q.get("start"), "end": q.get("end"),
                               "text": q.get("text"), "value": float(v) if isinstance(v, int | float) else None,
                               "unit": q.get("unit")})
    for ev in evs:
        out.events.append(_mention(ev, reading, article_id, text, spans, ent_ids, ent_by_local, (d0, d1)))
    return out


def _sentence_of(offset: int | None, spans: list[tuple[int, int]]) -> int | None:
    if offset is None:
        return None
    for i, (s, e) in enumerate(spans):
        if s <= offset < e:
            return i
    return None


def _mention(ev: dict[str, Any], reading: dict[str, Any], article_id: str, text: str, spans: list[tuple[int, int]],
             ent_ids: dict[str, str], ent_by_local: dict[str, dict[str, Any]],
             doc_interval: tuple[date | None, date | None]) -> Mention:
    trig = ev.get("trigger") or {}
    sent = _sentence_of(trig.get("start"), spans)
    evidence = text[spans[sent][0]:spans[sent][1]] if sent is not None else None
    t = ev.get("time") or {}
    earliest, latest = parse_day(t.get("earliest") or t.get("value")), parse_day(t.get("latest") or t.get("value"), True)
    if earliest is None or latest is None:
        # an event without its own time happened, as far as we know, when the article says
        earliest, latest = doc_interval
    src, tgt, loc = ev.get("source") or {}, ev.get("target") or {}, ev.get("location") or {}
    lat, lon = _coords(loc, ent_by_local.get(str(loc.get("entity"))))
    cameo = ev.get("cameo") or None
    modality = ev.get("modality")
    mention_id = f"{article_id}:{ev.get('id')}"
    mrow = {
        "mention_id": mention_id, "event_id": None, "article_id": article_id, "local_id": ev.get("id"),
        "sentence": sent, "trigger": trig.get("text"), "trigger_start": trig.get("start"),
        "trigger_end": trig.get("end"), "cameo": cameo, "plover": ev.get("plover"),
        "news_type": ev.get("news_type"), "source_actor": src.get("actor"), "target_actor": tgt.get("actor"),
        "earliest": earliest, "latest": latest, "location_name": loc.get("text"), "modality": modality,
        "attribution": _text_of(ev.get("attribution")), "quantities": json.dumps(ev.get("quantities") or []),
    }
    day = earliest if earliest is not None and earliest == latest else None
    erow = {
        "event_id": mention_id, "seq": None, "dedup_key": None, "cameo": cameo,
        "base_code": cameo[:3] if cameo else None, "root_code": cameo[:2] if cameo else None,
        "plover": ev.get("plover"), "mode": ev.get("mode") or ev.get("plover_mode"), "news_type": ev.get("news_type"),
        "quadclass": _given(ev.get("quadclass"), int) or quadclass(cameo),
        "goldstein": _given(ev.get("goldstein"), float) if _given(ev.get("goldstein"), float) is not None
        else goldstein(cameo),
        "source_actor": src.get("actor"), "source_entity": ent_ids.get(str(src.get("entity"))),
        "source_text": src.get("text"), "target_actor": tgt.get("actor"),
        "target_entity": ent_ids.get(str(tgt.get("entity"))), "target_text": tgt.get("text"),
        "earliest": earliest, "latest": latest, "day": day, "location_name": loc.get("text"),
        "location_entity": ent_ids.get(str(loc.get("entity"))), "lat": lat, "lon": lon, "modality": modality,
        "attribution": mrow["attribution"], "evidence": evidence, "trigger": trig.get("text"),
        "article_id": article_id, "sentence": sent, "num_mentions": 1, "num_articles": 1, "num_sources": 1,
    }
    return Mention(mrow, erow, _dedup_key(ev, cameo, earliest, latest, ent_ids))


def _dedup_key(ev: dict[str, Any], cameo: str | None, earliest: date | None, latest: date | None,
               ent_ids: dict[str, str]) -> str | None:
    kind = f"C{cameo[:2]}" if cameo else (f"P{ev['plover']}" if ev.get("plover") else
                                          (f"N{ev['news_type']}" if ev.get("news_type") else None))
    src, tgt = _actor_key(ev.get("source"), ent_ids), _actor_key(ev.get("target"), ent_ids)
    if kind is None or not (src or tgt) or earliest is None or latest is None:
        return None
    polarity = "neg" if ev.get("modality") == "negated" else "pos"
    return "|".join((kind, src, tgt, polarity))


__all__ = ["ArticleRows", "Mention", "content_hash", "entity_key", "to_rows"]

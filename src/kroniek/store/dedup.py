"""Cross-article deduplication: reports of the same real-world event become one event with counted mentions.

Two reports are the same event when they share the dedup key (CAMEO root, or PLOVER type, or news type;
source and target actors; polarity), their time intervals overlap and are both at most a month wide,
and their places do not contradict (closer than `MAX_KM` when both have coordinates, the same name when
both only have names). Two protests on two different days have disjoint intervals and stay two events.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Any

from kroniek.store.rows import Mention

Row = dict[str, Any]

MAX_SPAN_DAYS = 31  # a report vaguer than a month cannot be told apart from another event of its kind
MAX_KM = 50.0  # the same city or region


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _narrow(lo: date | None, hi: date | None) -> bool:
    return lo is not None and hi is not None and (hi - lo).days < MAX_SPAN_DAYS


def _norm(name: Any) -> str:
    return " ".join(str(name).split()).casefold() if name else ""


def same_event(event: Row, report: Row) -> bool:
    """Whether `report` (an events row built from one mention) tells of `event`."""
    e0, e1, r0, r1 = event["earliest"], event["latest"], report["earliest"], report["latest"]
    if not (_narrow(e0, e1) and _narrow(r0, r1)):
        return False
    if max(e0, r0) > min(e1, r1):
        return False
    if None not in (event["lat"], event["lon"], report["lat"], report["lon"]):
        return km(event["lat"], event["lon"], report["lat"], report["lon"]) <= MAX_KM
    a, b = _norm(event["location_name"]), _norm(report["location_name"])
    return not (a and b) or a == b


def _merge_into(event: Row, report: Row) -> None:
    """The event's interval becomes what both reports allow; missing place details are filled in."""
    event["earliest"], event["latest"] = max(event["earliest"], report["earliest"]), min(event["latest"], report["latest"])
    event["day"] = event["earliest"] if event["earliest"] == event["latest"] else None
    if event["lat"] is None and report["lat"] is not None:
        event["lat"], event["lon"] = report["lat"], report["lon"]
    if not event["location_name"] and report["location_name"]:
        event["location_name"], event["location_entity"] = report["location_name"], report["location_entity"]


def assign(mentions: Iterable[Mention], known: dict[str, list[Row]], next_seq: int) -> tuple[list[Row], list[Row]]:
    """Link each mention to a known event or found a new one, in order (so the outcome is deterministic).

    `known` maps dedup keys to candidate events already stored (each with `seq`); it is extended in place.
    Returns (new events, stored events whose interval or place changed).
    """
    created: list[Row] = []
    changed: dict[str, Row] = {}
    for m in mentions:
        target = None
        if m.key is not None:
            for cand in known.get(m.key, ()):
                if same_event(cand, m.event):
                    target = cand
                    break
        if target is None:
            ev = dict(m.event, seq=next_seq, dedup_key=m.key, _new=True)
            next_seq += 1
            created.append(ev)
            if m.key is not None:
                known.setdefault(m.key, []).append(ev)
            m.row["event_id"] = ev["event_id"]
            continue
        before = (target["earliest"], target["latest"], target["lat"], target["location_name"])
        _merge_into(target, m.event)
        m.row["event_id"] = target["event_id"]
        if not target.get("_new") and before != (target["earliest"], target["latest"], target["lat"],
                                                  target["location_name"]):
            changed[target["event_id"]] = target
    for ev in created:
        ev.pop("_new", None)
    return created, list(changed.values())

"""Read queries over the chronicle. Every filter value travels as a bound parameter, never inside the SQL text."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

EVENT_FILTERS = ("actor", "source", "target", "plover", "cameo", "news_type", "quadclass", "start", "end", "place",
                 "article_id")
PERIODS = {"day", "week", "month", "year"}
EVENT_DATE = "coalesce(day, earliest)"  # the day an event is counted on in series and date filters


CODE = re.compile(r"^[A-Za-z]{3,}$")  # a CAMEO actor code (prefix); anything else is an entity id (Q7747, PER:...)


class QueryError(ValueError):
    """A query argument that cannot be used (said plainly)."""


def _prefix(value: str) -> str:
    """A LIKE pattern matching codes that start with `value`, wildcards in the value taken literally."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _contains(value: str) -> str:
    return "%" + _prefix(value)


def _side(col: str, value: str, params: list[Any]) -> str:
    """An actor filter on one side: a CAMEO code by prefix (RUS matches RUSGOV), else an entity id exactly."""
    if CODE.match(value):
        params.append(value.upper())
        return f"starts_with({col}_actor, ?)"
    params.append(value)
    return f"{col}_entity = ?"


def _as_date(value: Any, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def event_where(actor: str | None = None, source: str | None = None, target: str | None = None,
                plover: str | None = None, cameo: str | None = None, news_type: str | None = None,
                quadclass: int | list[int] | None = None, start: Any = None, end: Any = None,
                place: str | None = None, article_id: str | None = None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        a = f"({_side('source', actor, params)} OR {_side('target', actor, params)})"
        clauses.append(a)
    if source:
        clauses.append(_side("source", source, params))
    if target:
        clauses.append(_side("target", target, params))
    if plover:
        clauses.append("plover = ?")
        params.append(plover.upper())
    if cameo:
        clauses.append("cameo LIKE ? ESCAPE '\\'")
        params.append(_prefix(cameo))
    if news_type:
        clauses.append("(news_type = ? OR news_type LIKE ? ESCAPE '\\')")
        params.extend([news_type, _prefix(news_type + ".")])
    if quadclass is not None:
        qs = [quadclass] if isinstance(quadclass, int | str) else list(quadclass)
        try:
            qs = [int(q) for q in qs]
        except ValueError:
            raise QueryError(f"quadclass: {quadclass!r} is not 1, 2, 3 or 4") from None
        if any(q not in (1, 2, 3, 4) for q in qs):
            raise QueryError(f"quadclass: {quadclass!r} is not 1, 2, 3 or 4")
        clauses.append("quadclass IN (SELECT unnest(?::INTEGER[]))")
        params.append(qs)
    if start:
        clauses.append(f"{EVENT_DATE} >= ?")
        params.append(_as_date(start, "start"))
    if end:
        clauses.append(f"{EVENT_DATE} <= ?")
        params.append(_as_date(end, "end"))
    if place:
        clauses.append("(location_name ILIKE ? ESCAPE '\\' OR location_entity = ?)")
        params.extend([_contains(place), place])
    if article_id:
        clauses.append("event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
        params.append(article_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EVENT_COLUMNS = ("event_id, seq, cameo, plover, mode, news_type, quadclass, goldstein, source_actor, source_entity, "
                 "source_text, target_actor, target_entity, target_text, earliest, latest, day, location_name, "
                 "location_entity, lat, lon, modality, attribution, evidence, trigger, article_id, sentence, "
                 "num_mentions, num_articles, num_sources")


def events_sql(filters: dict[str, Any], limit: int, offset: int) -> tuple[str, list[Any]]:
    """The row ids of one page of events, in date order: sorting two narrow columns is cheap even deep
    into a million events; `EVENTS_BY_ROWID` then fetches the wide rows of that page only."""
    where, params = event_where(**filters)
    return (f"SELECT rowid FROM events{where} ORDER BY {EVENT_DATE} NULLS LAST, seq LIMIT ? OFFSET ?",
            [*params, int(limit), int(offset)])


EVENTS_BY_ROWID = (f"SELECT {EVENT_COLUMNS} FROM events WHERE rowid = ANY(?::BIGINT[]) "
                   "ORDER BY list_position(?::BIGINT[], rowid)")


def _period(by: str) -> str:
    if by not in PERIODS:
        raise QueryError(f"by: {by!r} is not one of day, week, month, year")
    return f"CAST(date_trunc('{by}', {EVENT_DATE}) AS DATE)"


def _quad_counts() -> str:
    return ", ".join(f"count(*) FILTER (WHERE quadclass = {q})::BIGINT AS q{q}" for q in (1, 2, 3, 4))


def timeline_sql(by: str, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    where, params = event_where(**filters)
    where = (where + " AND " if where else " WHERE ") + f"{EVENT_DATE} IS NOT NULL"
    return (f"SELECT {_period(by)} AS period, {_quad_counts()}, count(*)::BIGINT AS events, "
            f"coalesce(sum(goldstein), 0) AS goldstein_sum FROM events{where} GROUP BY 1 ORDER BY 1", params)


def dyad_sql(source: str, target: str, by: str, both: bool = False) -> tuple[str, list[Any]]:
    params: list[Any] = []
    cond = f"({_side('source', source, params)} AND {_side('target', target, params)})"
    if both:
        cond = f"({cond} OR ({_side('source', target, params)} AND {_side('target', source, params)}))"
    return (f"SELECT {_period(by)} AS period, count(*)::BIGINT AS events, {_quad_counts()}, "
            f"coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean "
            f"FROM events WHERE {cond} AND {EVENT_DATE} IS NOT NULL GROUP BY 1 ORDER BY 1", params)


def actors_sql(top: int, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    where, params = event_where(**filters)
    return (f"""WITH ev AS (SELECT source_actor, target_actor, goldstein FROM events{where}),
      sides AS (SELECT source_actor AS actor, 1 AS s, 0 AS t, goldstein FROM ev WHERE source_actor IS NOT NULL
                UNION ALL SELECT target_actor, 0, 1, goldstein FROM ev WHERE target_actor IS NOT NULL)
      SELECT actor, count(*)::BIGINT AS events, sum(s)::BIGINT AS as_source, sum(t)::BIGINT AS as_target,
             avg(goldstein) AS goldstein_mean FROM sides GROUP BY actor ORDER BY events DESC, actor LIMIT ?""",
            [*params, int(top)])


def network_sql(min_events: int, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    where, params = event_where(**filters)
    where = (where + " AND " if where else " WHERE ") + "source_actor IS NOT NULL AND target_actor IS NOT NULL"
    return (f"SELECT source_actor AS source, target_actor AS target, count(*)::BIGINT AS events, "
            f"avg(goldstein) AS goldstein_mean FROM events{where} GROUP BY 1, 2 HAVING count(*) >= ? "
            f"ORDER BY events DESC, source, target", [*params, int(min_events)])


def locations_sql(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    where, params = event_where(**filters)
    where = (where + " AND " if where else " WHERE ") + "location_name IS NOT NULL"
    return (f"SELECT location_name AS name, avg(lat) AS lat, avg(lon) AS lon, count(*)::BIGINT AS events "
            f"FROM events{where} GROUP BY 1 ORDER BY events DESC, name", params)


def entities_sql(query: str | None, type_: str | None, limit: int) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if query:
        clauses.append("(e.name ILIKE ? ESCAPE '\\' OR e.entity_id = ? OR e.actor LIKE ? ESCAPE '\\')")
        params.extend([_contains(query), query, _prefix(query.upper())])
    if type_:
        clauses.append("e.type = ?")
        params.append(type_.upper())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return (f"""SELECT e.entity_id, e.kb, e.type, e.name, e.actor, e.lat, e.lon,
                       count(m.article_id)::BIGINT AS mentions, count(DISTINCT m.article_id)::BIGINT AS articles
                FROM entities e LEFT JOIN mentions m ON m.entity_id = e.entity_id{where}
                GROUP BY ALL ORDER BY mentions DESC, e.entity_id LIMIT ?""", [*params, int(limit)])


def check_filters(filters: dict[str, Any]) -> dict[str, Any]:
    unknown = set(filters) - set(EVENT_FILTERS)
    if unknown:
        raise QueryError(f"unknown event filter(s): {', '.join(sorted(unknown))}; known: {', '.join(EVENT_FILTERS)}")
    return {k: v for k, v in filters.items() if v is not None and v != ""}

"""Exporting events: JSON Lines, CSV, Parquet, and GDELT 2.0 event-table TSV (61 columns, GDELT's order)."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from kroniek.store.codes import gdelt_columns, split_actor
from kroniek.store.queries import EVENT_COLUMNS, event_where

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
_CHUNK = 50_000


def _events(con: duckdb.DuckDBPyConnection, filters: dict[str, Any], extra: str = "") -> duckdb.DuckDBPyConnection:
    where, params = event_where(**filters)
    return con.execute(f"SELECT {EVENT_COLUMNS}{extra} FROM events{where} ORDER BY seq", params)


def _json_default(v: Any) -> str:
    if isinstance(v, date | datetime):
        return v.isoformat()
    return str(v)


def export(con: duckdb.DuckDBPyConnection, path: Path, fmt: str, filters: dict[str, Any]) -> int:
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "gdelt":
        return _gdelt(con, path, filters)
    table: pa.Table = _events(con, filters).to_arrow_table()
    if fmt == "parquet":
        pq.write_table(table, path)
    elif fmt == "csv":
        pacsv.write_csv(table, path)
    else:
        with path.open("w", encoding="utf-8") as f:
            for batch in table.to_batches(_CHUNK):
                for row in batch.to_pylist():
                    f.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
    return table.num_rows


def _clean(v: Any) -> str:
    """A TSV field: GDELT files have no quoting, so tabs and line breaks inside text become spaces."""
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}" if v == int(v) and abs(v) < 1e15 else f"{v:.6f}".rstrip("0")
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def gdelt_row(ev: dict[str, Any]) -> list[str]:
    """One events row (with `event_date`, names, url, added) as GDELT 2.0's 61 event-table fields."""
    d: date | None = ev["event_date"]
    a1, a2 = split_actor(ev["source_actor"]), split_actor(ev["target_actor"])
    cameo = ev["cameo"] or ""
    has_geo = ev["lat"] is not None and ev["lon"] is not None
    geo_type = (4 if has_geo else 0) if ev["location_name"] else 0  # 4: a place below country level
    fields: dict[str, Any] = {
        "GLOBALEVENTID": ev["seq"],
        "SQLDATE": d.strftime("%Y%m%d") if d else "",
        "MonthYear": d.strftime("%Y%m") if d else "",
        "Year": d.year if d else "",
        "FractionDate": f"{d.year + d.timetuple().tm_yday / 365:.4f}" if d else "",
        "IsRootEvent": 1 if ev["sentence"] == 0 else 0,
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": ev["quadclass"], "GoldsteinScale": ev["goldstein"],
        "NumMentions": ev["num_mentions"], "NumSources": ev["num_sources"], "NumArticles": ev["num_articles"],
        "AvgTone": 0,
        "ActionGeo_Type": geo_type, "ActionGeo_FullName": ev["location_name"],
        "ActionGeo_Lat": ev["lat"], "ActionGeo_Long": ev["lon"],
        "DATEADDED": ev["added"].strftime("%Y%m%d%H%M%S") if ev["added"] else "",
        "SOURCEURL": ev["url"] or ev["article_id"],
    }
    for n, side, name in ((1, a1, "source"), (2, a2, "target")):
        p = f"Actor{n}"
        fields.update({
            f"{p}Code": ev[f"{name}_actor"], f"{p}Name": (ev[f"{name}_name"] or ev[f"{name}_text"] or "").upper(),
            f"{p}CountryCode": side["country"], f"{p}KnownGroupCode": side["group"],
            f"{p}Type1Code": side["type1"], f"{p}Type2Code": side["type2"], f"{p}Type3Code": side["type3"],
            f"{p}Geo_Type": 0,
        })
    return [_clean(fields.get(c)) for c in gdelt_columns()]


def _gdelt(con: duckdb.DuckDBPyConnection, path: Path, filters: dict[str, Any]) -> int:
    where, params = event_where(**filters)
    where = (where + " AND " if where else " WHERE ") + "cameo IS NOT NULL"  # GDELT rows are CAMEO-coded events
    cur = con.execute(
        f"""SELECT ev.*, coalesce(ev.day, ev.earliest) AS event_date,
                   a.url, a.ingested_at AS added, s.name AS source_name, t.name AS target_name
            FROM (SELECT * FROM events{where}) ev
            LEFT JOIN articles a ON a.article_id = ev.article_id
            LEFT JOIN entities s ON s.entity_id = ev.source_entity
            LEFT JOIN entities t ON t.entity_id = ev.target_entity
            ORDER BY ev.seq""", params)
    cols = [c[0] for c in cur.description]
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        while rows := cur.fetchmany(_CHUNK):
            for r in rows:
                f.write("\t".join(gdelt_row(dict(zip(cols, r, strict=True)))) + "\n")
                n += 1
    return n

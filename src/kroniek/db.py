"""The chronicle: readings stored in an embedded DuckDB file, deduplicated across articles, searched and queried.

    >>> import kroniek
    >>> with kroniek.open("kroniek.duckdb") as db:
    ...     db.ingest(["examples/"])
    ...     db.dyad("RUS", "BLR", by="week")

Methods (stable; the HTTP API is built on them):

    Chronicle(path, read_only=False, frame="pandas"|"polars", wait=0.0)  context manager, .close()
    .ingest(paths, workers=1, progress=False, names=None) -> dict stats
    .add_readings(readings) -> dict stats
    .ingest_readings(paths) -> dict stats      readings made elsewhere (JSON Lines, or Parquet from `kroniek batch`)
    .search(query, limit=20, offset=0) -> frame (article_id, title, date, snippet with <mark> hits, score, matched)
    .article(article_id) -> dict | None        the stored reading (with text), plus `event_ids` local -> stored event
    .articles(limit=50, offset=0) -> frame
    .events(actor, source, target, plover, cameo, news_type, quadclass, start, end, place, article_id,
            limit=1000, offset=0) -> frame
    .event(event_id) -> dict | None            the event with its mentions
    .entity(entity_id) -> dict | None ; .entities(query=None, type=None, limit=50) -> frame
    .timeline(actor_or_entity=None, by="day"|"week"|"month", **event_filters) -> frame
              (period, q1..q4, events, goldstein_sum)
    .dyad(source, target, by="week", both=False) -> frame (period, events, q1..q4, goldstein_sum, goldstein_mean)
    .actors(top=20, **event_filters) -> frame (actor, events, as_source, as_target, goldstein_mean)
    .network(min_events=1, **event_filters) -> frame (source, target, events, goldstein_mean)
    .locations(**event_filters) -> frame (name, lat, lon, events)
    .export(path, format="jsonl"|"csv"|"parquet"|"gdelt", **event_filters) -> int rows
    .stats() -> dict (articles, events, mentions, entities, errors, ...)

Actor filters match CAMEO actor codes by prefix (RUS matches RUSGOV) or an entity id exactly.
Event dates: an event counts on its day when known, else on the first day of the interval it lies in.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from kroniek.store import queries as q
from kroniek.store.export import export as _export
from kroniek.store.ingest import Stats, Writer, write_all
from kroniek.store.rows import load_reading
from kroniek.store.schema import TABLES, ChronicleError, check_file, connect, load_fts, prepare
from kroniek.store.search import search as _search

DEFAULT_PATH = "kroniek.duckdb"
BATCH_SIZE = 64  # articles per transaction: a kill loses at most this much work, which the next run redoes
CHECKPOINT_MB = 256
BATCH_SECONDS = 10.0  # a slow reader still commits this often (small batches cost fixed overhead each)

__all__ = ["DEFAULT_PATH", "Chronicle", "ChronicleError"]


class Chronicle:
    """A chronicle database file; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False, frame: str = "pandas",
                 wait: float = 0.0, batch_size: int = BATCH_SIZE):
        if frame not in ("pandas", "polars"):
            raise ValueError(f"frame must be 'pandas' or 'polars', not {frame!r}")
        self.path = Path(path)
        self.read_only = read_only
        self.frame = frame
        self.batch_size = max(1, int(batch_size))
        check_file(self.path, read_only)
        self.con = connect(self.path, read_only, wait)
        try:
            prepare(self.con, self.path, read_only)
            load_fts(self.con)
            if not read_only:
                # checkpoint seldom: each checkpoint rewrites the tables' last row groups and leaves the old
                # blocks free; with the default (16 MB) a long ingest ends with a file nearly twice its data
                self.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_MB}MB'")
        except BaseException:
            self.con.close()
            raise

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Chronicle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _frame(self, cur: duckdb.DuckDBPyConnection) -> Any:
        return cur.pl() if self.frame == "polars" else cur.df()

    def _writable(self) -> None:
        if self.read_only:
            raise ChronicleError(f"{self.path}: opened read-only")

    # ------------------------------------------------------------ writing
    def add_readings(self, readings: Iterable[dict[str, Any]], on_batch: Callable[[Stats], None] | None = None,
                     _fail: Callable[[str], None] | None = None) -> dict[str, Any]:
        """Store readings (the JSON dicts of `kroniek read`), in batches, each one transaction."""
        self._writable()
        writer = Writer(self.con, fail=_fail)
        t0 = time.perf_counter()
        try:
            total = write_all(writer, readings, self.batch_size, BATCH_SECONDS, on_batch)
        except duckdb.Error as e:
            raise ChronicleError(f"{self.path}: writing failed ({e}); the batches written before are kept, "
                                 "run the ingest again to complete it") from e
        total.seconds = time.perf_counter() - t0
        return total.as_dict()

    def ingest(self, paths: Iterable[str | Path], workers: int = 1, progress: bool = False,
               names: Sequence[str] | None = None, on_batch: Callable[[Stats], None] | None = None,
               country: str | None = None) -> dict[str, Any]:
        """Read the articles under `paths` and store them; already-stored articles are skipped.

        `names` picks pipeline components (default: the default pipeline); `country` (ISO alpha-3) is the
        home country of articles whose input gives none."""
        from kroniek.store.progress import ingest_with_progress

        self._writable()
        return ingest_with_progress(self, [str(p) for p in paths], workers, progress, names, on_batch, country)

    def ingest_readings(self, paths: Iterable[str | Path], on_batch: Callable[[Stats], None] | None = None
                        ) -> dict[str, Any]:
        """Store readings made elsewhere: JSON Lines files of `kroniek read` output, or Parquet files of
        the distributed runner (`kroniek batch`)."""
        from kroniek.store.progress import iter_reading_files

        return self.add_readings(iter_reading_files([Path(p) for p in paths]), on_batch=on_batch)

    # ------------------------------------------------------------ articles and search
    def search(self, query: str, limit: int = 20, offset: int = 0) -> Any:
        rows = _search(self.con, query, limit, offset)
        cols = ["article_id", "title", "date", "snippet", "score", "matched"]
        return self._rows_frame(rows, cols)

    def _rows_frame(self, rows: list[dict[str, Any]], cols: list[str]) -> Any:
        if self.frame == "polars":
            import polars as pl

            return pl.DataFrame(rows, schema=cols, orient="row") if not rows else pl.DataFrame(rows)
        import pandas as pd

        return pd.DataFrame(rows, columns=cols)

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT reading, text, hash, seq, ingested_at FROM articles WHERE article_id = ?",
                               [article_id]).fetchone()
        if row is None:
            return None
        reading = load_reading(row[0])
        reading["text"] = row[1]
        reading["article_id"] = article_id
        reading["hash"] = row[2]
        reading["ingested_at"] = row[4].isoformat() if row[4] else None
        links = self.con.execute("SELECT local_id, event_id FROM event_mentions WHERE article_id = ?",
                                 [article_id]).fetchall()
        reading["event_ids"] = dict(links)
        return reading

    def articles(self, limit: int = 50, offset: int = 0) -> Any:
        return self._frame(self.con.execute(
            "SELECT article_id, doc_id, date, title, source, url, n_sentences, n_entities, n_events "
            "FROM articles ORDER BY seq LIMIT ? OFFSET ?", [int(limit), int(offset)]))

    # ------------------------------------------------------------ events
    def events(self, actor: str | None = None, source: str | None = None, target: str | None = None,
               plover: str | None = None, cameo: str | None = None, news_type: str | None = None,
               quadclass: int | list[int] | None = None, start: Any = None, end: Any = None,
               place: str | None = None, article_id: str | None = None, limit: int = 1000, offset: int = 0,
               **unknown: Any) -> Any:
        filters = dict(actor=actor, source=source, target=target, plover=plover, cameo=cameo, news_type=news_type,
                       quadclass=quadclass, start=start, end=end, place=place, article_id=article_id, **unknown)
        sql, params = q.events_sql(q.check_filters(filters), limit, offset)
        ids = [r[0] for r in self.con.execute(sql, params).fetchall()]
        return self._frame(self.con.execute(q.EVENTS_BY_ROWID, [ids, ids]))

    def event(self, event_id: str) -> dict[str, Any] | None:
        cur = self.con.execute(f"SELECT {q.EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id])
        row = cur.fetchone()
        if row is None:
            return None
        out = dict(zip([c[0] for c in cur.description], row, strict=True))
        m = self.con.execute("SELECT * FROM event_mentions WHERE event_id = ? ORDER BY mention_id", [event_id])
        cols = [c[0] for c in m.description]
        out["mentions"] = [dict(zip(cols, r, strict=True)) for r in m.fetchall()]
        return out

    def timeline(self, actor_or_entity: str | None = None, by: str = "day", **filters: Any) -> Any:
        f = q.check_filters(filters)
        if actor_or_entity:
            f["actor"] = actor_or_entity
        sql, params = q.timeline_sql(by, f)
        return self._frame(self.con.execute(sql, params))

    def dyad(self, source: str, target: str, by: str = "week", both: bool = False) -> Any:
        sql, params = q.dyad_sql(source, target, by, both)
        return self._frame(self.con.execute(sql, params))

    def actors(self, top: int = 20, **filters: Any) -> Any:
        sql, params = q.actors_sql(top, q.check_filters(filters))
        return self._frame(self.con.execute(sql, params))

    def network(self, min_events: int = 1, **filters: Any) -> Any:
        sql, params = q.network_sql(min_events, q.check_filters(filters))
        return self._frame(self.con.execute(sql, params))

    def locations(self, **filters: Any) -> Any:
        sql, params = q.locations_sql(q.check_filters(filters))
        return self._frame(self.con.execute(sql, params))

    # ------------------------------------------------------------ entities
    def entities(self, query: str | None = None, type: str | None = None, limit: int = 50) -> Any:  # noqa: A002
        sql, params = q.entities_sql(query, type, limit)
        return self._frame(self.con.execute(sql, params))

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        cur = self.con.execute("SELECT * FROM entities WHERE entity_id = ?", [entity_id])
        row = cur.fetchone()
        if row is None:
            return None
        out = dict(zip([c[0] for c in cur.description], row, strict=True))
        mentions, articles = self.con.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", [entity_id]).fetchone()
        out["mentions"], out["articles"] = int(mentions), int(articles)
        out["events"] = int(self.con.execute(
            "SELECT count(*) FROM events WHERE source_entity = ? OR target_entity = ?",
            [entity_id, entity_id]).fetchone()[0])
        out["names"] = [r[0] for r in self.con.execute(
            "SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY count(*) DESC, text LIMIT 20",
            [entity_id]).fetchall()]
        out["recent_articles"] = [r[0] for r in self.con.execute(
            "SELECT DISTINCT a.article_id, a.seq FROM mentions m JOIN articles a ON a.article_id = m.article_id "
            "WHERE m.entity_id = ? ORDER BY a.seq DESC LIMIT 20", [entity_id]).fetchall()]
        return out

    # ------------------------------------------------------------ export and stats
    def export(self, path: str | Path, format: str = "jsonl", **filters: Any) -> int:  # noqa: A002
        return _export(self.con, Path(path), format, q.check_filters(filters))

    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for table in ("articles", "events", "event_mentions", "entities", "mentions", "times", "quantities",
                      "errors"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        out["mentions_of_events"] = out.pop("event_mentions")
        out["entity_mentions"] = out.pop("mentions")
        out["merged_events"] = int(self.con.execute(
            "SELECT count(*) FROM events WHERE num_mentions > 1").fetchone()[0])
        first, last = self.con.execute(f"SELECT min({q.EVENT_DATE}), max({q.EVENT_DATE}) FROM events").fetchone()
        out["first_event"] = first.isoformat() if first else None
        out["last_event"] = last.isoformat() if last else None
        out["file_bytes"] = self.path.stat().st_size if self.path.exists() else 0
        out["tables"] = sorted(TABLES)
        return out

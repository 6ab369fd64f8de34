"""Writing readings into the chronicle: one transaction per batch, so a kill leaves whole batches only.

Re-running is safe: an article whose content hash is stored is skipped, and the rest are written in
input order, so an interrupted ingest run again ends with exactly the rows of an uninterrupted one.
"""
from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from kroniek.store import dedup
from kroniek.store.rows import ArticleRows, content_hash, to_rows
from kroniek.store.schema import TABLES, plain_type
from kroniek.store.search import index_articles

_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
          "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "BLOB": pa.binary()}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, _ARROW[plain_type(t)]) for c, t in TABLES[table]])


@dataclass(slots=True)
class Stats:
    """What an ingest did; `as_dict` is what `Chronicle.ingest` and `add_readings` return."""

    articles: int = 0  # new articles stored
    duplicates: int = 0  # articles already stored (same content hash) and skipped
    errors: int = 0  # readings that were errors (recorded in the `errors` table)
    mentions: int = 0  # event reports stored
    events: int = 0  # new events (after deduplication)
    merged: int = 0  # reports that joined an event already known
    seconds: float = 0.0
    error_ids: list[str] = field(default_factory=list)

    def add(self, other: Stats) -> None:
        for f in ("articles", "duplicates", "errors", "mentions", "events", "merged"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.error_ids.extend(other.error_ids)

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "duplicates": self.duplicates, "errors": self.errors,
                "mentions": self.mentions, "events": self.events, "merged": self.merged,
                "seconds": round(self.seconds, 3), "error_ids": self.error_ids[:100]}


_WORDS = re.compile(r"[^\W_]+")


def _n_terms(text: str) -> int:
    # the article length for BM25: counting word runs is close enough to the index's own tokens, and fast
    return len(_WORDS.findall(text))


class Writer:
    """Writes batches of readings into an open chronicle connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fail: Callable[[str], None] | None = None):
        self.con = con
        # test hook: called between the writes of a batch, inside its transaction (to inject disk-full errors)
        self._fail = fail
        self._seqs: tuple[int, int] | None = None

    def _last_seqs(self) -> tuple[int, int]:
        """The last article and event numbers; read once, then kept (this writer is the file's only writer)."""
        if self._seqs is None:
            row = self.con.execute("SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
                                   "(SELECT coalesce(max(seq), 0) FROM events)").fetchone()
            self._seqs = (int(row[0]), int(row[1]))
        return self._seqs

    def _fresh(self, readings: list[dict[str, Any]], stats: Stats) -> list[tuple[str, str, dict[str, Any]]]:
        """(article_id, hash, reading) for articles not stored yet, ids made unique."""
        hashes = [content_hash(r) for r in readings]
        wanted = [str(r.get("id")) for r in readings]
        stored: set[str] = set()
        taken: set[str] = set()
        if readings:
            for h, aid in self.con.execute(
                    "SELECT hash, article_id FROM articles WHERE hash IN (SELECT unnest(?)) "
                    "OR article_id IN (SELECT unnest(?))", [hashes, wanted]).fetchall():
                stored.add(h)
                taken.add(aid)
        out = []
        for r, h in zip(readings, hashes, strict=True):
            if h in stored:
                stats.duplicates += 1
                continue
            stored.add(h)
            aid = str(r.get("id"))
            if aid in taken:  # another article under the same name: keep both, told apart by content
                aid = f"{aid}~{h[:10]}"
            taken.add(aid)
            out.append((aid, h, r))
        return out

    def _known(self, arts: list[ArticleRows]) -> dict[str, list[dict[str, Any]]]:
        ms = [m for a in arts for m in a.events if m.key is not None]
        if not ms:
            return {}
        keys = sorted({m.key for m in ms})
        lo = min(m.event["earliest"] for m in ms)
        hi = max(m.event["latest"] for m in ms)
        cols = ["event_id", "seq", "dedup_key", "earliest", "latest", "day", "lat", "lon", "location_name",
                "location_entity"]
        rows = self.con.execute(
            f"SELECT {', '.join(cols)} FROM events WHERE dedup_key IN (SELECT unnest(?)) "
            "AND latest >= ? AND earliest <= ? ORDER BY seq", [keys, lo, hi]).fetchall()
        known: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            ev = dict(zip(cols, row, strict=True))
            known.setdefault(ev["dedup_key"], []).append(ev)
        return known

    def _insert(self, table: str, rows: list[dict[str, Any]], verb: str = "INSERT") -> None:
        if not rows:
            return
        batch = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        name = f"_kroniek_batch_{table}"
        self.con.register(name, batch)
        try:
            cols = ", ".join(f'"{c}"' for c, _ in TABLES[table])
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.con.unregister(name)
        if self._fail:
            self._fail(table)

    def write(self, readings: list[dict[str, Any]]) -> Stats:
        stats = Stats()
        t0 = time.perf_counter()
        now = datetime.now().replace(microsecond=0)
        good = []
        errors = []
        for r in readings:
            if r.get("error") is not None or "text" not in r:
                errors.append({"doc_id": str(r.get("id")), "error": str(r.get("error") or "reading without text"),
                               "seen_at": now})
                stats.error_ids.append(str(r.get("id")))
            else:
                good.append(r)
        stats.errors = len(errors)
        fresh = self._fresh(good, stats)
        seq, last_event = self._last_seqs()
        arts = [to_rows(r, aid, h, seq + i + 1, now) for i, (aid, h, r) in enumerate(fresh)]
        for a in arts:
            a.article["n_terms"] = _n_terms(f"{a.article['title'] or ''} {a.article['text']}")
        mentions = [m for a in arts for m in a.events]
        created, changed = dedup.assign(mentions, self._known(arts), last_event + 1)
        new_ids = {e["event_id"] for e in created}
        per_event: dict[str, int] = {}
        for m in mentions:
            per_event[m.row["event_id"]] = per_event.get(m.row["event_id"], 0) + 1
        touched = sorted(e for e, n in per_event.items() if e not in new_ids or n > 1)

        entities: dict[str, dict[str, Any]] = {}
        for a in arts:
            for e in a.entities:
                entities.setdefault(e["entity_id"], e)

        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", [a.article for a in arts])
            self._insert("sentences", [r for a in arts for r in a.sentences])
            self._insert("entities", list(entities.values()), verb="INSERT OR IGNORE")
            self._insert("mentions", [r for a in arts for r in a.mentions])
            self._insert("times", [r for a in arts for r in a.times])
            self._insert("quantities", [r for a in arts for r in a.quantities])
            self._insert("events", created)
            self._insert("event_mentions", [m.row for m in mentions])
            if changed:
                self._update_events(changed)
            if touched:
                self._recount(touched)
            if arts:
                index_articles(con, arts[0].article["seq"])
            self._insert("errors", errors, verb="INSERT OR IGNORE")
            con.execute("COMMIT")
            self._seqs = (seq + len(arts), last_event + len(created))
        except BaseException:
            self._seqs = None
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass  # a connection DuckDB invalidated (disk full) rolls back when the file is next opened
            raise
        stats.articles = len(arts)
        stats.mentions = len(mentions)
        stats.events = len(created)
        stats.merged = len(mentions) - len(created)
        stats.seconds = time.perf_counter() - t0
        return stats

    def _update_events(self, changed: list[dict[str, Any]]) -> None:
        cols = ["event_id", "earliest", "latest", "day", "lat", "lon", "location_name", "location_entity"]
        schema = pa.schema([f for f in arrow_schema("events") if f.name in cols])
        tbl = pa.Table.from_pylist([{c: e[c] for c in cols} for e in changed], schema=schema)
        self.con.register("_kroniek_changed", tbl)
        try:
            sets = ", ".join(f"{c} = u.{c}" for c in cols[1:])
            self.con.execute(f"UPDATE events SET {sets} FROM _kroniek_changed u WHERE events.event_id = u.event_id")
        finally:
            self.con.unregister("_kroniek_changed")

    def _recount(self, event_ids: list[str]) -> None:
        # counts are always derived from the stored mentions, never incremented, so they cannot drift
        self.con.execute(
            """UPDATE events SET num_mentions = c.n, num_articles = c.a, num_sources = c.s
               FROM (SELECT m.event_id, count(*) AS n, count(DISTINCT m.article_id) AS a,
                            count(DISTINCT coalesce(ar.source, ar.article_id)) AS s
                     FROM event_mentions m JOIN articles ar ON ar.article_id = m.article_id
                     WHERE m.event_id IN (SELECT unnest(?)) GROUP BY m.event_id) c
               WHERE events.event_id = c.event_id""", [event_ids])


def batches(readings: Iterable[dict[str, Any]], size: int, seconds: float) -> Iterator[list[dict[str, Any]]]:
    """Group readings into batches of at most `size`, cut early when `seconds` pass (slow readers still commit)."""
    it = iter(readings)
    while True:
        batch: list[dict[str, Any]] = []
        t0 = time.monotonic()
        for r in it:
            batch.append(r)
            if len(batch) >= size or time.monotonic() - t0 >= seconds:
                break
        if not batch:
            return
        yield batch



def write_all(writer: Writer, readings: Iterable[dict[str, Any]], size: int, seconds: float,
              on_batch: Callable[[Stats], None] | None = None) -> Stats:
    """Write every batch, in order, on a writer thread while this thread goes on reading the next batch.

    Reading (the NLP pipeline, or parsing JSON) and storing overlap: DuckDB works without the GIL.
    At most two batches wait, so memory stays flat. A write that fails stops the reading and is raised
    here; an interrupted reader lets the batch being written finish (it commits or rolls back whole)."""
    pending: queue.Queue[list[dict[str, Any]] | None] = queue.Queue(maxsize=2)
    total = Stats()
    failure: list[BaseException] = []

    def drain() -> None:
        while (batch := pending.get()) is not None:
            if failure:
                continue  # keep taking batches so the reader never blocks; write nothing more
            try:
                st = writer.write(batch)
                total.add(st)
                if on_batch:
                    on_batch(st)
            except BaseException as e:  # handed to the reading thread, which raises it
                failure.append(e)

    thread = threading.Thread(target=drain, name="kroniek-writer", daemon=True)
    thread.start()
    try:
        for batch in batches(readings, size, seconds):
            if failure:
                break
            pending.put(batch)
    finally:
        pending.put(None)
        thread.join()
    if failure:
        raise failure[0]
    return total

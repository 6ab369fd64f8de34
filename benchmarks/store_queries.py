"""Query speed of the chronicle over a large GENERATED database (not real news): 1 million events by default.

    python benchmarks/store_queries.py [--events 1000000] [--articles 100000] [--db FILE] [--repeat 5]

Events, their mentions and articles are generated in bulk with SQL (random CAMEO codes from the store's
Goldstein table, actors from its CAMEO country list, days over two years, numbered places; article text
of random tokens), then every query method of `Chronicle` is timed: median and max of `--repeat` runs,
after one warm-up run. The target is under a second per query. The file size is reported too.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import pyarrow as pa

from kroniek.db import Chronicle
from kroniek.store.codes import actor_prefixes, goldstein_table, quadclass
from kroniek.store.search import index_articles


def generate(db: Chronicle, n_events: int, n_articles: int) -> None:
    con = db.con
    codes = sorted(c for c in goldstein_table() if len(c) >= 3)
    con.register("_codes", pa.table({"k": list(range(len(codes))), "cameo": codes,
                                     "goldstein": [goldstein_table()[c] for c in codes],
                                     "quadclass": [quadclass(c) for c in codes]}))
    nations = sorted(c for c, k in actor_prefixes().items() if k == "country")
    con.execute("BEGIN")
    con.execute(f"""INSERT INTO articles BY NAME
        SELECT 'art' || i AS article_id, 'art' || i AS doc_id, md5('art' || i) AS hash, i + 1 AS seq,
               strftime(DATE '2020-01-01' + CAST(hash(i) % 730 AS INTEGER), '%Y-%m-%d') AS date,
               'Bericht ' || i AS title, 'https://example.org/' || i AS url, 'bron' || (i % 25) AS source,
               'nl' AS language,
               array_to_string(list_transform(range(120), x -> 'w' || (hash(i * 1000 + x) % 20000)), ' ') AS text,
               6 AS n_sentences, 8 AS n_entities, {max(1, n_events // max(1, n_articles))} AS n_events,
               121 AS n_terms, '{{}}' AS reading
        FROM range({n_articles}) t(i)""")
    index_articles(con, 0)
    roles = ["GOV", "MIL", "OPP", "CVL", "COP", ""]
    actors = [n + r for n in nations for r in roles]
    con.register("_actors", pa.table({"k": list(range(len(actors))), "code": actors}))
    con.execute(f"""INSERT INTO events BY NAME
        WITH g AS (SELECT i, hash(i) % {len(codes)} AS kc, hash(i * 7 + 1) AS h2, hash(i * 13 + 5) AS h3,
                          hash(i * 17 + 3) AS h4, hash(i * 19 + 2) % {len(actors)} AS ks,
                          hash(i * 23 + 9) % {len(actors)} AS kt
                   FROM range({int(n_events)}) t(i))
        SELECT 'ev' || g.i AS event_id, g.i + 1 AS seq, c.cameo, substr(c.cameo, 1, 3) AS base_code,
               substr(c.cameo, 1, 2) AS root_code, c.quadclass, c.goldstein,
               s.code AS source_actor, t.code AS target_actor,
               DATE '2020-01-01' + CAST(g.h2 % 730 AS INTEGER) AS earliest,
               DATE '2020-01-01' + CAST(g.h2 % 730 AS INTEGER) AS latest,
               DATE '2020-01-01' + CAST(g.h2 % 730 AS INTEGER) AS day,
               'Plaats' || (g.h4 % 5000) AS location_name, (g.h4 % 140)::DOUBLE - 70 AS lat,
               (g.h4 % 340)::DOUBLE - 170 AS lon, 'asserted' AS modality,
               'art' || (g.i % {int(n_articles)}) AS article_id, 0 AS sentence,
               1 + CAST(g.h3 % 4 AS INTEGER) AS num_mentions, 1 + CAST(g.h3 % 3 AS INTEGER) AS num_articles,
               1 AS num_sources
        FROM g JOIN _codes c ON c.k = g.kc JOIN _actors s ON s.k = g.ks JOIN _actors t ON t.k = g.kt""")
    con.execute("""INSERT INTO event_mentions BY NAME
        SELECT event_id || ':m' AS mention_id, event_id, article_id, 'v1' AS local_id, 0 AS sentence,
               cameo, source_actor, target_actor, earliest, latest, location_name, modality FROM events""")
    con.execute("COMMIT")
    con.unregister("_codes")
    con.unregister("_actors")
    con.execute("CHECKPOINT")


QUERIES = [
    ("events(actor='RUS')", lambda db: db.events(actor="RUS")),
    ("events(source='RUS', target='BLR')", lambda db: db.events(source="RUS", target="BLR")),
    ("events(cameo='14', quadclass=3, start, end)",
     lambda db: db.events(cameo="14", quadclass=3, start="2020-03-01", end="2020-06-30")),
    ("events(place='Plaats42')", lambda db: db.events(place="Plaats42")),
    ("events(article_id='art77')", lambda db: db.events(article_id="art77")),
    ("events(offset=500000, limit=100)", lambda db: db.events(offset=500000, limit=100)),
    ("dyad('RUS', 'BLR', by='week')", lambda db: db.dyad("RUS", "BLR", by="week")),
    ("dyad('RUS', 'UKR', by='day', both=True)", lambda db: db.dyad("RUS", "UKR", by="day", both=True)),
    ("timeline('USA', by='month')", lambda db: db.timeline("USA", by="month")),
    ("timeline(by='day') all events", lambda db: db.timeline(by="day")),
    ("actors(top=20)", lambda db: db.actors(top=20)),
    ("network(min_events=50)", lambda db: db.network(min_events=50)),
    ("locations(quadclass=4)", lambda db: db.locations(quadclass=4)),
    ("search('w123 w456')", lambda db: db.search("w123 w456")),
    ("search('w1999') (compound expansion)", lambda db: db.search("w1999")),
    ("article('art4242')", lambda db: db.article("art4242")),
    ("stats()", lambda db: db.stats()),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="database file (default: a temporary one); an existing one is reused")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = Path(a.db) if a.db else Path(tmp.name) / "bench.duckdb"
    fresh = not path.exists()
    with Chronicle(path) as db:
        if fresh:
            t0 = time.perf_counter()
            generate(db, a.events, a.articles)
            print(f"generated {a.events:,} events, {a.articles:,} articles in {time.perf_counter() - t0:.1f} s",
                  flush=True)
        s = db.stats()
    print(f"database: {s['events']:,} events, {s['articles']:,} articles, {path.stat().st_size / 1e6:.0f} MB")
    worst = 0.0
    with Chronicle(path, read_only=True) as db:
        print(f"{'query':48} {'rows':>8} {'median s':>9} {'max s':>7} {'cpu s':>7}")
        for name, fn in QUERIES:
            out = fn(db)
            times, cpus = [], []
            for _ in range(a.repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                out = fn(db)
                times.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            rows = len(out) if hasattr(out, "__len__") and not isinstance(out, dict) else 1
            worst = max(worst, statistics.median(times))
            print(f"{name:48} {rows:>8} {statistics.median(times):>9.3f} {max(times):>7.3f} "
                  f"{statistics.median(cpus):>7.3f}", flush=True)
    load = os.getloadavg()[0]
    print(f"load average during the run: {load:.1f} on {os.cpu_count()} cores "
          "(wall time on a busy machine overstates; cpu s is the work, all threads together)")
    print(f"slowest median: {worst:.3f} s (target: under 1 s)")


if __name__ == "__main__":
    main()

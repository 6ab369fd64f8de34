"""Ingest throughput against reading alone, and database size per article.

    python benchmarks/store_ingest.py FOLDER [--pipeline tokenize,analyze,...] [--repeat N]
    python benchmarks/store_ingest.py --synthetic 5000      # the store alone, on generated readings

With FOLDER: reads the articles as `kroniek read` does (readings serialised to JSON), then ingests the same
articles into a fresh temporary database with `Chronicle.ingest`, both with the pipeline loaded before the
clock starts; prints articles/s of each and the overhead of storing (the target is within 20%).
With --synthetic: times `Chronicle.add_readings` on generated readings (5 events each) — the cost of the
store alone — and projects the database size for 100,000 articles from the bytes per article.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def _size(folder: Path) -> int:
    """Bytes of data in the database (used blocks; the file may hold free blocks besides)."""
    import duckdb

    con = duckdb.connect(str(folder / "bench.duckdb"), read_only=True)
    try:
        block_size, used = con.execute("SELECT block_size, used_blocks FROM pragma_database_size()").fetchone()
    finally:
        con.close()
    return int(block_size) * int(used)


SMALL = 2000  # below this many articles, whole 256 kB blocks per table and column overstate the size per article


def read_vs_ingest(paths: list[str], pipeline: str | None, repeat: int) -> None:
    from kroniek.db import Chronicle
    from kroniek.pipeline import Pipeline, default_pipeline
    from kroniek.reader import read_paths

    names = pipeline.split(",") if pipeline else None
    nlp = Pipeline(names) if names else default_pipeline()
    next(iter(read_paths(paths, pipeline=nlp, warn=lambda m: None)), None)  # load models before the clock
    best_read = best_ingest = float("inf")
    n = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = 0
        for res in read_paths(paths, pipeline=nlp, warn=lambda m: None):
            json.dumps(res.reading(), ensure_ascii=False)
            n += 1
        best_read = min(best_read, time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            with Chronicle(Path(tmp) / "bench.duckdb") as db:
                t0 = time.perf_counter()
                stats = db.ingest(paths, names=names)
                best_ingest = min(best_ingest, time.perf_counter() - t0)
            size = _size(Path(tmp))
    print(f"articles: {n}, stored: {stats['articles']}, events: {stats['mentions']}")
    print(f"read alone: {n / best_read:8.1f} articles/s ({best_read:.2f} s)")
    print(f"ingest:     {n / best_ingest:8.1f} articles/s ({best_ingest:.2f} s)")
    print(f"ingest takes {100 * (best_ingest / best_read - 1):+.1f}% time compared with reading alone (target: <= +20%)")
    print(f"database: {size / 1e6:.2f} MB used, {size / max(1, n) / 1e3:.1f} kB per article, "
          f"~{size / max(1, n) * 100_000 / 1e9:.2f} GB per 100,000 articles"
          + (" (too few articles: overstated)" if n < SMALL else ""))


def synthetic(n: int) -> None:
    from kroniek.db import Chronicle
    from kroniek.store.synth import readings

    data = list(readings(n, seed=1))
    text_bytes = sum(len(r["text"].encode()) for r in data)
    with tempfile.TemporaryDirectory() as tmp:
        with Chronicle(Path(tmp) / "bench.duckdb") as db:
            t0 = time.perf_counter()
            st = db.add_readings(data)
            dt = time.perf_counter() - t0
        size = _size(Path(tmp))
    print(f"stored {st['articles']} generated articles, {st['mentions']} events in {dt:.2f} s: "
          f"{st['articles'] / dt:.0f} articles/s, {st['mentions'] / dt:.0f} events/s (store alone)")
    print(f"database: {size / 1e6:.2f} MB for {text_bytes / 1e6:.2f} MB of text; {size / n / 1e3:.1f} kB per article, "
          f"~{size / n * 100_000 / 1e9:.2f} GB per 100,000 such articles"
          + (" (too few articles: overstated)" if n < SMALL else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--pipeline", help="comma-separated component names (default: the full pipeline)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--synthetic", type=int, metavar="N", help="time the store alone on N generated readings")
    a = ap.parse_args()
    if a.synthetic:
        synthetic(a.synthetic)
    elif a.paths:
        read_vs_ingest(a.paths, a.pipeline, a.repeat)
    else:
        ap.error("give a FOLDER of articles or --synthetic N")


if __name__ == "__main__":
    main()

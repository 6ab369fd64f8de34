"""`kroniek ingest --cluster ADDRESS`: read on a Dask cluster into Parquet, then store those readings.

The Parquet folder is kept (it is the archive's readings, queryable on its own), so an interrupted
ingest run again skips the partitions already read, and the store skips the articles already stored.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kroniek.scale.distributed import batch
from kroniek.scale.parquet import iter_readings


def default_parquet_dir(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".parquet")


def ingest_on_cluster(
    db: str | Path,
    paths: Iterable[str | Path],
    cluster: str | None = None,
    local: int | None = None,
    out: str | Path | None = None,
    partition_size: int = 256,
    wait: float = 0.0,
    batch_size: int = 64,
    on_batch: Callable[[Any], None] | None = None,
    warn: Callable[[str], None] | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """Read `paths` on the cluster (or a local one of `local` workers) into `out`, then add them to `db`;
    `country`: the home country of articles whose input gives none."""
    from kroniek.db import Chronicle

    out = Path(out) if out is not None else default_parquet_dir(db)
    kwargs = {"warn": warn} if warn is not None else {}
    run = batch(paths, out, cluster=cluster, local=local, partition_size=partition_size, country=country, **kwargs)
    with Chronicle(db, wait=wait, batch_size=batch_size) as chron:
        stats = chron.add_readings(iter_readings(out, keys=run.keys), on_batch=on_batch)
    stats["batch"] = run.as_dict()
    stats["parquet"] = str(out)
    return stats

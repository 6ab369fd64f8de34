"""Reading an archive on a Dask cluster: input partitions go to the workers, Parquet comes out.

The driver reads the input and cuts it into partitions of `partition_size` articles; each partition is
one Dask task that reads its articles with the worker's pipeline (built once per worker process) and
writes date-partitioned Parquet (see `kroniek.scale.parquet`). The output folder must be one that every
worker can write (a shared file system). Dask retries a task whose worker died or that failed; a
partition whose done marker exists is skipped, so a re-run only does what is missing.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.diagnostics import warn as _warn
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.scale.parallel import chunked, read_chunk
from kroniek.scale.parquet import is_done, partition_key, write_partition

Item = Article | ArticleError

# One pipeline run at a time per worker process: the models are not shared across threads, and the
# GIL would gain nothing from it. Run workers with one thread each (`--nthreads 1`).
_PIPELINE_LOCK = threading.Lock()


@dataclass(slots=True)
class BatchStats:
    partitions: int = 0  # written by this run
    skipped: int = 0  # already written by an earlier run
    failed: int = 0  # still failing after the retries
    articles: int = 0
    errors: int = 0
    events: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # every input partition of this run, written or skipped

    def as_dict(self) -> dict[str, Any]:
        return {"partitions": self.partitions, "skipped": self.skipped, "failed": self.failed,
                "articles": self.articles, "errors": self.errors, "events": self.events,
                "seconds": round(self.seconds, 3), "failures": self.failures[:20]}


def read_partition(items: list[Item], out: str, key: str, names: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The task a worker runs: read one input partition and write its Parquet files."""
    with _PIPELINE_LOCK:
        shipped = read_chunk(items, names=names)
    readings = [data if data is not None else {"id": id_, "error": error} for id_, data, error, _ in shipped]
    return write_partition(readings, out, key)


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    client: Any,
    partition_size: int = 256,
    pretokenized: bool = False,
    in_flight: int | None = None,
    retries: int = 2,
    names: Sequence[str] | None = None,
    warn: Callable[[str], None] = _warn,
    country: str | None = None,
) -> BatchStats:
    """Read everything under `paths` on the cluster behind `client` (a `distributed.Client`) into `out`;
    `country` is the home country of articles whose input gives none (see `kroniek read --country`)."""
    from distributed import as_completed

    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    stats = BatchStats()
    key_names = tuple(names) if names is not None else None
    started = time.perf_counter()
    # enough partitions queued to keep every worker thread busy, few enough to keep the driver's memory flat
    threads = sum(client.nthreads().values()) or 1
    limit = max(2, in_flight or 2 * threads)
    running = as_completed()

    def collect(fut: Any) -> None:
        try:
            summary = fut.result()
        except Exception as e:  # after Dask's retries: report it, keep going; a re-run tries it again
            stats.failed += 1
            stats.failures.append(f"partition {fut.key}: {type(e).__name__}: {e}")
            warn(f"partition {fut.key} failed: {type(e).__name__}: {e}")
            return
        stats.partitions += 1
        stats.articles += summary["articles"]
        stats.errors += summary["errors"]
        stats.events += summary["events"]

    for part in chunked(iter_articles(paths, pretokenized=pretokenized, warn=warn, country=country), partition_size):
        key = partition_key(part, salt=",".join(key_names) if key_names is not None else "")
        stats.keys.append(key)
        if is_done(out, key):
            stats.skipped += 1
            continue
        running.add(client.submit(read_partition, part, str(out), key, key_names, key=f"kroniek-part-{key}",
                                  retries=retries, pure=False))
        while running.count() >= limit:
            collect(next(running))
    for fut in running:
        collect(fut)
    stats.seconds = time.perf_counter() - started
    return stats


# Dask's statistical profiler samples every worker thread's stack every 10 ms: on a pure-Python pipeline that
# costs a good share of the CPU (about a fifth of a partition's reading time, measured). Workers of our local clusters run without it; for other clusters
# set DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False in the workers' environment (see README).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def worker_environ() -> dict[str, Any]:
    """The environment nannies give the workers they start: Dask's, without MALLOC_TRIM_THRESHOLD_=65536.
    That setting makes glibc hand memory back to the system at every turn; the models allocate and free
    small arrays all the time, and a worker read a tenth to two thirds fewer words per CPU second with it
    (10 reference articles: 1.4-1.55 CPU s with it, 0.93-1.19 s without, 0.87 s in a plain process)."""
    import dask

    env = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {})
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    return env


def local_cluster(workers: int, memory_limit: str | None = None) -> Any:
    """A `distributed.LocalCluster` of single-threaded worker processes, quiet and without a dashboard."""
    import dask
    from distributed import LocalCluster

    config = {**WORKER_CONFIG, "distributed.nanny.pre-spawn-environ": worker_environ()}
    with dask.config.set(config):  # the nannies hand this config to the worker processes they start
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            memory_limit=memory_limit or "auto", silence_logs=40)


def connect(address: str | None = None, local: int | None = None) -> tuple[Any, Any]:
    """(client, cluster): a client of the scheduler at `address`, else of a new local cluster (closed by caller)."""
    from distributed import Client

    if address:
        return Client(address), None
    cluster = local_cluster(local or 1)
    return Client(cluster), cluster


def batch(
    paths: Iterable[str | Path],
    out: str | Path,
    cluster: str | None = None,
    local: int | None = None,
    partition_size: int = 256,
    pretokenized: bool = False,
    warn: Callable[[str], None] = _warn,
    country: str | None = None,
) -> BatchStats:
    """`kroniek batch`: on the scheduler at `cluster`, else on a local cluster of `local` workers (all cores)."""
    client, owned = connect(cluster, local or os.cpu_count() or 1)
    try:
        return run_batch(paths, out, client, partition_size=partition_size, pretokenized=pretokenized, warn=warn,
                         country=country)
    finally:
        client.close()
        if owned is not None:
            owned.close()

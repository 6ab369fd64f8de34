"""Reading on all cores of one machine: worker processes, one pipeline load each, results in input order.

The parent process reads the input (cheap) and hands chunks of articles to a process pool; each
worker builds the pipeline once, reads its chunk and sends back the readings as plain dicts, so
converting documents to JSON also happens in parallel. At most `in_flight` chunks are out at any
time, which keeps memory flat however large the input.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from kroniek.diagnostics import warn as _warn
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.pipeline import Pipeline, default_pipeline
from kroniek.reader import Result, read_paths

Item = Article | ArticleError
# Chunks a worker reads before it is replaced by a fresh one. The models' string tables grow with every new
# word they see, so a worker that lived forever would grow with the input; a reload every few thousand
# articles costs well under 1% and keeps memory flat.
RECYCLE = 400
# What a worker sends back per article: (id, reading or None, error or None, CoNLL-U or None).
Shipped = tuple[str, "dict[str, Any] | None", "str | None", "str | None"]


@dataclass(slots=True)
class ShippedResult(Result):
    """A Result read in another process: it carries the reading dict (and CoNLL-U text if asked), not the document."""

    data: dict[str, Any] | None = None
    conllu: str | None = None
    warnings: list[str] = field(default_factory=list)

    def reading(self) -> dict[str, Any]:
        if self.data is None:
            return {"id": self.id, "error": self.error}
        return self.data

    @classmethod
    def from_shipped(cls, item: Shipped) -> ShippedResult:
        id_, data, error, conllu = item
        warnings = list(data.get("warnings", [])) if data is not None else []
        return cls(id_, error=error, data=data, conllu=conllu, warnings=warnings)


def _context() -> multiprocessing.context.BaseContext:
    # fork would copy the parent's threads and half-loaded models; forkserver starts clean and is cheaper than spawn
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


@lru_cache(maxsize=8)
def pipeline(names: tuple[str, ...] | None = None) -> Pipeline:
    """This process's pipeline: the default one, or one of the named components; built once per process."""
    return default_pipeline() if names is None else Pipeline(names)


def _init_worker(names: tuple[str, ...] | None) -> None:
    pipeline(names)  # load the models once per worker, before the first chunk arrives


def read_chunk(items: list[Item], conllu: bool = False, names: tuple[str, ...] | None = None) -> list[Shipped]:
    """Read a chunk of articles with this process's pipeline; never raises for one bad article."""
    from kroniek.output.conllu import to_conllu
    from kroniek.reader import read_articles

    nlp = pipeline(names)
    out: list[Shipped] = []
    for res in read_articles(items, nlp):
        if res.doc is None:
            out.append((res.id, None, res.error, None))
            continue
        try:
            out.append((res.id, res.reading(), None, to_conllu(res.doc) if conllu else None))
        except Exception as e:  # a bug in one writer on one article must not lose the rest of the chunk
            out.append((res.id, None, f"internal error: {type(e).__name__}: {e}", None))
    return out


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


class _Pool:
    """A process pool that is rebuilt when a worker dies, so one crash costs a retry, not the batch."""

    def __init__(self, workers: int, names: tuple[str, ...] | None = None, recycle: int | None = RECYCLE):
        self.workers = workers
        self.names = names
        self.recycle = recycle
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init_worker,
                                       initargs=(self.names,), max_tasks_per_child=self.recycle)
        # an empty chunk proves a worker can start and load the pipeline; if it cannot, every article
        # would fail the same way, so say so once instead of retrying each one
        try:
            executor.submit(read_chunk, [], False, self.names).result()
        except BrokenProcessPool as e:
            executor.shutdown(wait=False, cancel_futures=True)
            raise RuntimeError(f"kroniek worker processes cannot start (see the errors above): {e}") from e
        return executor

    def submit(self, chunk: list[Item], conllu: bool) -> tuple[ProcessPoolExecutor, Future]:
        try:
            return self.executor, self.executor.submit(read_chunk, chunk, conllu, self.names)
        except BrokenProcessPool:
            self.restart(self.executor)
            return self.executor, self.executor.submit(read_chunk, chunk, conllu, self.names)

    def restart(self, broken: ProcessPoolExecutor) -> None:
        """Replace the executor, unless an earlier failure already did."""
        if broken is self.executor:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


Pending = tuple[list[Item], ProcessPoolExecutor, Future]


def _collect(pool: _Pool, pending: Pending, conllu: bool) -> list[Shipped]:
    chunk, executor, fut = pending
    try:
        return fut.result()
    except BrokenProcessPool:
        pool.restart(executor)
    # A worker died (killed, out of memory, a crash in native code). Every chunk in flight fails with it,
    # so this one may be innocent: retry its articles one by one; one that kills its worker again gets
    # an error in its place.
    out: list[Shipped] = []
    for item in chunk:
        executor, fut = pool.submit([item], conllu)
        try:
            out.extend(fut.result())
        except BrokenProcessPool:
            pool.restart(executor)
            out.append((item.id, None, "internal error: the worker process died while reading this article", None))
    return out


def read_parallel(
    paths: Iterable[str | Path],
    workers: int,
    pretokenized: bool = False,
    chunk_size: int = 16,
    *,
    conllu: bool = False,
    in_flight: int | None = None,
    names: Sequence[str] | None = None,
    warn=_warn,
    country: str | None = None,
) -> Iterator[Result]:
    """Read every article under `paths` on `workers` processes; results in input order, errors in place.

    With `workers <= 1` it reads in this process (the same results, documents included). `conllu=True`
    makes workers also render CoNLL-U (ShippedResult.conllu), as documents do not cross processes.
    `names` picks pipeline components (default: the default pipeline); `country` is the home country of
    articles whose input gives none.
    """
    key = tuple(names) if names is not None else None
    if workers <= 1:
        yield from read_paths(paths, pretokenized=pretokenized, warn=warn, pipeline=pipeline(key), country=country)
        return
    items = iter_articles(paths, pretokenized=pretokenized, warn=warn, country=country)
    yield from read_items_parallel(items, workers, chunk_size, conllu=conllu, in_flight=in_flight, names=key)


def read_items_parallel(
    items: Iterable[Item],
    workers: int,
    chunk_size: int = 16,
    *,
    conllu: bool = False,
    in_flight: int | None = None,
    names: Sequence[str] | None = None,
) -> Iterator[ShippedResult]:
    """Articles (or input errors) in, results out in the same order; pulls at most `in_flight` chunks ahead."""
    limit = max(1, in_flight or 2 * workers)
    pool = _Pool(max(1, workers), tuple(names) if names is not None else None)
    try:
        pending: deque[Pending] = deque()
        for chunk in chunked(items, chunk_size):
            pending.append((chunk, *pool.submit(chunk, conllu)))
            while len(pending) >= limit:
                yield from map(ShippedResult.from_shipped, _collect(pool, pending.popleft(), conllu))
        while pending:
            yield from map(ShippedResult.from_shipped, _collect(pool, pending.popleft(), conllu))
    finally:
        pool.close()

"""`Chronicle.ingest`: read articles (one process or several) and store them, with a progress bar on stderr."""
from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kroniek.diagnostics import warn as _warn
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.input.sources import expand
from kroniek.store.rows import content_hash

if TYPE_CHECKING:
    from kroniek.db import Chronicle


def count_articles(paths: list[str]) -> int:
    """How many articles the paths hold (cheap: files are counted, not read, except JSON Lines' lines)."""
    n = 0
    for p in expand(paths, warn=lambda _m: None):
        if isinstance(p, Path) and p.suffix.lower() == ".jsonl":
            try:
                with p.open("rb") as f:
                    n += sum(1 for line in f if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def article_hash(a: Article) -> str:
    return content_hash({"text": a.text, "date": a.date.given if a.date else None, "title": a.title,
                         "url": a.url, "source": a.source})


class _Skipper:
    """Drops articles whose content is already stored before they are read (re-runs cost almost nothing)."""

    def __init__(self, stored: set[str]):
        self.stored = stored
        self.skipped = 0

    def __call__(self, items: Iterable[Article | ArticleError]) -> Iterator[Article | ArticleError]:
        for it in items:
            if isinstance(it, Article) and article_hash(it) in self.stored:
                self.skipped += 1
                continue
            yield it


def _results(items: Iterable[Article | ArticleError], workers: int, names: Sequence[str] | None) -> Iterator[Any]:
    from kroniek.reader import Result

    it = iter(items)
    head: list[Article | ArticleError] = []
    for item in it:
        head.append(item)
        if isinstance(item, Article):
            break
    else:  # nothing new to read: a re-run over a stored archive never loads the models
        for err in head:
            yield Result(err.id, error=err.error)
        return
    items = chain(head, it)
    if workers > 1:
        from kroniek.scale.parallel import read_items_parallel

        yield from read_items_parallel(items, workers, names=names)
        return
    from kroniek.pipeline import Pipeline
    from kroniek.reader import read_articles

    yield from read_articles(items, Pipeline(names) if names is not None else None)


def ingest_with_progress(chron: Chronicle, paths: list[str], workers: int, progress: bool,
                         names: Sequence[str] | None = None, on_batch: Any = None,
                         country: str | None = None) -> dict[str, Any]:
    stored = {h for (h,) in chron.con.execute("SELECT hash FROM articles").fetchall()}
    skip = _Skipper(stored)
    items = skip(iter_articles(paths, warn=_warn, country=country))
    readings = (r.reading() for r in _results(items, workers, names))
    t0 = time.perf_counter()
    if not progress:
        stats = chron.add_readings(readings, on_batch=on_batch)
    else:
        stats = _with_bar(chron, paths, readings, skip)
    stats["duplicates"] += skip.skipped
    stats["seconds"] = round(time.perf_counter() - t0, 3)
    return stats


def _with_bar(chron: Chronicle, paths: list[str], readings: Iterator[dict[str, Any]], skip: _Skipper) -> dict:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    total = count_articles(paths)
    cols = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
            TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[rate]} art/s"),
            TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*cols, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, events=0, rate="-")
        seen = {"n": 0, "events": 0}
        t0 = time.perf_counter()

        def counted() -> Iterator[dict[str, Any]]:
            for r in readings:
                seen["n"] += 1
                seen["events"] += len(r.get("events") or [])
                done = seen["n"] + skip.skipped
                rate = seen["n"] / max(1e-9, time.perf_counter() - t0)
                bar.update(task, completed=done, events=seen["events"], rate=f"{rate:.1f}")
                yield r
            bar.update(task, completed=seen["n"] + skip.skipped)

        return chron.add_readings(counted())


def iter_reading_files(paths: list[Path]) -> Iterator[dict[str, Any]]:
    """Readings from JSON Lines files (`kroniek read` output; `-` is stdin) or `kroniek batch` folders, in order.

    A line that is not a JSON object becomes an error reading, so it is reported and the rest goes on."""
    import json

    for path in paths:
        if path.is_dir():
            from kroniek.scale.parquet import iter_readings

            yield from iter_readings(path)
            continue
        try:
            f = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
        except OSError as e:
            yield {"id": path.stem or str(path), "error": f"{path}: {e.strerror or e}"}
            continue
        with f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    reading = json.loads(line)
                except json.JSONDecodeError as e:
                    yield {"id": f"{path.name}:{n}", "error": f"{path}, line {n}: not JSON ({e.msg})"}
                    continue
                if not isinstance(reading, dict):
                    yield {"id": f"{path.name}:{n}", "error": f"{path}, line {n}: not a JSON object"}
                    continue
                yield reading

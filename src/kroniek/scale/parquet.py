"""Readings as date-partitioned Parquet that DuckDB (or any engine) queries directly.

Layout under DIR (Hive partitioning, so `read_parquet('DIR/articles/**/*.parquet', hive_partitioning=true)`
gives `year` and `month` columns):

    DIR/articles/year=2020/month=9/part-<key>.parquet   one row per article: flat columns + the reading JSON
    DIR/events/year=2020/month=9/part-<key>.parquet     one row per event
    DIR/_done/<key>.json                                 written last: the partition is complete

`<key>` is a content hash of the input partition, so a re-run skips partitions already written and a
partition rewritten after a crash replaces its own files instead of adding new ones. Articles without a
date (and unreadable ones) go to year=0/month=0. Every file is written to a hidden temporary name and
renamed into place, so readers never see half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kroniek.dates import BadDate, parse_doc_date
from kroniek.input import Article, ArticleError
from kroniek.reading import SCHEMA_VERSION

FORMAT = 1  # of this layout; part of every partition key, so a new layout never skips old partitions

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("seq", pa.int32()),  # position in the input partition
    ("part", pa.string()),
    ("date", pa.string()),  # as given
    ("date_earliest", pa.date32()),
    ("date_latest", pa.date32()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("language", pa.string()),
    ("error", pa.string()),
    ("n_sentences", pa.int32()),
    ("n_tokens", pa.int32()),
    ("n_entities", pa.int32()),
    ("n_times", pa.int32()),
    ("n_quantities", pa.int32()),
    ("n_events", pa.int32()),
    ("reading", pa.string()),  # the whole reading as JSON: iter_readings gives it back unchanged
])

EVENTS = pa.schema([
    ("article_id", pa.string()),
    ("seq", pa.int32()),
    ("event_id", pa.string()),
    ("date", pa.string()),
    ("sentence", pa.int32()),
    ("trigger", pa.string()),
    ("plover", pa.string()),
    ("plover_mode", pa.string()),
    ("cameo", pa.string()),
    ("news_type", pa.string()),
    ("goldstein", pa.float64()),
    ("quadclass", pa.int32()),
    ("source_actor", pa.string()),
    ("source_entity", pa.string()),
    ("source_text", pa.string()),
    ("target_actor", pa.string()),
    ("target_entity", pa.string()),
    ("target_text", pa.string()),
    ("location", pa.string()),
    ("time_value", pa.string()),
    ("time_earliest", pa.string()),
    ("time_latest", pa.string()),
    ("modality", pa.string()),
    ("event", pa.string()),  # the event as JSON
])


def partition_key(items: Iterable[Article | ArticleError], salt: str = "") -> str:
    """A content hash of an input partition: the same articles in the same order give the same key."""
    from kroniek import __version__

    h = hashlib.sha256(f"kroniek {__version__} reading {SCHEMA_VERSION} parquet {FORMAT} {salt}\n".encode())
    for it in items:
        if isinstance(it, ArticleError):
            fields: list[Any] = ["error", it.id, it.error]
        else:
            fields = ["article", it.id, it.text, it.date.given if it.date else None, it.title, it.url, it.source,
                      it.language, it.pretokenized]
            if it.country is not None:  # a home country changes the reading (keys without one stay as they were)
                fields.append(it.country)
        h.update(json.dumps(fields, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()[:32]


def date_partition(reading: dict[str, Any]) -> tuple[int, int]:
    """(year, month) of the article's date; (0, 0) when it has none or it cannot be read."""
    try:
        d = parse_doc_date(reading.get("date"))
    except BadDate:
        return 0, 0
    return (d.earliest.year, d.earliest.month) if d is not None else (0, 0)


def _text(arg: dict[str, Any] | None, field: str) -> Any:
    return arg.get(field) if isinstance(arg, dict) else None


def _article_row(reading: dict[str, Any], seq: int, key: str) -> dict[str, Any]:
    try:
        d = parse_doc_date(reading.get("date"))
    except BadDate:
        d = None
    sents = reading.get("sentences") or []
    return {
        "article_id": str(reading.get("id")),
        "seq": seq,
        "part": key,
        "date": reading.get("date"),
        "date_earliest": d.earliest if d else None,
        "date_latest": d.latest if d else None,
        "title": reading.get("title"),
        "url": reading.get("url"),
        "source": reading.get("source"),
        "language": reading.get("language"),
        "error": reading.get("error"),
        "n_sentences": len(sents),
        "n_tokens": sum(len(s.get("tokens") or []) for s in sents),
        "n_entities": len(reading.get("entities") or []),
        "n_times": len(reading.get("times") or []),
        "n_quantities": len(reading.get("quantities") or []),
        "n_events": len(reading.get("events") or []),
        "reading": json.dumps(reading, ensure_ascii=False),
    }


def _event_rows(reading: dict[str, Any], seq: int) -> Iterator[dict[str, Any]]:
    for ev in reading.get("events") or []:
        time = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        src, tgt = ev.get("source"), ev.get("target")
        yield {
            "article_id": str(reading.get("id")),
            "seq": seq,
            "event_id": ev.get("id"),
            "date": reading.get("date"),
            "sentence": ev.get("sentence"),
            "trigger": _text(ev.get("trigger"), "text"),
            "plover": ev.get("plover"),
            "plover_mode": ev.get("plover_mode"),
            "cameo": ev.get("cameo"),
            "news_type": ev.get("news_type"),
            "goldstein": ev.get("goldstein"),
            "quadclass": ev.get("quadclass"),
            "source_actor": _text(src, "actor"),
            "source_entity": _text(src, "entity"),
            "source_text": _text(src, "text"),
            "target_actor": _text(tgt, "actor"),
            "target_entity": _text(tgt, "entity"),
            "target_text": _text(tgt, "text"),
            "location": _text(ev.get("location"), "text"),
            "time_value": time.get("value"),
            "time_earliest": time.get("earliest"),
            "time_latest": time.get("latest"),
            "modality": ev.get("modality"),
            "event": json.dumps(ev, ensure_ascii=False),
        }


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def done_marker(out: str | Path, key: str) -> Path:
    return Path(out) / "_done" / f"{key}.json"


def is_done(out: str | Path, key: str) -> bool:
    return done_marker(out, key).exists()


def write_partition(readings: list[dict[str, Any]], out: str | Path, key: str) -> dict[str, Any]:
    """Write one input partition's readings, split by date; the done marker goes last."""
    out = Path(out)
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for seq, r in enumerate(readings):
        by_month[date_partition(r)].append(seq)
    files: list[str] = []
    n_events = 0
    for (year, month), seqs in sorted(by_month.items()):
        folder = Path(f"year={year}") / f"month={month}"
        arts = [_article_row(readings[s], s, key) for s in seqs]
        _write_atomic(pa.Table.from_pylist(arts, schema=ARTICLES), out / "articles" / folder / f"part-{key}.parquet")
        files.append(str(Path("articles") / folder / f"part-{key}.parquet"))
        evs = [row for s in seqs for row in _event_rows(readings[s], s)]
        if evs:
            n_events += len(evs)
            _write_atomic(pa.Table.from_pylist(evs, schema=EVENTS), out / "events" / folder / f"part-{key}.parquet")
            files.append(str(Path("events") / folder / f"part-{key}.parquet"))
    summary = {
        "key": key,
        "articles": len(readings),
        "errors": sum(1 for r in readings if r.get("error")),
        "events": n_events,
        "files": files,
    }
    marker = done_marker(out, key)
    marker.parent.mkdir(parents=True, exist_ok=True)
    tmp = marker.parent / f".{marker.name}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(json.dumps(summary), encoding="utf-8")
    os.replace(tmp, marker)
    return summary


def _part_files(out: Path, table: str) -> list[Path]:
    def order(p: Path) -> tuple[int, int, str]:
        year = int(p.parent.parent.name.split("=", 1)[1])
        month = int(p.parent.name.split("=", 1)[1])
        return year, month, p.name

    return sorted((out / table).glob("year=*/month=*/part-*.parquet"), key=order)


def iter_readings(out: str | Path, errors: bool = True, batch_size: int = 256,
                  keys: Collection[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every reading stored under `out`, by date partition, then partition file, then input order.

    Streams record batches, so memory stays flat however large the folder. With `errors=False`
    readings that are errors (`{"id": ..., "error": ...}`) are left out; with `keys`, only those
    input partitions are read.
    """
    out = Path(out)
    if not out.is_dir():
        raise FileNotFoundError(f"{out}: no such folder of kroniek Parquet output")
    wanted = {f"part-{k}.parquet" for k in keys} if keys is not None else None
    for path in _part_files(out, "articles"):
        if wanted is not None and path.name not in wanted:
            continue
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=batch_size, columns=["error", "reading"]):
            # rows were written in input order
            for err, text in zip(batch.column("error").to_pylist(), batch.column("reading").to_pylist(), strict=True):
                if err is not None and not errors:
                    continue
                yield json.loads(text)

"""The chronicle's subcommands (ingest, search, events, dyad, ...): parse arguments, call `Chronicle`, print."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kroniek.cli.common import component_names, country_code
from kroniek.cli.common import warn as _warn
from kroniek.db import DEFAULT_PATH


def _open(args: argparse.Namespace, read_only: bool):
    from kroniek.db import Chronicle

    return Chronicle(args.db, read_only=read_only, wait=getattr(args, "wait", 0.0))


def _print_frame(df: Any, fmt: str) -> None:
    if fmt == "json":
        for rec in df.to_dict(orient="records"):
            print(json.dumps(rec, ensure_ascii=False, default=str))
    elif fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 60):
            print(df.to_string(index=False) if len(df) else "(nothing found)")


def _run(fn) -> Any:
    from kroniek.db import ChronicleError
    from kroniek.store.queries import QueryError

    def handler(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except (ChronicleError, QueryError) as e:
            _warn(str(e))
            return 2
        except BrokenPipeError:
            raise  # `kroniek events | head`: main() ends quietly
        except OSError as e:  # e.g. no reading model installed, an unreadable input the reader did not catch
            _warn(f"{args.command}: {e}")
            return 2
    return handler


def cmd_ingest(args: argparse.Namespace) -> int:
    progress = not args.quiet and not args.readings and sys.stderr.isatty()

    def report(st: Any) -> None:
        # one line per committed batch when there is no bar: what a log (or a test) can follow
        if not args.quiet and not progress:
            _warn(f"committed {st.articles} articles, {st.mentions} event reports ({st.duplicates} already stored)")

    names = component_names(args.components)
    from kroniek.db import Chronicle

    with Chronicle(args.db, wait=args.wait, batch_size=args.batch_size) as db:
        if args.readings:
            stats = db.ingest_readings(args.paths, on_batch=report)
        else:
            stats = db.ingest(args.paths, workers=args.workers, progress=progress, names=names, on_batch=report,
                              country=args.country)
    for doc_id in stats.get("error_ids", [])[:20]:
        _warn(f"not stored (its reading is an error, see the errors table): {doc_id}")
    summary = {k: v for k, v in stats.items() if k != "error_ids"}
    print(json.dumps(summary))
    if stats["articles"] + stats["duplicates"] == 0 and stats["errors"] > 0:
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        _print_frame(db.search(args.query, limit=args.limit, offset=args.offset), args.format)
    return 0


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("actor", "source", "target", "plover", "cameo", "news_type", "quadclass", "start", "end", "place",
            "article_id")
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) not in (None, "")}


def cmd_events(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        df = db.events(limit=args.limit, offset=args.offset, **_filters(args))
    if args.format == "table":
        df = df[["event_id", "day", "earliest", "latest", "cameo", "plover", "news_type", "quadclass",
                 "source_actor", "target_actor", "location_name", "num_mentions", "num_articles"]]
    _print_frame(df, args.format)
    return 0


def cmd_dyad(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        _print_frame(db.dyad(args.source, args.target, by=args.by, both=args.both), args.format)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        f = _filters(args)
        f.pop("actor", None)
        _print_frame(db.timeline(args.actor, by=args.by, **f), args.format)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        _print_frame(db.actors(top=args.top, **_filters(args)), args.format)
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        _print_frame(db.entities(args.query, type=args.type, limit=args.limit), args.format)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        n = db.export(args.output, format=args.to, **_filters(args))
    _warn(f"{n} events written to {args.output}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as db:
        print(json.dumps(db.stats(), indent=2))
    return 0


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_PATH, metavar="FILE",
                   help=f"chronicle database file (default: {DEFAULT_PATH} in the current folder)")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="while another process holds the database, wait this long before giving up")


def _paging(p: argparse.ArgumentParser, limit: int) -> None:
    p.add_argument("--limit", type=int, default=limit)
    p.add_argument("--offset", type=int, default=0)


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")


def _event_filters(p: argparse.ArgumentParser, actor: bool = True) -> None:
    if actor:
        p.add_argument("--actor", help="CAMEO actor code prefix (RUS matches RUSGOV) or entity id, either side")
    p.add_argument("--source", help="source actor code prefix or entity id")
    p.add_argument("--target", help="target actor code prefix or entity id")
    p.add_argument("--plover", help="PLOVER type (AGREE, PROTEST, ...)")
    p.add_argument("--cameo", help="CAMEO event code prefix (03 matches 0331)")
    p.add_argument("--news-type", dest="news_type", help="news type (Conflict or Conflict.Attack)")
    p.add_argument("--quadclass", type=int, choices=[1, 2, 3, 4])
    p.add_argument("--start", help="first day (YYYY-MM-DD)")
    p.add_argument("--end", help="last day (YYYY-MM-DD)")
    p.add_argument("--place", help="part of the place name, or a place entity id")
    p.add_argument("--article", dest="article_id", help="events reported in this article")


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles and store them in the chronicle database")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files or folders")
    _db(p)
    p.add_argument("--workers", type=int, default=1, help="reading processes (default 1)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--readings", action="store_true",
                   help="PATHs hold readings made elsewhere: JSON Lines of `kroniek read`, or `kroniek batch` folders")
    p.add_argument("--components", metavar="A,B", help="pipeline components to run (default: all)")
    p.add_argument("--country", type=country_code, metavar="ISO3",
                   help="home country of the archive (NLD, BEL) for articles that name none (see `kroniek read`)")
    p.add_argument("--batch-size", type=int, default=64, metavar="N",
                   help="articles per transaction (a kill loses at most one batch, which a re-run redoes)")
    p.set_defaults(func=_run(cmd_ingest))

    p = sub.add_parser("search", help="full-text search over stored articles (Dutch stemming, compounds)")
    p.add_argument("query")
    _db(p)
    _out(p)
    _paging(p, 20)
    p.set_defaults(func=_run(cmd_search))

    p = sub.add_parser("events", help="stored events, filtered")
    _db(p)
    _out(p)
    _event_filters(p)
    _paging(p, 100)
    p.set_defaults(func=_run(cmd_events))

    p = sub.add_parser("dyad", help="events from SOURCE to TARGET over time (counts per QuadClass, Goldstein)")
    p.add_argument("source", metavar="SOURCE", help="actor code prefix or entity id (e.g. RUS)")
    p.add_argument("target", metavar="TARGET")
    _db(p)
    _out(p)
    p.add_argument("--by", choices=["day", "week", "month", "year"], default="week")
    p.add_argument("--both", action="store_true", help="count both directions")
    p.set_defaults(func=_run(cmd_dyad))

    p = sub.add_parser("timeline", help="events of an actor or entity over time")
    p.add_argument("actor", nargs="?", metavar="ACTOR", help="actor code prefix or entity id (default: all)")
    _db(p)
    _out(p)
    p.add_argument("--by", choices=["day", "week", "month", "year"], default="day")
    _event_filters(p, actor=False)
    p.set_defaults(func=_run(cmd_timeline))

    p = sub.add_parser("actors", help="the actors in most events")
    _db(p)
    _out(p)
    p.add_argument("--top", type=int, default=20)
    _event_filters(p)
    p.set_defaults(func=_run(cmd_actors))

    p = sub.add_parser("entities", help="the entity registry (one entry per real-world entity across articles)")
    p.add_argument("query", nargs="?", help="part of the name, an entity id or an actor code prefix")
    _db(p)
    _out(p)
    p.add_argument("--type", choices=["PER", "ORG", "LOC", "MISC"])
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=_run(cmd_entities))

    p = sub.add_parser("export", help="write events as JSON Lines, CSV, Parquet or GDELT 2.0 event TSV")
    p.add_argument("output", metavar="FILE")
    _db(p)
    p.add_argument("--to", choices=["jsonl", "csv", "parquet", "gdelt"], default="jsonl", help="file format")
    _event_filters(p)
    p.set_defaults(func=_run(cmd_export))

    p = sub.add_parser("stats", help="what the chronicle holds")
    _db(p)
    p.set_defaults(func=_run(cmd_stats))


def add_ingest_cluster(sub: argparse._SubParsersAction) -> None:
    """`kroniek ingest --cluster ADDRESS`: the store's ingest, read on a Dask cluster (kroniek.scale.ingest)."""
    p = sub.choices.get("ingest")
    if p is None:
        return
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="read on the Dask scheduler at ADDRESS into Parquet (see --parquet), then store it")
    p.add_argument("--parquet", metavar="DIR", help="Parquet folder for --cluster (default: DB file name + .parquet)")
    p.add_argument("--partition-size", type=int, default=256, metavar="N", help="articles per cluster task")
    store_ingest = p.get_default("func")

    def cmd_ingest(args: argparse.Namespace) -> int:
        if not args.cluster:
            return store_ingest(args)
        from kroniek.db import ChronicleError
        from kroniek.scale.ingest import ingest_on_cluster

        try:
            stats = ingest_on_cluster(args.db, args.paths, cluster=args.cluster, out=args.parquet,
                                      partition_size=args.partition_size, wait=args.wait,
                                      batch_size=args.batch_size, warn=_warn, country=args.country)
        except (ChronicleError, OSError) as e:  # OSError: the scheduler cannot be reached
            _warn(str(e))
            return 2
        print(json.dumps({k: v for k, v in stats.items() if k != "error_ids"}, ensure_ascii=False))
        return 1 if stats["batch"]["failed"] else 0

    p.set_defaults(func=cmd_ingest)

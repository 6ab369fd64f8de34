"""`kroniek batch`: read an archive on a Dask cluster into Parquet."""
from __future__ import annotations

import argparse
import json

from kroniek.cli.common import country_code
from kroniek.cli.common import warn as _warn


def cmd_batch(args: argparse.Namespace) -> int:
    from kroniek.scale.distributed import batch

    try:
        stats = batch(args.paths, args.out, cluster=args.cluster, local=args.local,
                      partition_size=args.partition_size, pretokenized=args.pretokenized, warn=_warn,
                      country=args.country)
    except OSError as e:  # the scheduler cannot be reached, or the output folder cannot be made
        _warn(str(e))
        return 2
    print(json.dumps(stats.as_dict(), ensure_ascii=False))
    if stats.failed:
        _warn(f"{stats.failed} partition(s) failed; run the same command again to retry them")
        return 1
    return 0


def add_batch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="read an archive on a Dask cluster into date-partitioned Parquet")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files or folders")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (shared by all workers)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--cluster", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a local Dask cluster of N workers (default: all cores)")
    p.add_argument("--partition-size", type=int, default=256, metavar="N",
                   help="articles per partition (keep it the same when re-running to skip written partitions)")
    p.add_argument("--pretokenized", action="store_true")
    p.add_argument("--country", type=country_code, metavar="ISO3",
                   help="home country of the archive (NLD, BEL) for articles that name none (see `kroniek read`)")
    p.set_defaults(func=cmd_batch)

"""The `kroniek` command: parses arguments and calls the library; nothing else happens here."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]


def _warn(msg: str) -> None:
    print(f"kroniek: {msg}", file=sys.stderr)


# ---------------------------------------------------------------- read / show

def cmd_read(args: argparse.Namespace) -> int:
    from kroniek.output.conllu import to_conllu
    from kroniek.reader import read_paths

    fmt = args.format
    out = sys.stdout
    ok = total = 0
    pretty_console = None
    if fmt == "pretty":
        from rich.console import Console

        from kroniek.output.pretty import print_reading

        pretty_console = Console()
    if getattr(args, "workers", 1) > 1:
        from kroniek.scale.parallel import read_parallel

        results = read_parallel(args.paths, args.workers, pretokenized=args.pretokenized, conllu=fmt == "conllu")
    else:
        results = read_paths(args.paths, pretokenized=args.pretokenized)
    for res in results:
        total += 1
        if res.ok:
            ok += 1
        else:
            _warn(f"{res.id}: {res.error}")
        if fmt == "conllu":
            if res.doc is not None:
                out.write(to_conllu(res.doc))
            elif res.ok:  # read in a worker process, which rendered it there
                out.write(getattr(res, "conllu", None) or "")
            else:
                out.write(f"# doc_id = {res.id}\n# error = {res.error}\n\n")
        elif fmt == "pretty":
            print_reading(res.reading(), pretty_console)
        else:
            out.write(json.dumps(res.reading(), ensure_ascii=False) + "\n")
        out.flush()
    if total == 0:
        _warn("no input")
        return 1
    if ok == 0:
        return 1
    return 0


def _add_read(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("read", help="read articles and print their readings (JSON Lines by default)")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files or folders")
    p.add_argument("--format", choices=["json", "conllu", "pretty"], default="json")
    p.add_argument("--pretokenized", action="store_true",
                   help="each line is a sentence of space-separated tokens; blank lines separate documents")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="read on N processes (one model load each); output is the same as with 1")
    p.set_defaults(func=cmd_read)

    s = sub.add_parser("show", help="read articles and show the readings as tables")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.set_defaults(func=cmd_read, format="pretty", pretokenized=False)


# ---------------------------------------------------------------- serve

def cmd_serve(args: argparse.Namespace) -> int:
    from kroniek.serve import serve
    from kroniek.store.schema import ChronicleError

    try:
        serve(args.db, host=args.host, port=args.port)
    except (FileNotFoundError, ChronicleError) as e:
        _warn(str(e))
        return 2
    return 0


def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API (/openapi.json) and the web explorer (/)")
    p.add_argument("--db", required=True, metavar="FILE", help="chronicle database (from `kroniek ingest`)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000, metavar="N")
    p.set_defaults(func=cmd_serve)


# ---------------------------------------------------------------- batch (scale)

def cmd_batch(args: argparse.Namespace) -> int:
    from kroniek.scale.distributed import batch

    try:
        stats = batch(args.paths, args.out, cluster=args.cluster, local=args.local,
                      partition_size=args.partition_size, pretokenized=args.pretokenized, warn=_warn)
    except OSError as e:  # the scheduler cannot be reached, or the output folder cannot be made
        _warn(str(e))
        return 2
    print(json.dumps(stats.as_dict(), ensure_ascii=False))
    if stats.failed:
        _warn(f"{stats.failed} partition(s) failed; run the same command again to retry them")
        return 1
    return 0


def _add_batch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="read an archive on a Dask cluster into date-partitioned Parquet")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files or folders")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (shared by all workers)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--cluster", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    where.add_argument("--local", type=int, metavar="N", help="start a local Dask cluster of N workers (default: all cores)")
    p.add_argument("--partition-size", type=int, default=256, metavar="N",
                   help="articles per partition (keep it the same when re-running to skip written partitions)")
    p.add_argument("--pretokenized", action="store_true")
    p.set_defaults(func=cmd_batch)


# ---------------------------------------------------------------- the chronicle (store)

def _add_store(sub: argparse._SubParsersAction) -> None:
    # ingest, search, events, dyad, timeline, actors, entities, export, stats: see kroniek.store.commands
    from kroniek.store.commands import add_commands

    add_commands(sub)


def _add_ingest_cluster(sub: argparse._SubParsersAction) -> None:
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
                                      batch_size=args.batch_size, warn=_warn)
        except (ChronicleError, OSError) as e:  # OSError: the scheduler cannot be reached
            _warn(str(e))
            return 2
        print(json.dumps({k: v for k, v in stats.items() if k != "error_ids"}, ensure_ascii=False))
        return 1 if stats["batch"]["failed"] else 0

    p.set_defaults(func=cmd_ingest)


# Each layer adds its subcommands here; the order is the order of `kroniek --help`.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_read, _add_serve, _add_batch, _add_store,
                                                                 _add_ingest_cluster]


def build_parser() -> argparse.ArgumentParser:
    from kroniek import __version__

    ap = argparse.ArgumentParser(prog="kroniek", description="Reads Dutch news and writes the chronicle.")
    ap.add_argument("--version", action="version", version=f"kroniek {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""`kroniek read` and `kroniek show`."""
from __future__ import annotations

import argparse
import json
import sys

from kroniek.cli.common import component_names, country_code
from kroniek.cli.common import warn as _warn


def components(given: str | None, fmt: str) -> list[str] | None:
    """The pipeline for this run: the components named, else only the analysis for CoNLL-U (it shows
    nothing else), else the default pipeline (None)."""
    if given:
        return component_names(given)
    if fmt == "conllu":
        return ["tokenize", "analyze"]
    return None


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
    names = components(args.components, fmt)
    if getattr(args, "workers", 1) > 1:
        from kroniek.scale.parallel import read_parallel

        results = read_parallel(args.paths, args.workers, pretokenized=args.pretokenized, conllu=fmt == "conllu",
                                names=names, country=args.country)
    else:
        from kroniek.pipeline import Pipeline

        results = read_paths(args.paths, pretokenized=args.pretokenized,
                             pipeline=Pipeline(names) if names is not None else None, country=args.country)
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


def add_read(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("read", help="read articles and print their readings (JSON Lines by default)")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files or folders")
    p.add_argument("--format", choices=["json", "conllu", "pretty"], default="json")
    p.add_argument("--pretokenized", action="store_true",
                   help="each line is a sentence of space-separated tokens; blank lines separate documents")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="read on N processes (one model load each); output is the same as with 1")
    p.add_argument("--components", metavar="A,B", help="pipeline components to run, in order (default: all; "
                   "tokenize,analyze for --format conllu); see kroniek.pipeline.registered()")
    p.add_argument("--country", type=country_code, metavar="ISO3",
                   help="home country of the archive (NLD, BEL): an article naming no country reads its roles "
                   "(het kabinet) as this country's; a JSONL 'country' field wins")
    p.set_defaults(func=cmd_read)

    s = sub.add_parser("show", help="read articles and show the readings as tables")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--country", type=country_code, metavar="ISO3", help="home country, as for `kroniek read`")
    s.set_defaults(func=cmd_read, format="pretty", pretokenized=False, components=None)

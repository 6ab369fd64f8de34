"""`kroniek serve`."""
from __future__ import annotations

import argparse

from kroniek.cli.common import warn as _warn


def cmd_serve(args: argparse.Namespace) -> int:
    from kroniek.serve import serve
    from kroniek.store.schema import ChronicleError

    try:
        serve(args.db, host=args.host, port=args.port)
    except (FileNotFoundError, ChronicleError) as e:
        _warn(str(e))
        return 2
    return 0


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API (/openapi.json) and the web explorer (/)")
    p.add_argument("--db", required=True, metavar="FILE", help="chronicle database (from `kroniek ingest`)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000, metavar="N")
    p.set_defaults(func=cmd_serve)

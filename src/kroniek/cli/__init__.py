"""The `kroniek` command: parses arguments and calls the library; nothing else happens here.

One module per group of subcommands; each has an `add_*(sub)` that declares its arguments and a `cmd_*`
per subcommand that calls the library (`kroniek.reader`, `kroniek.db.Chronicle`, `kroniek.serve`,
`kroniek.scale`) and prints.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable

from kroniek.cli.batch import add_batch, cmd_batch
from kroniek.cli.read import add_read, cmd_read
from kroniek.cli.serve import add_serve, cmd_serve
from kroniek.cli.store import add_commands as add_store
from kroniek.cli.store import add_ingest_cluster

__all__ = ["build_parser", "main", "cmd_read", "cmd_serve", "cmd_batch"]

# The order is the order of `kroniek --help`; add_ingest_cluster extends the store's `ingest`.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_read, add_serve, add_batch, add_store,
                                                                 add_ingest_cluster]


def build_parser() -> argparse.ArgumentParser:
    from kroniek import __version__

    ap = argparse.ArgumentParser(prog="kroniek", description="Reads Dutch news and writes the chronicle.")
    ap.add_argument("--version", action="version", version=f"kroniek {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    from kroniek.cli.common import warn
    from kroniek.pipeline import UnknownComponent

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UnknownComponent as e:
        warn(str(e))
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130

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
    for res in read_paths(args.paths, pretokenized=args.pretokenized):
        total += 1
        if res.ok:
            ok += 1
            for w in res.doc.warnings if res.doc else []:
                _warn(f"{res.id}: {w}")
        else:
            _warn(f"{res.id}: {res.error}")
        if fmt == "conllu":
            if res.doc is not None:
                out.write(to_conllu(res.doc))
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
    p.set_defaults(func=cmd_read)

    s = sub.add_parser("show", help="read articles and show the readings as tables")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.set_defaults(func=cmd_read, format="pretty", pretokenized=False)


# Each layer adds its subcommands here; the order is the order of `kroniek --help`.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_read]


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

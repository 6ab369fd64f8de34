"""Loading the Dutch word tables of the time and quantity layers.

Rows are checked as they load, so a bad table fails at once with the file and the line
that is wrong instead of quietly recognising less.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources

Check = Callable[[str], object]


class TableError(ValueError):
    """A row of a language table that does not have the expected shape."""


def _text(name: str) -> str:
    return resources.files("kroniek.lang.nl").joinpath(name).read_text(encoding="utf-8")


def parse_table(name: str, text: str, checks: Sequence[Check], key_columns: int = 1) -> list[tuple]:
    """Rows of a tab-separated table as tuples of checked values.

    Each column has a check that converts the cell or raises ValueError; its message ends up in a
    TableError naming the file and the line. Blank lines and lines starting with # are skipped.
    The first `key_columns` cells of a row must not repeat an earlier row's.
    """
    rows: list[tuple] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        where = f"lang/nl/{name}, line {n}"
        if len(cells) != len(checks):
            raise TableError(f"{where}: {len(cells)} columns, expected {len(checks)}: {line!r}")
        out = []
        for k, (cell, check) in enumerate(zip(cells, checks, strict=True), 1):
            cell = cell.strip()
            if not cell:
                raise TableError(f"{where}: column {k} is empty")
            try:
                out.append(check(cell))
            except ValueError as e:
                raise TableError(f"{where}: column {k} {cell!r}: {e}") from None
        key = "\t".join(c.strip() for c in cells[:key_columns])
        if key in seen:
            raise TableError(f"{where}: {key!r} already given on line {seen[key]}")
        seen[key] = n
        rows.append(tuple(out))
    if not rows:
        raise TableError(f"lang/nl/{name}: no rows")
    return rows


def load_table(name: str, checks: Sequence[Check], key_columns: int = 1) -> list[tuple]:
    return parse_table(name, _text(name), checks, key_columns)


# ---------------------------------------------------------------- column checks

def word(cell: str) -> str:
    return cell


def number(cell: str) -> float:
    v = float(cell)
    if v < 0:
        raise ValueError("must not be negative")
    return v


def integer(cell: str) -> int:
    return int(cell)


def one_of(*allowed: str) -> Check:
    def check(cell: str) -> str:
        if cell not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return cell

    return check


def in_range(lo: int, hi: int) -> Check:
    def check(cell: str) -> int:
        v = int(cell)
        if not lo <= v <= hi:
            raise ValueError(f"must lie between {lo} and {hi}")
        return v

    return check


def iso_code(cell: str) -> str:
    if len(cell) != 3 or not cell.isascii() or not cell.isupper():
        raise ValueError("must be a three-letter ISO 4217 code")
    return cell

"""Dutch language knowledge as data tables, one concern per file, with loaders."""
from __future__ import annotations

from functools import cache
from importlib import resources


def table_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a table file in this folder."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def table_rows(name: str, columns: int | None = None) -> list[list[str]]:
    """Tab-separated rows; with `columns`, every row must have exactly that many (clear error otherwise)."""
    rows = []
    for n, line in enumerate(table_lines(name), 1):
        row = [c.strip() for c in line.split("\t")]
        if columns is not None and len(row) != columns:
            raise ValueError(f"lang/nl/{name}: row {n} has {len(row)} columns, expected {columns}: {line!r}")
        rows.append(row)
    return rows


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(table_lines("abbreviations.txt"))

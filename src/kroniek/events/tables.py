"""Reading tab-separated data tables with line numbers, so a bad row names its file and line."""
from __future__ import annotations

from collections.abc import Iterator
from importlib import resources


class TableError(ValueError):
    """A row of a data table that cannot be used."""

    def __init__(self, where: str, line: int, message: str):
        super().__init__(f"{where}:{line}: {message}")
        self.where = where
        self.line = line


def read_rows(package: str, name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each data row of `package/name`; '-' cells become ''."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    yield from parse_rows(text, f"{package.replace('kroniek.', '').replace('.', '/')}/{name}", columns)


def parse_rows(text: str, where: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != columns:
            raise TableError(where, n, f"expected {columns} tab-separated columns, found {len(cells)}: {line!r}")
        yield n, ["" if c == "-" else c for c in cells]

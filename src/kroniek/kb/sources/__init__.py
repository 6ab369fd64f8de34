"""Hand-curated knowledge-base sources (read only by kroniek.kb.build)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def read_source(name: str, columns: int, folder: Path | None = None) -> list[list[str]]:
    """Rows of a tab-separated source table; a row with the wrong column count is an error naming file and line."""
    if folder is not None:
        text = (folder / name).read_text(encoding="utf-8")
    else:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        row = [c.strip() for c in line.split("\t")]
        if len(row) != columns:
            raise ValueError(f"kb/sources/{name}: line {n} has {len(row)} columns, expected {columns}: {line!r}")
        rows.append(row)
    return rows

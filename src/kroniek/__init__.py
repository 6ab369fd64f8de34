"""kroniek: reads Dutch news and writes the chronicle.

    >>> import kroniek
    >>> reading = kroniek.read("Poetin ontmoette maandag Loekasjenko.", date="2020-09-14")
    >>> reading["entities"][0]["name"]
"""
from __future__ import annotations

import os
from typing import Any

# The models multiply small matrices (width 96), where BLAS threads cost more CPU than they save:
# one thread per process measured +25% words per CPU second, and `--workers` uses the other cores.
# Only a default: set OPENBLAS_NUM_THREADS yourself (before numpy loads) to choose otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"


def read(text: str, date: str | None = None, id: str = "text", **meta: Any) -> dict[str, Any]:
    """Read one article and return its reading (the JSON contract of `kroniek read`)."""
    from kroniek.input.article import Article
    from kroniek.pipeline import default_pipeline
    from kroniek.reading import to_reading

    article = Article.build(id=id, text=text, date=date, **meta)
    return to_reading(default_pipeline()(article.to_document()))


def open(path: str, **kwargs: Any):  # noqa: A001 - mirrors sqlite3.connect/duckdb.connect naming of the issue
    """Open a chronicle database (see `kroniek.db.Chronicle`)."""
    from kroniek.db import Chronicle

    return Chronicle(path, **kwargs)

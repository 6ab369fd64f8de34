"""Reading a batch: paths in, one result per article out, in input order, errors in place."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from kroniek.diagnostics import warn as _warn
from kroniek.doc import Document
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.pipeline import BATCH, ComponentError, Pipeline, default_pipeline
from kroniek.reading import to_reading


@dataclass(slots=True)
class Result:
    """One article's outcome: a processed document, or an error that stands in its place."""

    id: str
    doc: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def reading(self) -> dict[str, Any]:
        if self.doc is None:
            return {"id": self.id, "error": self.error}
        return to_reading(self.doc)


def read_articles(
    items: Iterable[Article | ArticleError], pipeline: Pipeline | None = None, batch_size: int = BATCH
) -> Iterator[Result]:
    """One result per item, in input order; `batch_size` articles at a time share the models' batches,
    so at most that many are held in memory."""
    nlp = pipeline or default_pipeline()
    it = iter(items)
    while chunk := list(islice(it, max(1, batch_size))):
        docs = [item.to_document() for item in chunk if not isinstance(item, ArticleError)]
        done = iter(nlp.pipe(docs, batch_size=len(docs) or 1))
        for item in chunk:
            if isinstance(item, ArticleError):
                yield Result(item.id, error=item.error)
                continue
            out = next(done)
            if isinstance(out, ComponentError):
                yield Result(item.id, error=f"internal error: {out}")
            else:
                yield Result(item.id, doc=out)


def read_paths(
    paths: Iterable[str | Path], pretokenized: bool = False, pipeline: Pipeline | None = None, warn=_warn,
    country: str | None = None,
) -> Iterator[Result]:
    """Read every article under `paths` (files or folders), in input order; `country`: the home country of
    articles whose input gives none."""
    return read_articles(iter_articles(paths, pretokenized=pretokenized, warn=warn, country=country), pipeline)

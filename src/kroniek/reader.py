"""Reading a batch: paths in, one result per article out, in input order, errors in place."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.diagnostics import warn as _warn
from kroniek.doc import Document
from kroniek.input import Article, ArticleError, iter_articles
from kroniek.pipeline import ComponentError, Pipeline, default_pipeline
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


def read_articles(items: Iterable[Article | ArticleError], pipeline: Pipeline | None = None) -> Iterator[Result]:
    nlp = pipeline or default_pipeline()
    for item in items:
        if isinstance(item, ArticleError):
            yield Result(item.id, error=item.error)
            continue
        try:
            yield Result(item.id, doc=nlp(item.to_document()))
        except ComponentError as e:
            yield Result(item.id, error=f"internal error: {e}")


def read_paths(
    paths: Iterable[str | Path], pretokenized: bool = False, pipeline: Pipeline | None = None, warn=_warn
) -> Iterator[Result]:
    """Read every article under `paths` (files or folders), in input order."""
    return read_articles(iter_articles(paths, pretokenized=pretokenized, warn=warn), pipeline)

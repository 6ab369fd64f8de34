"""Paths (files and folders) to a stream of articles, in input order; errors in place of bad ones."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kroniek.diagnostics import warn as _stderr
from kroniek.input.article import Article, ArticleError, ArticleInputError, home_country
from kroniek.input.decode import decode
from kroniek.input.html import parse_html
from kroniek.input.jsonl import parse_jsonl
from kroniek.input.txt import parse_pretokenized, parse_txt

EXTENSIONS = (".txt", ".jsonl", ".html", ".htm")

Warn = Callable[[str], None]


def expand(paths: Iterable[str | Path], warn: Warn = _stderr) -> Iterator[Path | ArticleError]:
    """Files in the order given; a folder gives its articles recursively in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in EXTENSIONS)
            if not found:
                yield ArticleError(p.name or str(p), f"{p}: folder holds no articles (.txt, .jsonl, .html)", str(p))
            yield from found
        elif p.exists():
            yield p
        else:
            yield ArticleError(p.stem or str(p), f"{p}: no such file or folder", str(p))


def read_file(path: Path, pretokenized: bool = False, warn: Warn = _stderr) -> Iterator[Article | ArticleError]:
    name = path.stem
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ArticleError(name, f"{path}: cannot read: {e.strerror or e}", str(path))
        return
    try:
        text, warnings = decode(data, str(path))
    except ArticleInputError as e:
        yield ArticleError(name, str(e), str(path))
        return
    for w in warnings:
        warn(w)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            items: Iterable[Article | ArticleError] = parse_jsonl(text, name, str(path))
        elif suffix in (".html", ".htm"):
            items = [parse_html(text, name, str(path))]
        elif pretokenized:
            items = list(parse_pretokenized(text, path.name, str(path)))
            if not items:
                raise ArticleInputError("empty file: no sentences")
        else:
            items = [parse_txt(text, name, str(path))]
        for it in items:
            if isinstance(it, Article):
                it.warnings.extend(warnings)
            yield it
    except ArticleInputError as e:
        yield ArticleError(name, f"{path}: {e}", str(path))


def iter_articles(
    paths: Iterable[str | Path], pretokenized: bool = False, warn: Warn = _stderr, country: str | None = None
) -> Iterator[Article | ArticleError]:
    """Every article under `paths`, in input order; an ArticleError in place of each one that can't be read.
    `country`: the home country of articles whose input gives none (see Article.country)."""
    country = home_country(country) if country is not None else None
    for p in expand(paths, warn):
        if isinstance(p, ArticleError):
            yield p
            continue
        for item in read_file(p, pretokenized=pretokenized, warn=warn):
            if country is not None and isinstance(item, Article) and item.country is None:
                item.country = country
            yield item

"""JSON Lines article streams: one article per line."""
from __future__ import annotations

import json
from collections.abc import Iterator

from kroniek.input.article import Article, ArticleError, ArticleInputError

FIELDS = ("text", "id", "date", "title", "url", "source", "language", "country")


def parse_jsonl(raw: str, name: str, path: str | None = None) -> Iterator[Article | ArticleError]:
    for n, line in enumerate(raw.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        fallback = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ArticleError(fallback, f"{path or name} line {n}: not JSON ({e.msg} at column {e.colno})", path)
            continue
        if not isinstance(obj, dict):
            yield ArticleError(fallback, f"{path or name} line {n}: expected a JSON object, got {type(obj).__name__}", path)
            continue
        art_id = str(obj["id"]) if obj.get("id") is not None else fallback
        if "text" not in obj:
            yield ArticleError(art_id, f"{path or name} line {n}: no 'text' field", path)
            continue
        try:
            meta = {k: (None if obj.get(k) is None else str(obj[k])) for k in FIELDS[2:]}
            yield Article.build(id=art_id, text=obj["text"], path=path, **meta)
        except ArticleInputError as e:
            yield ArticleError(art_id, f"{path or name} line {n}: {e}", path)

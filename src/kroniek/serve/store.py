"""The server's access to a chronicle database: one read-only connection, one query at a time, answers cached.

A DuckDB connection must not be used by two threads at once, and FastAPI runs sync endpoints
in a thread pool; a lock is the simplest correct answer. The file is opened read-only and DuckDB
lets no writer in while it is held, so an answer never goes stale: a bounded LRU cache of answers
turns the many identical requests of a busy page into dictionary look-ups.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from kroniek.serve.frames import clean, records


class NoDatabase(RuntimeError):
    """The server was started without a database; only reading posted text works."""


CACHE_SIZE = 1024  # answers kept; each is at most one page of rows


class Store:
    def __init__(self, db_path: str | Path | None, cache_size: int = CACHE_SIZE) -> None:
        self.path = Path(db_path) if db_path is not None else None
        self._lock = threading.Lock()
        self._db: Any = None
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._cache_size = cache_size
        if self.path is not None:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path} (create one with `kroniek ingest PATH --db FILE`)")
            from kroniek.db import Chronicle

            self._db = Chronicle(str(self.path), read_only=True, frame="polars")
            # the first frame pays about a second of pyarrow/polars start-up: pay it here, not on the first page
            self._db.articles(limit=1)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if self._db is None:
            raise NoDatabase("this server has no database; start it with `kroniek serve --db FILE`")
        given = {k: v for k, v in kwargs.items() if v is not None}
        return getattr(self._db, method)(*args, **given)

    def _cached(self, convert: Any, method: str, args: tuple, kwargs: dict[str, Any]) -> Any:
        key = (method, args, tuple(sorted((k, v) for k, v in kwargs.items() if v is not None)))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            value = convert(self._call(method, *args, **kwargs))
            self._cache[key] = value
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return value

    def rows(self, method: str, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        """The rows a query method returns, as JSON-safe dicts (shared: do not modify them)."""
        return self._cached(records, method, args, kwargs)

    def one(self, method: str, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        """The dict (or None) a look-up method returns, JSON-safe (shared: do not modify it)."""
        return self._cached(lambda found: clean(found) if found is not None else None, method, args, kwargs)

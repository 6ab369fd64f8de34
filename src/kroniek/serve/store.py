"""The server's access to a chronicle database: one read-only connection, one query at a time.

A DuckDB connection must not be used by two threads at once, and FastAPI runs sync endpoints
in a thread pool; a lock is the simplest correct answer and queries here take milliseconds.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from kroniek.serve.frames import clean, records


class NoDatabase(RuntimeError):
    """The server was started without a database; only reading posted text works."""


class Store:
    def __init__(self, db_path: str | Path | None) -> None:
        self.path = Path(db_path) if db_path is not None else None
        self._lock = threading.Lock()
        self._db: Any = None
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
        with self._lock:
            return getattr(self._db, method)(*args, **given)

    def rows(self, method: str, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        return records(self._call(method, *args, **kwargs))

    def one(self, method: str, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        found = self._call(method, *args, **kwargs)
        return clean(found) if found is not None else None

"""The chronicle's tables, and opening a database file safely (ours, foreign, corrupt, locked, unwritable)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb

SCHEMA_VERSION = "4"

# One place for every table: (column, DuckDB type). DDL and the Arrow batches written by ingest both come from here.
TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "VARCHAR PRIMARY KEY"), ("doc_id", "VARCHAR"), ("hash", "VARCHAR UNIQUE"), ("seq", "BIGINT"),
        ("date", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"), ("title", "VARCHAR"), ("url", "VARCHAR"),
        ("source", "VARCHAR"), ("language", "VARCHAR"), ("text", "VARCHAR"), ("n_sentences", "INTEGER"),
        ("n_entities", "INTEGER"), ("n_events", "INTEGER"), ("n_terms", "INTEGER"), ("reading", "BLOB"), ("ingested_at", "TIMESTAMP"),
    ],
    "sentences": [("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER")],
    "entities": [
        ("entity_id", "VARCHAR PRIMARY KEY"), ("kb", "VARCHAR"), ("type", "VARCHAR"), ("name", "VARCHAR"),
        ("actor", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ],
    "mentions": [
        ("article_id", "VARCHAR"), ("local_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("text", "VARCHAR"),
    ],
    "times": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("type", "VARCHAR"), ("value", "VARCHAR"), ("earliest", "DATE"), ("latest", "DATE"),
    ],
    "quantities": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("value", "DOUBLE"), ("unit", "VARCHAR"),
    ],
    # One row per real-world event after cross-article deduplication (GDELT's event table).
    "events": [
        ("event_id", "VARCHAR PRIMARY KEY"), ("seq", "BIGINT"), ("dedup_key", "VARCHAR"),
        ("cameo", "VARCHAR"), ("base_code", "VARCHAR"), ("root_code", "VARCHAR"), ("plover", "VARCHAR"),
        ("mode", "VARCHAR"), ("news_type", "VARCHAR"), ("quadclass", "INTEGER"), ("goldstein", "DOUBLE"),
        ("source_actor", "VARCHAR"), ("source_entity", "VARCHAR"), ("source_text", "VARCHAR"),
        ("target_actor", "VARCHAR"), ("target_entity", "VARCHAR"), ("target_text", "VARCHAR"),
        ("earliest", "DATE"), ("latest", "DATE"), ("day", "DATE"),
        ("location_name", "VARCHAR"), ("location_entity", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
        ("modality", "VARCHAR"), ("attribution", "VARCHAR"), ("evidence", "VARCHAR"), ("trigger", "VARCHAR"),
        ("article_id", "VARCHAR"), ("sentence", "INTEGER"),
        ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
    ],
    # One row per report of an event in an article (GDELT's mentions table); event_id links to `events`.
    "event_mentions": [
        ("mention_id", "VARCHAR PRIMARY KEY"), ("event_id", "VARCHAR"), ("article_id", "VARCHAR"),
        ("local_id", "VARCHAR"), ("sentence", "INTEGER"), ("trigger", "VARCHAR"), ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"), ("cameo", "VARCHAR"), ("plover", "VARCHAR"),
        ("news_type", "VARCHAR"), ("source_actor", "VARCHAR"), ("target_actor", "VARCHAR"),
        ("earliest", "DATE"), ("latest", "DATE"), ("location_name", "VARCHAR"), ("modality", "VARCHAR"),
        ("attribution", "VARCHAR"), ("quantities", "VARCHAR"),
    ],
    "errors": [("doc_id", "VARCHAR"), ("error", "VARCHAR"), ("seen_at", "TIMESTAMP")],
    # The full-text index: Dutch-stemmed terms per article (BM25 at query time).
    "postings": [("term_id", "INTEGER"), ("article_seq", "BIGINT"), ("tf", "INTEGER")],
    "vocab": [("term", "VARCHAR PRIMARY KEY"), ("term_id", "INTEGER"), ("df", "BIGINT")],  # df: articles with it
    "kroniek_meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
}


def ddl() -> list[str]:
    stmts = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        stmts.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    stmts.append("CREATE UNIQUE INDEX IF NOT EXISTS errors_key ON errors (doc_id, error)")
    return stmts


def plain_type(t: str) -> str:
    return t.replace(" PRIMARY KEY", "").replace(" UNIQUE", "")


class ChronicleError(Exception):
    """A database the chronicle cannot use, said plainly (the file is left as it was)."""


_DUCKDB_MAGIC = b"DUCK"


def check_file(path: Path, read_only: bool) -> None:
    """Refuse, before DuckDB touches it, a file that is not a DuckDB database or a place we cannot write."""
    if path.exists():
        if path.is_dir():
            raise ChronicleError(f"{path}: is a folder, not a database file")
        if not os.access(path, os.R_OK):
            raise ChronicleError(f"{path}: cannot read this file (permission denied)")
        size = path.stat().st_size
        if size > 0:
            with path.open("rb") as f:
                head = f.read(16)
            if len(head) < 12 or head[8:12] != _DUCKDB_MAGIC:
                raise ChronicleError(f"{path}: not a DuckDB database (a foreign or corrupt file); left untouched")
        if not read_only and not os.access(path, os.W_OK):
            raise ChronicleError(f"{path}: cannot write this database (no write permission or a read-only disk)")
        return
    if read_only:
        raise ChronicleError(f"{path}: no such database")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ChronicleError(f"{path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ChronicleError(f"{path}: cannot create a database in {parent} (no write permission or a read-only disk)")


def _is_lock_error(e: Exception) -> bool:
    msg = str(e).lower()
    return "lock" in msg and ("conflicting" in msg or "could not set" in msg)


def connect(path: Path, read_only: bool, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the file; while another process holds it, wait up to `wait` seconds, then refuse clearly."""
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as e:
            if _is_lock_error(e):
                if time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                raise ChronicleError(
                    f"{path}: the database is in use by another process (another ingest?); try again when it is done"
                ) from None
            raise ChronicleError(f"{path}: cannot open database: {e}") from None
        except duckdb.Error as e:
            raise ChronicleError(f"{path}: cannot open database: {e}") from None


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Load the fts extension (for its Snowball `stem`) from the duckdb-extension-fts wheel: no download."""
    import duckdb_extension_fts

    ext_dir = Path(duckdb_extension_fts.__file__).parent / "extensions"
    candidates = sorted(ext_dir.glob(f"v{duckdb.__version__}/fts.duckdb_extension")) or sorted(
        ext_dir.glob("*/fts.duckdb_extension")
    )
    if not candidates:
        raise ChronicleError(f"fts extension for duckdb {duckdb.__version__} not found under {ext_dir}")
    con.execute(f"LOAD '{candidates[0].as_posix()}'")


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()
    return {r[0] for r in rows}


def prepare(con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    """Create the tables in a new database; refuse a DuckDB database that belongs to something else."""
    tables = existing_tables(con)
    if "kroniek_meta" in tables:
        row = con.execute("SELECT value FROM kroniek_meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise ChronicleError(f"{path}: chronicle schema version {found}, this kroniek needs {SCHEMA_VERSION}")
        if not read_only and set(TABLES) - tables:
            _create(con)
        return
    if tables:
        raise ChronicleError(f"{path}: a DuckDB database that is not a kroniek chronicle (tables: "
                             f"{', '.join(sorted(tables)[:5])}); left untouched")
    if read_only:
        raise ChronicleError(f"{path}: an empty database, not a kroniek chronicle")
    _create(con)


def _create(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("BEGIN")
    for stmt in ddl():
        con.execute(stmt)
    con.execute("INSERT OR IGNORE INTO kroniek_meta VALUES ('schema', ?)", [SCHEMA_VERSION])
    con.execute("COMMIT")

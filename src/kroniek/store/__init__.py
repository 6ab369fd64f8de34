"""The chronicle's internals: schema, ingest, deduplication, search, queries, export (used by kroniek.db)."""

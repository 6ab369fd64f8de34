"""Running the app with uvicorn (what `kroniek serve` calls)."""
from __future__ import annotations

from pathlib import Path

from kroniek.serve.limits import DEFAULT_MAX_BODY


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, max_body: int = DEFAULT_MAX_BODY,
          log_level: str = "info") -> None:
    """Serve the chronicle at `db_path` until interrupted; loopback only unless `host` says otherwise."""
    import uvicorn

    from kroniek.serve.app import create_app

    app = create_app(db_path, max_body=max_body)
    uvicorn.run(app, host=host, port=port, log_level=log_level, limit_concurrency=256,
                timeout_keep_alive=5, server_header=False)

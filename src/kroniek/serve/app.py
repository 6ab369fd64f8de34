"""The FastAPI application: JSON API under /api, the web explorer at /, OpenAPI at /openapi.json."""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from kroniek import __version__
from kroniek.serve.api import router
from kroniek.serve.frames import utf8_safe
from kroniek.serve.limits import DEFAULT_MAX_BODY, BodyLimit, Headers
from kroniek.serve.store import NoDatabase, Store
from kroniek.store.queries import QueryError

STATIC = Path(str(files("kroniek.serve") / "static"))
WORKER_THREADS = 4

# The page loads nothing from elsewhere, and no inline script can run even if escaping ever failed.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def create_app(db_path: str | Path | None, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over the chronicle at `db_path` (opened read-only); None serves only /api/read."""
    store = Store(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # queries run one at a time anyway (one connection); forty threads fighting over the GIL
        # and the lock only slow each other down, so sync endpoints get a small pool
        limiter = to_thread.current_default_thread_limiter()
        before, limiter.total_tokens = limiter.total_tokens, WORKER_THREADS
        try:
            yield
        finally:
            limiter.total_tokens = before
            store.close()

    # the interactive docs pages load their scripts from a CDN, which an offline page must not do
    app = FastAPI(title="kroniek", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Reads Dutch news and serves the chronicle: articles, entities and coded events.")
    app.state.store = store
    app.include_router(router)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(Headers, headers=SECURITY_HEADERS)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI echoes the offending input, which may hold lone surrogates no UTF-8 answer can carry
        return JSONResponse({"detail": utf8_safe(jsonable_encoder(exc.errors()))}, status_code=422)

    @app.exception_handler(NoDatabase)
    async def no_database(request: Request, exc: NoDatabase) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        # the store says plainly which argument it cannot use
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        # a clear JSON answer instead of a bare 500 page; the traceback still goes to the server log
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}: {exc}"}, status_code=500)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    return app

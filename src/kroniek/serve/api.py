"""The JSON endpoints under /api: read a posted article, and query the chronicle."""
from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from kroniek.serve.limits import MAX_TEXT_CHARS
from kroniek.serve.store import Store
from kroniek.store.rows import entity_key


class Problem(BaseModel):
    """Every error answer: a sentence, or FastAPI's list of field errors for malformed requests."""

    detail: str | list[dict[str, Any]]


_ERRORS = {
    404: {"model": Problem, "description": "not found"},
    413: {"model": Problem, "description": "request body too large"},
    422: {"model": Problem, "description": "bad input, said plainly"},
    503: {"model": Problem, "description": "the server has no database"},
}
router = APIRouter(prefix="/api", responses=_ERRORS)

# The pipeline's models are shared state; one article is read at a time.
_READ_LOCK = threading.Lock()

Record = dict[str, Any]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# actor codes (RUSGOV) or entity ids (Q7747, "PER:alexander lukashenko"); values are bound parameters in the store
NO_CONTROL = r"^[^\x00-\x1f\x7f]+$"
Code = Annotated[str | None, Query(max_length=200, pattern=NO_CONTROL)]
Text = Annotated[str | None, Query(max_length=200)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Period = Literal["day", "week", "month", "year"]


class ReadRequest(BaseModel):
    text: str = Field(max_length=MAX_TEXT_CHARS, description="the article body")
    date: str | None = Field(default=None, max_length=40, pattern=r"^\s*\d{4}(-\d{2}(-\d{2}([T ][0-9:.,+\-Z]*)?)?)?\s*$",
                             description="YYYY, YYYY-MM, YYYY-MM-DD or ISO timestamp")
    id: str = Field(default="posted", min_length=1, max_length=200)
    title: str | None = Field(default=None, max_length=1000)


class Page(BaseModel):
    items: list[Record]
    limit: int
    offset: int


class SearchPage(Page):
    query: str


class Rows(BaseModel):
    items: list[Record]


class EntityView(BaseModel):
    entity: Record
    timeline: list[Record]
    events: list[Record]


class EventFilters:
    """Filters shared by every endpoint that selects events."""

    def __init__(
        self,
        actor: Annotated[Code, Query(description="actor code or entity id on either side")] = None,
        source: Annotated[Code, Query(description="source actor code or its country prefix")] = None,
        target: Annotated[Code, Query(description="target actor code or its country prefix")] = None,
        plover: Annotated[str | None, Query(max_length=20, pattern=r"^[A-Za-z_-]+$")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
        news_type: Annotated[str | None, Query(max_length=80, pattern=r"^[A-Za-z_.-]+$")] = None,
        quadclass: Annotated[int | None, Query(ge=1, le=4)] = None,
        start: Annotated[str | None, Query(pattern=DATE, description="earliest date, inclusive")] = None,
        end: Annotated[str | None, Query(pattern=DATE, description="latest date, inclusive")] = None,
        place: Text = None,
        article_id: Annotated[str | None, Query(max_length=300, pattern=NO_CONTROL)] = None,
    ) -> None:
        self.values: dict[str, Any] = {
            "actor": actor, "source": source, "target": target, "plover": plover.upper() if plover else None,
            "cameo": cameo, "news_type": news_type, "quadclass": quadclass, "start": start, "end": end,
            "place": place, "article_id": article_id,
        }
        if start and end and start > end:
            raise HTTPException(422, f"start {start} is after end {end}")


Filters = Annotated[EventFilters, Depends()]


def _store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(_store)]


@router.get("/health", summary="the server is up")
def health(store: StoreDep) -> Record:
    return {"status": "ok", "database": str(store.path) if store.path else None}


@router.post("/read", summary="read a posted article and return its reading")
def read(body: ReadRequest) -> Record:
    import kroniek
    from kroniek.input.article import ArticleInputError

    try:
        with _READ_LOCK:
            return kroniek.read(body.text, date=body.date, id=body.id, title=body.title)
    except ArticleInputError as e:
        raise HTTPException(422, str(e)) from None


@router.get("/stats", summary="counts of what the chronicle holds")
def stats(store: StoreDep) -> Record:
    return store.one("stats") or {}


@router.get("/search", summary="full-text search over articles, hits marked in the snippets")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = 20, offset: Offset = 0) -> SearchPage:
    if not q.strip():
        raise HTTPException(422, "the query is blank")
    items = store.rows("search", q, limit=limit, offset=offset)
    return SearchPage(query=q, items=items, limit=limit, offset=offset)


@router.get("/articles", summary="stored articles, newest first")
def articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page:
    return Page(items=store.rows("articles", limit=limit, offset=offset), limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", summary="one stored article's reading")
def article(store: StoreDep, article_id: str) -> Record:
    found = store.one("article", article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    # the reading's entities are local (e1, e2, ...); the page links them to the chronicle's entities
    ids = {str(e.get("id")): entity_key(e) for e in found.get("entities") or []}
    return {**found, "entity_ids": ids}


@router.get("/events", summary="events, filtered")
def events(store: StoreDep, f: Filters, limit: Limit = 100, offset: Offset = 0) -> Page:
    return Page(items=store.rows("events", limit=limit, offset=offset, **f.values), limit=limit, offset=offset)


@router.get("/entities", summary="entities, optionally by name and type")
def entities(store: StoreDep, q: Text = None,
             type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query()] = None,  # noqa: A002
             limit: Limit = 50) -> Rows:
    return Rows(items=store.rows("entities", query=q, type=type, limit=limit))


@router.get("/entities/{entity_id:path}", summary="one entity with its timeline and events")
def entity(store: StoreDep, entity_id: str, by: Period = "week") -> EntityView:
    found = store.one("entity", entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    timeline = store.rows("timeline", entity_id, by=by)
    evs = store.rows("events", actor=entity_id, limit=200)
    return EntityView(entity=found, timeline=timeline, events=evs)


@router.get("/timeline", summary="event counts per period by QuadClass")
def timeline(store: StoreDep, f: Filters, by: Period = "day") -> Rows:
    values = dict(f.values)
    actor = values.pop("actor")
    return Rows(items=store.rows("timeline", actor, by=by, **values))


@router.get("/dyad", summary="events from one actor to another over time, with Goldstein scores")
def dyad(store: StoreDep, source: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_CONTROL)],
         target: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_CONTROL)],
         by: Period = "week") -> Rows:
    return Rows(items=store.rows("dyad", source, target, by=by))


@router.get("/actors", summary="the most active actors")
def actors(store: StoreDep, top: Annotated[int, Query(ge=1, le=500)] = 20) -> Rows:
    return Rows(items=store.rows("actors", top=top))


@router.get("/network", summary="who acts on whom: edges weighted by events")
def network(store: StoreDep, f: Filters, min_events: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Rows:
    return Rows(items=store.rows("network", min_events=min_events, **f.values))


@router.get("/locations", summary="where events happen, with coordinates")
def locations(store: StoreDep, f: Filters) -> Rows:
    return Rows(items=store.rows("locations", **f.values))

"""The HTTP API through FastAPI's test client, over an example chronicle built in a temporary folder."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "browser"))  # the example chronicle is shared with the browser tests
from example_db import HOSTILE_ID, HOSTILE_TEXT, shared  # noqa: E402

from kroniek.serve.limits import MAX_TEXT_CHARS  # noqa: E402


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared(tmp_path_factory)


@pytest.fixture(scope="module")
def client(db_path: Path):
    from fastapi.testclient import TestClient

    from kroniek.serve import create_app

    with TestClient(create_app(db_path, max_body=300_000)) as c:
        yield c


# ------------------------------------------------------------------ page and schema

def test_page_and_assets_are_local_and_locked_down(client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "http://" not in r.text and "https://" not in r.text  # nothing from a CDN
    for asset in ("app.js", "dom.js", "marks.js", "charts.js", "style.css", "world.json", "favicon.svg"):
        a = client.get(f"/static/{asset}")
        assert a.status_code == 200, asset
        assert "cdn" not in a.text.lower() and "https://" not in a.text, asset


def test_openapi_lists_every_endpoint(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/read", "/api/search", "/api/events", "/api/articles/{article_id}", "/api/entities/{entity_id}",
              "/api/timeline", "/api/dyad", "/api/network", "/api/locations", "/api/actors", "/api/stats"):
        assert p in paths
    assert "post" in paths["/api/read"]


# ------------------------------------------------------------------ reading posted text

def test_read_returns_the_reading(client) -> None:
    text = "Poetin ontmoette maandag Lukashenko in Sotsji."
    r = client.post("/api/read", json={"text": text, "date": "2020-09-14", "id": "x1"})
    assert r.status_code == 200, r.text
    reading = r.json()
    assert reading["id"] == "x1" and reading["text"] == text and reading["date"] == "2020-09-14"
    assert reading["sentences"] and all(k in reading for k in ("entities", "times", "quantities", "events"))


@pytest.mark.parametrize(("body", "needle"), [
    ({"text": "", "date": "2020-09"}, "empty"),
    ({"text": "   \n ", "date": "2020-09"}, "empty"),
    ({"text": "Poetin sprak.", "date": "2020-13-01"}, "2020-13-01"),
    ({"text": "Poetin sprak.", "date": "gisteren"}, "gisteren"),
    ({"date": "2020-09"}, "text"),
    ({"text": 12}, "text"),
    ({"text": "x" * (MAX_TEXT_CHARS + 1)}, "text"),
])
def test_read_bad_input_is_a_clear_422(client, body, needle) -> None:
    r = client.post("/api/read", json=body)
    assert r.status_code == 422
    assert needle in str(r.json()["detail"])


def test_read_not_json_is_422(client) -> None:
    r = client.post("/api/read", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    # valid JSON, but a lone surrogate is no text any UTF-8 answer could carry
    r = client.post("/api/read", content=b'{"text": "Poetin \\ud800 sprak."}', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "unicode" in str(r.json()["detail"])


def test_request_body_limit(client) -> None:
    big = b'{"text": "' + b"a" * 400_000 + b'"}'
    r = client.post("/api/read", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "300000" in r.json()["detail"]
    # a streamed body announces no length; it is cut off once it passes the limit
    r = client.post("/api/read", content=iter([big[:200_000], big[200_000:]]),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


# ------------------------------------------------------------------ the store

def test_search_marks_hits(client) -> None:
    r = client.get("/api/search", params={"q": "Lukashenko"})
    assert r.status_code == 200
    items = r.json()["items"]
    ids = {i["article_id"] for i in items}
    assert {"sotsji-2020-09", HOSTILE_ID} <= ids
    assert all("<mark>" in i["snippet"] for i in items)
    hostile = next(i for i in items if i["article_id"] == HOSTILE_ID)
    assert "<script>" not in hostile["snippet"] and "&lt;script&gt;" in hostile["snippet"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}, {"q": "a", "limit": 0},
                                    {"q": "a", "offset": -1}])
def test_search_bad_query(client, params) -> None:
    assert client.get("/api/search", params=params).status_code == 422


def test_articles_and_one_article(client) -> None:
    items = client.get("/api/articles").json()["items"]
    assert {a["article_id"] for a in items} >= {"sotsji-2020-09", HOSTILE_ID}
    art = client.get(f"/api/articles/{HOSTILE_ID}").json()
    assert art["text"] == HOSTILE_TEXT and len(art["events"]) == 2
    assert art["entity_ids"]["e1"] == "Q7747" and art["entity_ids"]["e4"] == "ORG:politie"
    assert client.get(f"/api/entities/{art['entity_ids']['e4']}").status_code == 200
    assert client.get("/api/articles/sotsji-2020-09").json()["date"] == "2020-09"
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no-such-article" in r.json()["detail"]


def test_events_and_filters(client) -> None:
    all_events = client.get("/api/events").json()["items"]
    assert len(all_events) >= 2
    conflict = client.get("/api/events", params={"quadclass": 4}).json()["items"]
    assert conflict and all(e["quadclass"] == 4 for e in conflict)
    # filter values are data, never SQL
    assert client.get("/api/events", params={"source": "RUS'; DROP TABLE events; --"}).json()["items"] == []
    assert client.get("/api/events", params={"actor": "ORG:politie"}).json()["items"]  # entity ids have ':' and spaces
    rus = client.get("/api/events", params={"source": "RUS", "article_id": HOSTILE_ID}).json()["items"]
    assert [e["source_actor"] for e in rus] == ["RUSGOV"]
    assert rus[0]["day"] == "2020-08-10"  # dates travel as ISO days
    in_window = client.get("/api/events", params={"start": "2020-08-09", "end": "2020-08-09"}).json()["items"]
    assert in_window and all(e["earliest"] <= "2020-08-09" for e in in_window)
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["items"][0]["event_id"] == all_events[1]["event_id"]


@pytest.mark.parametrize("params", [{"quadclass": 5}, {"quadclass": "x"}, {"cameo": "abc"}, {"start": "2020-13"},
                                    {"start": "2020-09-02", "end": "2020-09-01"}, {"limit": 100000},
                                    {"source": "RUS\x00GOV"}, {"actor": "x" * 201}])
def test_events_bad_filters_are_422(client, params) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_entity_with_timeline(client) -> None:
    found = client.get("/api/entities", params={"q": "Poetin"}).json()["items"]
    assert any(e["entity_id"] == "Q7747" for e in found)
    r = client.get("/api/entities/Q7747", params={"by": "month"}).json()
    assert r["entity"]["name"] == "Vladimir Poetin"
    assert r["timeline"] and r["timeline"][0]["period"] == "2020-08-01"
    assert any(e["source_actor"] == "RUSGOV" for e in r["events"])
    assert client.get("/api/entities/Q0").status_code == 404


def test_series_network_and_places(client) -> None:
    tl = client.get("/api/timeline", params={"by": "week"}).json()["items"]
    assert tl and {"period", "q1", "q2", "q3", "q4", "events"} <= set(tl[0])
    assert sum(r["events"] for r in tl) >= 2
    dy = client.get("/api/dyad", params={"source": "RUS", "target": "BLR", "by": "day"}).json()["items"]
    assert dy and all(r["goldstein_mean"] is not None for r in dy)
    net = client.get("/api/network").json()["items"]
    assert {"source", "target", "events", "goldstein_mean"} <= set(net[0])
    assert any(e["source"] == "RUSGOV" and e["target"] == "BLRGOV" for e in net)
    places = client.get("/api/locations").json()["items"]
    minsk = next(p for p in places if p["name"] == "Minsk")
    assert minsk["lat"] == pytest.approx(53.9, abs=0.5) and minsk["events"] >= 2
    actors = client.get("/api/actors", params={"top": 3}).json()["items"]
    assert 0 < len(actors) <= 3
    assert client.get("/api/dyad", params={"source": "RUS"}).status_code == 422
    assert client.get("/api/timeline", params={"by": "hour"}).status_code == 422


# ------------------------------------------------------------------ without a database

def test_without_database_only_reading_works() -> None:
    from fastapi.testclient import TestClient

    from kroniek.serve import create_app

    with TestClient(create_app(None)) as c:
        r = c.get("/api/events")
        assert r.status_code == 503 and "--db" in r.json()["detail"]
        assert c.post("/api/read", json={"text": ""}).status_code == 422


def test_missing_database_file_is_a_clear_error(tmp_path: Path) -> None:
    from kroniek.serve import create_app

    with pytest.raises(FileNotFoundError, match="kroniek ingest"):
        create_app(tmp_path / "none.duckdb")


def test_cli_serve_arguments() -> None:
    from kroniek.cli import build_parser, cmd_serve

    args = build_parser().parse_args(["serve", "--db", "k.duckdb"])
    assert args.func is cmd_serve and args.host == "127.0.0.1" and args.db == "k.duckdb"
    args = build_parser().parse_args(["serve", "--db", "k.duckdb", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.host, args.port) == ("0.0.0.0", 9000)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve"])


def test_cli_serve_missing_db(tmp_path: Path, capsys) -> None:
    from kroniek.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "none.duckdb" in capsys.readouterr().err


def test_kroniek_serve_runs_on_loopback(db_path: Path) -> None:
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kroniek.cli", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "kroniek serve did not answer within 60 s"
                time.sleep(0.2)
        assert r.json()["status"] == "ok"
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()["info"]["title"] == "kroniek"
        assert "<main" in httpx.get(f"http://127.0.0.1:{port}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=20)

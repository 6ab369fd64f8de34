"""Load the HTTP API on loopback and time what the web page needs.

    python benchmarks/load_api.py [--db FILE] [--clients 50] [--seconds 60] [--max-requests 200000] [--browser]

Starts `kroniek serve` as its own process on a free 127.0.0.1 port (a database is built from
examples/ into a temporary folder unless --db is given), then:

1. pages: the first page (HTML, scripts, styles and the two API calls it makes) and an article view
   (its API call), each timed 20 times over HTTP; with --browser also in headless chromium, from
   navigation start until the view is drawn;
2. load: N concurrent clients read /api/events (varied filters and pages) for S seconds, bounded by
   --max-requests; every non-200 answer or connection error counts as an error.

Exits 1 if any request failed. Loopback only: the server binds 127.0.0.1 and nothing else is contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_PAGE = ["/", "/static/style.css", "/static/app.js", "/static/dom.js", "/static/marks.js", "/static/charts.js",
              "/api/stats", "/api/articles?limit=50"]
EVENT_QUERIES = ["limit=100", "limit=20", "quadclass=1", "quadclass=4", "source=RUS", "target=BLR",
                 "actor=RUS&limit=50", "plover=CONSULT", "start=2020-01-01&end=2021-12-31"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build_db(folder: Path) -> Path:
    from kroniek.db import Chronicle

    path = folder / "example.duckdb"
    with Chronicle(str(path)) as db:
        db.ingest([str(ROOT / "examples")])
    return path


def _start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "kroniek.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def time_pages(base: str, article_id: str | None, repeat: int = 20) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=10) as c:
        def page(urls: list[str]) -> float:
            t0 = time.perf_counter()
            for u in urls:
                c.get(u).raise_for_status()
            return time.perf_counter() - t0

        first = [page(FIRST_PAGE) for _ in range(repeat)]
        print(f"first page over HTTP ({len(FIRST_PAGE)} requests): median {statistics.median(first) * 1000:.0f} ms, "
              f"max {max(first) * 1000:.0f} ms  (target < 1000 ms)")
        if article_id:
            art = [page([f"/api/articles/{article_id}"]) for _ in range(repeat)]
            print(f"article view API ({article_id}): median {statistics.median(art) * 1000:.0f} ms, "
                  f"max {max(art) * 1000:.0f} ms  (target < 300 ms)")


def time_browser(base: str, article_id: str | None) -> None:
    if not Path("/usr/bin/chromium").exists():
        print("browser timing skipped: /usr/bin/chromium is missing")
        return
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        first, article = [], []
        for _ in range(5):
            pg = browser.new_page()
            pg.goto(f"{base}/#/")
            pg.wait_for_selector("body[data-ready]")
            first.append(float(pg.evaluate("document.body.dataset.ms")))
            if article_id:
                # as a reader gets there: from the page already open, by following a link (a hash change)
                pg.evaluate("id => { location.hash = '#/article/' + encodeURIComponent(id); }", article_id)
                pg.wait_for_selector(f"body[data-ready='article/{article_id}']")
                article.append(float(pg.evaluate("document.body.dataset.ms")))
            pg.close()
        print(f"first page in chromium (navigation start to drawn): median {statistics.median(first):.0f} ms, "
              f"runs {', '.join(f'{t:.0f}' for t in first)}  (target < 1000 ms)")
        if article:
            print(f"article view in chromium (link followed to drawn): median {statistics.median(article):.0f} ms, "
                  f"runs {', '.join(f'{t:.0f}' for t in article)}  (target < 300 ms)")
        browser.close()


async def load(base: str, clients: int, seconds: float, max_requests: int) -> int:
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(i: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        rnd = random.Random(i)
        while time.monotonic() < stop_at and sent < max_requests:
            sent += 1
            t0 = time.perf_counter()
            try:
                # random pages, so a good share of requests miss the server's answer cache
                r = await http.get(f"/api/events?{rnd.choice(EVENT_QUERIES)}&offset={rnd.randrange(40)}")
                if r.status_code != 200:
                    errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
                else:
                    r.json()
            except httpx.HTTPError as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
            latencies.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await asyncio.gather(*(client(i, http) for i in range(clients)))
    wall = time.perf_counter() - t0
    n = len(latencies)
    print(f"load: {clients} clients, {wall:.1f} s, {n} requests, {n / wall:.0f} req/s, errors {sum(errors.values())} "
          f"{errors or ''}")
    print(f"latency ms: p50 {_pct(latencies, .5) * 1000:.1f}, p95 {_pct(latencies, .95) * 1000:.1f}, "
          f"p99 {_pct(latencies, .99) * 1000:.1f}, max {max(latencies, default=0) * 1000:.1f}")
    return sum(errors.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a chronicle database (default: build one from examples/)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    ap.add_argument("--browser", action="store_true", help="also time the page in headless chromium")
    a = ap.parse_args()
    if not (1 <= a.clients <= 500 and 0 < a.seconds <= 600):
        raise SystemExit("--clients must be 1..500 and --seconds 0..600")

    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or _build_db(Path(tmp))
        port = _free_port()
        proc = _start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            import httpx

            arts = httpx.get(f"{base}/api/articles", params={"limit": 1}).json()["items"]
            article_id = arts[0]["article_id"] if arts else None
            print(f"server pid {proc.pid} on {base}, database {db}, cpus {os.cpu_count()}")
            time_pages(base, article_id)
            if a.browser:
                time_browser(base, article_id)
            failed = asyncio.run(load(base, a.clients, a.seconds, a.max_requests))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Browser tests: a real server on a free loopback port, driven by Debian's headless chromium."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from example_db import shared

    return shared(tmp_path_factory)


@pytest.fixture(scope="session")
def server_url(example_db: Path) -> Iterator[str]:
    import uvicorn

    from kroniek.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(example_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("/usr/bin/chromium is missing (apt-get install -y chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server_url: str):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # a 422 is the API refusing bad input on purpose (the page shows it); any other failed load is a bug
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "status of 422" not in m.text else None)
    # anything not on the loopback server is a failure: the page must work offline
    outside: list[str] = []
    pg.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(server_url)
                                    else (outside.append(route.request.url), route.abort())))
    pg.base = server_url
    yield pg
    context.close()
    assert not outside, f"the page asked for outside resources: {outside}"
    assert not errors, f"errors in the page: {errors}"

"""A real Linkwijzer server on a free loopback port, and Debian's Chromium driven by Playwright."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_app(**env: str):
    """``linkwijzer app`` on a free loopback port, the way the README starts it, with these environment values."""
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "linkwijzer"), "app", "--port", str(port)],
                              cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail(f"the app did not start: {server.stdout.read().decode(errors='replace')[-2000:]}")
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


# Module scope, not session: Playwright's sync API keeps an asyncio loop running in this thread
# while it is open, and later (non-browser) tests that start their own loop must not see it.
@pytest.fixture(scope="module")
def app_url(tmp_path_factory, browser):
    # 127.0.0.1 allowed: the hostile-page test serves its page there (tests only ever talk to loopback).
    with running_app(LINKWIJZER_DB=str(tmp_path_factory.mktemp("db") / "linkwijzer.sqlite3"),
                     LINKWIJZER_ALLOW_HOSTS="127.0.0.1") as url:
        warm_up(browser, url)
        yield url


def warm_up(browser, url: str) -> None:
    """Open the default page once, so each module's tests start on a server that has already run
    (a fresh server's first deep-link visit is tested on its own in test_history_browser.py)."""
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("heading", name="Linkwijzer").first.wait_for(timeout=30000)
    page.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the test command installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    context.set_default_timeout(60_000)  # generous: CI machines are shared and Streamlit reruns take a moment
    yield context.new_page()
    context.close()


def screenshot(page, name: str) -> Path:
    """Capture the whole page: Streamlit scrolls inside its main block, so grow the viewport to fit."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=stMain]')?.scrollHeight || 1000")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 6000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path

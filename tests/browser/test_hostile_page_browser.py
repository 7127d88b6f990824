"""A hostile linking page through "Inspect page" in a real browser: its Markdown and HTML stay text.

The page hides image beacons and a phishing link in the sentence around the link and in its
anchor, in Markdown and in HTML. Nothing it names may be requested by the browser, and no link or
image from it may be rendered: it all shows as the characters it is.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


class Hostile(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.port = self.server_address[1]
        self.hits: list[str] = []


class Handler(BaseHTTPRequestHandler):
    server: Hostile

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        if self.path != "/article":
            self.send_response(404)
            self.end_headers()
            return
        beacon = f"http://127.0.0.1:{self.server.port}"
        body = (f"<html><head><title>Fietsen ![t]({beacon}/title.png)</title></head><body><article><p>"
                f"Lees ![pixel]({beacon}/beacon.png) en [Log opnieuw in]({beacon}/login) of {beacon}/bare "
                f"&lt;img src='{beacon}/html.png'&gt; bij "
                f"<a href='https://fietsenvandijk.nl/'>Fietsen ![a]({beacon}/anchor.png) van Dijk</a> "
                f"voor een **goede** fiets.</p></article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hostile():
    server = Hostile()
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_hostile_page_is_shown_as_text_and_loads_nothing(page, app_url, hostile):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{app_url}/check?lang=en")
    page.get_by_text("Which link is it?").first.click()
    page.get_by_label("Linking page (URL)").fill(f"http://127.0.0.1:{hostile.port}/article")
    page.get_by_label("Target page on your site (URL)").fill("https://fietsenvandijk.nl/")
    page.get_by_label("Target page on your site (URL)").press("Enter")
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Inspect page").click()
    page.get_by_text("What the page shows").first.wait_for(timeout=60_000)
    page.wait_for_timeout(2000)

    assert hostile.hits == ["/article"], "only the app's own fetch of the page reached the server"
    beacon = f"127.0.0.1:{hostile.port}"
    assert not [url for url in requested if beacon in url and not url.endswith("/article")], requested
    main = page.locator("[data-testid=stMain]")
    hrefs = main.locator("a").evaluate_all("links => links.map(a => a.href)")
    sources = main.locator("img").evaluate_all("images => images.map(i => i.src)")
    assert not [h for h in hrefs if beacon in h], hrefs
    assert not [s for s in sources if beacon in s], sources
    assert "Log opnieuw in" in main.inner_text()  # the text is there, as text

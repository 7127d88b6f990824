"""A small real site on 127.0.0.1 (started by the tests) with linking pages for the inspection flow."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

TARGET = "https://www.fietsenvandijk.nl/"
FILLER = " ".join(["Fietsen in de stad vragen om goed onderhoud, een stevig slot en een veilige plek."] * 6)

PAGES = {
    "/blog/fietsdiefstal": f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Fietsdiefstal in Utrecht: zo voorkom je het</title></head><body>
<header><nav><a href="/">Home</a> <a href="/blog/">Blog</a></nav></header>
<main><article><h1>Fietsdiefstal in Utrecht</h1><p>{FILLER}</p>
<p>Volgens de monteurs van <a href="{TARGET}blog/fietsdiefstal">Fietsen van Dijk</a> helpt een tweede slot
het meest tegen diefstal van e-bikes en gewone fietsen in de binnenstad.</p><p>{FILLER}</p></article></main>
<footer><a href="/contact">Contact</a></footer></body></html>""",
    "/linkpagina": """<!doctype html><html><head><title>Alle links</title>
<meta name="robots" content="noindex"></head><body><div id="content"><h1>Links</h1><ul>"""
    + "".join(f'<li><a href="https://site{i}.example/">Site {i}</a></li>' for i in range(140))
    + f"""</ul></div><footer class="site-footer"><a href="{TARGET}" rel="sponsored nofollow">e-bike kopen</a>
</footer></body></html>""",
    "/stacked-encodings": "<html><body>plain, whatever the header says</body></html>",
    "/zonder-link": f"<!doctype html><html><head><title>Iets anders</title></head><body><p>{FILLER}</p></body></html>",
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body, status = b"User-agent: *\nAllow: /\n", 200
        elif self.path in PAGES:
            body, status = PAGES[self.path].encode("utf-8"), 200
        else:
            body, status = b"<html><body>not here</body></html>", 404
        self.send_response(status)
        if self.path == "/stacked-encodings":  # hostile: a thousand codings on a plain body
            self.send_header("Content-Encoding", ", ".join(["identity"] * 1000 + ["gzip"] * 10))
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path != "/robots.txt" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(autouse=True)
def allow_loopback(monkeypatch):
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1,localhost")

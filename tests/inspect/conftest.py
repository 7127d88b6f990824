"""Real threaded HTTP servers on 127.0.0.1 and 127.0.0.2 serving the fetch fixtures: loopback only, no mocks."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections import Counter
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import brotli
import pytest

from linkwijzer.inspect import FetchConfig, _guard

PAGE = ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Fietsblog</title></head>"
        "<body><article><p>Een café in België met crème brûlée.</p>"
        "<a href='https://fietsenvandijk.nl/'>Fietsen van Dijk</a></article></body></html>")
CAFE_CP1252 = ("<html><head><title>Café</title></head><body><p>Een café in België, met crème brûlée "
               "en een reünie in Curaçao — ‘mooi’ gezegd.</p></body></html>")
ROBOTS = "User-agent: *\nDisallow: /\n\nUser-agent: Linkwijzer\nDisallow: /private\nAllow: /\n"
BOMB_SIZE = 64 << 20  # decoded size of the compression bombs


@cache
def gzip_bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(BOMB_SIZE >> 20)) + packer.flush()


@cache
def brotli_bomb() -> bytes:
    return brotli.compress(bytes(BOMB_SIZE), quality=5)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # handlers of endless bodies end when the client hangs up, not before

    def __init__(self, host: str) -> None:
        super().__init__((host, 0), Handler)
        self.host, self.port = host, self.server_address[1]
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, str]] = []  # (path with query, Host header, User-Agent)
        self.started: list[tuple[float, str]] = []  # (monotonic time, path) of every request
        self.active = self.most_active = 0  # requests being answered at once (see /hold)
        self.connections = 0
        self.hits: Counter[str] = Counter()
        self.other_port = 0  # the 127.0.0.2 server, for the redirect that must be refused

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def process_request(self, request, client_address) -> None:
        with self.lock:
            self.connections += 1
        super().process_request(request, client_address)

    def paths(self) -> list[str]:
        with self.lock:
            return [p for p, _, _ in self.requests]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, *args) -> None:
        pass

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the client stopped reading: that is what several tests want

    def send(self, status: int, body: bytes = b"", ctype: str | None = "text/html; charset=utf-8",
             **headers: str) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", Location=location)

    def chunked(self, pieces, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece in pieces:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        with self.server.lock:
            self.server.requests.append((self.path, self.headers.get("Host", ""), self.headers.get("User-Agent", "")))
            self.server.started.append((time.monotonic(), self.path))
            self.server.hits[self.path] += 1
            hits = self.server.hits[self.path]
        route = ROUTES.get(path) or next((f for prefix, f in PREFIXES if path.startswith(prefix)), None)
        if route is None:
            self.send(404, b"<html><body>Not found</body></html>")
        else:
            route(self, path, query, hits)


def _page(h, path, query, hits):
    size = int(query.get("kb", ["0"])[0]) * 1024
    body = PAGE.encode()
    h.send(200, body + b"<!--" + b"x" * max(0, size - len(body)) + b"-->" if size else body)


def _redirect_chain(h, path, query, hits):
    left = int(path.rsplit("/", 1)[1])
    h.redirect(f"/redirect/{left - 1}" if left > 1 else "/page", 301 if left % 2 else 302)


def _drip(h, path, query, hits):
    def pieces():
        for _ in range(200):
            time.sleep(0.05)
            yield b"x"
    h.chunked(pieces())


def _endless(h, path, query, hits):
    block = b"<p>" + b"endless " * 8000 + b"</p>"
    h.chunked(iter(lambda: block, None))


def _hold(h, path, query, hits):
    with h.server.lock:
        h.server.active += 1
        h.server.most_active = max(h.server.most_active, h.server.active)
    try:
        time.sleep(float(query.get("s", ["0.2"])[0]))
    finally:
        with h.server.lock:
            h.server.active -= 1
    _page(h, path, query, hits)


def _retry_429(h, path, query, hits):
    if hits == 1:
        h.send(429, b"slow down", "text/plain", Retry_After="1")
    else:
        _page(h, path, query, hits)


def _flap_503(h, path, query, hits):
    if hits <= 2:
        h.send(503, b"busy", "text/plain")
    else:
        _page(h, path, query, hits)


ROUTES = {
    "/page": _page,
    "/private/page": _page,
    "/robots.txt": lambda h, p, q, n: h.send(200, ROBOTS.encode(), "text/plain"),
    "/relative": lambda h, p, q, n: h.redirect("page", 301),
    "/loop/a": lambda h, p, q, n: h.redirect("/loop/b"),
    "/loop/b": lambda h, p, q, n: h.redirect("/loop/a"),
    "/to-other-loopback": lambda h, p, q, n: h.redirect(f"http://127.0.0.2:{h.server.other_port}/page"),
    "/to-ftp": lambda h, p, q, n: h.redirect("ftp://127.0.0.1/file"),
    "/to-malformed": lambda h, p, q, n: h.redirect("http://exa mple.test/"),
    "/to-other-port": lambda h, p, q, n: h.redirect(f"http://127.0.0.1:{h.server.other_port}/page"),
    "/to-localhost": lambda h, p, q, n: h.redirect(f"http://localhost:{h.server.port}/page"),
    "/slow": lambda h, p, q, n: (time.sleep(2), _page(h, p, q, n)),
    "/drip": _drip,
    "/endless": _endless,
    "/gzip-page": lambda h, p, q, n: h.send(200, gzip.compress(PAGE.encode()), Content_Encoding="gzip"),
    "/deflate-raw": lambda h, p, q, n: h.send(200, zlib.compress(PAGE.encode())[2:-4], Content_Encoding="deflate"),
    "/brotli-page": lambda h, p, q, n: h.send(200, brotli.compress(PAGE.encode()), Content_Encoding="br"),
    "/gzip-bomb": lambda h, p, q, n: h.send(200, gzip_bomb(), Content_Encoding="gzip"),
    "/brotli-bomb": lambda h, p, q, n: h.send(200, brotli_bomb(), Content_Encoding="br"),
    "/broken-gzip": lambda h, p, q, n: h.send(200, b"\x1f\x8b\x08\x00 not gzip at all", Content_Encoding="gzip"),
    "/unknown-encoding": lambda h, p, q, n: h.send(200, b"????", Content_Encoding="snappy"),
    "/cp1252-as-utf8": lambda h, p, q, n: h.send(200, CAFE_CP1252.encode("cp1252")),
    "/meta-charset": lambda h, p, q, n: h.send(
        200, ("<html><head><meta charset='windows-1252'>" + CAFE_CP1252[6:]).encode("cp1252"), "text/html"),
    "/http-equiv": lambda h, p, q, n: h.send(200, (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
        + CAFE_CP1252[12:].replace("—", "-").replace("‘", "'").replace("’", "'")).encode("latin-1"), "text/html"),
    "/no-charset": lambda h, p, q, n: h.send(200, (CAFE_CP1252 * 5).encode("cp1252"), "text/html"),
    "/no-content-type": lambda h, p, q, n: h.send(200, PAGE.encode(), None),
    "/utf8-bom": lambda h, p, q, n: h.send(200, b"\xef\xbb\xbf" + PAGE.encode(), "text/html; charset=iso-8859-1"),
    "/pdf": lambda h, p, q, n: h.send(200, b"%PDF-1.4 ...", "application/pdf"),
    "/png": lambda h, p, q, n: h.send(200, b"\x89PNG\r\n\x1a\n....", "image/png"),
    "/error-500": lambda h, p, q, n: h.send(500, b"<html>oops</html>"),
    "/always-503": lambda h, p, q, n: h.send(503, b"busy", "text/plain"),
    # hostile: a bytes codec as charset would inflate the text past every cap; a stack of codings
    "/charset-zlib": lambda h, p, q, n: h.send(200, zlib.compress(b"<html>" + b"A" * 2_000_000), "text/html; charset=zlib"),
    "/charset-rot13": lambda h, p, q, n: h.send(200, PAGE.encode(), "text/html; charset=rot13"),
    "/charset-base64": lambda h, p, q, n: h.send(200, PAGE.encode(), "text/html; charset=base64"),
    "/identity-stack": lambda h, p, q, n: h.send(200, PAGE.encode(), Content_Encoding=", ".join(["identity"] * 1000)),
    "/gzip-stack": lambda h, p, q, n: h.send(200, PAGE.encode(), Content_Encoding=", ".join(["gzip"] * 50)),
    "/host-header": lambda h, p, q, n: h.send(200, f"<html><title>{h.headers.get('Host')}</title></html>".encode()),
}
PREFIXES = [("/redirect/", _redirect_chain), ("/retry-429", _retry_429), ("/flap-503", _flap_503),
            ("/batch/", _page), ("/hold", _hold)]


def _start(host: str) -> Server:
    server = Server(host)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def servers():
    main, other = _start("127.0.0.1"), _start("127.0.0.2")
    main.other_port = other.port
    yield main, other
    for server in (main, other):
        server.shutdown()
        server.server_close()


@pytest.fixture
def server(servers) -> Server:
    """The 127.0.0.1 server with a fresh request log for this test."""
    main, other = servers
    for each in (main, other):
        with each.lock:
            each.requests.clear()
            each.started.clear()
            each.hits.clear()
            each.connections = each.active = each.most_active = 0
    return main


@pytest.fixture
def other(servers, server) -> Server:
    """The 127.0.0.2 server: loopback, but NOT on the allow-list."""
    return servers[1]


@pytest.fixture(autouse=True)
def allow_local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKWIJZER_ALLOW_HOSTS", "127.0.0.1,localhost")


@pytest.fixture(autouse=True)
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard may look up literal IPs and localhost only: any other name fails the test loudly."""
    real = _guard.resolve

    async def resolve(host: str, port: int) -> list[str]:
        if host != "localhost":
            socket.getaddrinfo(host, port, flags=socket.AI_NUMERICHOST)  # raises for a name
        return await real(host, port)

    monkeypatch.setattr(_guard, "resolve", resolve)


@pytest.fixture
def config() -> FetchConfig:
    """Short timeouts so the slow fixtures finish the tests quickly."""
    return FetchConfig(connect_timeout=2, read_timeout=0.5, total_timeout=3, max_bytes=1_000_000)

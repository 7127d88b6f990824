"""Benchmark of the batch check: pages per second against a local server at several concurrency levels.

    .venv/bin/python bench/bench_fetch.py [--pages 600] [--levels 1,4,16,64]

The server runs in its own process on 127.0.0.1 (HTTP/1.1 keep-alive, 20-200 KB pages, plain and
gzip), so it does not share the benchmark's interpreter lock. No politeness delay, per_host as
large as the concurrency (it is one host), robots.txt on. Prints figures, never asserts; the
aim is at least 200 pages/s.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARIANTS = 40  # distinct page bodies; URLs are all distinct, bodies repeat


def page(number: int) -> bytes:
    """An article-like page of 20-200 KB: paragraphs, a nav, links."""
    size = 20_000 + (number * 37_003) % 180_000
    nav = "".join(f"<li><a href='/cat/{i}'>Categorie {i}</a></li>" for i in range(30))
    para = ("<p>Wie een fiets koopt, let op het frame, de versnellingen en de remmen. Een goede "
            "<a href='https://fietsenvandijk.nl/werkplaats'>werkplaats</a> helpt bij het onderhoud; "
            "lees ook <a href='/blog/onderhoud'>ons stuk over onderhoud</a>. Café-praat over crème.</p>")
    head = f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Pagina {number}</title></head>"
    body = f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Fietsen {number}</h1>"
    html = head + body
    while len(html.encode()) < size:
        html += para
    return (html + "</article></main><footer>© Fietsblog</footer></body></html>").encode()


def serve(ready, stop) -> None:
    """The page server (child process): HTTP/1.1 keep-alive, gzip when the client accepts it."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    plain = [page(i) for i in range(VARIANTS)]
    packed = [gzip.compress(p, 6) for p in plain]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle on, the second waits for the client's
        # delayed ACK (~40 ms) and the benchmark would measure that instead of the fetcher.
        disable_nagle_algorithm = True

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, encoding, ctype = b"User-agent: *\nDisallow: /private\n", None, "text/plain"
            else:
                number = int(self.path.rsplit("/", 1)[1]) % VARIANTS
                zipped = self.path.startswith("/gz/") and "gzip" in self.headers.get("Accept-Encoding", "")
                body, encoding = (packed[number], "gzip") if zipped else (plain[number], None)
                ctype = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.send(server.server_address[1])
    stop.wait()
    server.shutdown()


def run(base: str, prefix: str, pages: int, concurrency: int, cache=None, offset: int = 0) -> tuple[float, float, int]:
    """(seconds, client CPU seconds, failed pages) of one batch check."""
    from linkwijzer.inspect import FetchConfig, check_many

    urls = [f"{base}/{prefix}/{offset + i}" for i in range(pages)]
    config = FetchConfig(total_timeout=30, read_timeout=15)
    start, cpu = time.perf_counter(), time.process_time()
    results = check_many(urls, config=config, concurrency=concurrency, per_host=concurrency, delay=0,
                         retries=0, cache=cache)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return elapsed, cpu, sum(not r.ok for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--levels", default="1,4,16,64")
    args = parser.parse_args()
    os.environ["LINKWIJZER_ALLOW_HOSTS"] = "127.0.0.1"
    ready, child_end = multiprocessing.Pipe()
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(child_end, stop), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{ready.recv()}"
    sizes = [len(page(i)) for i in range(VARIANTS)]
    print(f"{args.pages} pages per run, {min(sizes) // 1000}-{max(sizes) // 1000} KB "
          f"(mean {sum(sizes) // len(sizes) // 1000} KB), one host, {os.cpu_count()} cores\n")
    print(f"{'body':<6}{'concurrency':>12}{'seconds':>10}{'pages/s':>10}{'client CPU ms/page':>20}{'failed':>8}")
    try:
        run(base, "p", 20, 4)  # warm-up: imports, SSL context, first connections
        for prefix, label in (("p", "plain"), ("gz", "gzip")):
            for level in (int(x) for x in args.levels.split(",")):
                elapsed, cpu, failed = run(base, prefix, args.pages, level)
                print(f"{label:<6}{level:>12}{elapsed:>10.2f}{args.pages / elapsed:>10.0f}"
                      f"{cpu / args.pages * 1000:>20.2f}{failed:>8}")
        from linkwijzer.store.fetch_cache import FetchCache as Store

        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "cache.sqlite3")
            elapsed, _, failed = run(base, "p", args.pages, 16, cache=store, offset=10_000)
            print(f"\nwith the SQLite cache, concurrency 16: first run {args.pages / elapsed:.0f} pages/s "
                  f"(writing), ", end="")
            elapsed, _, _ = run(base, "p", args.pages, 16, cache=store, offset=10_000)
            print(f"second run {args.pages / elapsed:.0f} pages/s (all from the cache)")
    finally:
        stop.set()
        server.join(5)


if __name__ == "__main__":
    main()

"""Benchmark of reading one page: parse, placement and the whole read_page, for 50 KB to 2 MB pages.

    .venv/bin/python bench/bench_read.py [--repeat 20]

Prints figures, never asserts; the aim is <= 5 ms for a 200 KB page. The pages are built from
the real pages in ../shared/data/placement: the shortest <head> among them, then the <body> contents of
the real pages one after another (as on an endless-scroll page) until the size is reached, cut
at a tag. So the markup, scripts, menus and text are real; only the length is chosen.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from linkwijzer.inspect._placement import Page, placements  # noqa: E402
from linkwijzer.inspect.read import read_page  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "placement" / "html"
SIZES = {"50 KB": 50_000, "200 KB": 200_000, "500 KB": 500_000, "2 MB": 2_000_000}
URL = "https://www.example.com/2019/11/article.html"


def bodies() -> tuple[bytes, list[bytes]]:
    heads, parts = [], []
    for path in sorted(DATA.glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes())
        start, end = html.find(b"<body"), html.rfind(b"</body>")
        if start < 0 or end < 0:
            continue
        start = html.find(b">", start) + 1
        heads.append(html[:start])
        parts.append(html[start:end])
    # the shortest real <head> (some carry 300 KB of inline script, more than a small page)
    return min(heads, key=len), parts


def build(size: int, head: bytes, parts: list[bytes], offset: int) -> bytes:
    """``head`` then real body contents from ``parts[offset:]`` onwards, cut at a tag near ``size``."""
    out, total, i = [head], len(head), offset
    while total < size:
        part = parts[i % len(parts)]
        out.append(part)
        total += len(part)
        i += 1
    html = b"".join(out)
    cut = html.rfind(b"<", 0, size)
    return html[:cut if cut > 0 else size] + b"</body></html>"


def best_ms(work, html: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work(html)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def parse(html: bytes) -> None:
    LexborHTMLParser(html).css("a[href]")


def place(html: bytes) -> None:
    tree = LexborHTMLParser(html)
    placements(Page(tree, "www.example.com"), tree.css("a[href]"))


def read(html: bytes) -> None:
    read_page(html, URL, target="example.org")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per page (best is kept)")
    parser.add_argument("--pages", type=int, default=5, help="different pages per size (median is shown)")
    args = parser.parse_args()
    head, parts = bodies()
    read(build(50_000, head, parts, 0))  # warm the caches (tldextract, stemmers, vocabularies)
    print(f"{'size':>7s} {'links':>6s} {'parse ms':>9s} {'placement ms':>13s} {'read_page ms':>13s}")
    for name, size in SIZES.items():
        rows = []
        for k in range(args.pages):
            html = build(size, head, parts, k * 7)
            links = len(LexborHTMLParser(html).css("a[href]"))
            rows.append((links, best_ms(parse, html, args.repeat), best_ms(place, html, args.repeat),
                         best_ms(read, html, max(3, args.repeat // (size // 200_000 + 1)))))
        links, p, pl, r = (statistics.median(col) for col in zip(*rows))
        print(f"{name:>7s} {links:6.0f} {p:9.2f} {pl:13.2f} {r:13.2f}")
    print("aim: read_page <= 5 ms for 200 KB")


if __name__ == "__main__":
    main()

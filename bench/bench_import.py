"""Import benchmark: 1M-row Ahrefs (UTF-16, TAB) and Semrush (UTF-8 CSV) files versus pyarrow alone.

Run: ``.venv/bin/python bench/bench_import.py [--rows N] [--keep DIR]``. Each measurement runs in
its own subprocess so that peak memory (ru_maxrss) belongs to that step alone.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AHREFS_COLUMNS = (
    "Referring page title", "Referring page URL", "Language", "Platform",
    "Referring page HTTP code", "Domain rating", "UR", "Domain traffic", "Referring domains",
    "Linked domains", "External links", "Page traffic", "Keywords", "Target URL",
    "Left context", "Anchor", "Right context", "Redirect Chain URLs",
    "Redirect Chain status codes", "Type", "Is spam", "Content", "Nofollow", "UGC", "Sponsored",
    "Rendered", "Raw", "Lost status", "Drop reason", "Discovered status", "First seen",
    "Last seen", "Lost", "Author", "Page type", "Page category", "Links in group",
)
SEMRUSH_COLUMNS = (
    "Page ascore", "Source title", "Source url", "Target url", "Anchor", "External links",
    "Internal links", "Nofollow", "Sponsored", "Ugc", "Text", "Frame", "Form", "Image",
    "Sitewide", "First seen", "Last seen", "New link", "Lost link",
)
WORDS = (
    "fiets reparatie tuin keuken recept reizen vakantie amsterdam utrecht hypotheek verzekering "
    "energie zonnepanelen wonen kinderen school sport voetbal hardlopen gezondheid boeken muziek "
    "film review beste goedkoop nieuws blog forum gids tips handleiding winkel webshop aanbieding "
    "camera laptop telefoon auto lease garage makelaar huis bouwen verbouwen schilder dak water"
).split()
TLDS = ("nl", "nl", "nl", "com", "com", "be", "de", "org", "net", "co.uk", "com.au", "eu", "io")


def _pool(rng: np.random.Generator, size: int, parts: int, sep: str) -> np.ndarray:
    """Random word combinations, joined with ``sep``; numpy object array."""
    words = np.array(WORDS, dtype=object)
    out = words[rng.integers(0, len(words), size)]
    for _ in range(parts - 1):
        out = out + sep + words[rng.integers(0, len(words), size)]
    return out


def _pick(rng: np.random.Generator, pool, n: int) -> pa.Array:
    pool = pa.array(list(pool), pa.string())
    return pool.take(pa.array(rng.integers(0, len(pool), n)))


def _dates(rng: np.random.Generator, n: int, fmt: str, start: str = "2022-01-01", days: int = 1400):
    base = np.datetime64(start, "s")
    seconds = rng.integers(0, days * 86400, n)
    return pc.strftime(pa.array(base + seconds.astype("timedelta64[s]")), format=fmt)


def _hosts_and_urls(rng: np.random.Generator, n: int, hosts: int = 40_000):
    names = np.unique(_pool(rng, hosts * 2, 2, "-"))[:hosts]
    tlds = np.array(TLDS, dtype=object)[rng.integers(0, len(TLDS), len(names))]
    prefix = np.array(["", "www.", "www.", "blog.", "nieuws."], dtype=object)
    host_pool = prefix[rng.integers(0, len(prefix), len(names))] + names + "." + tlds
    # A few popular hosts carry many links (site-wide footers), most hosts only a handful.
    weights = rng.pareto(1.2, len(host_pool)) + 1
    host_idx = rng.choice(len(host_pool), n, p=weights / weights.sum())
    host = pa.array(list(host_pool), pa.string()).take(pa.array(host_idx))
    scheme = _pick(rng, ("https://", "https://", "https://", "http://"), n)
    path = _pick(rng, list(_pool(rng, 200_000, 3, "-")), n)
    query = _pick(rng, [""] * 18 + ["?utm_source=nieuwsbrief", "?p=12&utm_medium=mail"], n)
    serial = pa.array(rng.integers(1, 99999, n).astype(str))
    url = pc.binary_join_element_wise(scheme, host, "/", path, "-", serial, "/", query, "")
    return url, host


def ahrefs_table(n: int, seed: int = 1) -> pa.Table:
    """A realistic 37-column Ahrefs backlinks export as an Arrow table of strings."""
    rng = np.random.default_rng(seed)
    source, _ = _hosts_and_urls(rng, n)
    targets = ["https://www.fietsenwinkel.nl/" + p for p in ["", *_pool(rng, 400, 2, "/")]]
    num = lambda lo, hi: pa.array(rng.integers(lo, hi, n).astype(str))  # noqa: E731
    tf = lambda p: pa.array(np.where(rng.random(n) < p, "true", "false"))  # noqa: E731
    lost_date = _dates(rng, n, "%Y-%m-%d %H:%M:%S", "2025-01-01", 300)
    is_lost = rng.random(n) < 0.15
    columns = {
        "Referring page title": _pick(rng, list(_pool(rng, 50_000, 5, " ")), n),
        "Referring page URL": source,
        "Language": _pick(rng, ("nl", "nl", "en", "de", "nl, en", ""), n),
        "Platform": _pick(rng, ("", "wordpress", "ecommerce, wordpress", "blogs"), n),
        "Referring page HTTP code": _pick(rng, ("200",) * 20 + ("0", "429", "404"), n),
        "Domain rating": num(0, 90),
        "UR": pa.array(np.round(rng.random(n) * 40, 1).astype(str)),
        "Domain traffic": num(0, 500_000),
        "Referring domains": num(0, 400),
        "Linked domains": num(0, 3000),
        "External links": num(0, 6000),
        "Page traffic": num(0, 2000),
        "Keywords": num(0, 300),
        "Target URL": _pick(rng, targets, n),
        "Left context": _pick(rng, [""] * 3 + list(_pool(rng, 30_000, 8, " ")), n),
        "Anchor": _pick(rng, [""] + list(_pool(rng, 20_000, 2, " ")), n),
        "Right context": _pick(rng, [""] * 3 + list(_pool(rng, 30_000, 8, " ")), n),
        "Redirect Chain URLs": _pick(rng, [""] * 30 + ["https://www.fietsenwinkel.nl/oud"], n),
        "Redirect Chain status codes": _pick(rng, [""] * 30 + ["301"], n),
        "Type": _pick(rng, ("text",) * 12 + ("image", "redirect", "canonical"), n),
        "Is spam": tf(0.03),
        "Content": tf(0.4),
        "Nofollow": tf(0.3),
        "UGC": tf(0.05),
        "Sponsored": tf(0.02),
        "Rendered": tf(0.1),
        "Raw": tf(0.95),
        "Lost status": pc.if_else(pa.array(is_lost), _pick(rng, ("notfound", "removedfromhtml", "pageerror"), n), ""),
        "Drop reason": _pick(rng, [""] * 20 + ["tooold"], n),
        "Discovered status": _pick(rng, ("linkfound", "linkrestored", "pagefound"), n),
        "First seen": _dates(rng, n, "%Y-%m-%d %H:%M:%S", "2022-01-01", 1100),
        "Last seen": _dates(rng, n, "%Y-%m-%d %H:%M:%S", "2025-01-01", 300),
        "Lost": pc.if_else(pa.array(is_lost), lost_date, ""),
        "Author": _pick(rng, [""] * 5 + ["Jan de Vries", "Sanne Bakker", "Redactie"], n),
        "Page type": _pick(rng, ("article", "homepage", "category", "forum"), n),
        "Page category": _pick(rng, ("Sports; Cycling", "Home & Garden", "Travel; Netherlands", ""), n),
        "Links in group": _pick(rng, ("1",) * 10 + ("2", "14", "3200"), n),
    }
    return pa.table(columns)


def semrush_table(n: int, seed: int = 2) -> pa.Table:
    """A 19-column Semrush backlinks export as an Arrow table of strings."""
    rng = np.random.default_rng(seed)
    source, _ = _hosts_and_urls(rng, n)
    targets = ["https://www.fietsenwinkel.nl/" + p for p in ["", *_pool(rng, 400, 2, "/")]]
    tf = lambda p: pa.array(np.where(rng.random(n) < p, "true", "false"))  # noqa: E731
    columns = {
        "Page ascore": pa.array(rng.integers(0, 90, n).astype(str)),
        "Source title": _pick(rng, list(_pool(rng, 50_000, 5, " ")), n),
        "Source url": source,
        "Target url": _pick(rng, targets, n),
        "Anchor": _pick(rng, [""] + list(_pool(rng, 20_000, 2, " ")), n),
        "External links": pa.array(rng.integers(0, 500, n).astype(str)),
        "Internal links": pa.array(rng.integers(0, 900, n).astype(str)),
        "Nofollow": tf(0.3), "Sponsored": tf(0.02), "Ugc": tf(0.05), "Text": tf(0.8),
        "Frame": tf(0.01), "Form": tf(0.01), "Image": tf(0.15), "Sitewide": tf(0.1),
        "First seen": _dates(rng, n, "%Y-%m-%d", "2022-01-01", 1100),
        "Last seen": _dates(rng, n, "%Y-%m-%d", "2025-01-01", 300),
        "New link": tf(0.05), "Lost link": tf(0.1),
    }
    return pa.table(columns)


def write_ahrefs(path: Path, n: int) -> None:
    """UTF-16 LE with BOM, TAB, every field quoted, LF — as Ahrefs writes it."""
    utf8 = path.with_suffix(".utf8.tmp")
    pcsv.write_csv(ahrefs_table(n), utf8, pcsv.WriteOptions(delimiter="\t", quoting_style="all_valid"))
    with open(utf8, encoding="utf-8", newline="") as src, open(path, "wb") as out:
        out.write(b"\xff\xfe")
        while chunk := src.read(1 << 24):
            out.write(chunk.encode("utf-16-le"))
    utf8.unlink()


def write_semrush(path: Path, n: int) -> None:
    """UTF-8 without BOM, comma, no quotes (the generated values hold no commas) — as Semrush writes it."""
    pcsv.write_csv(semrush_table(n), path, pcsv.WriteOptions(quoting_style="none"))


def baseline(path: Path, encoding: str, delimiter: str) -> None:
    pcsv.read_csv(path, pcsv.ReadOptions(encoding=encoding), pcsv.ParseOptions(delimiter=delimiter))


def ours(path: Path) -> dict[str, float]:
    from linkwijzer.profile.importing.importer import import_files
    from linkwijzer.profile.importing.timing import recording

    with recording() as stages:
        result = import_files([(path.name, path)], max_bytes=8 * 1024**3)
    assert not result.problems, [p.message("en") for p in result.problems]
    assert len(result.links) > 0
    return dict(stages)


def _child(step: str, path: str, profile: bool) -> None:
    """Run one measured step in this (fresh) process and print its figures as JSON."""
    file = Path(path)
    file.read_bytes()  # warm the page cache: both steps then read from memory
    import linkwijzer.profile.importing.importer  # noqa: F401 - import time is not import work
    encoding, delimiter = ("utf-16", "\t") if "ahrefs" in file.name else ("utf8", ",")
    run = (lambda: baseline(file, encoding, delimiter)) if step == "pyarrow" else (lambda: ours(file))
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    stages = profiler.runcall(run) if profiler else run()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if profiler:
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(r"framework|pyarrow|pandas", 20)
    print(json.dumps({"seconds": seconds, "peak_bytes": peak, "stages": stages or {}}))


def _run(step: str, path: Path, profile: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", step, str(path)] + (["--profile"] if profile else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    if profile:
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(path: Path, repeat: int, profile: bool = False) -> tuple[dict, dict, list[float]]:
    """pyarrow and our import, alternating in fresh processes so both see the same machine load
    (others share it); the best time of each, the highest peak, and every pair's ratio."""
    pairs = [(_run("pyarrow", path), _run("ours", path, profile and i == 0)) for i in range(repeat)]
    best = [min((p[k] for p in pairs), key=lambda r: r["seconds"]) for k in (0, 1)]
    for k in (0, 1):
        best[k] = {**best[k], "peak_bytes": max(p[k]["peak_bytes"] for p in pairs)}
    return best[0], best[1], sorted(o["seconds"] / b["seconds"] for b, o in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts")
    parser.add_argument("--keep", type=Path, help="write the generated files here and keep them")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of our import")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.profile)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="linkwijzer-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = {"ahrefs": folder / "ahrefs_backlinks.csv", "semrush": folder / "semrush_backlinks.csv"}
    for name, writer in (("ahrefs", write_ahrefs), ("semrush", write_semrush)):
        if not files[name].exists():
            start = time.perf_counter()
            writer(files[name], args.rows)
            print(f"generated {files[name].name}: {files[name].stat().st_size / 1e6:.0f} MB "
                  f"in {time.perf_counter() - start:.1f} s")
    try:
        for name, path in files.items():
            base, mine, ratios = _measure(path, args.repeat, profile=args.profile)
            ratio = mine["seconds"] / base["seconds"]
            print(f"\n{name}: {args.rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB")
            print(f"  pyarrow.csv.read_csv alone  {base['seconds']:6.2f} s   peak {base['peak_bytes'] / 1e9:.2f} GB")
            print(f"  import to canonical table   {mine['seconds']:6.2f} s   peak {mine['peak_bytes'] / 1e9:.2f} GB")
            print(f"  ratio of best times {ratio:.2f}x, per run {' '.join(f'{r:.2f}' for r in ratios)} "
                  f"(target <= 3x); peak memory {'OK' if mine['peak_bytes'] < 2.5e9 else 'OVER'} (target < 2.5 GB)")
            print("  where the time goes (wall clock; stages on worker threads overlap the main thread):")
            for stage, seconds in sorted(mine["stages"].items(), key=lambda kv: -kv[1]):
                print(f"    {stage:32s} {seconds:6.2f} s")
    finally:
        if not args.keep:
            for path in files.values():
                path.unlink(missing_ok=True)
            folder.rmdir()


if __name__ == "__main__":
    main()

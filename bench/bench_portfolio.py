"""Benchmark of the portfolio: generated sites reviewed by one process, by --engine local on all cores, and by Ray.

    .venv/bin/python bench/bench_portfolio.py [--sites 200] [--links 20000] [--big 1000000] [--keep DIR]

Prints sites/s, links/s and peak memory (the largest resident set of any one process, from
getrusage of this process and its children) per engine; never asserts. Each engine runs in a
child process, so one's memory does not hide another's. Ray runs locally, on loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import write_ahrefs  # noqa: E402  - the same realistic generator as the import benchmark


def build(root: Path, sites: int, links: int, big: int) -> int:
    """``sites`` folders of ``links`` links (one file shared by hard links: generating is not what is measured),
    plus one site of ``big`` links; the total number of links."""
    template = root / "_template.csv"
    write_ahrefs(template, links)
    for i in range(sites):
        folder = root / f"site{i:04d}.nl"
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "ahrefs.csv").exists():
            os.link(template, folder / "ahrefs.csv")
    total = sites * links
    if big:
        folder = root / "groot.nl"
        folder.mkdir(exist_ok=True)
        if not (folder / "ahrefs.csv").exists():
            write_ahrefs(folder / "ahrefs.csv", big)
        total += big
    template.unlink()
    return total


def child(root: str, engine: str, workers: int) -> None:
    import resource

    from linkwijzer.history.portfolio import run_portfolio

    start = time.perf_counter()
    result = run_portfolio(Path(root), engine, workers)
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "sites": len(result["sites"]), "errors": len(result["errors"]),
                      "peak_mb": peak / 1024, "outcomes": sorted((s["site"], s["outcome"]) for s in result["sites"])}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--links", type=int, default=20000)
    parser.add_argument("--big", type=int, default=1_000_000, help="links of one extra large site (0: none)")
    parser.add_argument("--keep", type=Path, help="build the portfolio here and keep it (reused when present)")
    parser.add_argument("--engines", default="one,local,ray")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return
    holder = None if args.keep else tempfile.TemporaryDirectory()
    root = args.keep or Path(holder.name)
    start = time.perf_counter()
    total = build(root, args.sites, args.links, args.big)
    count = args.sites + (1 if args.big else 0)
    print(f"portfolio: {count} sites, {total:,} links (built in {time.perf_counter() - start:.1f} s); "
          f"{os.cpu_count()} cores")
    runs = {"one": ("local", 1), "local": ("local", os.cpu_count() or 1), "ray": ("ray", os.cpu_count() or 1)}
    outcomes = {}
    for name in args.engines.split(","):
        engine, workers = runs[name]
        env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
        out = subprocess.run([sys.executable, __file__, "--child", str(root), engine, str(workers)],
                             capture_output=True, text=True, env=env)
        if out.returncode:
            print(f"{name:6s} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        outcomes[name] = r.pop("outcomes")
        print(f"{name:6s} ({engine}, {workers} worker{'s' if workers > 1 else ''}): {r['seconds']:.1f} s, "
              f"{r['sites'] / r['seconds']:.2f} sites/s, {total / r['seconds']:,.0f} links/s, "
              f"peak {r['peak_mb']:.0f} MB per process, {r['errors']} errors")
    if len({json.dumps(v) for v in outcomes.values()}) > 1:
        print("engines disagree on outcomes!")
    elif outcomes:
        print("all engines gave the same outcomes")
    if holder:
        holder.cleanup()


if __name__ == "__main__":
    main()

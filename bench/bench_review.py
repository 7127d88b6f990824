"""Benchmark of the profile review: full analysis of a 1M-link profile against its import, and a
page rerun after a filter change on a 100k-link profile (AppTest), from the session cache.

    .venv/bin/python bench/bench_review.py [--rows 1000000] [--page-rows 100000] [--keep DIR]

Prints figures, never asserts: targets are analysis <= 1x the import time, rerun <= 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import write_ahrefs  # noqa: E402  - the same realistic generator as the import benchmark

SETTINGS = dict(site="example.nl", keywords=("fiets kopen", "e-bike kopen", "goedkope fiets"),
                topics=("fiets", "e-bike", "mobiliteit"))


def child(path: str) -> None:
    """Import then review in this fresh process; print both times and the peak memory as JSON."""
    from linkwijzer.profile.importing.importer import import_files
    from linkwijzer.profile.review.run import review_profile
    from linkwijzer.profile.review.settings import ProfileSettings

    start = time.perf_counter()
    result = import_files([(Path(path).name, Path(path))], max_bytes=8 * 1024**3)
    imported = time.perf_counter()
    stages = {}
    review = review_profile(result.links, result.aggregates, ProfileSettings(**SETTINGS), "en",
                            progress=lambda f, stage: stages.setdefault(stage, time.perf_counter()))
    done = time.perf_counter()
    marks = sorted(stages.items(), key=lambda kv: kv[1]) + [("end", done)]
    steps = {name: round(marks[i + 1][1] - at, 3) for i, (name, at) in enumerate(marks[:-1])}
    print(json.dumps({"links": len(result.links), "import": imported - start, "review": done - imported,
                      "outcome": review.outcome, "steps": steps,
                      "peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def page_rerun(path: Path) -> dict:
    """AppTest on the profile page with the file uploaded: time a filter change, and the change back."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/profile.py")
    at.run()
    at.file_uploader(key="profile.uploads").set_value([(path.name, path.read_bytes(), "text/csv")])
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    timings = {"first_load": first}
    for label, value in (("filter_change_new", True), ("filter_back_cached", False), ("filter_again_cached", True)):
        at.toggle(key="review.follow_only").set_value(value)
        start = time.perf_counter()
        at.run()
        timings[label] = time.perf_counter() - start
        assert not at.exception, at.exception
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--page-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="linkwijzer-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    big, small = folder / f"ahrefs_{args.rows}.csv", folder / f"ahrefs_{args.page_rows}.csv"
    for path, rows in ((big, args.rows), (small, args.page_rows)):
        if not path.exists():
            write_ahrefs(path, rows)
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--child", str(big)], capture_output=True,
                                      text=True, check=True).stdout.strip().splitlines()[-1])
            for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["review"])
    ratios = sorted(r["review"] / r["import"] for r in runs)
    print(f"review of {best['links']:,} links ({big.stat().st_size / 1e6:,.0f} MB Ahrefs UTF-16 export)")
    print(f"  import             {best['import']:6.2f} s")
    print(f"  full analysis      {best['review']:6.2f} s   outcome {best['outcome']}")
    print(f"  analysis / import  {best['review'] / best['import']:.2f}x (per run {' '.join(f'{r:.2f}' for r in ratios)};"
          f" target <= 1x)")
    print(f"  peak memory        {max(r['peak_bytes'] for r in runs) / 1e9:.2f} GB (import + analysis, one process)")
    print("  where the analysis time goes:")
    for step, seconds in sorted(best["steps"].items(), key=lambda kv: -kv[1]):
        print(f"    {step:40s} {seconds:6.2f} s")
    timings = page_rerun(small)
    print(f"\nprofile page, {args.page_rows:,} links (AppTest, whole script rerun)")
    for label, seconds in timings.items():
        print(f"  {label:22s} {seconds:6.2f} s")
    print("  target: a rerun from the session cache <= 0.5 s")


if __name__ == "__main__":
    main()

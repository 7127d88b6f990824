"""``linkwijzer snapshot``, ``history`` and ``portfolio``: a site over time, and many sites (parsing and printing only)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from linkwijzer.cli.common import DEFAULT_MAX_MB, UsageError, checked_domain, existing, load_exports
from linkwijzer.i18n import LANGUAGES


def add_history_parsers(commands) -> None:
    snapshot = commands.add_parser("snapshot", help="save a site's exports as a dated snapshot of its profile")
    snapshot.add_argument("files", nargs="+", metavar="FILE", type=Path)
    snapshot.add_argument("--site", required=True, metavar="DOMAIN", help="the site the links point to")
    snapshot.add_argument("--date", metavar="YYYY-MM-DD",
                          help="the date it stands for (default: the exports' newest 'last seen', else today)")
    snapshot.add_argument("--lang", choices=LANGUAGES, default="nl")
    snapshot.add_argument("--max-mb", type=int, default=DEFAULT_MAX_MB, help="refuse files larger than this")
    snapshot.add_argument("--json", action="store_true")
    history = commands.add_parser("history", help="a site's snapshots over time: domains gained and lost, signals")
    history.add_argument("--site", required=True, metavar="DOMAIN")
    history.add_argument("--lang", choices=LANGUAGES, default="nl")
    history.add_argument("--json", action="store_true")
    portfolio = commands.add_parser("portfolio", help="review every site in DIR (one folder per site), worst first")
    portfolio.add_argument("dir", metavar="DIR", type=Path)
    portfolio.add_argument("--engine", choices=("local", "ray"), default="local",
                           help="local: processes on this machine; ray: Ray tasks (RAY_ADDRESS for a cluster)")
    portfolio.add_argument("--workers", type=int, default=None, help="sites reviewed at once (default: all cores)")
    portfolio.add_argument("--lang", choices=LANGUAGES, default="nl")
    portfolio.add_argument("--json", action="store_true")


def _site(raw: str) -> str:
    from linkwijzer.profile.review.settings import ProfileSettings

    domain = ProfileSettings(site=raw).domain
    checked_domain(raw, domain)
    return domain


def run_snapshot(args: argparse.Namespace) -> int:
    from linkwijzer.history.snapshots import HistoryStore, snapshot_date
    from linkwijzer.profile.review.scope import scope_of

    site = _site(args.site)
    existing(args.files)
    try:
        when = snapshot_date(None, args.date) if args.date else None
    except ValueError:
        raise UsageError(f"--date needs YYYY-MM-DD, got {args.date!r}") from None
    imported = load_exports(args.files, args.lang, args.max_mb)
    if not imported.files:
        return 1
    scope = scope_of(imported, site, args.lang)
    for note in scope.notes:
        print(f"linkwijzer: {note}", file=sys.stderr)
    when = when or snapshot_date(scope.links)
    saved = HistoryStore().save(site, scope.links, when, tuple(f.name for f in args.files))
    if args.json:
        print(json.dumps(saved.to_json(), indent=2))
    else:
        print(f"{saved.site} {saved.date}: {saved.links} links, {saved.referring_domains} referring domains")
    return 0


def run_history(args: argparse.Namespace) -> int:
    from linkwijzer.history.snapshots import HistoryStore
    from linkwijzer.history.timeline import timeline
    from linkwijzer.profile.review.settings import ProfileSettings

    site = _site(args.site)
    store = HistoryStore()
    saved = store.snapshots(site)
    if not saved:
        print(f"linkwijzer: no snapshots of {site} in {store.root} (save one with: linkwijzer snapshot FILE --site "
              f"{site})", file=sys.stderr)
        return 1
    periods = timeline([(s.date, store.links(site, s.date)) for s in saved], ProfileSettings(site=site), args.lang)
    if args.json:
        print(json.dumps({"site": site, "snapshots": [p.to_json() for p in periods]}, ensure_ascii=False, indent=2))
        return 0
    for p in periods:
        moved = f"; moved: {', '.join(p.moved)}" if p.moved else ""
        print(f"{p.date}  {p.outcome:9s} {p.links:>8} links  {p.referring_domains:>6} domains  "
              f"+{p.new_domains} -{p.lost_domains}{moved}")
    return 0


def run_portfolio(args: argparse.Namespace) -> int:
    from linkwijzer.history.portfolio import PortfolioError, run_portfolio as run

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")

    def progress(done: int, total: int, result: dict) -> None:
        if not args.json:
            print(f"\r{done}/{total} sites", end="", file=sys.stderr, flush=True)

    try:
        result = run(args.dir, args.engine, args.workers, args.lang, progress)
    except PortfolioError as error:
        raise UsageError(str(error)) from None
    if not args.json:
        print(file=sys.stderr)
    keys = ("site", "outcome", "links", "referring_domains", "new_domains", "signals")
    sites = [{**{k: s[k] for k in keys}, **{k: v for k, v in s.items() if k not in keys}} for s in result["sites"]]
    if args.json:
        print(json.dumps({"sites": sites, "errors": result["errors"]}, ensure_ascii=False, indent=2))
    else:
        for s in sites:
            moved = f"  moved: {', '.join(s['moved'])}" if s.get("moved") else ""
            print(f"{s['site']:30s} {s['outcome']:9s} {s['links']:>8} links {s['referring_domains']:>6} domains "
                  f"+{s['new_domains']}{moved}")
        for e in result["errors"]:
            print(f"linkwijzer: {e['site']}: {e['error']}", file=sys.stderr)
    return 0 if sites or not result["errors"] else 1


__all__ = ["add_history_parsers", "run_history", "run_portfolio", "run_snapshot"]

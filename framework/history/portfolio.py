"""Many sites at once: one folder per site, reviewed site by site on this machine's cores or on Ray.

``DIR/<domain>/`` holds that site's exports, optionally in one subfolder per month
(``DIR/<domain>/2026-09/``) for its history. ``review_site`` is the one per-site function; the
engines only decide where it runs. Each result is a small dict, so memory follows the largest
single site, never the portfolio: the local engine keeps at most ``workers`` sites in flight, and
Ray is handed at most twice its worker count at a time.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

_MONTH = re.compile(r"\d{4}-\d{2}")
_SITE = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")
ENGINES = ("local", "ray")
LOOPBACK_ONLY = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
_OUTCOME_RANK = {"intervene": 0, "watch": 1, "healthy": 2}
_LEVEL_RANK = {"concern": 0, "watch": 1, "unknown": 2, "ok": 3}


class PortfolioError(Exception):
    """The portfolio cannot run at all (no such folder, Ray missing); one bad site is never this."""


def site_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        raise PortfolioError(f"no such folder: {root}")
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _export_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def review_site(folder: str, lang: str = "nl") -> dict:
    """Review one site's folder: its months as snapshots (or its exports as one), latest first in what it returns.

    Never raises: a folder that cannot be read comes back as ``{"site": ..., "error": ...}``.
    """
    from linkwijzer.history.snapshots import snapshot_date
    from linkwijzer.history.timeline import timeline
    from linkwijzer.profile.importing.importer import import_files
    from linkwijzer.profile.review.scope import scope_of
    from linkwijzer.profile.review.settings import ProfileSettings

    path = Path(folder)
    site = path.name.lower()
    try:
        if not _SITE.fullmatch(site):
            raise ValueError("the folder's name must be the site's domain (example.nl)")
        months = sorted(p for p in path.iterdir() if p.is_dir() and _MONTH.fullmatch(p.name))
        groups = [(m.name, _export_files(m)) for m in months] or [("", _export_files(path))]
        settings = ProfileSettings(site=site)
        snapshots = []
        for month, files in groups:
            if not files:
                continue
            imported = import_files([(f.name, f) for f in files], lang=lang)
            if not imported.files:
                raise ValueError("; ".join(p.message(lang) for p in imported.problems) or "no readable export")
            links = scope_of(imported, site, lang).links  # the site's own links when files hold several sites
            when = snapshot_date(links)
            if month and not when.startswith(month):  # the folder's month wins over what the files say
                when = f"{month}-01"
            snapshots.append((when, links))
            del imported
        if not snapshots:
            raise ValueError("no export files in this folder")
        return summary(site, timeline(snapshots, settings, lang))
    except Exception as error:  # one bad folder never stops the rest  # noqa: BLE001
        return {"site": site, "error": f"{type(error).__name__}: {error}"}


def summary(site: str, periods: list) -> dict:
    """What the portfolio shows of a site: its latest snapshot, and what changed since the one before."""
    latest, previous = periods[-1], periods[-2] if len(periods) > 1 else None
    return {"site": site, "date": latest.date, "outcome": latest.outcome, "links": latest.links,
            "referring_domains": latest.referring_domains, "new_domains": latest.new_domains,
            "lost_domains": latest.lost_domains, "signals": latest.signals,
            "previous_outcome": previous.outcome if previous else None, "moved": latest.moved,
            "good_new_share": latest.good_new_share, "snapshots": len(periods)}


def stored(store, lang: str = "nl", progress: Callable[[int, int], None] | None = None) -> list[dict]:
    """The summary of every site with snapshots in ``store``, worst first (the app's portfolio page).

    Only each site's last two snapshots are reviewed: enough for "what changed since the previous"."""
    from linkwijzer.history.timeline import timeline
    from linkwijzer.profile.review.settings import ProfileSettings

    sites = store.sites()
    out = []
    for done, site in enumerate(sites, 1):
        saved = store.snapshots(site)
        periods = timeline([(s.date, store.links(site, s.date)) for s in saved[-2:]], ProfileSettings(site=site), lang)
        out.append({**summary(site, periods), "snapshots": len(saved)})
        if progress:
            progress(done, len(sites))
    return sorted(out, key=attention)


def attention(result: dict) -> tuple:
    """Sort key: worst outcome first, then worsened since the previous snapshot, then most concerns."""
    outcome = _OUTCOME_RANK.get(result.get("outcome", ""), 3)
    previous = _OUTCOME_RANK.get(result.get("previous_outcome") or "", outcome)
    levels = list((result.get("signals") or {}).values())
    return (outcome, -(previous - outcome), -levels.count("concern"), -levels.count("watch"), result["site"])


def run_portfolio(root: Path, engine: str = "local", workers: int | None = None, lang: str = "nl",
                  progress: Callable[[int, int, dict], None] | None = None) -> dict:
    """``sites`` sorted by what needs attention first, and ``errors`` for folders that could not be read."""
    folders = [str(f) for f in site_folders(root)]
    workers = max(1, workers or os.cpu_count() or 1)
    if engine == "local":
        results = _local(folders, workers, lang)
    elif engine == "ray":
        results = _ray(folders, workers, lang)
    else:
        raise PortfolioError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    sites, errors = [], []
    for done, result in enumerate(results, 1):
        (errors if "error" in result else sites).append(result)
        if progress:
            progress(done, len(folders), result)
    return {"sites": sorted(sites, key=attention), "errors": sorted(errors, key=lambda e: e["site"])}


def _local(folders: list[str], workers: int, lang: str) -> Iterator[dict]:
    if workers == 1:  # one process: no pool, the baseline the others are measured against
        for folder in folders:
            yield review_site(folder, lang)
        return
    # spawned, not forked: a fork of a process that already runs Arrow's threads can hang on their locks
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending = iter(folders)
        running = {pool.submit(review_site, f, lang) for f in _take(pending, workers)}
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
            running |= {pool.submit(review_site, f, lang) for f in _take(pending, len(done))}


def _ray(folders: list[str], workers: int, lang: str) -> Iterator[dict]:
    address = os.environ.get("RAY_ADDRESS", "").strip()
    if not address:
        # Ray turns "127.0.0.1" into this machine's network address unless it believes it runs
        # without a cluster; read at import, so set before it. Every part then binds and talks
        # on loopback only.
        os.environ.setdefault(LOOPBACK_ONLY, "0")
    try:
        import ray
    except ImportError:
        raise PortfolioError("--engine ray needs Ray: pip install 'linkwijzer[scale]'") from None
    started = not ray.is_initialized()
    if started:
        if address:  # an agency's cluster
            ray.init(address=address, log_to_driver=False)
        else:  # a local Ray on this machine, on loopback only
            ray.init(num_cpus=workers, _node_ip_address="127.0.0.1", include_dashboard=False, log_to_driver=False)
    try:
        task = ray.remote(review_site)
        pending = iter(folders)
        running = [task.remote(f, lang) for f in _take(pending, 2 * workers)]
        while running:
            done, running = ray.wait(running, num_returns=1)
            for ref in done:
                yield ray.get(ref)
            running += [task.remote(f, lang) for f in _take(pending, len(done))]
    finally:
        if started:
            ray.shutdown()


def _take(items: Iterator[str], n: int) -> list[str]:
    out = []
    for item in items:
        out.append(item)
        if len(out) >= n:
            break
    return out


__all__ = ["ENGINES", "LOOPBACK_ONLY", "PortfolioError", "attention", "review_site", "run_portfolio", "site_folders",
           "stored", "summary"]

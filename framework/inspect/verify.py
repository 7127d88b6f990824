"""Check a profile's source pages live: is the link still there, where does it sit, which rel does it carry?

Fills in placement and rel where the export did not say, and marks links that are lost
(page gone, link removed, or now nofollow). Works on a sample or on every source URL.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from linkwijzer.inspect.batch import check_many
from linkwijzer.inspect.fetch import FetchConfig, FetchResult
from linkwijzer.inspect.read import read_page

LIVE_STATES = ("present", "removed", "now_nofollow", "page_gone", "unreachable", "not_checked")
Progress = Callable[[int, int, FetchResult], None]


@dataclass
class Verification:
    links: pd.DataFrame
    """The input links with ``live_status`` added and ``placement``/``nofollow``/``sponsored``/``ugc`` filled in
    from the live page where the export had nothing (``placement_source`` says where the value came from)."""
    checked_pages: int
    counts: dict[str, int]
    """Links per live state."""

    def summary(self) -> dict:
        return {"checked_pages": self.checked_pages, "links": int(len(self.links)), "live_status": self.counts}


def choose_pages(links: pd.DataFrame, sample: int | None, seed: int = 7) -> list[str]:
    """The source pages to check: all, or a reproducible sample spread over the referring domains."""
    pages = links.drop_duplicates("source_url")
    if sample is None or sample >= len(pages):
        return pages["source_url"].astype(str).tolist()
    # One page per domain first (breadth tells more than depth), then fill up at random.
    first = pages.drop_duplicates("source_domain")
    rng = random.Random(seed)
    chosen = first["source_url"].astype(str).tolist()
    rng.shuffle(chosen)
    chosen = chosen[:sample]
    if len(chosen) < sample:
        rest = sorted(set(pages["source_url"].astype(str)) - set(chosen))
        rng.shuffle(rest)
        chosen += rest[: sample - len(chosen)]
    return chosen


def verify_links(links: pd.DataFrame, target: str, *, sample: int | None = 50, config: FetchConfig | None = None,
                 concurrency: int = 8, progress: Progress | None = None, cancel: threading.Event | None = None,
                 cache=None, lang: str = "nl") -> Verification:
    pages = choose_pages(links, sample)
    results = check_many(pages, config=config, concurrency=concurrency, progress=progress, cancel=cancel,
                         cache=cache)
    per_page: dict[str, dict] = {}
    for url, result in zip(pages, results):
        per_page[url] = _page_state(result, target, lang)
    out = links.copy()
    source = out["source_url"].astype(str)
    state = source.map(lambda u: per_page.get(u, {}).get("status", "not_checked"))
    if "nofollow" in out:  # "now nofollow" only means something when the export knew it as follow
        was_nofollow = out["nofollow"].astype("boolean").fillna(False).to_numpy(bool)
        state = state.where(~((state == "now_nofollow").to_numpy() & was_nofollow), "present")
    out["live_status"] = pd.Categorical(state, categories=LIVE_STATES)
    live_placement = source.map(lambda u: per_page.get(u, {}).get("placement"))
    known = out["placement"].astype("object").isin(["unknown"]) | out["placement"].isna() \
        if "placement" in out else pd.Series(True, index=out.index)
    fill = known & live_placement.notna()
    if "placement" in out:
        placement = out["placement"].astype("object").where(~fill, live_placement)
    else:
        placement = live_placement.fillna("unknown")
    out["placement"] = placement.astype("category")
    out["placement_source"] = np.where(fill, "live", "export")
    for rel in ("nofollow", "sponsored", "ugc"):
        live = source.map(lambda u, r=rel: per_page.get(u, {}).get(r))
        column = out[rel] if rel in out else pd.Series(pd.NA, index=out.index, dtype="boolean")
        out[rel] = column.astype("boolean").where(column.notna() | live.isna(), live.astype("boolean"))
    counts = {s: int((out["live_status"] == s).sum()) for s in LIVE_STATES}
    return Verification(out, checked_pages=sum(1 for r in results if r.error != "cancelled"), counts=counts)


def _page_state(result: FetchResult, target: str, lang: str) -> dict:
    if result.error == "cancelled":
        return {"status": "not_checked"}
    if result.error == "http_error" and result.status in (404, 410):
        return {"status": "page_gone"}
    if not result.ok or not result.text:
        return {"status": "unreachable"}
    reading = read_page(result.text, result.final_url or result.url, target=target, lang=lang)
    if not reading.found:
        return {"status": "removed"}
    link = next((l for l in reading.found if l.placement in ("content", "content_list")), reading.found[0])
    rel = link.rel
    nofollow = "nofollow" in rel or reading.robots.nofollow
    return {"status": "now_nofollow" if nofollow else "present", "placement": link.placement,
            "nofollow": nofollow, "sponsored": "sponsored" in rel, "ugc": "ugc" in rel}

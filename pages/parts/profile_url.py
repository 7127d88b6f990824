"""The profile review's settings and filters in the URL, so "send me that view" is a link.

``?sample=overoptimised&site=snelle-ebikes.nl&kw=e-bike+kopen,goedkope+e-bike&topic=fiets&from=2025-01-01&follow=1``
Uploaded files cannot travel in a link: the recipient opens the same view on the same files.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from linkwijzer.profile.importing.samples import SAMPLES
from pages.parts.common import FRAME_KEYS

LISTS = {"brand": "review.brand", "kw": "review.keywords", "topic": "review.topics", "explained": "review.explained"}
WRITTEN = "_profile_written"


def seed() -> None:
    """Apply the URL to the widgets when it is not what this session last wrote (a shared link, a reload)."""
    url = {k: v for k, v in st.query_params.to_dict().items() if k not in FRAME_KEYS}
    state = st.session_state
    if not url or url == state.get(WRITTEN):
        return
    if url.get("sample") in SAMPLES:
        state["profile.sample"] = url["sample"]
    if "site" in url:
        state["review.site"] = url["site"][:200]
    for key, widget in LISTS.items():
        if key in url:
            state[widget] = [item.strip() for item in url[key].split(",") if item.strip()][:50]
    start, end = _date(url.get("from")), _date(url.get("to"))
    if start or end:
        state["review.url_dates"] = (start, end)
    state["review.follow_only"] = url.get("follow") == "1"
    state["review.include_lost"] = url.get("lost") != "0"
    state["review.from_url"] = True  # keep these settings when the profile loads, instead of its defaults
    state[WRITTEN] = url


def write(sample_id: str | None, settings, filters) -> None:
    params = {"sample": sample_id or "", "site": settings.site,
              "brand": ",".join(settings.brand), "kw": ",".join(settings.keywords),
              "topic": ",".join(settings.topics), "explained": ",".join(settings.explained_bursts),
              "from": filters.start.isoformat() if filters.start else "",
              "to": filters.end.isoformat() if filters.end else "",
              "follow": "1" if filters.follow_only else "", "lost": "" if filters.include_lost else "0"}
    params = {k: v for k, v in params.items() if v}
    current = st.query_params.to_dict()
    for key in current.keys() - params.keys() - FRAME_KEYS:
        del st.query_params[key]
    st.query_params.update({k: v for k, v in params.items() if current.get(k) != v})
    st.session_state[WRITTEN] = params


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None

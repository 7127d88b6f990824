"""The profile review's settings and filters in the URL, so "send me that view" is a link.

``?sample=overoptimised&site=snelle-ebikes.nl&keyword=e-bike+kopen,goedkope+e-bike&topic=fiets&from=2025-01&follow_only=1``
The parameter names and their reading come from ``linkwijzer.profile.review.options`` — the same
definition the CLI's flags come from. Uploaded files cannot travel in a link: the recipient opens
the same view on the same files.
"""

from __future__ import annotations

import streamlit as st

from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.profile.review.options import OPTIONS, read_url, url_params, values_of
from pages.parts.common import FRAME_KEYS

# Where each option lives in the page's widgets (dates share one slider, set in filters()).
WIDGETS = {"site": "review.site", "brand": "review.brand", "keyword": "review.keywords", "topic": "review.topics",
           "explained_burst": "review.explained", "follow_only": "review.follow_only",
           "include_lost": "review.include_lost"}
OWN = {"sample"} | {name for option in OPTIONS for name in (option.name, *option.legacy)}
WRITTEN = "_profile_written"


def seed() -> None:
    """Apply the URL to the widgets when it is not what this session last wrote (a shared link, a reload)."""
    url = {k: v for k, v in st.query_params.to_dict().items() if k not in FRAME_KEYS}
    state = st.session_state
    if not url or url == state.get(WRITTEN):
        return
    if url.get("sample") in SAMPLES:
        state["profile.sample"] = url["sample"]
    values = read_url(url)
    for name, widget in WIDGETS.items():
        if name in values:
            state[widget] = values[name]
    if "from" in values or "to" in values:
        state["review.url_dates"] = (values.get("from"), values.get("to"))
    state.setdefault("review.include_lost", False)
    state["review.from_url"] = True  # keep these settings when the profile loads, instead of its defaults
    state[WRITTEN] = url


def write(sample_id: str | None, settings, filters) -> None:
    params = {**({"sample": sample_id} if sample_id else {}), **url_params(values_of(settings, filters))}
    current = st.query_params.to_dict()
    for key in current.keys() - params.keys() - FRAME_KEYS:
        del st.query_params[key]
    st.query_params.update({k: v for k, v in params.items() if current.get(k) != v})
    st.session_state[WRITTEN] = params

"""The profile review's settings and filters in the URL, so "send me that view" is a link.

``?sample=overoptimised&site=snelle-ebikes.nl&keyword=e-bike+kopen,goedkope+e-bike&topic=fiets&from=2025-01&follow_only=1``
The parameter names and their reading come from ``linkwijzer.profile.review.options`` — the same
definition the CLI's flags come from. Uploaded files cannot travel in a link; a profile saved in the
store can (``?profile=3``): a reopened tab loads its files from there.
"""

from __future__ import annotations

import streamlit as st

from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.profile.review.options import OPTIONS, read_url, url_params, values_of
from linkwijzer.store.database import StoreError
from pages.parts.common import FRAME_KEYS, saved_profiles
from pages.parts.uploads import keep, kept_identity

# Where each option lives in the page's widgets (dates share one slider, set in filters()).
WIDGETS = {"site": "review.site", "brand": "review.brand", "keyword": "review.keywords", "topic": "review.topics",
           "explained_burst": "review.explained", "follow_only": "review.follow_only",
           "include_lost": "review.include_lost"}
OWN = {"sample", "profile"} | {name for option in OPTIONS for name in (option.name, *option.legacy)}
WRITTEN = "_profile_written"
UPLOADS = "profile.uploads"
SAVED = "saved:"
SAVED_AS = "profile.saved_as"


def seed() -> None:
    """Apply the URL to the widgets when it is not what this session last wrote (a shared link, a reload)."""
    url = {k: v for k, v in st.query_params.to_dict().items() if k not in FRAME_KEYS}
    state = st.session_state
    if not url or url == state.get(WRITTEN):
        return
    number = url.get("profile", "")
    if number.isdigit() and saved_number() != int(number):
        reopen(int(number), params=url)
        return
    apply(url)


def apply(params: dict[str, str], overrides: dict[str, str] | None = None) -> None:
    """Put these URL parameters into the page's widgets; they win over the loaded profile's defaults."""
    state = st.session_state
    if params.get("sample") in SAMPLES:
        state["profile.sample"] = params["sample"]
    values = read_url(params)
    for name, widget in WIDGETS.items():
        if name in values:
            state[widget] = values[name]
    if "from" in values or "to" in values:
        state["review.url_dates"] = (values.get("from"), values.get("to"))
    state.setdefault("review.include_lost", False)
    if overrides is not None:
        state["review.overrides"] = dict(overrides)
    state["review.from_url"] = True  # keep these settings when the profile loads, instead of its defaults
    state[WRITTEN] = {k: v for k, v in params.items() if k not in FRAME_KEYS}


def reopen(number: int, params: dict[str, str] | None = None) -> bool:
    """Load a saved profile's files and settings (``params`` from a URL win over the saved ones)."""
    try:
        saved = saved_profiles().load(number)
    except StoreError as problem:
        st.session_state["profile.reopen_problem"] = str(problem)
        return False
    if saved is None:
        st.session_state["profile.reopen_problem"] = number
        return False
    keep_saved(saved)
    apply({**saved.state.get("params", {}), **(params or {}), "profile": str(saved.id)},
          overrides=saved.state.get("overrides", {}))
    return True


def keep_saved(saved, reopened: bool = True) -> None:
    """These files are now the saved profile ``saved``: its id goes into the URL.

    Saving what is loaded keeps the files' identity, so the settings and the cached review stay.
    """
    identity = f"{SAVED}{saved.id}:{saved.updated}" if reopened else kept_identity(UPLOADS)
    if reopened:
        keep(UPLOADS, saved.files, identity)
    st.session_state[SAVED_AS] = (identity, saved.id, saved.name)


def saved_number() -> int | None:
    """The id of the saved profile whose files are loaded, if they are."""
    known = st.session_state.get(SAVED_AS)
    return known[1] if known and known[0] == kept_identity(UPLOADS) else None


def saved_name() -> str:
    known = st.session_state.get(SAVED_AS)
    return known[2] if known and known[0] == kept_identity(UPLOADS) else ""


def write(sample_id: str | None, settings, filters) -> None:
    number = None if sample_id else saved_number()
    params = {**({"sample": sample_id} if sample_id else {}), **({"profile": str(number)} if number else {}),
              **url_params(values_of(settings, filters))}
    current = st.query_params.to_dict()
    for key in current.keys() - params.keys() - FRAME_KEYS:
        del st.query_params[key]
    st.query_params.update({k: v for k, v in params.items() if current.get(k) != v})
    st.session_state[WRITTEN] = params

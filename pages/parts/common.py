"""Small Streamlit helpers shared by the pages: language, URL state, the saved-assessment store."""

from __future__ import annotations

import streamlit as st

from linkwijzer.i18n import LANGUAGES, normalise_language, text
from linkwijzer.store.assessments import Store
from linkwijzer.store.database import default_path
from linkwijzer.store.fetch_cache import FetchCache
from linkwijzer.store.profiles import SavedProfiles

LANG_KEY = "lang"
PRESENT_KEY = "present"
FRAME_KEYS = frozenset({LANG_KEY, PRESENT_KEY})  # URL parameters the frame owns; pages keep their hands off
# Our own constant stylesheet (never user text): bigger type for a projector, less chrome.
PRESENTER_CSS = """<style>
html { font-size: 21px; }
[data-testid="stMainBlockContainer"] { max-width: 1200px; }
[data-testid="stMainMenu"], [data-testid="stDecoration"] { display: none; }
</style>"""


# Widget values that must outlive a visit to another page. Streamlit forgets a widget's value
# after a run that does not draw it, so each run starts by copying the values it has to a
# session key of our own, and by restoring the ones Streamlit forgot from that copy.
KEPT = ("profile.sample", "review.section", "review.site", "review.brand", "review.keywords", "review.topics", "review.dates",
        "review.follow_only", "review.include_lost", "compare.samples", "live.size",
        "link.source", "link.target", "link.anchor")


def keep_widget_values(copy_only: bool = False) -> None:
    """At the start of every run: keep the values in KEPT. ``copy_only`` inside a fragment, whose
    reruns skip the frame but whose widgets may already be drawn in this run."""
    state = st.session_state
    kept = state.setdefault("_kept_widgets", {})
    for key in KEPT:
        if key in state:
            kept[key] = state[key]
            if not copy_only:
                # Re-assigned, so Streamlit treats it as the session's own value and does not drop it
                # at the end of a run on another page (its documented way to keep a widget's value).
                state[key] = kept[key]
        elif key in kept and not copy_only:
            state[key] = kept[key]


def forget_widget(key: str) -> None:
    """Drop a kept widget value (it belonged to another profile): the widget starts from its default."""
    st.session_state.pop(key, None)
    st.session_state.get("_kept_widgets", {}).pop(key, None)


def frame_controls() -> tuple[str, bool]:
    """Draw the NL/EN switch and the presenter toggle; both live in the URL (``?lang=en&present=1``).

    The session keeps them across page switches (which clear the query string) and the URL keeps
    them across reloads and shared links.
    """
    state = st.session_state
    keep_widget_values()
    url_lang, url_present = st.query_params.get(LANG_KEY), st.query_params.get(PRESENT_KEY)
    if LANG_KEY not in state or (url_lang and url_lang != state.get("_lang_written")):
        state[LANG_KEY] = normalise_language(url_lang)
    if PRESENT_KEY not in state or (url_present is not None and url_present != state.get("_present_written")):
        state[PRESENT_KEY] = url_present == "1"
    _, toggle, switch = st.columns([5, 2, 2], vertical_alignment="center")  # NL|EN whole at 1024 px
    lang = state[LANG_KEY]
    toggle.toggle(text(lang, "ui.app.presenter"), key=PRESENT_KEY, help=text(lang, "ui.app.presenter_help"))
    switch.segmented_control("Taal / Language", LANGUAGES, key=LANG_KEY, required=True,
                             format_func=str.upper, label_visibility="collapsed")
    lang, present = state[LANG_KEY], bool(state[PRESENT_KEY])
    st.query_params[LANG_KEY] = lang
    state["_lang_written"] = lang
    if present:
        st.query_params[PRESENT_KEY] = "1"
    elif PRESENT_KEY in st.query_params:
        del st.query_params[PRESENT_KEY]
    state["_present_written"] = "1" if present else None
    if present:
        st.html(PRESENTER_CSS)
    return lang, present


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY))


def current_language() -> str:
    return st.session_state.get(LANG_KEY) or normalise_language(st.query_params.get(LANG_KEY))


def fetch_cache() -> FetchCache:
    """The fetch cache in the same SQLite file as the saved assessments."""
    return _fetch_cache(str(default_path()))


@st.cache_resource(max_entries=4)
def _fetch_cache(path: str) -> FetchCache:
    return FetchCache(path)


def store() -> Store:
    """The saved-assessment store at LINKWIJZER_DB or the per-user default path."""
    return _store(str(default_path()))


@st.cache_resource(max_entries=4)
def _store(path: str) -> Store:
    # Keyed by path, so a changed LINKWIJZER_DB (tests, a second workspace) gets its own store.
    return Store(path)


def saved_profiles() -> SavedProfiles:
    """Uploaded profiles saved under a name, in the same SQLite file."""
    return _saved_profiles(str(default_path()))


@st.cache_resource(max_entries=4)
def _saved_profiles(path: str) -> SavedProfiles:
    return SavedProfiles(path)


def history_store():
    """Snapshots of profiles over time: Parquet files at LINKWIJZER_HISTORY, or beside the SQLite file."""
    from linkwijzer.history.snapshots import HistoryStore

    return HistoryStore()


def draw_chart(chart, where=None) -> None:
    """An Altair chart at the height its content needs (a row per category), as wide as its column."""
    from linkwijzer.present.charts import frame_height

    height = frame_height(chart)
    (where or st).altair_chart(chart, **({"height": height} if height else {}))

"""Small Streamlit helpers shared by the pages: language, URL state, the saved-assessment store."""

from __future__ import annotations

import streamlit as st

from framework.i18n import LANGUAGES, normalise_language
from framework.store import Store, default_path

LANG_KEY = "lang"


def language_switch() -> str:
    """Draw the NL/EN switch and return the language; it lives in the URL (``?lang=en``).

    The session keeps it across page switches (which clear the query string) and the URL keeps
    it across reloads and shared links.
    """
    url_lang = st.query_params.get(LANG_KEY)
    if LANG_KEY not in st.session_state or (url_lang and url_lang != st.session_state.get("_lang_written")):
        st.session_state[LANG_KEY] = normalise_language(url_lang)
    _, right = st.columns([8, 1])
    right.segmented_control("Taal / Language", LANGUAGES, key=LANG_KEY, required=True,
                            format_func=str.upper, label_visibility="collapsed")
    lang = st.session_state[LANG_KEY]
    st.query_params[LANG_KEY] = lang
    st.session_state["_lang_written"] = lang
    return lang


def current_language() -> str:
    return st.session_state.get(LANG_KEY) or normalise_language(st.query_params.get(LANG_KEY))


def store() -> Store:
    """The saved-assessment store at LINKWIJZER_DB or the per-user default path."""
    return _store(str(default_path()))


@st.cache_resource(max_entries=4)
def _store(path: str) -> Store:
    # Keyed by path, so a changed LINKWIJZER_DB (tests, a second workspace) gets its own store.
    return Store(path)

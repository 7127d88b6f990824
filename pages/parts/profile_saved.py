"""Keep an uploaded profile under a name in the local store, and reopen one: work that outlives the tab."""

from __future__ import annotations

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.present.documents import escape_markdown
from linkwijzer.store.database import StoreError
from pages.parts import profile_url
from pages.parts.common import saved_profiles


def saved_profiles_row(files: list[tuple[str, bytes]], uploaded: bool, site: str, lang: str) -> None:
    """Beside the files: save these uploads under a name, or open a profile saved before."""
    t = texts(lang)
    state = st.session_state
    problem = state.pop("profile.reopen_problem", None)
    if problem is not None:
        st.warning(t("ui.saved_profiles.missing", number=problem) if isinstance(problem, int)
                   else escape_markdown(str(problem)), icon=":material/warning:")
    try:
        listed = saved_profiles().list()
    except StoreError as error:
        st.warning(escape_markdown(str(error)), icon=":material/warning:")
        return
    left, right = st.columns(2)
    if uploaded:
        with left.form("profile.save_form", border=False, enter_to_submit=True):
            name = st.text_input(t("ui.saved_profiles.name"), value=profile_url.saved_name() or site,
                                 max_chars=120, help=t("ui.saved_profiles.name_help"))
            if st.form_submit_button(t("ui.saved_profiles.save"), icon=":material/save:"):
                _save(name, files, lang)
    if listed:
        names = {p.id: p for p in listed}
        with right.form("profile.open_form", border=False, enter_to_submit=True):
            chosen = st.selectbox(t("ui.saved_profiles.open"), list(names), index=None,
                                  placeholder=t("ui.saved_profiles.pick"),
                                  format_func=lambda n: t("ui.saved_profiles.item", name=names[n].name,
                                                          files=t("ui.common.files", n=len(names[n].files)),
                                                          date=names[n].updated[:10]))
            if st.form_submit_button(t("ui.saved_profiles.reopen"), icon=":material/folder_open:") and chosen:
                if profile_url.reopen(chosen):
                    st.rerun()


def _save(name: str, files: list[tuple[str, bytes]], lang: str) -> None:
    t = texts(lang)
    state = st.session_state
    written = dict(state.get(profile_url.WRITTEN) or {})
    written.pop("profile", None)
    try:
        number = saved_profiles().save(name, files, {"params": written,
                                                     "overrides": dict(state.get("review.overrides", {}))})
    except (ValueError, StoreError) as problem:
        st.error(escape_markdown(str(problem)), icon=":material/error:")
        return
    saved = saved_profiles().load(number)
    # From now on these files are that saved profile: the URL carries ?profile=N for a reopened tab.
    profile_url.keep_saved(saved, reopened=False)
    st.toast(t("ui.saved_profiles.saved", name=saved.name), icon=":material/check:")

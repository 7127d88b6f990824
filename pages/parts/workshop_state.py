"""The prospects judged in this session (the workshop case): kept in the session, added from the check page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.present.documents import escape_markdown
from linkwijzer.questionnaire.assessment import Assessment, from_params, to_params

PROSPECTS_KEY = "workshop.prospects"
MAX_PROSPECTS = 12


@dataclass(frozen=True)
class SessionProspect:
    """One prospect of this session: a name and the assessment (the same shape reports take)."""

    label: str
    assessment: Assessment
    note: str = ""


def prospects() -> list[SessionProspect]:
    return [SessionProspect(p["label"], from_params(p["params"]).assessment, p.get("note", ""))
            for p in st.session_state.get(PROSPECTS_KEY, [])]


def add_prospect(assessment: Assessment, label: str) -> None:
    items = list(st.session_state.get(PROSPECTS_KEY, []))
    items = [p for p in items if p["label"] != label]  # the same name again replaces the earlier one
    items.append({"label": label, "params": to_params(assessment)})
    st.session_state[PROSPECTS_KEY] = items[-MAX_PROSPECTS:]


def remove_prospect(label: str) -> None:
    st.session_state[PROSPECTS_KEY] = [p for p in st.session_state.get(PROSPECTS_KEY, []) if p["label"] != label]


def default_label(assessment: Assessment) -> str:
    host = urlsplit(assessment.source_url).hostname if assessment.source_url.startswith("http") else ""
    return host or assessment.anchor[:40] or f"Prospect {len(st.session_state.get(PROSPECTS_KEY, [])) + 1}"


def add_to_workshop(assessment: Assessment, lang: str) -> None:
    """A small form on the check page: name the prospect and put it in this session's comparison."""
    t = texts(lang)
    with st.form("workshop.add", border=True, enter_to_submit=True):
        st.text_input(t("ui.workshop.prospect_name"), value=default_label(assessment), max_chars=80,
                      key="workshop.add_label")
        # A callback: it runs before this run draws the button, so its count already includes the new one.
        st.form_submit_button(t("ui.workshop.add", n=len(st.session_state.get(PROSPECTS_KEY, []))),
                              icon=":material/playlist_add:", on_click=_add_named, args=(assessment,))
    added = st.session_state.pop("workshop.just_added", None)
    if added:
        st.success(escape_markdown(t("ui.workshop.added", label=added,
                                     n=len(st.session_state.get(PROSPECTS_KEY, [])))))


def _add_named(assessment: Assessment) -> None:
    label = str(st.session_state.get("workshop.add_label", "")).strip()
    if label:
        add_prospect(assessment, label)
        st.session_state["workshop.just_added"] = label

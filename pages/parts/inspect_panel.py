"""The check page's "Inspect page": fetch the linking page, show the evidence, offer the suggestions."""

from __future__ import annotations

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.present.documents import escape_markdown
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.rules import load_rules

RESULT_KEY = "inspect.result"


def _apply(suggestions: dict[str, str]) -> None:
    # A callback: widget state may only be changed before the widgets are drawn.
    for trait, answer in suggestions.items():
        st.session_state[f"trait.{trait}"] = answer


def inspect_panel(assessment: Assessment, lang: str) -> None:
    t = texts(lang)
    can = assessment.source_url.startswith(("http://", "https://"))
    target = assessment.target_url or ""
    if st.button(t("ui.inspect.button"), disabled=not can, icon=":material/travel_explore:",
                 help=t("ui.inspect.help")):
        from linkwijzer.inspect.inspection import inspect_link

        with st.spinner(t("ui.inspect.working", url=escape_markdown(assessment.source_url))):
            found = inspect_link(assessment.source_url, target or _site_of(assessment), lang=lang,
                                 keywords=tuple(st.session_state.get("review.keywords", [])),
                                 brand=tuple(st.session_state.get("review.brand", [])))
        st.session_state[RESULT_KEY] = (assessment.source_url, found)
    stored = st.session_state.get(RESULT_KEY)
    if not stored or stored[0] != assessment.source_url:
        if not can:
            st.caption(t("ui.inspect.need_url"))
        return
    found = stored[1]
    if not found.ok:
        st.warning(escape_markdown(found.fetched.message(lang)), icon=":material/cloud_off:")
        return
    reading = found.reading
    with st.container(border=True):
        st.markdown(f"**{t('ui.inspect.evidence')}**")
        st.text(reading.title or found.fetched.final_url)
        if not reading.found:
            st.warning(t("ui.inspect.not_found"), icon=":material/link_off:")
        else:
            link = reading.found[0]
            st.caption(t("ui.inspect.link", placement=t(f"boilerplate_placement.class.{link.placement}"),
                         rel=escape_markdown(", ".join(sorted(link.rel)) or "follow"),
                         outbound=reading.outbound_links))
            st.text(f"“{link.anchor}” — {link.context}")
        names = {trait: t(f"questionnaire.traits.{trait}.name") for trait in load_rules().traits}
        for item in found.evidence:
            label = names.get(item.trait, item.trait)
            answer = t(f"questionnaire.answers.{item.suggestion}")
            st.markdown(f"- **{label}** → {answer}: " + escape_markdown(item.reason))
        suggestions = found.suggestions()
        if suggestions:
            st.button(t("ui.inspect.apply", n=len(suggestions)), on_click=_apply, args=(suggestions,),
                      icon=":material/done_all:", type="primary")
            st.caption(t("ui.inspect.apply_note"))


def _site_of(assessment: Assessment) -> str:
    return assessment.target_url or ""

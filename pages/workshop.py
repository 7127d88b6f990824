"""Workshop: this session's prospects side by side, and one printable report of the session."""

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.questionnaire.assessment import to_params
from pages.parts.common import current_language, store
from pages.parts.link_form import comparison_table
from pages.parts.workshop_state import prospects, remove_prospect

lang = current_language()
t = texts(lang)
pages = st.session_state["pages"]

st.title(t("ui.workshop.title"))
st.caption(t("ui.workshop.intro"))
items = prospects()
if not items:
    st.info(t("ui.workshop.empty"), icon=":material/playlist_add:")
    st.page_link(pages["check"], label=t("ui.home.start_check"), icon=":material/fact_check:")
else:
    st.table(comparison_table(items, lang))  # static: the reasons wrap instead of being cut off
    for column, item in zip(st.columns(min(len(items), 6)), items[-6:]):
        with column:
            if st.button(t("ui.workshop.open", label=item.label), key=f"workshop.open.{item.label}",
                         icon=":material/open_in_new:"):
                st.switch_page(pages["check"], query_params={"lang": lang, **to_params(item.assessment)})
            st.button(t("ui.workshop.remove"), key=f"workshop.remove.{item.label}", on_click=remove_prospect,
                      args=(item.label,), icon=":material/close:")
    if st.button(t("ui.workshop.save_all", n=len(items)), icon=":material/save:"):
        for item in items:
            store().save(item.assessment, label=item.label, note=t("ui.workshop.saved_note"), lang=lang)
        st.success(t("ui.workshop.saved_all", n=len(items)))

st.header(t("ui.workshop.report_title"))
review = st.session_state.get("review.latest")
st.caption(t("ui.workshop.report_with_review" if review else "ui.workshop.report_without_review"))
if items or review:
    from linkwijzer.present.session_report import session_report_html, session_report_markdown

    latest, files = (review or (None, None))
    left, right = st.columns(2)
    left.download_button(t("ui.workshop.download_html"), lambda: session_report_html(
        items, latest, lang, site=latest.settings.domain if latest else "", files=files),
        file_name="linkwijzer-workshop.html", mime="text/html", icon=":material/print:")
    right.download_button(t("ui.workshop.download_md"), lambda: session_report_markdown(
        items, latest, lang, site=latest.settings.domain if latest else "", files=files),
        file_name="linkwijzer-workshop.md", mime="text/markdown", icon=":material/description:")

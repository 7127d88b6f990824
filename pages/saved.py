"""Saved assessments: the list, open one again, delete, compare prospects side by side."""

import pandas as pd
import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.questionnaire.assessment import to_params
from linkwijzer.questionnaire.verdict import assess
from linkwijzer.present.assessment_report import comparison_report_html, comparison_report_markdown
from linkwijzer.present.spreadsheet import saved_list_csv
from linkwijzer.present.documents import escape_markdown
from linkwijzer.store.database import StoreError
from pages.parts.common import current_language, store
from pages.parts.link_form import LOADED_KEY, comparison_table

lang = current_language()
t = texts(lang)

st.title(t("ui.saved.title"))
try:
    saved, damaged = store().list_with_damage()
except StoreError as problem:
    st.error(escape_markdown(str(problem)), icon=":material/error:")
    st.stop()
if damaged:  # named, and the rest still listed
    st.warning(t("ui.saved.unreadable", ids=", ".join(f"#{number}" for number, _ in damaged)),
               icon=":material/warning:")
if not saved:
    st.info(t("ui.saved.empty"), icon=":material/bookmark_add:")
    st.page_link(st.session_state["pages"]["check"], label=t("ui.home.start_check"), icon=":material/fact_check:")
    st.stop()

verdicts = {item.id: assess(item.assessment.answers, lang) for item in saved}
table = pd.DataFrame({
    t("ui.saved.col_label"): [item.label for item in saved],
    t("ui.saved.col_source"): [item.assessment.source_url for item in saved],
    t("ui.saved.col_outcome"): [t(f"questionnaire.outcomes.{verdicts[i.id].outcome}") for i in saved],
    t("ui.saved.col_decision"): [t(f"questionnaire.decisions.{verdicts[i.id].decision}") for i in saved],
    t("ui.saved.col_saved"): [f"{item.created:%Y-%m-%d %H:%M} UTC" for item in saved],
})
st.dataframe(table, hide_index=True, width="stretch")
by_id = {item.id: item for item in saved}
chosen_ids = st.multiselect(t("ui.saved.pick"), list(by_id), key="saved.chosen",
                            format_func=lambda i: f"{by_id[i].label} (#{i})",
                            placeholder=t("ui.saved.pick_placeholder"), select_all=False)
chosen = [by_id[i] for i in chosen_ids if i in by_id]

open_col, delete_col, csv_col = st.columns(3)
if open_col.button(t("ui.saved.open"), disabled=len(chosen) != 1, icon=":material/open_in_new:"):
    st.session_state[LOADED_KEY] = {"id": chosen[0].id, "label": chosen[0].label, "note": chosen[0].note}
    st.switch_page(st.session_state["pages"]["check"], query_params={"lang": lang, **to_params(chosen[0].assessment)})
if delete_col.button(t("ui.saved.delete", n=len(chosen)), disabled=not chosen, icon=":material/delete:"):
    st.session_state["saved.confirm_delete"] = [item.id for item in chosen]
# Excel with Dutch regional settings splits CSV columns on ";", elsewhere on ",".
csv_col.download_button(t("ui.saved.download_csv"), saved_list_csv(saved, lang, delimiter=";" if lang == "nl" else ","), file_name="linkwijzer-saved.csv",
                        mime="text/csv", icon=":material/table:")

pending = st.session_state.get("saved.confirm_delete")
if pending:
    st.warning(t("ui.saved.confirm_delete", n=len(pending)))
    yes, no = st.columns(2)
    if yes.button(t("ui.saved.confirm_yes"), type="primary"):
        for item_id in pending:
            store().delete(item_id)
        del st.session_state["saved.confirm_delete"]
        st.session_state["saved.chosen"] = []
        st.rerun()
    if no.button(t("ui.saved.confirm_no")):
        del st.session_state["saved.confirm_delete"]
        st.rerun()

st.header(t("ui.saved.compare_title"))
if len(chosen) < 2:
    st.caption(t("ui.saved.compare_hint"))
else:
    if len(chosen) > 6:
        st.caption(t("ui.saved.compare_many", n=len(chosen)))
    st.table(comparison_table(chosen, lang))  # static: the reasons wrap instead of being cut off
    left, right = st.columns(2)
    left.download_button(t("ui.saved.download_compare_html"), comparison_report_html(chosen, lang),
                         file_name="linkwijzer-comparison.html", mime="text/html", icon=":material/print:")
    right.download_button(t("ui.saved.download_compare_md"), comparison_report_markdown(chosen, lang),
                          file_name="linkwijzer-comparison.md", mime="text/markdown")

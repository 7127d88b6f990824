"""Home: what Linkwijzer is for, and the ways in."""

import streamlit as st

from linkwijzer.i18n import texts
from linkwijzer.questionnaire.assessment import to_params
from linkwijzer.questionnaire.examples import EXAMPLES
from pages.parts.common import current_language

lang = current_language()
t = texts(lang)
pages = st.session_state["pages"]

st.title(t("ui.home.title"))
st.markdown(f"#### {t('ui.home.tagline')}")
st.markdown(t("ui.home.principles"))

left, right = st.columns(2, gap="large")
with left.container(border=True):
    st.subheader(t("ui.home.check_title"))
    st.write(t("ui.home.check_body"))
    st.page_link(pages["check"], label=t("ui.home.start_check"), icon=":material/fact_check:")
with right.container(border=True):
    st.subheader(t("ui.home.saved_title"))
    st.write(t("ui.home.saved_body"))
    st.page_link(pages["saved"], label=t("ui.home.open_saved"), icon=":material/bookmarks:")

st.subheader(t("ui.home.examples_title"))
st.caption(t("ui.home.examples_intro"))
for column, (example_id, assessment) in zip(st.columns(len(EXAMPLES)), EXAMPLES.items()):
    with column.container(border=True):
        st.markdown(f"**{t(f'ui.examples.{example_id}.title')}**")
        st.caption(t(f"ui.examples.{example_id}.body"))
        if st.button(t("ui.home.try_example"), key=f"example.{example_id}", icon=":material/play_arrow:"):
            st.switch_page(pages["check"], query_params={"lang": lang, **to_params(assessment)})

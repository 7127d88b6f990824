"""The profile page's history: save the profile as a dated snapshot, and see what changed across snapshots."""

from __future__ import annotations

from datetime import date

import streamlit as st

from linkwijzer.history.snapshots import snapshot_date
from linkwijzer.history.timeline import Period, timeline
from linkwijzer.i18n import texts
from linkwijzer.present import history_charts
from linkwijzer.present.documents import escape_markdown
from linkwijzer.profile.review.run import ProfileReview
from pages.parts.common import draw_chart, history_store

# Reviewing every snapshot again costs a review each: kept per session, keyed by what the
# snapshots are and by the settings (brand, keywords and topics change the judgments).
CACHE = "history.timeline"


def history_section(review: ProfileReview, links, files: list, lang: str) -> list[Period]:
    """Save-as-snapshot, then the site's snapshots over time; returns them (oldest first) for the report."""
    t = texts(lang)
    st.subheader(t("history.title"), anchor="history")
    site = review.settings.domain
    if not site:
        st.info(t("history.no_site"), icon=":material/info:")
        return []
    st.caption(t("history.intro"))
    shown = escape_markdown(site)  # typed by the user: shown as text, never as Markdown
    store = history_store()
    with st.form("history.save_form", border=False, enter_to_submit=True):
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        when = left.date_input(t("history.date"), value=date.fromisoformat(snapshot_date(links)),
                               format="YYYY-MM-DD", help=t("history.date_help"))
        if right.form_submit_button(t("history.save"), icon=":material/history:"):
            try:
                saved = store.save(site, links, when.isoformat(), tuple(report.name for report in files))
            except (OSError, ValueError) as problem:
                st.error(t("history.store_problem", problem=escape_markdown(str(problem))), icon=":material/error:")
            else:
                st.toast(t("history.saved", site=shown, date=saved.date, links=saved.links), icon=":material/check:")
    periods = site_timeline(site, review, lang)
    if not periods:
        if periods is not None:
            st.caption(t("history.none", site=shown))
        return []
    st.markdown(f"**{t('history.count', n=len(periods), site=shown)}**")
    if len(periods) == 1:
        st.info(t("history.only_one", site=shown, date=periods[0].date), icon=":material/info:")
    left, right = st.columns(2)
    draw_chart(history_charts.domains_chart(periods, lang), left)
    draw_chart(history_charts.quality_chart(periods, lang), right)
    draw_chart(history_charts.levels_chart(periods, lang))
    st.caption(t("history.changes"))
    st.table(history_charts.changes_table(periods, lang), hide_index=True)  # static: outcomes wrap, not cut off
    return periods


def site_timeline(site: str, review: ProfileReview, lang: str) -> list[Period] | None:
    """The site's snapshots as a timeline (None when the store cannot be read: said on the page)."""
    store = history_store()
    try:
        saved = store.snapshots(site)
        key = (str(store.root), site, tuple((s.date, s.links, s.files) for s in saved), repr(review.settings))
        cached = st.session_state.get(CACHE)
        if cached and cached[0] == key:
            return cached[1]
        periods = timeline([(s.date, store.links(site, s.date)) for s in saved], review.settings, lang)
    except (OSError, ValueError) as problem:
        st.warning(texts(lang)("history.store_problem", problem=escape_markdown(str(problem))),
                   icon=":material/warning:")
        return None
    st.session_state[CACHE] = (key, periods)
    return periods

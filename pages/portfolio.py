"""Every site with snapshots, what needs attention first; a click opens that site's review."""

import pandas as pd
import streamlit as st

from linkwijzer.history.portfolio import stored
from linkwijzer.i18n import texts
from linkwijzer.present.documents import escape_markdown
from linkwijzer.present.formatting import count
from pages.parts.common import current_language, history_store
from pages.parts.profile_url import UPLOADS
from pages.parts.uploads import keep

CACHE = "portfolio.rows"

lang = current_language()
t = texts(lang)
st.title(t("history.portfolio.title"))
st.caption(t("history.portfolio.intro"))
store = history_store()
try:
    sites = store.sites()
    key = (str(store.root), tuple((site, tuple(s.date for s in store.snapshots(site))) for site in sites))
except (OSError, ValueError) as problem:
    st.error(t("history.store_problem", problem=escape_markdown(str(problem))), icon=":material/error:")
    st.stop()
if not sites:
    st.info(t("history.portfolio.empty"), icon=":material/info:")
    st.caption(t("history.portfolio.where", path=escape_markdown(str(store.root))))
    st.stop()

cached = st.session_state.get(CACHE)
if cached and cached[0] == key:
    rows = cached[1]
else:
    bar = st.progress(0.0, text=t("history.portfolio.reviewing", done=0, total=len(sites)))
    try:
        rows = stored(store, lang, lambda done, total: bar.progress(
            done / total, text=t("history.portfolio.reviewing", done=done, total=total)))
    except (OSError, ValueError) as problem:
        bar.empty()
        st.error(t("history.store_problem", problem=escape_markdown(str(problem))), icon=":material/error:")
        st.stop()
    bar.empty()
    st.session_state[CACHE] = (key, rows)


def change(row: dict) -> str:
    before, now = row["previous_outcome"], row["outcome"]
    if before is None:
        return t("history.portfolio.first")
    if before == now:
        return t("history.portfolio.same")
    return f"{t(f'review.outcome.{before}')} → {t(f'review.outcome.{now}')}"


table = pd.DataFrame([{
    t("history.col.site"): row["site"],
    t("history.col.outcome"): t(f"review.outcome.{row['outcome']}"),
    t("history.col.change"): change(row),
    t("history.col.moved"): ", ".join(t(f"{sid}.name") for sid in row["moved"]),
    t("history.col.links"): count(row["links"], lang),
    t("history.col.domains"): count(row["referring_domains"], lang),
    t("history.col.new"): count(row["new_domains"], lang),
    t("history.col.date"): row["date"],
    t("history.col.snapshots"): row["snapshots"],
} for row in rows])
picked = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                      key="portfolio.table")
st.caption(t("history.portfolio.where", path=escape_markdown(str(store.root))))
if picked.selection.rows:
    row = rows[picked.selection.rows[0]]
    site, when = row["site"], row["date"]
    # The snapshot goes to the profile page as if uploaded: the whole review, its settings and downloads.
    keep(UPLOADS, [(f"{site}-{when}.csv", store.as_csv(site, when))], f"snapshot:{site}:{when}")
    st.switch_page(st.session_state["pages"]["profile"], query_params={"lang": lang})

"""Linkwijzer's frame: page setup, the shared NL/EN switch, and the page router."""

import streamlit as st

from linkwijzer.i18n import text
from pages.parts.common import frame_controls

st.set_page_config(page_title="Linkwijzer", page_icon="🧭", layout="wide")
lang, _ = frame_controls()

home = st.Page("pages/home.py", title=text(lang, "ui.nav.home"), icon=":material/home:", default=True)
check = st.Page("pages/check_link.py", title=text(lang, "ui.nav.check"), icon=":material/fact_check:",
                url_path="check")
profile = st.Page("pages/profile.py", title=text(lang, "ui.nav.profile"), icon=":material/query_stats:",
                  url_path="profile")
compare = st.Page("pages/compare.py", title=text(lang, "ui.nav.compare"), icon=":material/compare_arrows:",
                  url_path="compare")
workshop = st.Page("pages/workshop.py", title=text(lang, "ui.nav.workshop"), icon=":material/groups:",
                   url_path="workshop")
saved = st.Page("pages/saved.py", title=text(lang, "ui.nav.saved"), icon=":material/bookmarks:",
                url_path="saved")
portfolio = st.Page("pages/portfolio.py", title=text(lang, "ui.nav.portfolio"), icon=":material/monitoring:",
                    url_path="portfolio")
st.session_state["pages"] = {"home": home, "check": check, "profile": profile, "compare": compare, "workshop": workshop,
                             "saved": saved, "portfolio": portfolio}
st.navigation([home, check, profile, compare, workshop, saved, portfolio], position="top").run()

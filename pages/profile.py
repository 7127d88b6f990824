"""Review a profile: import one or more exports (or a sample) and see what was read."""

import streamlit as st

from framework.i18n import text
from pages.common import current_language
from pages.profile_import import chosen_mappings, choose_files, mapping_editor, preview, run_import, show_files

lang = current_language()
t = lambda key, **kw: text(lang, key, **kw)  # noqa: E731

st.title(t("ui.profile.title"))
st.caption(t("ui.profile.intro"))

files, sample = choose_files(lang)
result = run_import(files, chosen_mappings(files), lang)
show_files(result, lang)
mapping_editor(files, result, lang)
preview(result, lang)

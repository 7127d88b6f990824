"""Review a profile: import exports (or a sample), then the article's risk signals, measured and explained."""

import streamlit as st

from linkwijzer.i18n import texts
from pages.parts import profile_url
from pages.parts.common import current_language, keep_widget_values
from pages.parts.profile_history import history_section
from pages.parts.profile_saved import saved_profiles_row
from pages.parts.profile_import import chosen_mappings, choose_files, default_settings, mapping_editor, preview, run_import, show_files
from pages.parts.profile_review import (exports, filters, headline, live_check, pick_site, reclaim_section, run_review,
                                       sections, settings_form)

lang = current_language()
t = texts(lang)

profile_url.seed()
st.title(t("ui.profile.title"))
st.caption(t("ui.profile.intro"))

with st.expander(t("ui.profile.files"), expanded=True):
    files, sample, source = choose_files(lang)
    result = run_import(files, source, chosen_mappings(files), lang)
    show_files(result, lang)
    mapping_editor(files, result, lang)
    defaults = default_settings(result, sample)
    saved_profiles_row(files, sample is None, defaults.site, lang)

if not result.files:
    st.stop()
if len(result.reclaim):
    reclaim_section(result.reclaim, lang)


@st.fragment
def review_part() -> None:
    # A fragment: changing a setting or filter reruns only this part, not the import above. Its reruns
    # skip the frame, so the widget values to keep across pages are copied here as well.
    keep_widget_values(copy_only=True)
    import_key = st.session_state["profile.import"][0]  # the files and their mapping, not the language
    settings = settings_form(defaults, import_key, lang)
    scope = pick_site(result, settings, lang)
    links = live_check(scope.links, import_key, settings, lang)
    chosen = filters(links, lang)
    review_key = import_key + f":{scope.site}" + (":live" if links is not scope.links else "")
    review = run_review(review_key, links, result.aggregates, settings, chosen, lang, reclaim_rows=len(result.reclaim))
    st.session_state["review.latest"] = (review, result.files)  # for the workshop's session report
    profile_url.write(sample.id if sample else None, settings, chosen)
    headline(review, lang, scope.notes)
    if review.insufficient:
        return
    sections(review, lang)
    history = history_section(review, scope.links, result.files, lang)
    exports(review, result.files, lang, scope.notes, result.reclaim, history)


review_part()
with st.expander(t("ui.profile.preview_title")):
    preview(result, lang)

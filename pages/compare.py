"""Compare with competitors: the own profile beside one to five competitor profiles, on content, not counts."""

import hashlib

import pandas as pd
import streamlit as st

from linkwijzer.present import compare_charts
from linkwijzer.present.tables import for_people
from linkwijzer.i18n import text, texts
from linkwijzer.profile.comparison.compare import OWN, compare_with, deviation_held, format_value, measure_label
from linkwijzer.profile.importing.importer import import_files
from linkwijzer.profile.review.run import review_profile
from linkwijzer.profile.importing.samples import SAMPLES
from linkwijzer.present.documents import escape_markdown
from linkwijzer.present.formatting import count
from pages.parts.common import current_language, draw_chart
from pages.parts.uploads import kept_uploads
from pages.parts.profile_import import read_sample

lang = current_language()
t = texts(lang)
COMPETITOR_SAMPLES = [s for s in SAMPLES if s.startswith("competitor_")]
MAX_COMPETITORS = 5

st.title(t("ui.compare.title"))
st.caption(t("ui.compare.intro"))

latest = st.session_state.get("review.latest")
if latest:
    own_review = latest[0]
    st.info(t("ui.compare.own_from_review", site=escape_markdown(own_review.settings.domain or "—"),
              links=count(own_review.links, lang)),
            icon=":material/person:")
else:
    st.info(t("ui.compare.own_sample"), icon=":material/person:")

left, right = st.columns(2)
st.session_state.setdefault("compare.samples", COMPETITOR_SAMPLES)
picked = left.multiselect(t("ui.compare.samples"), COMPETITOR_SAMPLES, key="compare.samples", select_all=False,
                          placeholder=t("ui.compare.samples_placeholder"),
                          format_func=lambda s: t(f"ui.samples.{s}"))
with right:  # kept for the session, like the profile's own files
    uploaded, uploaded_identity = kept_uploads("compare.uploads", t("ui.compare.upload"), t("ui.compare.upload_help"),
                                               ["csv", "tsv", "txt", "xlsx"], lang)

sources = {SAMPLES[s].site: [(p.name, read_sample(str(p))) for p in SAMPLES[s].paths()] for s in picked}
identity = [f"sample:{s}" for s in picked]  # cheap: never hash large uploads on every rerun
for name, body in uploaded:
    sources.setdefault(name.rsplit(".", 1)[0][:40], []).append((name, body))
identity.append(uploaded_identity)
if len(sources) > MAX_COMPETITORS:
    st.warning(t("ui.compare.too_many", n=len(sources), max=MAX_COMPETITORS))
    sources = dict(list(sources.items())[:MAX_COMPETITORS])
if not sources:
    st.stop()


own_key = (st.session_state["profile.import"][0], latest[0].settings, latest[0].links) if latest else "sample"
key = hashlib.sha256(repr((own_key, identity[:MAX_COMPETITORS * 4], list(sources), lang)).encode()).hexdigest()
cached = st.session_state.get("compare.result")
if cached and cached[0] == key:
    comparison = cached[1]
else:
    bar = st.progress(0.0, text=t("ui.compare.working"))
    if latest:
        own = latest[0]
    else:
        sample = SAMPLES["healthy"]
        imported = import_files([(p.name, p) for p in sample.paths()], lang=lang)
        own = review_profile(imported.links, imported.aggregates, sample.settings(), lang)
    competitors = {}
    for number, (name, files) in enumerate(sources.items(), start=1):
        bar.progress(number / (len(sources) + 1), text=t("ui.compare.reading", name=name))
        result = import_files(files, lang=lang)
        for problem in result.problems:
            st.error(escape_markdown(problem.message(lang)))
        if len(result.links):
            competitors[name] = (result.links, result.aggregates)
    bar.progress(1.0, text=t("ui.compare.working"))
    comparison = compare_with(own, competitors, lang) if competitors else None
    bar.empty()
    st.session_state["compare.result"] = (key, comparison)
if comparison is None:
    st.stop()
if latest:  # the profile page's verdict now knows how this profile compares (its third condition)
    st.session_state["compare.condition"] = (
        st.session_state.get("review.latest_key"), tuple(n for n in comparison.profiles if n != OWN),
        [d.to_json() for d in comparison.deviations], deviation_held(comparison))

st.header(t("ui.compare.deviations"))
if not any(d.risk for d in comparison.deviations):  # differences that carry no risk are shown, not alarmed
    st.success(t("ui.compare.no_deviations"), icon=":material/check_circle:")
if comparison.deviations:
    # A static table: its cells wrap, so every reason can be read whole (a data grid cuts them off).
    st.table(pd.DataFrame([{
        t("ui.compare.col_measure"): measure_label(d.measure, lang),
        t("ui.compare.col_own"): format_value(d.measure, d.own, lang),
        **{name: format_value(d.measure, value, lang) for name, value in d.competitors.items()},
        t("ui.compare.col_level"): text(lang, f"review.levels.{d.level}"),
        t("ui.compare.col_why"): d.why,
    } for d in comparison.deviations]), hide_index=True)

st.header(t("ui.compare.mixes"))
# One chart per mix, two to a row: each sized by its own content and its column, where one
# concatenated chart of fixed panels runs past the page at 1400 px and shrinks to nothing at 1024.
mixes = compare_charts.measured_mixes(comparison)
for pair in range(0, len(mixes), 2):
    for column, mix in zip(st.columns(2), mixes[pair:pair + 2]):
        draw_chart(compare_charts.mix_chart(comparison, mix, lang), column)
draw_chart(compare_charts.velocity_comparison_chart(comparison, lang))

st.header(t("ui.compare.gap"))
st.caption(t("ui.compare.gap_intro"))
if len(comparison.link_gap):
    draw_chart(compare_charts.link_gap_chart(comparison, lang))
    st.dataframe(for_people(comparison.link_gap_frame(lang), lang, "compare.csv"), hide_index=True, width="stretch")
    st.download_button(t("ui.compare.gap_csv"), lambda: comparison.link_gap_csv(lang), file_name="linkwijzer-link-gap.csv",
                       mime="text/csv", icon=":material/table:")
else:
    st.info(t("ui.compare.no_gap"))

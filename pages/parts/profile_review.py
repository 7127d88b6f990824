"""The profile page's review: settings, filters, the headline verdict, one section per signal, downloads."""

from __future__ import annotations


import pandas as pd
import streamlit as st

from linkwijzer.present import charts
from linkwijzer.present.formatting import count, cut_off, percent
from linkwijzer.present.documents import escape_markdown
from linkwijzer.present.tables import for_people, header
from linkwijzer.i18n import text, texts
from linkwijzer.profile.review.run import Filters, ProfileReview, review_profile
from linkwijzer.profile.review.settings import RELEVANCE_LABELS, ProfileSettings
from linkwijzer.profile.signals.registry import SIGNALS
from pages.parts.common import draw_chart, forget_widget

BADGE = {"ok": "green", "watch": "orange", "concern": "red", "unknown": "gray",
         "healthy": "green", "intervene": "red", "insufficient": "gray"}
OUTCOME_ICON = {"healthy": ":material/check_circle:", "watch": ":material/visibility:",
                "intervene": ":material/build:", "insufficient": ":material/help:"}
CACHE_SIZE = 6


def settings_form(defaults: ProfileSettings, source_key: str, lang: str) -> ProfileSettings:
    """Site, brand terms, keywords and topics; reset to the defaults when another profile is loaded."""
    t = texts(lang)
    state = st.session_state
    if state.pop("review.from_url", False):
        state["review.defaults_for"] = source_key  # a shared link's settings win over the file's defaults
        state.setdefault("review.site", defaults.site)
        for name in ("brand", "keywords", "topics"):
            state.setdefault(f"review.{name}", list(getattr(defaults, name)))
        state.setdefault("review.explained", [])
        state.setdefault("review.overrides", {})
    widgets = ("review.site", "review.brand", "review.keywords", "review.topics")
    if state.get("review.defaults_for") != source_key or any(key not in state for key in widgets):
        state["review.defaults_for"] = source_key
        state["review.site"] = defaults.site
        for name in ("brand", "keywords", "topics"):
            state[f"review.{name}"] = list(getattr(defaults, name))
        state["review.explained"] = []
        state["review.overrides"] = {}
        state["review.settings_open"] = not defaults.keywords
    # Open while a new profile has no keywords yet, and then left as the user leaves it: an expander
    # whose `expanded` changes is drawn anew, closed, after the first keyword.
    with st.expander(t("ui.review.settings"), expanded=state.setdefault("review.settings_open", True)):
        left, right = st.columns(2)
        left.text_input(t("ui.review.site"), key="review.site", help=t("ui.review.site_help"))
        right.multiselect(t("ui.review.brand"), state["review.brand"], key="review.brand", accept_new_options=True,
                          help=t("ui.review.brand_help"), placeholder=t("ui.review.type_terms"), select_all=False)
        left.multiselect(t("ui.review.keywords"), state["review.keywords"], key="review.keywords",
                         accept_new_options=True, help=t("ui.review.keywords_help"), placeholder=t("ui.review.type_terms"), select_all=False)
        right.multiselect(t("ui.review.topics"), state["review.topics"], key="review.topics", accept_new_options=True,
                          help=t("ui.review.topics_help"), placeholder=t("ui.review.type_terms"), select_all=False)
    return ProfileSettings(site=state["review.site"], brand=tuple(state["review.brand"]),
                           keywords=tuple(state["review.keywords"]), topics=tuple(state["review.topics"]),
                           explained_bursts=tuple(state["review.explained"]),
                           relevance_overrides=dict(state["review.overrides"]))


def suggest_keywords(review: ProfileReview, lang: str) -> None:
    """When no keywords were given, offer the anchors' frequent words to pick from."""
    if review.settings.keywords or not review.measured["keyword_anchors"].suggested_keywords:
        return
    t = texts(lang)
    picked = st.pills(t("ui.review.suggested"), review.measured["keyword_anchors"].suggested_keywords, selection_mode="multi",
                      key="review.suggested", help=t("ui.review.suggested_help"))
    if picked:
        st.button(t("ui.review.use_suggested"), icon=":material/add:", on_click=_add_to, args=("review.keywords", picked))


def topic_suggestions(review: ProfileReview, lang: str) -> None:
    """Topic words to pick: what the profile says the site is about, and on request what its home page says."""
    from linkwijzer.profile.review.site_topics import learn_topics

    t = texts(lang)
    state = st.session_state
    chosen = set(review.settings.topics)
    learned = state.get("review.learned_topics", {}).get(review.settings.domain, [])
    offered = [w for w in dict.fromkeys([*learned, *review.measured["irrelevant_sources"].vocabulary]) if w not in chosen]
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    picked = left.pills(t("ui.review.topic_suggestions"), offered, selection_mode="multi", key="review.topic_pills",
                        help=t("ui.review.topic_suggestions_help")) if offered else []
    if right.button(t("ui.review.learn_topics"), icon=":material/travel_explore:", disabled=not review.settings.domain,
                    help=t("ui.review.learn_topics_help")):
        with st.spinner(t("ui.review.learning_topics", site=review.settings.domain)):
            found = learn_topics(review.settings.domain, review.settings, lang)
        if found.problem or not found.topics:
            st.warning(escape_markdown(found.problem or t("ui.review.learned_none")), icon=":material/info:")
        else:
            state.setdefault("review.learned_topics", {})[review.settings.domain] = found.topics
            st.rerun(scope="fragment")
    if picked:
        # A callback: it runs before the settings' widgets are drawn again, the only time their value may change.
        st.button(t("ui.review.use_topics"), icon=":material/add:", on_click=_add_to, args=("review.topics", picked))


def _add_to(key: str, words: list[str]) -> None:
    st.session_state[key] = list(dict.fromkeys([*st.session_state.get(key, []), *words]))


def filters(links: pd.DataFrame, lang: str) -> Filters:
    t = texts(lang)
    dates = links["first_seen"].dropna() if "first_seen" in links else pd.Series(dtype="datetime64[s]")
    cols = st.columns([3, 1, 1])
    start = end = None
    if len(dates) and dates.min().date() < dates.max().date():
        low, high = dates.min().date(), dates.max().date()
        state = st.session_state
        if state.get("review.dates_for") != (low, high):  # another profile: its own range, not the last one's
            forget_widget("review.dates")
            state["review.dates_for"] = (low, high)
        wanted = state.pop("review.url_dates", None)
        if wanted:  # from a shared link: clamp to this profile's own range
            state["review.dates"] = (max(wanted[0] or low, low), min(wanted[1] or high, high))
        # A value only when the session holds none: the kept value is set through the Session State API.
        chosen = cols[0].slider(t("ui.review.date_range"), min_value=low, max_value=high, key="review.dates",
                                format="YYYY-MM", **({} if "review.dates" in state else {"value": (low, high)}))
        start, end = (chosen[0] if chosen[0] > low else None), (chosen[1] if chosen[1] < high else None)
    follow_only = cols[1].toggle(t("ui.review.follow_only"), key="review.follow_only")
    st.session_state.setdefault("review.include_lost", False)
    include_lost = cols[2].toggle(t("ui.review.include_lost"), key="review.include_lost")
    return Filters(start=start, end=end, follow_only=follow_only, include_lost=include_lost)


def run_review(import_key: str, links, aggregates, settings: ProfileSettings, chosen: Filters,
               lang: str, reclaim_rows: int = 0) -> ProfileReview:
    """One review per (profile, settings, filters), kept in this session so a rerun is instant."""
    key = (import_key, repr(settings), repr(chosen), lang)
    st.session_state["review.latest_key"] = key[:3]
    cache: dict = st.session_state.setdefault("review.cache", {})
    if key in cache:
        return with_known_competitors(cache[key], key[:3])
    bar = st.progress(0.0, text=text(lang, f"{SIGNALS[0].id}.progress"))
    review = review_profile(links, aggregates, settings, lang, filters=chosen, reclaim_rows=reclaim_rows,
                            progress=lambda fraction, stage: bar.progress(fraction, text=stage))
    bar.empty()
    while len(cache) >= CACHE_SIZE:
        cache.pop(next(iter(cache)))
    cache[key] = review
    return with_known_competitors(review, key[:3])


def with_known_competitors(review: ProfileReview, key: tuple) -> ProfileReview:
    """The review with the competitor condition the compare page decided for this same profile view."""
    known = st.session_state.get("compare.condition")
    if known and known[0] == key:
        return review.with_competitors(*known[1:])
    return review


def headline(review: ProfileReview, lang: str, import_notes: list[str] = ()) -> None:
    t = texts(lang)
    with st.container(border=True):
        st.markdown(f"# :{BADGE.get(review.outcome, 'orange')}[{OUTCOME_ICON[review.outcome]} "
                    f"{t(f'review.outcome.{review.outcome}')}]")
        st.markdown(f"#### {t(f'review.outcome_explained.{review.outcome}')}")
        st.caption(t("ui.review.counts", links=count(review.links, lang), domains=count(review.referring_domains, lang)))
        for note in [*import_notes, *review.notes()]:
            st.info(escape_markdown(note), icon=":material/info:")
        if review.insufficient:
            return
        levels = st.columns(len(review.signals))
        for column, signal in zip(levels, review.signals):
            column.markdown(f"**{t(f'{signal.id}.name')}**  \n"
                            f":{BADGE[signal.level]}-badge[{t(f'review.levels.{signal.level}')}]")
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t('review.conditions.title')}**")
            for name, held in review.verdict.conditions.items():
                icon = ":material/check_box:" if held else ":material/check_box_outline_blank:"
                extra = f" ({t('review.conditions.no_competitors')})" if name == "competitor_deviation" and not \
                    review.competitors else ""
                st.markdown(f"{icon} {t(f'review.conditions.{name}')}{extra}")
        with right:
            if review.lacks:
                st.markdown(f"**{t('review.lacks.title')}**")
                st.markdown("\n".join(f"- {t(f'{x}.lacks')}" for x in review.lacks))
            if review.reassurances:
                st.markdown(f"**{t('review.reassure.title')}**")
                st.markdown("\n".join(f"- {t(f'review.reassure.{x}')}" for x in review.reassurances))
    st.caption(t("review.heuristics.note"))


def signal_header(review: ProfileReview, signal_id: str, lang: str) -> None:
    t = texts(lang)
    signal = review.signal(signal_id)
    st.subheader(f"{t(f'{signal_id}.name')} · :{BADGE[signal.level]}-badge[{t(f'review.levels.{signal.level}')}]")
    st.caption(t(f"{signal_id}.question"))
    st.markdown(escape_markdown(signal.why))  # it quotes anchors and titles from the export
    if signal.value is not None:
        st.caption(t("ui.review.value_threshold", value=percent(signal.value, lang),
                     watch=cut_off(signal.threshold.get("watch", 0), lang),
                     concern=cut_off(signal.threshold.get("concern", 0), lang)))


def sections(review: ProfileReview, lang: str) -> None:
    """One section per registered signal (its header, charts and tables), then the follow mix; one shown at a time."""
    t = texts(lang)
    ids = [spec.id for spec in SIGNALS] + ["follow"]
    labels = dict(zip(ids, [t(f"{spec.id}.name") for spec in SIGNALS] + [t("ui.review.tab_follow")]))
    # One section at a time, chosen by signal id: a plain widget, so the choice survives reruns (a ticked
    # burst, an overridden label), other pages and the language switch — Streamlit's tabs keep none of these.
    state = st.session_state
    if state.get(SECTION) not in ids:
        state[SECTION] = ids[0]
    chosen = st.segmented_control(t("ui.review.sections"), ids, key=SECTION, required=True,
                                  format_func=labels.get, label_visibility="collapsed", width="stretch")
    spec = next((spec for spec in SIGNALS if spec.id == chosen), None)
    if spec is not None:
        measured = review.measured[spec.id]
        signal_header(review, spec.id, lang)
        EXTRAS.get(spec.id, lambda review, lang: None)(review, lang)
        charts_in_columns(spec.charts(measured, lang))
        for caption, table in spec.tables(measured, lang):
            if caption:
                st.caption(caption)
            st.dataframe(for_people(table, lang, f"{spec.id}.table"), hide_index=True)
        AFTER.get(spec.id, lambda review, lang: None)(review, lang)
    if chosen == "follow":
        if len(review.follow_mix):
            draw_chart(charts.follow_chart(review.follow_mix, lang))
        else:
            st.info(t("ui.review.no_rel"))


SECTION = "review.section"


def charts_in_columns(drawn: list) -> None:
    """Half-width charts two by two, wide ones across the page."""
    halves = [chart for size, chart in drawn if size in ("half", "tall")]
    for size, chart in drawn:
        if size == "wide":
            draw_chart(chart)
    for pair in range(0, len(halves), 2):
        columns = st.columns(2)
        for column, chart in zip(columns, halves[pair:pair + 2]):
            draw_chart(chart, column)


def bursts_editor(review: ProfileReview, lang: str) -> None:
    """Mark bursts as explained (campaign, press, viral): the signal then leaves them out."""
    if not review.measured["link_bursts"].bursts:
        return
    t = texts(lang)
    st.caption(t("link_bursts.burst.explain_hint"))
    bursts = review.measured["link_bursts"].bursts
    table = pd.DataFrame([{"start": b.start, "end": b.end, "new_domains": b.new_domains, "new_links": b.new_links,
                           "expected_domains": b.expected_domains, "explained": b.explained,
                           "cause": t(f"link_bursts.burst.causes.{b.cause}") if b.cause else ""} for b in bursts])
    edited = st.data_editor(table, hide_index=True, key="review.bursts_table", disabled=[c for c in table if c != "explained"],
                            column_config={c: t(f"link_bursts.burst.{c}") for c in table.columns})
    # Only the user's own marks are settings; a burst explained by a redirect stays explained anyway.
    by_redirect = {b.start for b in bursts if b.cause == "redirect"}
    explained = sorted(str(start) for start in edited.loc[edited["explained"], "start"] if start not in by_redirect)
    if explained != sorted(st.session_state.get("review.explained", [])):
        st.session_state["review.explained"] = explained
        st.rerun(scope="fragment")


def relevance_editor(review: ProfileReview, lang: str, rows: int = 300) -> None:
    """The estimate per domain, editable: the user's word wins."""
    t = texts(lang)
    table = review.measured["irrelevant_sources"].by_domain.sort_values("links", ascending=False).head(rows)
    if not len(table):
        return
    st.caption(t("ui.review.relevance_edit", rows=rows))
    # The labels as words in the cells themselves (a format function would leave the ids in the
    # grid's text for screen readers and copies); mapped back to ids for the settings.
    words = {label: t(f"irrelevant_sources.label.{label}") for label in RELEVANCE_LABELS}
    ids = {word: label for label, word in words.items()}
    shown = table[["domain", "links", "label", "evidence"]].assign(label=table["label"].astype(str).map(words))
    edited = st.data_editor(
        shown, hide_index=True, key=f"review.relevance_table.{lang}", disabled=["domain", "links", "evidence"],
        column_config={"domain": header(lang, "domain"), "links": header(lang, "links"),
                       "evidence": header(lang, "evidence"),
                       "label": st.column_config.SelectboxColumn(t("ui.review.label"), options=list(ids),
                                                                 required=True)})
    changed = edited.loc[edited["label"].to_numpy() != shown["label"].to_numpy(), ["domain", "label"]]
    if len(changed):
        overrides = dict(st.session_state.get("review.overrides", {}))
        overrides.update({domain: ids[word] for domain, word in zip(changed["domain"], changed["label"])})
        st.session_state["review.overrides"] = overrides
        st.rerun(scope="fragment")



def pick_site(result, settings: ProfileSettings, lang: str):
    """When the exports point at several sites: say so, name them, and let the user pick one."""
    from linkwijzer.profile.review.scope import scope_of

    sites = [site for site, _ in result.target_sites]
    chosen = settings.domain
    if len(sites) > 1:
        counts = dict(result.target_sites)
        default = sites.index(chosen) if chosen in sites else 0
        chosen = st.selectbox(text(lang, "import.sites.pick"), sites, index=default, key="review.target_site",
                              format_func=lambda s: text(lang, "import.sites.site_links", site=s,
                                                         links=count(counts[s], lang)))
    return scope_of(result, chosen, lang)


def reclaim_section(table, lang: str) -> None:
    """A broken-backlinks report: the links to the site's dead pages, most valuable first, with a CSV."""
    from linkwijzer.profile.outputs.reclaim import dead_targets, reclaim_csv, reclaim_list

    t = texts(lang)
    listed = reclaim_list(table)
    with st.container(border=True):
        st.subheader(t("ui.reclaim.title_count", links=count(len(listed), lang),
                       pages=count(listed["target_url"].nunique(), lang)))
        st.caption(t("ui.reclaim.intro"))
        st.dataframe(for_people(listed, lang), hide_index=True, width="stretch")
        st.caption(t("ui.reclaim.pages"))
        st.dataframe(for_people(dead_targets(table), lang), hide_index=True, width="stretch")
        st.download_button(t("ui.reclaim.download"), lambda: reclaim_csv(table, lang), file_name="linkwijzer-reclaim.csv",
                           mime="text/csv", icon=":material/table:")


def exports(review: ProfileReview, files: list, lang: str, import_notes: list[str] = (), reclaim=None,
            history: list | None = None) -> None:
    """The printable report, the classified links, and — behind the caution — a disavow file."""
    from linkwijzer.profile.outputs.links_csv import classified_links_csv
    from linkwijzer.profile.outputs.report import profile_report_html, profile_report_markdown

    t = texts(lang)
    site = review.settings.domain
    report = dict(site=site, files=files, import_notes=import_notes, reclaim=reclaim, history=history)
    st.subheader(t("ui.review.exports"))
    first, second, third = st.columns(3)
    # Callables: the SVG charts and a large CSV are only built when someone clicks.
    first.download_button(t("ui.review.download_report"), lambda: profile_report_html(review, lang, **report),
                          file_name=f"linkwijzer-{site or 'profile'}.html", mime="text/html", icon=":material/print:")
    second.download_button(t("ui.review.download_report_md"), lambda: profile_report_markdown(review, lang, **report),
                           file_name=f"linkwijzer-{site or 'profile'}.md", mime="text/markdown",
                           icon=":material/description:")
    third.download_button(t("ui.review.download_csv"), lambda: classified_links_csv(review, lang),
                          file_name=f"linkwijzer-{site or 'profile'}-links.csv", mime="text/csv", icon=":material/table:")
    disavow_section(review, lang)


def disavow_section(review: ProfileReview, lang: str) -> None:
    from linkwijzer.profile.outputs.disavow import caution, disavow_text

    t = texts(lang)
    with st.expander(t("profile_report.caution.title")):
        st.warning(caution(lang), icon=":material/warning:")
        if not st.checkbox(t("ui.review.disavow_understood"), key="review.disavow_ok"):
            return
        table = review.domain_table()
        reasons = {row.domain: _reason(row, lang) for row in table.itertuples() if row.flags}
        st.caption(t("ui.review.disavow_pick"))
        # No "select all": every domain in a disavow file has to be a deliberate choice.
        chosen = st.multiselect(t("ui.review.disavow_domains"), table["domain"].tolist(), key="review.disavow_domains",
                                select_all=False, placeholder=t("ui.review.disavow_placeholder"),
                                format_func=lambda d: f"{d} — {reasons[d]}" if d in reasons else d)
        existing = st.file_uploader(t("ui.review.disavow_existing"), type=["txt"], key="review.disavow_existing")
        if not chosen:
            return
        try:
            body = disavow_text(chosen, reasons, existing.getvalue() if existing else None, lang=lang)
        except ValueError as problem:
            st.error(str(problem))
            return
        st.download_button(t("ui.review.disavow_download", n=len(chosen)), body, file_name="disavow.txt",
                           mime="text/plain", icon=":material/download:")


def _reason(row, lang: str) -> str:
    t = texts(lang)
    parts = [t("irrelevant_sources.label.not_relevant")] if row.relevance == "not_relevant" else []
    parts += [t(f"ui.review.flag_{name}") for name in ("in_network", "in_burst", "keyword_anchor") if getattr(row, name)]
    return ", ".join(parts)


def live_check(links: pd.DataFrame, import_key: str, settings: ProfileSettings, lang: str) -> pd.DataFrame:
    """Check a sample (or all) of the source pages live; the review then uses what the pages showed.

    Returns the links to review: the verified copy when a check ran for this profile, else the import.
    """
    from linkwijzer.inspect.verify import LIVE_STATES, choose_pages, verify_links
    from pages.parts.common import fetch_cache

    t = texts(lang)
    done = st.session_state.get("live.result")
    with st.expander(t("ui.live.title"), expanded=False):
        st.caption(t("ui.live.intro"))
        pages = links["source_url"].nunique() if "source_url" in links else 0
        st.session_state.setdefault("live.size", "50")
        size = st.segmented_control(t("ui.live.size"), ["50", "200", "all"], key="live.size",
                                    format_func=lambda s: t("ui.live.all", n=pages) if s == "all" else s)
        target = settings.domain
        if st.button(t("ui.live.run"), icon=":material/network_check:", disabled=not target or not pages,
                     type="primary"):
            sample = None if size == "all" else int(size or 50)
            total = len(choose_pages(links, sample))
            bar = st.progress(0.0, text=t("ui.live.progress", done=0, total=total))
            st.caption(t("ui.live.cancel_hint"))
            verified = verify_links(links, target, sample=sample, cache=fetch_cache(), lang=lang, progress=lambda d, n, r:
                                    bar.progress(d / max(n, 1), text=t("ui.live.progress", done=d, total=n)))
            bar.empty()
            done = (import_key, verified)
            st.session_state["live.result"] = done
        if done and done[0] == import_key:
            counts = done[1].counts
            st.dataframe(pd.DataFrame({t("ui.live.state"): [t(f"ui.live.states.{s}") for s in LIVE_STATES],
                                       t("ui.review.links"): [counts.get(s, 0) for s in LIVE_STATES]}),
                         hide_index=True)
            return done[1].links
    return links


# What the page adds to a signal's tab beyond its charts and tables: widgets that change the settings.
EXTRAS = {"keyword_anchors": suggest_keywords, "irrelevant_sources": topic_suggestions}
AFTER = {"link_bursts": bursts_editor, "irrelevant_sources": relevance_editor}

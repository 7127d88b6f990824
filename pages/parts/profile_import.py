"""The profile page's import step: choose files (upload or samples), import with progress, show what was read."""

from __future__ import annotations

import hashlib
import os

import pandas as pd
import streamlit as st

from linkwijzer.present.formatting import count
from linkwijzer.i18n import text, texts
from linkwijzer.profile.importing.importer import ImportResult, import_files, read_header
from linkwijzer.profile.importing.samples import SAMPLES, SampleSet
from linkwijzer.profile.review.settings import ProfileSettings
from linkwijzer.present.documents import escape_markdown
from linkwijzer.present.tables import for_people
from pages.parts.profile_url import UPLOADS
from pages.parts.uploads import kept_uploads

MAX_BYTES = int(os.environ.get("LINKWIJZER_MAX_IMPORT_MB", "2048")) * 1024 * 1024
PREVIEW_ROWS = 200
# What a person checks in the preview: the link itself and what the review reads from it.
PREVIEW_COLUMNS = ("source_url", "target_url", "anchor", "source_title", "first_seen", "last_seen", "nofollow",
                   "sponsored", "ugc", "lost", "placement")
UNMAPPED = ""
MAPPABLE = ("source_url", "target_url", "anchor", "first_seen", "last_seen", "source_title", "nofollow")


def choose_files(lang: str) -> tuple[list[tuple[str, bytes]], SampleSet | None, str]:
    """Uploaded files when there are any (kept for the session), otherwise the chosen sample set (so
    the page shows something real), and a cheap identity of that choice."""
    t = texts(lang)
    files, identity = kept_uploads(UPLOADS, t("ui.profile.upload"), t("ui.profile.upload_help"),
                                   ["csv", "tsv", "txt", "xlsx"], lang)
    if files:
        return files, None, identity
    sample_id = st.selectbox(t("ui.profile.sample"), list(SAMPLES), key="profile.sample",
                             format_func=lambda s: t(f"ui.samples.{s}"))
    sample = SAMPLES[sample_id]
    return [(p.name, read_sample(str(p))) for p in sample.paths()], sample, f"sample:{sample_id}"


@st.cache_data(max_entries=12, show_spinner=False)
def read_sample(path: str) -> bytes:
    # Bundled files are the same for everyone, so a shared cache is safe here.
    with open(path, "rb") as handle:
        return handle.read()


def default_settings(result: ImportResult, sample: SampleSet | None) -> ProfileSettings:
    """The sample's own settings, or for an upload the site its links point to (brand derived from it).

    Worked out once per import: on a million links the site's host is a regex over every target.
    """
    if sample:
        return sample.settings()
    cached = st.session_state.get("profile.defaults")
    if cached and cached[0] is result:
        return cached[1]
    # A broken-backlinks report alone still names the site: its dead pages are the site's own.
    source = result.links if len(result.links) or not len(result.reclaim) else result.reclaim
    targets = source["target_url"].astype("object").dropna() if "target_url" in source else []
    hosts = pd.Series(targets).str.extract(r"^(?:[a-z]+://)?([^/:?#]+)", expand=False).dropna()
    settings = ProfileSettings(site=ProfileSettings(site=str(hosts.mode().iat[0])).domain if len(hosts) else "")
    st.session_state["profile.defaults"] = (result, settings)
    return settings


def run_import(files: list[tuple[str, bytes]], source: str, mappings: dict[str, dict[str, str]],
               lang: str) -> ImportResult:
    """Import once per choice of files (``source``) and mapping, kept in this session only (an upload is never shared)."""
    # Without the language: the import's messages are translated where they are shown, and settings,
    # overrides and a live check belong to the files, so they must survive a switch to English.
    key = hashlib.sha256(repr((source, sorted((k, sorted(v.items())) for k, v in mappings.items()))).encode()).hexdigest()
    cached = st.session_state.get("profile.import")
    if cached and cached[0] == key:
        return cached[1]
    bar = st.progress(0.0, text=text(lang, "ui.profile.importing"))
    result = import_files(files, lang=lang, max_bytes=MAX_BYTES, mappings=mappings,
                          progress=lambda fraction, stage: bar.progress(min(max(fraction, 0.0), 1.0), text=stage))
    bar.empty()
    st.session_state["profile.import"] = (key, result)
    return result


def show_files(result: ImportResult, lang: str) -> None:
    t = texts(lang)
    for problem in result.problems:
        st.error(escape_markdown(problem.message(lang)), icon=":material/error:")
    if not result.files:
        return
    table = pd.DataFrame([{
        t("ui.profile.col_file"): report.name,
        t("ui.profile.col_format"): t(f"import.format.{report.format}"),
        t("ui.profile.col_encoding"): f"{report.encoding}{' + BOM' if report.bom else ''}",
        t("ui.profile.col_rows"): report.rows,
        t("ui.profile.col_skipped"): report.skipped_count,
        t("ui.profile.col_bad_dates"): len(report.unreadable_dates),
    } for report in result.files])
    st.dataframe(table, hide_index=True, width="stretch")
    for report in result.files:
        name = escape_markdown(report.name)
        notes = [t(f"import.note.{note}") for note in report.notes]
        if report.unreadable_dates:
            notes.append(t("ui.profile.bad_dates", count=len(report.unreadable_dates),
                           rows=", ".join(map(str, report.unreadable_dates[:30]))))
        if report.skipped:
            notes.append(t("ui.profile.skipped_rows", count=report.skipped_count, rows="; ".join(
                f"{s['row']}: {t('import.skip.' + s['code'])}" for s in report.skipped[:10])))
        for note in notes:
            st.info(f"**{name}** — {escape_markdown(note)}", icon=":material/info:")


def chosen_mappings(files: list[tuple[str, bytes]]) -> dict[str, dict[str, str]]:
    """The mappings the user set in the editor (its widgets' state), per file; none before they touch it."""
    mappings = {}
    for name, _ in files:
        keys = {field: f"profile.map.{name}.{field}" for field in MAPPABLE}
        if any(key in st.session_state for key in keys.values()):
            mappings[name] = {field: st.session_state[key] for field, key in keys.items() if st.session_state.get(key)}
    return mappings


def mapping_editor(files: list[tuple[str, bytes]], result: ImportResult, lang: str) -> None:
    """Let the user confirm or change the proposed column mapping of every generic CSV."""
    t = texts(lang)
    data = dict(files)
    for report in result.files:
        if report.format != "generic" or report.name not in data:
            continue
        options = [UNMAPPED, *read_header(data[report.name]).columns]
        with st.expander(t("ui.profile.mapping_title", file=report.name), expanded=True):
            st.caption(t("ui.profile.mapping_intro"))
            for field, column in zip(MAPPABLE, st.columns(len(MAPPABLE))):
                current = report.mapping.get(field, UNMAPPED)
                column.selectbox(t(f"ui.profile.field.{field}"), options,
                                 index=options.index(current) if current in options else 0,
                                 key=f"profile.map.{report.name}.{field}", format_func=lambda c: c or "—")


def preview(result: ImportResult, lang: str) -> None:
    t = texts(lang)
    links = result.links
    first, second, third = st.columns(3)
    first.metric(t("ui.profile.metric_links"), count(len(links), lang))
    second.metric(t("ui.profile.metric_domains"), count(result.referring_domains, lang))
    third.metric(t("ui.profile.metric_duplicates"), result.duplicates_removed)
    if len(links):
        st.caption(t("ui.profile.preview", rows=min(PREVIEW_ROWS, len(links))))
        shown = [c for c in PREVIEW_COLUMNS if c in links]
        st.dataframe(for_people(links[shown].head(PREVIEW_ROWS), lang, "ui.profile.field"), hide_index=True,
                     width="stretch")

"""History on the profile page and the portfolio page, through AppTest, on snapshots cut from the sample Ahrefs export."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from linkwijzer.cli import main
from linkwijzer.history.snapshots import HistoryStore
from linkwijzer.i18n import LANGUAGES, text
from tests.history.cuts import as_of, month_end, read_ahrefs, write_ahrefs

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "sample_data" / "fietsenvandijk_ahrefs_backlinks.csv"
SITE = "fietsenvandijk.nl"
MONTHS = ("2026-08", "2026-09", "2026-10")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("history")
    raw = read_ahrefs(SAMPLE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LINKWIJZER_HISTORY", str(folder / "store"))
        for month in MONTHS:
            path = write_ahrefs(as_of(raw, month), folder / f"{month}.csv")
            assert main(["snapshot", str(path), "--site", SITE, "--date", month_end(month)]) == 0
    return folder / "store"


@pytest.fixture(autouse=True)
def stores(tmp_path, monkeypatch, history):
    monkeypatch.setenv("LINKWIJZER_DB", str(tmp_path / "linkwijzer.sqlite3"))
    monkeypatch.setenv("LINKWIJZER_HISTORY", str(history))


def run(lang: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params.update({"lang": lang})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
def test_portfolio_lists_the_site_with_its_change(lang):
    at = run(lang, "pages/portfolio.py")
    table = at.dataframe[0].value
    assert table[text(lang, "history.col.site")].tolist() == [SITE]
    assert table[text(lang, "history.col.snapshots")].tolist() == [3]
    assert table[text(lang, "history.col.date")].tolist() == [month_end(MONTHS[-1])]


def test_portfolio_without_snapshots_says_how_to_make_them(tmp_path, monkeypatch):
    monkeypatch.setenv("LINKWIJZER_HISTORY", str(tmp_path / "empty"))
    at = run("nl", "pages/portfolio.py")
    assert any(text("nl", "history.portfolio.empty") in i.value for i in at.info)


def test_profile_page_shows_the_history_of_its_site_and_saves_a_snapshot(tmp_path, monkeypatch, history):
    at = run("nl", "pages/profile.py")  # the sample profile is fietsenvandijk.nl, whose snapshots exist
    assert any(h.value == text("nl", "history.title") for h in at.subheader)
    changes = next(d.value for d in at.table if text("nl", "history.col.moved") in d.value.columns)
    assert changes[text("nl", "history.col.date")].tolist() == [month_end(m) for m in reversed(MONTHS)]
    # a snapshot saved from the page lands in the store (a fresh one, so the module's stays as it is)
    monkeypatch.setenv("LINKWIJZER_HISTORY", str(tmp_path / "new"))
    at.button(key="FormSubmitter:history.save_form-" + text("nl", "history.save")).click().run()
    assert not at.exception, at.exception
    assert [s.site for s in HistoryStore(tmp_path / "new").snapshots(SITE)] == [SITE]


def test_a_row_of_the_portfolio_opens_that_sites_review():
    at = run("en", "pages/portfolio.py")
    at.session_state["portfolio.table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == text("en", "ui.profile.title")
    uploads = at.session_state["_kept_files.profile.uploads"]
    assert uploads[1][0][0] == f"{SITE}-{month_end(MONTHS[-1])}.csv"
    shown = [m.value for m in at.markdown]
    assert any(f"{SITE}-{month_end(MONTHS[-1])}.csv" in m for m in shown)  # "your files stay loaded: ..."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_carries_the_history(history, lang):
    from linkwijzer.history.timeline import timeline
    from linkwijzer.profile.outputs.report import profile_report_html, profile_report_markdown
    from linkwijzer.profile.review.run import review_profile
    from linkwijzer.profile.review.settings import ProfileSettings

    store = HistoryStore(history)
    saved = store.snapshots(SITE)
    settings = ProfileSettings(site=SITE)
    periods = timeline([(s.date, store.links(SITE, s.date)) for s in saved], settings, lang)
    review = review_profile(store.links(SITE, saved[-1].date), None, settings, lang)
    html = profile_report_html(review, lang, site=SITE, history=periods)
    markdown = profile_report_markdown(review, lang, site=SITE, history=periods)
    for report in (html, markdown.replace("\\", "")):  # Markdown escapes the dates' hyphens
        assert text(lang, "history.changes") in report
        assert all(month_end(m) in report for m in MONTHS)
    table = markdown.split(f"## {text(lang, 'history.changes')}")[1].split("##")[0].strip().splitlines()
    assert len(table) == 2 + len(MONTHS) and all(line.startswith("|") for line in table)
    assert text(lang, "history.changes") not in profile_report_html(review, lang, site=SITE, history=periods[:1])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_arrivals_are_green_and_departures_red_in_both_languages(history, lang):
    """The colour follows the meaning, not the alphabetical order of the words ("Gone" < "New")."""
    from linkwijzer.history.timeline import timeline
    from linkwijzer.present.charts import COLOURS, PALETTE
    from linkwijzer.present.history_charts import domains_chart
    from linkwijzer.profile.review.settings import ProfileSettings

    store = HistoryStore(history)
    periods = timeline([(s.date, store.links(SITE, s.date)) for s in store.snapshots(SITE)],
                       ProfileSettings(site=SITE), lang)
    scale = domains_chart(periods, lang).to_dict()["layer"][0]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"]))
    assert colours == {text(lang, "history.chart.new"): PALETTE[0], text(lang, "history.chart.lost"): COLOURS["concern"]}
    assert periods[0].good_new_share is None and periods[1].good_new_share is not None

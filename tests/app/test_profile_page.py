"""The profile page's import step through AppTest: samples, uploads of several files, generic mapping, bad files."""

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from linkwijzer.i18n import LANGUAGES, text
from linkwijzer.profile.importing.samples import SAMPLE_DIR, SAMPLES

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_profile(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/profile.py")
    at.run()
    assert not at.exception, at.exception
    return at


def files_table(at: AppTest):
    return at.dataframe[0].value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_start_shows_the_healthy_sample(lang):
    at = open_profile(lang)
    table = files_table(at)
    assert table.iloc[0].tolist()[:2] == ["fietsenvandijk_ahrefs_backlinks.csv", text(lang, "import.format.ahrefs")]
    assert table.iloc[0][text(lang, "ui.profile.col_rows")] == 3117
    assert [m.value for m in at.metric][:2] == (["3.117", "399"] if lang == "nl" else ["3,117", "399"])


@pytest.mark.parametrize("sample_id", list(SAMPLES))
def test_every_sample_set_imports_without_problems(sample_id):
    at = open_profile()
    at.selectbox(key="profile.sample").set_value(sample_id)
    at.run()
    assert not at.exception and not at.error
    assert len(files_table(at)) == len(SAMPLES[sample_id].files)


def upload(at: AppTest, *names_and_bytes) -> AppTest:
    at.file_uploader(key="profile.uploads").set_value(list(names_and_bytes))
    at.run()
    assert not at.exception, at.exception
    return at


def test_several_uploads_are_merged_with_duplicates_folded():
    data = (SAMPLE_DIR / "fietsplein_majestic_backlinks.csv").read_bytes()
    at = upload(open_profile(), ("a.csv", data, "text/csv"), ("b.csv", data, "text/csv"))
    assert list(files_table(at)["Rows"]) == [2470, 2470]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Duplicate links folded"] == "2470"


def test_a_bad_file_gets_a_message_and_the_good_one_still_loads():
    good = (SAMPLE_DIR / "ebikecentrum_moz_inbound_links.csv").read_bytes()
    at = upload(open_profile(), ("junk.csv", bytes(range(256)) * 40, "text/csv"), ("moz.csv", good, "text/csv"))
    assert any("junk.csv" in e.value for e in at.error)
    assert list(files_table(at)["File"]) == ["moz.csv"]


def test_generic_csv_mapping_can_be_changed():
    at = open_profile()
    at.selectbox(key="profile.sample").set_value("own_list")
    at.run()
    name = "fietsenvandijk_handmatig.csv"
    anchor = at.selectbox(key=f"profile.map.{name}.anchor")
    assert anchor.value == "Ankertekst"
    assert any("62, 113" in i.value for i in at.info), "rows with unreadable dates are named"
    anchor.set_value("Opmerking")
    at.run()
    assert not at.exception
    raw = pd.read_csv(SAMPLE_DIR / name, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    preview = at.dataframe[-1].value  # in the people's headers of the preview
    anchors = set(preview[text("en", "ui.profile.field.anchor")].dropna())
    assert anchors <= set(raw["Opmerking"])
    assert not anchors & (set(raw["Ankertekst"]) - set(raw["Opmerking"]))
    assert at.selectbox(key=f"profile.map.{name}.anchor").value == "Opmerking"


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_review_headline_follows_the_profile(lang):
    at = open_profile(lang)
    assert text(lang, "review.outcome.healthy") in markdown_text(at)
    at.selectbox(key="profile.sample").set_value("overoptimised")
    at.run()
    assert not at.exception
    shown = markdown_text(at)
    assert text(lang, "review.outcome.intervene") in shown
    assert text(lang, "keyword_anchors.lacks") in shown


def test_filters_rerun_the_review():
    at = open_profile("en")
    at.selectbox(key="profile.sample").set_value("overoptimised")
    at.run()
    before = next(c.value for c in at.caption if "referring domains" in c.value)
    at.toggle(key="review.follow_only").set_value(True)
    at.run()
    assert not at.exception
    after = next(c.value for c in at.caption if "referring domains" in c.value)
    assert before.startswith("5,261 links") and after != before  # 608 of the 5,869 are lost: left out
    assert "608 links are marked lost by the export; reviewed: the 5,261 live ones." in [i.value for i in at.info] \
        or any("608 links are marked lost" in i.value for i in at.info)


def test_keywords_can_be_changed_and_suggestions_appear_without_them():
    at = open_profile("en")
    at.multiselect(key="review.keywords").set_value([])
    at.button_group(key="review.section").set_value("keyword_anchors")  # the anchors' own section
    at.run()
    assert not at.exception
    assert at.button_group(key="review.suggested").options, "suggested keywords from the anchors"
    assert "Without your keywords" in markdown_text(at)


def test_disavow_only_after_the_caution_and_an_explicit_choice():
    at = open_profile("en")
    at.selectbox(key="profile.sample").set_value("overoptimised")
    at.run()
    assert any("manual action" in w.value for w in at.warning), "Google's conditions come first"
    assert not any(ms.key == "review.disavow_domains" for ms in at.multiselect)
    at.checkbox(key="review.disavow_ok").check()
    at.run()
    picker = at.multiselect(key="review.disavow_domains")
    assert picker.value == [], "nothing is preselected"
    picker.set_value(picker.options[:2] and [o.split(" — ")[0] for o in picker.options[:2]])
    at.run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download disavow file (2 domains)" in labels


@pytest.mark.parametrize("params", [
    {"keyword": "e-bike kopen,goedkope e-bike", "follow_only": "1", "from": "2025-06-01"},
    {"kw": "e-bike kopen,goedkope e-bike", "follow": "1", "from": "2025-06-01"},  # links shared before the rename
], ids=["names", "legacy"])
def test_a_shared_link_reproduces_settings_and_filters(params):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "en", "sample": "overoptimised", "site": "snelle-ebikes.nl",
                            "topic": "fiets,e-bike", **params})
    at.run()
    at.switch_page("pages/profile.py")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="profile.sample").value == "overoptimised"
    assert at.multiselect(key="review.keywords").value == ["e-bike kopen", "goedkope e-bike"]
    assert at.toggle(key="review.follow_only").value is True
    assert at.slider(key="review.dates").value[0].isoformat() == "2025-06-01"


EXPORTS = Path(__file__).resolve().parents[3] / "shared" / "data" / "exports"


def upload_real(at: AppTest, *names: str) -> AppTest:
    at.file_uploader(key="profile.uploads").set_value([(n, (EXPORTS / n).read_bytes(), "text/csv") for n in names])
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_broken_backlinks_report_is_shown_as_a_reclaim_list(exports):
    at = upload_real(open_profile("en"), "ahrefs_broken_backlinks_2026-04_utf8.csv")
    assert any("Links to reclaim: 36 links" in s.value for s in at.subheader)
    assert text("en", "review.outcome.insufficient") in markdown_text(at)
    assert any(text("en", "review.insufficient.reclaim_only") in i.value.replace("\\", "") for i in at.info)
    assert not at.tabs, "no signal tabs for a reclaim list"


def test_domains_only_gives_no_verdict_but_what_to_upload(exports):
    at = upload_real(open_profile("nl"), "gsc_top_linking_sites_2025.csv")
    assert text("nl", "review.outcome.insufficient") in markdown_text(at)
    assert any("10 verwijzende domeinen" in c.value for c in at.caption)


def test_two_sites_are_named_and_one_is_picked(exports):
    at = upload_real(open_profile("en"), "ahrefs_backlinks_v3_2025-10_utf16le_tsv.csv", "semrush_backlinks_2026_19col.csv")
    pick = at.selectbox(key="review.target_site")
    assert pick.options[:2] == ["coinlineup.com (6,693 links)", "hbnobulk.com (2,436 links)"]
    pick.set_value("hbnobulk.com")
    at.run()
    assert not at.exception
    assert any("Reviewed: the 2,436 links to hbnobulk.com" in i.value for i in at.info)


def test_the_profile_suggests_topics_to_pick():
    at = open_profile("en")
    at.multiselect(key="review.topics").set_value([])
    at.run()
    assert not at.exception, at.exception
    pills = at.button_group(key="review.topic_pills")
    assert "fiets" in pills.options or "ebikes" in pills.options
    pills.set_value([pills.options[0]])
    at.run()
    added = next(b for b in at.button if b.label == text("en", "ui.review.use_topics"))
    added.click()
    at.run()
    assert at.multiselect(key="review.topics").value == [pills.options[0]], "the picked word became a topic"

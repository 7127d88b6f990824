"""The compare page through AppTest: sample competitors by default, deviations for an over-optimised profile."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from linkwijzer.i18n import LANGUAGES, text
from linkwijzer.profile.importing.samples import SAMPLE_DIR

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
def test_healthy_sample_against_the_sample_competitors(lang):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at = open_page(at, "pages/compare.py")
    assert at.multiselect(key="compare.samples").value == ["competitor_fietsplein", "competitor_ebikecentrum"]
    assert any(text(lang, "ui.compare.no_deviations") == s.value for s in at.success)
    assert len(at.dataframe[-1].value) > 0, "the link gap lists domains"


def test_over_optimised_profile_deviates_and_a_competitor_can_be_uploaded():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at = open_page(at, "pages/profile.py")
    at.selectbox(key="profile.sample").set_value("overoptimised")
    at.run()
    at = open_page(at, "pages/compare.py")
    deviations = at.table[0].value
    assert "Exact match" in " ".join(deviations["Measure"].astype(str))
    data = (SAMPLE_DIR / "fietsenvandijk_ahrefs_backlinks.csv").read_bytes()
    at.multiselect(key="compare.samples").set_value(["competitor_fietsplein"])
    at.file_uploader(key="compare.uploads").set_value([("fietsenvandijk.csv", data, "text/csv")])
    at.run()
    assert not at.exception
    assert "fietsenvandijk" in deviations.columns.tolist() or "fietsenvandijk" in at.table[0].value.columns.tolist()


def test_the_comparison_feeds_the_profile_verdict():
    """One shared state: after comparing on the compare page, the profile page's third condition holds."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "en"
    at.run()
    at = open_page(at, "pages/profile.py")
    condition = text("en", "review.conditions.competitor_deviation")
    not_given = text("en", "review.conditions.no_competitors")
    before = [m.value for m in at.markdown if condition in m.value]
    assert before and not_given in before[0] and "check_box_outline_blank" in before[0]
    at = open_page(at, "pages/compare.py")
    at = open_page(at, "pages/profile.py")
    after = [m.value for m in at.markdown if condition in m.value]
    # The healthy sample stays within the competitors' range: tested, and not met.
    assert after and not_given not in after[0] and "check_box_outline_blank" in after[0]

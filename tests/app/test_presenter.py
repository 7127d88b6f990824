"""Presenter mode through AppTest: one question per screen, answers and next/back, state shared with the URL."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from linkwijzer.i18n import LANGUAGES, text

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("LINKWIJZER_DB", str(tmp_path / "db.sqlite3"))


def presenter(lang="en", past_the_link=True, **params) -> AppTest:
    """Presenter mode on the check page; by default already past the first step, the link's details."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"lang": lang, "present": "1", **params})
    at.run()
    at.switch_page("pages/check_link.py")
    at.run()
    assert not at.exception, at.exception
    return click(at, "present.next") if past_the_link else at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click()
    at.run()
    assert not at.exception, at.exception
    return at


def headings(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_link_details_come_first_and_reach_the_check(lang):
    at = presenter(lang, past_the_link=False)
    assert text(lang, "ui.present.link_title") in headings(at)
    at.text_input(key="link.source").input("https://fietsblog.nl/review")
    at.text_input(key="link.anchor").input("Fietsen van Dijk")
    at = click(at, "present.next")
    assert text(lang, "questionnaire.quick.questions.without_search") in headings(at)
    at.toggle(key="present").set_value(False)
    at.run()
    assert at.text_input(key="link.source").value == "https://fietsblog.nl/review"
    assert at.text_input(key="link.anchor").value == "Fietsen van Dijk"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_question_per_screen(lang):
    at = presenter(lang)
    assert at.toggle(key="present").value is True
    shown = headings(at)
    assert text(lang, "questionnaire.quick.questions.without_search") in shown
    assert text(lang, "questionnaire.quick.questions.story") not in shown
    assert [b.key for b in at.button_group] == ["lang"], "no answer controls but big buttons"


def test_answering_moves_on_and_back_returns():
    at = presenter()
    at = click(at, "present.quick.without_search.yes")
    assert "Does this mention strengthen" in headings(at)
    at = click(at, "present.back")
    assert "Would this link still make sense" in headings(at)
    assert at.button(key="present.quick.without_search.yes").proto.type == "primary"
    at = click(at, "present.next")
    at = click(at, "present.quick.story.yes")
    at = click(at, "present.quick.without_seo.no")
    assert "# Relevance" in headings(at)
    assert any("2 of 3 answered yes" in c.value for c in at.caption)


def test_walk_to_the_verdict_and_leave_presenter_mode_with_the_answers():
    at = presenter()
    for key in ("quick.without_search.yes", "quick.story.yes", "quick.without_seo.yes", "trait.relevance.yes",
                "trait.context.yes", "trait.origin.yes", "trait.naturalness.partly", "trait.contribution.partly"):
        at = click(at, f"present.{key}")
    at = click(at, "present.booster.traffic")
    at = click(at, "present.next")
    assert "→ Pursue" in headings(at)
    at.toggle(key="present").set_value(False)
    at.run()
    assert not at.exception
    assert at.button_group(key="trait.naturalness").value == "partly"
    assert at.checkbox(key="booster.traffic").value is True


def test_a_shared_link_opens_in_presenter_mode_with_its_answers():
    at = presenter(quick="yes,no,yes", relevance="partly")
    at = click(at, "present.next")
    at = click(at, "present.next")
    at = click(at, "present.next")
    assert at.button(key="present.trait.relevance.partly").proto.type == "primary"

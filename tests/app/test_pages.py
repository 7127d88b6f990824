"""The pages through Streamlit's AppTest: every page in both languages, and the single-link flow."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from linkwijzer.i18n import LANGUAGES, text
from linkwijzer.store.assessments import Store

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = ["pages/home.py", "pages/check_link.py", "pages/profile.py", "pages/compare.py", "pages/workshop.py",
         "pages/saved.py", "pages/portfolio.py"]


@pytest.fixture(autouse=True)
def database(tmp_path, monkeypatch):
    path = tmp_path / "linkwijzer.sqlite3"
    monkeypatch.setenv("LINKWIJZER_DB", str(path))
    return path


def open_app(lang: str, page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update({"lang": lang, **params})
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [a.value for a in (*at.success, *at.info, *at.warning, *at.error)] + [h.value for h in at.header]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(lang, page):
    at = open_app(lang, page)
    assert at.title, "every page has a title"
    shown = all_text(at)
    other = "en" if lang == "nl" else "nl"
    assert text(lang, "ui.nav.check") != text(other, "ui.nav.check")
    if page == "pages/check_link.py":
        assert text(lang, "questionnaire.quick.title") in shown
        assert text(other, "questionnaire.quick.title") not in shown


def answer(at: AppTest, quick=(), traits=None) -> AppTest:
    for key, value in zip(("quick.without_search", "quick.story", "quick.without_seo"), quick):
        at.button_group(key=key).set_value(value)
    for trait, value in (traits or {}).items():
        at.button_group(key=f"trait.{trait}").set_value(value)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quick_test_result_shows_at_once(lang):
    at = answer(open_app(lang, "pages/check_link.py"), quick=("yes", "yes", "no"))
    assert text(lang, "questionnaire.quick.passed", yes=2) in [s.value for s in at.success]
    at = answer(at, quick=("no", "no", "yes"))
    assert text(lang, "questionnaire.quick.failed", yes=1) in [w.value for w in at.warning]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_review_gives_a_verdict_card_with_reasons(lang):
    at = open_app(lang, "pages/check_link.py")
    at = answer(at, quick=("yes", "yes", "yes"), traits={"relevance": "yes", "context": "yes", "origin": "yes",
                                                          "naturalness": "partly", "contribution": "partly"})
    shown = all_text(at)
    assert text(lang, "questionnaire.outcomes.good") in shown
    assert text(lang, "questionnaire.decisions.pursue") in shown
    assert text(lang, "questionnaire.reasons.trait.relevance.yes") in shown


def test_boosters_lift_a_neutral_link_and_reassurances_show():
    at = answer(open_app("en", "pages/check_link.py"), quick=("yes", "no", "yes"),
                traits={t: "partly" for t in ("relevance", "context", "origin", "naturalness", "contribution")})
    assert "→ Accept" in all_text(at)
    at.checkbox(key="booster.traffic").check()
    at.checkbox(key="fact.small_site").check()
    at.run()
    shown = all_text(at)
    assert "→ Pursue" in shown
    assert text("en", "questionnaire.reassurances.small_site") in shown


def test_pattern_note_appears_with_two_pattern_features():
    at = answer(open_app("en", "pages/check_link.py"), quick=("no", "no", "no"),
                traits={"relevance": "no", "context": "no"})
    assert any("become risky when they repeat" in w.value for w in at.warning)


def test_url_parameters_reproduce_an_assessment():
    at = open_app("en", "pages/check_link.py", quick="yes,yes,no", relevance="yes", context="yes", origin="yes",
                  naturalness="yes", contribution="no", boosters="intent", anchor="Fietsen van Dijk")
    assert at.button_group(key="trait.contribution").value == "no"
    assert at.checkbox(key="booster.intent").value is True
    assert at.text_input(key="link.anchor").value == "Fietsen van Dijk"
    assert "→ Pursue" in all_text(at)  # one "no" keeps it neutral; the booster lifts it


def test_invalid_url_parameters_are_ignored_with_a_notice():
    at = open_app("en", "pages/check_link.py", quick="yes,maybe,no", relevance="yes")
    assert at.button_group(key="quick.story").value is None
    assert at.button_group(key="trait.relevance").value == "yes"
    assert any("quick" in toast.value for toast in at.toast)


def test_language_switch_keeps_the_answers():
    at = answer(open_app("nl", "pages/check_link.py"), quick=("yes", "yes", "no"), traits={"relevance": "partly"})
    at.button_group(key="lang").set_value("en")
    at.run()
    assert not at.exception
    assert at.button_group(key="trait.relevance").value == "partly"
    assert text("en", "questionnaire.quick.passed", yes=2) in [s.value for s in at.success]


def test_save_reopen_and_compare(database):
    at = open_app("en", "pages/check_link.py")
    labels = []
    for label, relevance in (("Local news", "yes"), ("Directory", "partly"), ("Casino blog", "no")):
        at = answer(at, quick=("yes", "yes", "no"), traits={"relevance": relevance, "context": "yes", "origin": "yes"})
        next(w for w in at.text_input if w.label == "Name").input(label)
        next(w for w in at.text_area if w.label == "Note (optional)").input(f"note for {label}")
        next(b for b in at.button if b.label == "Save").click()
        at.run()
        assert any(f"Saved as '{label}'" in s.value for s in at.success)
        labels.append(label)

    # a new Store on the same file is what the app sees after a restart
    saved = Store(database).list()
    assert [s.label for s in saved] == list(reversed(labels))
    assert saved[0].note == "note for Casino blog"

    at = open_app("en", "pages/saved.py")
    ids = [s.id for s in saved]
    at.multiselect(key="saved.chosen").set_value(ids)
    at.run()
    compare = at.table[-1].value
    assert list(compare.columns) == [f"{i}. {label}" for i, label in enumerate(reversed(labels), start=1)]
    assert "Skip" in compare.loc["Decision"].tolist()

    at.multiselect(key="saved.chosen").set_value([ids[0]])
    at.run()
    next(b for b in at.button if b.label == "Open").click()
    at.run()
    assert not at.exception
    assert at.button_group(key="trait.relevance").value == "no"


def test_delete_asks_first(database):
    store = Store(database)
    from linkwijzer.questionnaire.examples import EXAMPLES
    first = store.save(EXAMPLES["local_news"], label="keep")
    second = store.save(EXAMPLES["paid_casino_post"], label="remove")
    at = open_app("nl", "pages/saved.py")
    at.multiselect(key="saved.chosen").set_value([second])
    at.run()
    next(b for b in at.button if b.label.startswith("Verwijderen")).click()
    at.run()
    assert len(Store(database).list()) == 2
    next(b for b in at.button if b.label == "Ja, verwijderen").click()
    at.run()
    assert [s.id for s in Store(database).list()] == [first]


def test_save_without_label_explains():
    at = open_app("en", "pages/check_link.py")
    next(b for b in at.button if b.label == "Save").click()
    at.run()
    assert any(e.value.startswith("Not saved:") for e in at.error)


def test_reopened_assessment_can_be_updated_in_place(database):
    from linkwijzer.questionnaire.examples import EXAMPLES
    saved_id = Store(database).save(EXAMPLES["partner_list"], label="Member list", note="first look")
    at = open_app("en", "pages/saved.py")
    at.multiselect(key="saved.chosen").set_value([saved_id])
    at.run()
    next(b for b in at.button if b.label == "Open").click()
    at.run()
    assert next(w for w in at.text_input if w.label == "Name").value == "Member list"
    at.switch_page("pages/check_link.py")  # AppTest does not follow st.switch_page on later runs by itself
    at.button_group(key="trait.context").set_value("yes")
    at.run()
    next(w for w in at.text_area if w.label == "Note (optional)").input("checked the page")
    next(b for b in at.button if b.label == "Save changes").click()
    at.run()
    assert not at.exception
    [item] = Store(database).list()
    assert (item.id, item.note) == (saved_id, "checked the page")
    assert item.assessment.answers.traits["context"] == "yes"

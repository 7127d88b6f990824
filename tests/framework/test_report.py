"""Reports: every section in the chosen language, user text escaped in HTML and in Markdown."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from linkwijzer.i18n import catalogue, text
from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.verdict import Answers, assess
from linkwijzer.present.assessment_report import (
    assessment_report_html,
    assessment_report_markdown,
    comparison_report_html,
    comparison_report_markdown,
    escape_markdown,
    main_reason,
)
from linkwijzer.store.assessments import Store

HOSTILE = "<script>alert(1)</script>"
TODAY = date(2026, 3, 14)
FULL = Assessment(
    answers=Answers(quick=("yes", "no", "no"),
                    traits={"relevance": "no", "context": "partly", "origin": "partly", "naturalness": "no"},
                    boosters=frozenset({"traffic"}), facts=frozenset({"nofollow", "paid"})),
    source_url="https://fietsblog.nl/a?x=1&y=<b>", target_url="https://fietsenvandijk.nl",
    anchor='" onmouseover="alert(1)', label=HOSTILE, note="Notitie met <b>vet</b>\nen & teken",
)
GOOD = Assessment(answers=Answers(quick=("yes", "yes", "yes"),
                                  traits={"relevance": "yes", "context": "yes", "origin": "yes", "naturalness": "yes"},
                                  facts=frozenset({"nofollow", "small_site"})),
                  label="Fietsbond")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_escapes_every_user_text(lang: str) -> None:
    html = assessment_report_html(FULL, lang, today=TODAY)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "<b>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html
    assert 'onmouseover="' not in html and "&#34; onmouseover=&#34;alert(1)" in html
    assert "x=1&amp;y=&lt;b&gt;" in html
    assert "href=" not in html  # URLs are shown as text, never made clickable


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_has_every_section(lang: str) -> None:
    html = assessment_report_html(FULL, lang, today=TODAY)
    verdict = assess(FULL.answers, lang)
    expected = [
        text(lang, f"questionnaire.outcomes.{verdict.outcome}"),
        text(lang, f"questionnaire.decisions.{verdict.decision}"),
        text(lang, "questionnaire.quick.title"),
        *(text(lang, f"questionnaire.quick.questions.{q}") for q in ("without_search", "story", "without_seo")),
        *(text(lang, f"questionnaire.traits.{t}.name") for t in ("relevance", "context", "origin",
                                                                "naturalness", "contribution")),
        text(lang, "questionnaire.boosters.traffic"),
        text(lang, "questionnaire.how.title"),
        text(lang, "report.no_scores"),
        "2026-03-14",
        "@media print", "size: A4",
    ]
    expected += [reason.replace("'", "&#39;") for reason in verdict.reasons]
    expected += [r.replace("'", "&#39;") for r in (text(lang, f"questionnaire.reassurances.{r}")
                                                     for r in verdict.reassurances)]
    assert verdict.pattern_note and verdict.reassurances
    for snippet in expected:
        assert snippet in html, snippet
    assert f'<html lang="{lang}">' in html
    assert "<ol>" in html and "<strong>" in html  # the "how is this decided" Markdown became HTML


def test_languages_differ_and_dutch_has_no_english_texts() -> None:
    nl = assessment_report_html(GOOD, "nl", today=TODAY)
    en = assessment_report_html(GOOD, "en", today=TODAY)
    assert nl != en
    english = {v for k, v in catalogue("en").items()
               if k.startswith("report.") and "{" not in v and v != catalogue("nl")[k] and len(v) > 3}
    leaked = [v for v in english if v in nl]
    assert leaked == []
    for word in ("Outcome", "Decision", "Verdict", "The five traits", "Made with"):
        assert word not in nl


def test_reassurances_show_when_they_apply() -> None:
    html = assessment_report_html(GOOD, "en", today=TODAY)
    assert text("en", "questionnaire.reassurances.title") in html


def test_empty_assessment_renders() -> None:
    md = assessment_report_markdown(Assessment(), "nl", today=TODAY)
    assert md.startswith("# " + text("nl", "report.untitled"))
    assert text("nl", "report.quick.unanswered") in md
    assert md.count(": " + text("nl", "report.not_given")) == 3


def test_saved_assessment_shows_saved_date(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    saved = store.get(store.save(GOOD, "Fietsbond", note="uit de workshop"))
    html = assessment_report_html(saved, "nl", today=TODAY)
    assert "Bewaard op " + saved.created.strftime("%Y-%m-%d") in html
    assert "uit de workshop" in html


@pytest.mark.parametrize("raw, escaped", [
    ("*vet* _schuin_", r"\*vet\* \_schuin\_"),
    ("[klik](javascript:alert(1))", r"\[klik\](javascript:alert(1))"),
    ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
    ("# kop", r"\# kop"),
    ("- lijst", r"\- lijst"),
    ("+ lijst", r"\+ lijst"),
    ("1. lijst", r"1\. lijst"),
    ("2) lijst", r"2\) lijst"),
    ("    code", "code"),
    ("a | b", r"a \| b"),
    ("`code` ~~weg~~ &amp; \\", r"\`code\` \~\~weg\~\~ \&amp; \\"),
    ("regel\n# twee", "regel  \n\\# twee"),
    ("https://fietsblog.nl/e-bike?x=1", r"https\://fietsblog.nl/e-bike?x=1"),  # shown, not clickable
    ("zie www.fietsblog.nl", r"zie www\.fietsblog.nl"),
    ("Fietsen van Dijk", "Fietsen van Dijk"),
])
def test_escape_markdown(raw: str, escaped: str) -> None:
    assert escape_markdown(raw) == escaped


def test_a_report_keeps_the_users_own_addresses_clickable() -> None:
    assert escape_markdown("https://fietsblog.nl/x_y", addresses=True) == r"https://fietsblog.nl/x\_y"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_escapes_user_text(lang: str) -> None:
    hostile = Assessment(answers=FULL.answers, label="# *Kop* [x](javascript:y) | <b>",
                         note="- lijst\n<img src=x>", anchor="**vet**", source_url="https://a.nl/x_y")
    md = assessment_report_markdown(hostile, lang, today=TODAY)
    assert md.splitlines()[0] == r"# \# \*Kop\* \[x\](javascript:y) \| \<b\>"
    assert r"\- lijst  " in md and r"\<img src=x\>" in md
    assert r"\*\*vet\*\*" in md and r"https://a.nl/x\_y" in md
    assert not re.search(r"(?<!\\)<", md)  # every < from the user is escaped
    # Our own Markdown (the "how is this decided" summary) is not escaped.
    assert "**" in md.split(text(lang, "questionnaire.how.title"))[1]


@pytest.fixture
def prospects(tmp_path: Path):
    store = Store(tmp_path / "db.sqlite3")
    ids = [store.save(GOOD, "Fietsbond"), store.save(FULL, HOSTILE + " | pipe"), store.save(Assessment(), "Krant")]
    return store.get_many(ids)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_comparison_html(prospects, lang: str) -> None:
    html = comparison_report_html(prospects, lang, today=TODAY)
    assert "<script" not in html and "&lt;script&gt;" in html
    for item in prospects:
        verdict = item.verdict(lang)
        assert text(lang, f"questionnaire.outcomes.{verdict.outcome}") in html
        assert main_reason(verdict).replace("'", "&#39;") in html
    assert "landscape" in html and text(lang, "report.comparison.title") in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_comparison_markdown_is_one_table_row_per_prospect(prospects, lang: str) -> None:
    md = comparison_report_markdown(prospects, lang, today=TODAY)
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(prospects)  # header, separator, one row each
    # Escaped pipes in a label must not add table cells.
    assert all(line.replace("\\|", "").count("|") == 7 for line in rows)
    assert r"\<script\>" in md


def test_comparison_needs_something_to_compare() -> None:
    with pytest.raises(ValueError):
        comparison_report_markdown([], "nl")


@pytest.mark.parametrize("quick", [("yes", "yes", "no"), (None, None, None)])
def test_main_reason_is_the_deciding_rule(quick) -> None:
    verdict = assess(Answers(quick=quick, traits={"relevance": "no"}), "nl")
    assert main_reason(verdict) == text("nl", "questionnaire.reasons.rule.no_relevance")


def test_doctests() -> None:
    import doctest

    from linkwijzer.present import assessment_report as report

    assert doctest.testmod(report).failed == 0
